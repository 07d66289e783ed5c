"""Each target form found in real plans, read into exact fields."""

from datetime import date
from decimal import Decimal

import pytest

from piao_rules.targets.model import Operator, ReferenceBasis, TargetKind
from piao_rules.targets.parser import TargetError, event_deadline, parse_target, parse_threshold, split_revision

GE, GT, LE, LT, EQ = Operator.GE, Operator.GT, Operator.LE, Operator.LT, Operator.EQ


def reading(text, year=None):
    """The fields that carry meaning, without text and warnings, defaults left out."""
    target = parse_target(text, year)
    return target.model_dump(exclude={"text", "warnings"}, exclude_defaults=True)


def comparison(operator, value, unit=None, **extra):
    fields = {"kind": TargetKind.COMPARISON, "operator": operator, "value": Decimal(value)}
    if unit is not None:
        fields["unit"] = unit
    return {**fields, **extra}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("≥ 70%", comparison(GE, "70", "%")),
        (">= 85,00 %", comparison(GE, "85", "%")),
        ("$\\geq 70\\%$", comparison(GE, "70", "%")),
        ("\\geq 2 eventi", comparison(GE, "2", "eventi")),
        ("&ge; 70%", comparison(GE, "70", "%")),
        ("&gt;= 10", comparison(GE, "10")),
        ("<b>≥ 40%</b>", comparison(GE, "40", "%")),
        ("<p>≤ 35%</p>", comparison(LE, "35", "%")),
        (">200", comparison(GT, "200")),
        ("< 5%", comparison(LT, "5", "%")),
        ("<= 8,00 %", comparison(LE, "8", "%")),
        ("<= 2 gg", comparison(LE, "2", "gg")),
        ("<= 2,00 GG", comparison(LE, "2", "gg")),
        (">= -7,00 %", comparison(GE, "-7", "%")),
        (">= 10.000,00 N.", comparison(GE, "10000", "N.")),
        (">= 1.018", comparison(GE, "1018")),
        ("= 12,00 N.", comparison(EQ, "12", "N.")),
        ("= 1,00 N", comparison(EQ, "1", "N.")),
        ("1 N.", comparison(EQ, "1", "N.")),
        ("1 n", comparison(EQ, "1", "N.")),
        ("100,00 %", comparison(EQ, "100", "%")),
        ("= 100%", comparison(EQ, "100", "%")),
        ("2 corsi di formazione", comparison(EQ, "2", "corsi di formazione")),
        ("≥ 10 campagne di comunicazione", comparison(GE, "10", "campagne di comunicazione")),
        ("almeno 2 incontri", comparison(GE, "2", "incontri")),
        ("almeno due eventi", comparison(GE, "2", "eventi")),
        ("non inferiore a 80%", comparison(GE, "80", "%")),
        ("non superiore a 5 gg", comparison(LE, "5", "gg")),
        ("massimo 3 giorni", comparison(LE, "3", "gg")),
        ("minimo 10 eventi", comparison(GE, "10", "eventi")),
        ("pari a 100%", comparison(EQ, "100", "%")),
        ("maggiore di 50", comparison(GT, "50")),
        ("superiore al 60%", comparison(GT, "60", "%")),
        ("inferiore a 10%", comparison(LT, "10", "%")),
        ("€ 115.142,23", comparison(EQ, "115142.23", "€")),
        ("≥ 5.000 euro", comparison(GE, "5000", "€")),
        ("10.000 EUR", comparison(EQ, "10000", "€")),
        ("≥ 70% giudizi positivi", comparison(GE, "70", "%", qualifier="giudizi positivi")),
        (
            "Attivazione n. 1 newsletter dedicata",
            comparison(EQ, "1", "newsletter", qualifier="Attivazione … dedicata"),
        ),
        (
            "<i>Gestione > 70% dei nuovi documenti tramite Google Suite</i>",
            comparison(GT, "70", "%", qualifier="Gestione … dei nuovi documenti tramite Google Suite"),
        ),
        ("Almeno 1 incontro con ciascun ufficio", comparison(GE, "1", "incontro", qualifier="con ciascun ufficio", coverage="ufficio")),
        (
            "≥ 2 incontri per pubblicizzare le opportunità di finanziamento",
            comparison(GE, "2", "incontri", qualifier="per pubblicizzare le opportunità di finanziamento"),
        ),
        (
            "\\geq 400 strumenti (circa il 40% del totale)",
            comparison(GE, "400", "strumenti", qualifier="(circa il 40% del totale)"),
        ),
    ],
)
def test_comparisons(text, expected):
    assert reading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 report/anno", comparison(EQ, "4", "report", per="anno")),
        ("≥ 3 incontri/anno", comparison(GE, "3", "incontri", per="anno")),
        ("≥ 3 incontri all'anno", comparison(GE, "3", "incontri", per="anno")),
        ("12 report mensili", comparison(EQ, "12", "report", per="mese")),
        ("Entro i 20 giorni", comparison(LE, "20", "gg")),
        ("entro 5 GG lavorativi", comparison(LE, "5", "gg", qualifier="lavorativi")),
        ("entro 3 mesi", comparison(LE, "3", "mesi")),
    ],
)
def test_rates_and_durations(text, expected):
    assert reading(text) == expected


def test_unit_without_value_is_qualitative_but_keeps_the_rate():
    target = parse_target("n. incontri /anno")
    assert (target.kind, target.unit, target.per, target.value) == (TargetKind.QUALITATIVE, "incontri", "anno", None)
    assert "valore" in target.warnings[0]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("entro il 30/06/2023", None, date(2023, 6, 30)),
        ("Entro 31/12/2022", None, date(2022, 12, 31)),
        ("Entro 31-12-2022", None, date(2022, 12, 31)),
        ("Entro 31/5/2022", None, date(2022, 5, 31)),
        ("31/05/2022", None, date(2022, 5, 31)),
        ("30.6.2023", None, date(2023, 6, 30)),
        ("30 giugno 2023", None, date(2023, 6, 30)),
        ("Entro 28-02-2022", None, date(2022, 2, 28)),
        ("Entro 31.12.2020", None, date(2020, 12, 31)),
        ("entro il 1° luglio 2023", None, date(2023, 7, 1)),
        ("31 ottobre", 2021, date(2021, 10, 31)),
        ("entro febbraio 2022", None, date(2022, 2, 28)),
        ("entro il 31/12", 2023, date(2023, 12, 31)),
    ],
)
def test_deadlines(text, year, expected):
    assert reading(text, year) == {"kind": TargetKind.DEADLINE, "deadline": expected}


def test_month_of_plan_year_is_month_end_with_warning():
    target = parse_target("entro aprile anno N", 2024)
    assert (target.kind, target.deadline) == (TargetKind.DEADLINE, date(2024, 4, 30))
    assert "anno del piano" in target.warnings[0]


def test_date_without_year_and_no_plan_year_is_qualitative():
    target = parse_target("31 ottobre")
    assert target.kind is TargetKind.QUALITATIVE
    assert "manca l'anno" in target.warnings[0]


def test_deadline_with_deliverable_keeps_the_deliverable():
    assert reading("Adozione delle procedure adeguate entro il 30/06/2023") == {
        "kind": TargetKind.DEADLINE,
        "deadline": date(2023, 6, 30),
        "milestone": "Adozione delle procedure adeguate",
    }


def test_count_with_deadline_is_a_comparison_with_a_date():
    target = parse_target("(>=2) entro aprile anno N", 2022)
    assert (target.kind, target.operator, target.value, target.deadline) == (
        TargetKind.COMPARISON, GE, Decimal(2), date(2022, 4, 30),
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [("SI", True), ("Sì", True), ("SÌ", True), ("si", True), ("NO", False), ("no", False), ("<b>SI</b>", True),
     ("Attiva", True)],
)
def test_yes_no(text, value):
    assert reading(text) == {"kind": TargetKind.BOOLEAN, "boolean": value}


def test_yes_with_the_action_to_carry_out():
    assert reading("SI *Realizzazione monitoraggio infrannuali sulle spese soggette a limitazione*") == {
        "kind": TargetKind.BOOLEAN,
        "boolean": True,
        "milestone": "Realizzazione monitoraggio infrannuali sulle spese soggette a limitazione",
    }


def relative(operator, basis, text, **reference):
    return {"kind": TargetKind.RELATIVE, "operator": operator, "reference": {"basis": basis, "text": text, **reference}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> media triennio precedente", relative(GT, ReferenceBasis.PREVIOUS_3Y_MEAN, "media triennio precedente")),
        (
            "\\geq <i>media del triennio precedente</i>",
            relative(GE, ReferenceBasis.PREVIOUS_3Y_MEAN, "media del triennio precedente"),
        ),
        (
            "+ 25% rispetto alla media nazionale",
            relative(GE, ReferenceBasis.NATIONAL_MEAN, "media nazionale", delta=Decimal(25), delta_unit="%"),
        ),
        (
            ">= 10% rispetto media nazionale",
            relative(GE, ReferenceBasis.NATIONAL_MEAN, "media nazionale", delta=Decimal(10), delta_unit="%"),
        ),
        (">= valore osservato nel 2020", relative(GE, ReferenceBasis.YEAR_VALUE, "valore osservato nel 2020", year=2020)),
        ("≥ del valore osservato nell'anno n", relative(GE, ReferenceBasis.YEAR_VALUE, "valore osservato nell'anno n")),
        (
            "maggiore della media nazionale dell'anno precedente",
            relative(GT, ReferenceBasis.NATIONAL_MEAN, "media nazionale dell'anno precedente"),
        ),
        (
            "incremento del 10% rispetto all'anno precedente",
            relative(GE, ReferenceBasis.PREVIOUS_YEAR, "anno precedente", delta=Decimal(10), delta_unit="%"),
        ),
        (
            "≥ 2 punti rispetto alla media regionale",
            relative(GE, ReferenceBasis.OTHER, "media regionale", delta=Decimal(2), delta_unit="punti"),
        ),
    ],
)
def test_relative(text, expected):
    assert reading(text) == expected


def test_relative_percentage_warns_about_points():
    warnings = parse_target("+ 25% rispetto alla media nazionale").warnings
    assert any("punti percentuali" in w for w in warnings)
    assert any("manca l'operatore" in w for w in warnings)


def component(label, operator, value, unit=None):
    fields = {"label": label, "operator": operator, "value": Decimal(value)}
    return {**fields, "unit": unit} if unit else fields


@pytest.mark.parametrize(
    ("text", "components", "warned"),
    [
        (
            "≥ 10 iniziative 500 soggetti",
            [component("iniziative", GE, "10", "iniziative"), component("soggetti", GE, "500", "soggetti")],
            True,
        ),
        (
            "\\geq 10 iniziative / \\geq 500 partecipanti",
            [component("iniziative", GE, "10", "iniziative"), component("partecipanti", GE, "500", "partecipanti")],
            False,
        ),
        ("≥ 200 (Facebook) ≥ 150 (Linkedin)", [component("Facebook", GE, "200"), component("Linkedin", GE, "150")], False),
        ("250 (Facebook) ≥ 250 (Linkedin)", [component("Facebook", GE, "250"), component("Linkedin", GE, "250")], True),
    ],
)
def test_compound(text, components, warned):
    target = parse_target(text)
    assert target.kind is TargetKind.COMPOUND
    assert [c.model_dump(exclude_defaults=True) for c in target.components] == components
    assert any("manca l'operatore" in w for w in target.warnings) is warned


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2020, comparison(LE, "30", "%")), (2021, comparison(LE, "50", "%")), (2022, comparison(LE, "50", "%"))],
)
def test_multi_year_inline_picks_the_plan_year(year, expected):
    assert reading("Anno: 2020 <= 30% Anno: 2021 <= 50% Anno: 2022 <= 50%", year) == expected


def test_multi_year_without_year_reads_the_first_and_warns():
    target = parse_target("Anno: 2020 >= 3 Anno: 2021 >= 4")
    assert target.value == 3
    assert "2020" in target.warnings[0]


def test_multi_year_without_the_plan_year_is_qualitative():
    target = parse_target("Anno: 2020 >= 3 Anno: 2021 >= 4", 2025)
    assert target.kind is TargetKind.QUALITATIVE
    assert "2025" in target.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "Consegna progetto definitivo",
        "Presentazione pubblica Bilancio sociale",
        "Completamento revisione",
        "Avvio servizio certificazione competenze",
        "Realizzazione evento",
        "Avvio operatività nelle 4 nuove sale attrezzate",
        "Attivazione nuova piattaforma per almeno 2 Commissioni e completamento della migrazione nel biennio 2023/2024.",
        "Mantenimento",
        "Realizzare l'indagine nel corso del 2021 per valutare benessere organizzativo",
    ],
)
def test_milestones_keep_their_text(text):
    assert reading(text) == {"kind": TargetKind.MILESTONE, "milestone": text}


def test_milestone_markup_is_removed():
    assert parse_target('<i>Attivazione progetto "Spazio Impresa"</i>').milestone == 'Attivazione progetto "Spazio Impresa"'


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Nei termini di legge", "legge"),
        ("Conferma trend di efficientamento", "giudizio"),
        ("", "nessun target"),
        ("n.d.", "nessun target"),
        ("\x00\x01\xff", "giudizio"),
    ],
)
def test_qualitative_with_an_italian_warning(text, hint):
    target = parse_target(text)
    assert target.kind is TargetKind.QUALITATIVE
    assert hint in " ".join(target.warnings)


def test_a_deadline_after_an_event_is_an_activity_without_a_date():
    target = parse_target("entro un mese da quando sarà formalizzata la ridefinizione delle priorità", 2022)
    assert (target.kind, target.deadline) == (TargetKind.MILESTONE, None)
    assert "evento" in " ".join(target.warnings) and "attività senza data" in " ".join(target.warnings)


def test_revision_proposal_reads_the_original_and_names_the_proposal():
    text = "Avvio operatività nelle 4 nuove sale attrezzate proposta di aggiornamento: Avvio operatività nelle 3 nuove sale attrezzate"
    target = parse_target(text)
    assert target.milestone == "Avvio operatività nelle 4 nuove sale attrezzate"
    assert "Avvio operatività nelle 3 nuove sale attrezzate" in target.warnings[0]


def test_revision_proposal_with_a_different_unit():
    text = (
        "\\geq 400 strumenti (circa il 40% del totale) proposta di aggiornamento \\geq 120 impianti di carburante "
        "(circa il 40% del totale degli impianti in provincia)"
    )
    target = parse_target(text)
    assert (target.operator, target.value, target.unit) == (GE, Decimal(400), "strumenti")
    assert "120 impianti di carburante" in target.warnings[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<p>Completamento dei quattro cantieri</p> <p>proposta di aggiornamento: Avvio di quattro cantieri</p>",
            ("Completamento dei quattro cantieri", "Avvio di quattro cantieri"),
        ),
        ("≥ 400 strumenti proposta di aggiornamento ≥ 120 impianti", ("≥ 400 strumenti", "≥ 120 impianti")),
        ("≥ 70%", ("≥ 70%", None)),
    ],
)
def test_split_revision(text, expected):
    assert split_revision(text) == expected


@pytest.mark.parametrize(
    "text",
    ["30/16/2023", "31.2.2020", "30.6.20235", "entro il 30/16/2023", "31 febbraio", "32 marzo 2023", "Entro 29-02-2023"],
)
def test_impossible_dates_raise_target_error_in_italian(text):
    with pytest.raises(TargetError, match="data impossibile"):
        parse_target(text, 2023)


@pytest.mark.parametrize(
    ("soglia", "target", "year", "expected"),
    [
        ("SOGLIA 5", ">= 15,00 %", None, comparison(GE, "5", "%")),
        ("SOGLIA 70%", ">= 85,00 %", None, comparison(GE, "70", "%")),
        ("SOGLIA 4 GG", "<= 2 gg", None, comparison(LE, "4", "gg")),
        ("SOGLIA 0,5", ">= 1 N.", None, comparison(GE, "0.5", "N.")),
        ("(SOGLIA 0,5)", ">= 1 N.", None, comparison(GE, "0.5", "N.")),
        ("SOGLIA >= 80%", ">= 100,00 %", None, comparison(GE, "80", "%")),
        ("SOGLIA 20% (anno 2021) SOGLIA 5% (anno 2022)", ">= 10,00 %", 2022, comparison(GE, "5", "%")),
        ("SOGLIA 20% (anno 2021) SOGLIA 5% (anno 2022)", ">= 30,00 %", 2021, comparison(GE, "20", "%")),
        ("SOGLIA 31/7/2022", "Entro 31/5/2022", None, {"kind": TargetKind.DEADLINE, "deadline": date(2022, 7, 31)}),
    ],
)
def test_threshold_takes_unit_and_operator_from_the_target(soglia, target, year, expected):
    read = parse_threshold(soglia, parse_target(target, year), year)
    assert read.model_dump(exclude={"text", "warnings"}, exclude_defaults=True) == expected
    assert read.warnings == []


@pytest.mark.parametrize(
    ("soglia", "target"),
    [("SOGLIA 90%", ">= 85%"), ("SOGLIA 1 gg", "<= 2 gg"), ("SOGLIA 31/3/2022", "Entro 31/5/2022"), ("SOGLIA 5 N.", ">= 10%")],
)
def test_threshold_on_the_wrong_side_or_unit_is_flagged(soglia, target):
    assert parse_threshold(soglia, parse_target(target)).warnings


def test_soglia_text_read_as_target_is_flagged():
    target = parse_target("SOGLIA 70%")
    assert (target.value, target.unit) == (Decimal(70), "%")
    assert "SOGLIA" in target.warnings[0]


@pytest.mark.parametrize(("text", "unit"), [
    ("Visita di verifica in ogni sportello decentrato", "sportello"),
    ("Aggiornamento del piano di emergenza in tutte le sedi", "sedi"),
    ("Incontro formativo in ciascun ufficio", "ufficio"),
])
def test_an_activity_for_each_unit_is_a_coverage_milestone(text, unit):
    target = parse_target(text, 2023)
    assert (target.kind, target.milestone, target.coverage) == (TargetKind.MILESTONE, text, unit)
    assert any(w.startswith("il target vale per ogni elemento") for w in target.warnings)


@pytest.mark.parametrize(("text", "unit"), [
    ("Partecipazione di almeno 1 dipendente per settore su formazione obbligatoria", "settore"),
    ("N. pagine aggiornate per ufficio >= 1", "ufficio"),
    ("≥ 10 ore di formazione per dipendente", None),  # a quantity other than one per unit: a count, not coverage
    ("almeno 1 report per trimestre", None),  # a period: a rate
    ("≥ 1 incontro per anno", None),
])
def test_one_thing_per_unit_is_a_coverage_target(text, unit):
    target = parse_target(text, 2023)
    assert target.kind is TargetKind.COMPARISON and target.coverage == unit
    assert any(w.startswith("il target vale per ogni elemento") for w in target.warnings) == (unit is not None)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("presenza Camera in almeno due grandi eventi", 2, "eventi"),  # an operator in words after a description
    ("Apertura di 3 nuove sedi", 3, "sedi"),  # size and novelty adjectives are not the counted noun
])
def test_counts_written_after_a_short_description(text, value, unit):
    target = parse_target(text, 2023)
    assert (target.kind, target.value, target.unit) == (TargetKind.COMPARISON, value, unit)


@pytest.mark.parametrize("text", [
    "Attivazione nuova piattaforma per almeno 2 Commissioni e completamento della migrazione nel biennio 2023/2024.",
    "Riduzione dei tempi di almeno 2 giorni",  # a change, not a count
])
def test_a_worded_count_inside_a_longer_milestone_or_a_change_stays_a_milestone(text):
    assert parse_target(text, 2023).kind is TargetKind.MILESTONE


def test_a_count_after_a_description_holding_a_count_in_words_and_stages_with_their_dates():
    described = parse_target("presenza Camera in almeno due grandi eventi: >= 2 N.", 2022)
    assert (described.kind, described.value, described.unit) == (TargetKind.COMPARISON, Decimal(2), "N.")
    staged = parse_target("bozza entro marzo 2023 - testo definitivo entro ottobre 2023", 2023)
    assert (staged.kind, staged.deadline) == (TargetKind.DEADLINE, date(2023, 10, 31))
    assert any("più scadenze nel target" in w for w in staged.warnings)
    assert parse_target("entro il 30/06/2023 e il 31/12/2023", 2023).kind is TargetKind.QUALITATIVE  # not stages


def test_the_time_a_deadline_after_an_event_allows():
    assert event_deadline("entro un mese da quando sarà formalizzata la ridefinizione") == (1, "mesi", "formalizz")
    assert event_deadline("entro 60 giorni dopo l'approvazione del regolamento") == (60, "giorni", "approv")
    assert event_deadline("Entro 30 giorni dalla presentazione dell'istanza") is None  # a time for each case


@pytest.mark.parametrize(("text", "when", "value"), [
    (">= 85% delle risorse stanziate (target intermedio al 30/06: 30%)", date(2024, 6, 30), Decimal(30)),
    (">= 90% target intermedio al 30/09/2024 = 60", date(2024, 9, 30), Decimal(60)),
    ("≥ 600 (target intermedio al 31/03: ≥ 100)", date(2024, 3, 31), Decimal(100)),
    ("≥ € 1.500.000 (target intermedio al 30/06/2024: ≥ € 300.000)", date(2024, 6, 30), Decimal(300000)),
])
def test_a_target_intermedio_written_in_the_target_is_read_apart(text, when, value):
    target = parse_target(text, 2024)
    assert (target.kind, target.operator, target.stage.when, target.stage.value) == (TargetKind.COMPARISON, Operator.GE, when, value)
    assert "intermedio" not in (target.qualifier or "")


@pytest.mark.parametrize(("text", "year_end"), [
    (">= 72% (dato al 31/12)", True), (">= 65% a consuntivo", True), (">= 65% (valore a fine anno)", True),
    (">= 65%", False), ("Approvazione del bilancio a consuntivo entro il 30/04", False),
])
def test_a_target_saying_its_figure_is_a_year_end_one(text, year_end):
    target = parse_target(text, 2024)
    assert target.year_end is year_end
    if year_end:
        assert (target.kind, target.value, target.qualifier) == (TargetKind.COMPARISON, Decimal(72 if "72" in text else 65), None)


@pytest.mark.parametrize(("text", "listed"), [
    ("tutti i comuni capoluogo (Catania, Ragusa, Siracusa)", 3), ("in ogni sede (Cagliari e Oristano)", 2),
    ("almeno 1 incontro con ciascun ufficio (vedi allegato)", None), ("tutte le sedi (2)", None),
])
def test_the_units_a_coverage_target_names_in_brackets_are_its_total(text, listed):
    assert parse_target(text, 2024).listed_units == listed


@pytest.mark.parametrize(("text", "unit"), [
    ("Tutti gli sportelli (Olbia, Tempio, Ozieri, Alghero) entro il 30/09/2026", "sportelli"),
    ("tutte le sedi entro il 31/12/2022", "sedi"),
    ("Pubblicazione del piano entro il 31/12/2022", None),  # one activity: no units to cover
])
def test_every_unit_by_a_deadline_is_a_coverage_deadline(text, unit):
    target = parse_target(text, 2022)
    assert (target.kind, target.coverage) == (TargetKind.DEADLINE, unit)


def test_the_units_named_in_brackets_may_have_a_preposition_in_their_names():
    assert parse_target("Tutte le sedi (Padova, Este, Piove di Sacco) entro il 30/06/2025", 2025).listed_units == 3
    assert parse_target("Tutte le sedi (tre sedi di Padova) entro il 30/06/2025", 2025).listed_units is None
