"""The ``newswatch`` command. Each module in this package registers its own commands."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from worker.errors import NewswatchError

# Order is the order of `newswatch --help`.
COMMAND_MODULES = (
    "stack", "demo", "stream", "poll", "serve", "clean", "tag", "rules", "alerts", "search",
    "config_cmd", "dashboards",
)  # fmt: skip

app = typer.Typer(
    name="newswatch",
    help=("Streaming news monitoring: Kafka in; entities, watch rules, index and alerts out."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True)

for _name in COMMAND_MODULES:
    importlib.import_module(f"worker.cli.{_name}").register(app)


def main() -> None:
    """Console-script entry point: known errors become one readable line and exit code 1."""
    try:
        app()
    except NewswatchError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
