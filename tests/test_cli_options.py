"""Options shared by several commands are spelled in one place (cli/options.py) and read the same everywhere."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from piao_rules.cli import COMMANDS, main

CLI = Path(__file__).resolve().parent.parent / "src" / "piao_rules" / "cli"
SHARED = ["--al", "--motore", "--giornale", "--storico", "--modelli", "--uscita"]


@pytest.mark.parametrize("option", SHARED)
def test_a_shared_option_is_declared_only_in_the_options_module(option):
    declaring = sorted(p.name for p in CLI.glob("*.py") if re.search(rf'click\.option\([^)]*"{option}"', p.read_text()))
    assert declaring == ["options.py"]


def test_the_date_option_has_the_same_name_type_and_destination_in_every_command():
    seen = 0
    for name in COMMANDS:
        command = main.get_command(None, name)
        for parameter in command.params:
            if "--al" in parameter.opts:
                seen += 1
                assert parameter.name == "as_of" and parameter.type.name == "DATA", name
    assert seen >= 10


@pytest.mark.parametrize("command", ["valuta", "allegato", "decidi", "schede"])
def test_a_bad_date_is_refused_in_italian_before_any_file_is_read(command):
    result = CliRunner().invoke(main, [command, "piano.yaml", "misure.csv", "--al", "30/16/2023"])
    assert result.exit_code == 2, result.output
    assert "Valore non valido per '--al'" in result.output and "il mese 16 non esiste" in result.output
