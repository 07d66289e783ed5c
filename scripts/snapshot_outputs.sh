#!/bin/sh
# Writes every output of the two shipped examples into DIR, with Word/Excel files unpacked,
# so that `diff -r` between two snapshots shows any change of behaviour (refactors must show none).
# Usage: scripts/snapshot_outputs.sh DIR   (run from the project root, after `make .venv/.installed`),
#        then diff -rq DIR1 DIR2
set -eu
out=$(realpath -m "$1")
rm -rf "$out" && mkdir -p "$out"
p=.venv/bin/piao-rules
cn=examples/cuneo; to=examples/torino
run() { name=$1; shift; "$p" "$@" >"$out/$name.txt" 2>&1 || echo "exit $?" >>"$out/$name.txt"; }

for ex in cuneo torino; do
  d=examples/$ex
  case $ex in
    cuneo) plan=$d/piano.yaml; measures=$d/misure-2023-06-30.csv; at=30/06/2023 ;;
    torino) plan=$d/piano.xlsx; measures=$d/misure-2022-06-30.csv; at=30/06/2022 ;;
  esac
  o=$out/$ex; mkdir -p "$o"
  run $ex/verifica verifica "$plan" "$measures"
  run $ex/valuta valuta "$plan" "$measures" --al $at
  run $ex/valuta-json valuta "$plan" "$measures" --al $at --json
  run $ex/valuta-interno valuta "$plan" "$measures" --al $at --json --motore interno
  run $ex/segnalazioni segnalazioni "$plan" "$measures" --al $at --tutte --giornale "$o/nessun-giornale.jsonl"
  run $ex/allegato allegato "$plan" "$measures" --al $at --ente $d/ente.yaml -o "$o/allegato.docx"
  run $ex/allegato-bozza allegato "$plan" "$measures" --al $at --ente $d/ente.yaml --bozza-di-lavoro -o "$o/allegato-bozza.docx"
  run $ex/delibera delibera "$plan" "$measures" --al $at --ente $d/ente.yaml --numero 107 --seduta 31/07/2023 -o "$o/delibera.docx"
  run $ex/modello-misure modello-misure "$plan" --al $at -o "$o/modelli"
  run $ex/schede schede "$plan" "$measures" --smvp $d/smvp.yaml --al $at --ente $d/ente.yaml -o "$o/schede"
  run $ex/regole regole --piano "$plan"
done
run torino/valuta-dicembre valuta $to/piano.xlsx $to/misure-2022-12-31.csv --al 31/12/2022 --json
run schema schema -o "$out/schema"
run importa-allegato importa "$out/cuneo/allegato.docx" -o "$out/importato.yaml" --misure "$out/importato-misure.csv"

# Office files are zips with timestamps: unpack them and drop the archives.
find "$out" \( -name '*.docx' -o -name '*.xlsx' \) | while read -r f; do
  mkdir -p "$f.d" && (cd "$f.d" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()' "$f") && rm "$f"
done
# The snapshot's own folder, the checkout's folder and the time of writing appear in messages and files: make them neutral.
grep -rlI . "$out" | while read -r f; do
  sed -i -E -e "s#$out#OUT#g" -e "s#$PWD#PROJECT#g" -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIMESTAMP/g' \
    -e 's#[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}#TIMESTAMP#g' "$f"
done
echo "snapshot in $out"
