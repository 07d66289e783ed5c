"""Allow ``python -m piao_rules``."""

from piao_rules.cli import main

main(prog_name="piao-rules")
