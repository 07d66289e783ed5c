"""Options shared by several commands are spelled in one place (cli/options.py) and read the same everywhere."""

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from piao_rules.cli import COMMANDS, main
from piao_rules.cli.common import echo_json

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



def json_values(numbers):
    scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | numbers | st.text()
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                        max_leaves=20)


def printed(data) -> str:
    return CliRunner().invoke(click.command()(lambda: echo_json(data))).output


@given(json_values(st.integers(-10**8, 10**8).map(lambda cents: cents / 100)))
def test_json_output_is_the_text_of_the_standard_library(data):
    assert printed(data) == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@given(json_values(st.floats(allow_nan=False, allow_infinity=False)))
def test_json_output_reads_back_as_the_data_written(data):
    assert json.loads(printed(data)) == data  # only the exponent of a float may be spelt differently («1e-8», «1e-08»)
