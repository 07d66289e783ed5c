"""The gallery of hostile and broken inputs: every file kind, the exact Italian messages, no traceback.

No command ever changes a file of the gallery (an output named like an input is refused).
"""

import hashlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from piao_rules.cli import main

GALLERY = Path(__file__).resolve().parent / "gallery"
CASES = yaml.safe_load((GALLERY / "attesi.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["caso"] for c in CASES])
def test_gallery(case, tmp_path, monkeypatch):
    monkeypatch.chdir(GALLERY / "file")
    args = [arg.replace("{uscita}", str(tmp_path)) for arg in case["comando"]]
    before = _digests()
    result = CliRunner().invoke(main, args)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    assert result.exit_code == case["uscita"], result.output
    assert lines == [message.replace("{uscita}", str(tmp_path)) for message in case["messaggi"]]
    assert _digests() == before, "un comando non deve mai modificare i file della galleria"
    if case["uscita"] == 2:
        assert not any(tmp_path.iterdir()), "un comando fallito non deve scrivere file"


def _digests() -> dict[str, str]:
    return {str(path.relative_to(GALLERY)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted((GALLERY / "file").rglob("*")) if path.is_file() and path.suffix != ".lock"}


def test_every_gallery_file_is_used():
    used = {arg.split("/")[0] for case in CASES for arg in case["comando"]}
    present = {path.name for path in (GALLERY / "file").iterdir()}
    assert present - used <= {"piano.csv", "piano.xlsx", "giornale.jsonl", "mappa.yaml"}
