"""``python -m qms``."""

from qms.cli import cli

if __name__ == "__main__":
    cli(prog_name="qms")
