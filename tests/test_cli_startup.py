"""The command line loads a command's module only when that command is used (bench/startup times it)."""

from __future__ import annotations

import subprocess
import sys

import click

from piao_rules.cli import COMMANDS, main

HEAVY = ("piao_rules.engine", "piao_rules.documents", "piao_rules.review", "piao_rules.importing", "docx", "docxtpl",
         "flask", "rich", "openpyxl")


def loaded_after(*arguments: str) -> set[str]:
    code = ("import sys\nfrom piao_rules.cli import main\n"
            f"try:\n    main({list(arguments)!r}, prog_name='piao-rules')\nexcept SystemExit:\n    pass\n"
            "print('\\n'.join(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stderr.split())


def test_every_command_is_listed_with_the_first_paragraph_of_its_help():
    context = click.Context(main)
    assert sorted(COMMANDS) == main.list_commands(context)
    for name, summary in COMMANDS.items():
        command = main.get_command(context, name)
        assert command.name == name
        assert command.get_short_help_str(500) == click.Command(name, help=summary).get_short_help_str(500), name


def test_help_and_target_do_not_load_the_engine_documents_or_web_server():
    for arguments in (["--aiuto"], ["target", "≥ 70%"]):
        heavy = sorted(m for m in loaded_after(*arguments) if m.split(".")[0] in HEAVY or m.startswith(HEAVY))
        assert heavy == [], (arguments, heavy)
    assert "piao_rules.engine.rulebook" in loaded_after("regole")  # a command still loads what it needs


def test_no_command_loads_models_evaluation_word_templates_web_or_database_for_its_help():
    heavy = ("pydantic", "babel", "yaml", "docxtpl", "flask", "rich", "openpyxl", "sqlalchemy", "durable",
             "piao_rules.engine.evaluate", "piao_rules.monitoring", "piao_rules.portal", "piao_rules.narrative",
             "piao_rules.io.model", "piao_rules.targets.parser", "piao_rules.review.journal")
    for name in COMMANDS:
        loaded = sorted(m for m in loaded_after(name, "--aiuto") if m.split(".")[0] in heavy or m.startswith(heavy))
        assert loaded == [], (name, loaded)


def test_help_lists_every_command():
    output = subprocess.run([sys.executable, "-m", "piao_rules", "--aiuto"], capture_output=True, text=True, check=True).stdout
    listed = [line.split()[0] for line in output.split("Comandi:")[1].splitlines() if line.strip()]
    assert listed == sorted(COMMANDS)
