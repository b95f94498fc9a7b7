"""`python -m generator` is an alias of the `zi` command."""

from generator.cli import main_entry

main_entry()
