"""``newswatch config show``."""

from __future__ import annotations

import json

import typer
import yaml
from rich.console import Console

from worker.config import load_settings, masked


def register(app: typer.Typer) -> None:
    config = typer.Typer(help="Inspect the effective configuration.", no_args_is_help=True)

    @config.command("show")
    def show(
        fmt: str = typer.Option("yaml", "--format", "-f", help="yaml or json"),
    ) -> None:
        """Print the effective configuration (env, .env, NEWSWATCH_CONFIG, defaults), masked."""
        data = masked(load_settings())
        if fmt == "json":
            typer.echo(json.dumps(data, indent=2))
        elif fmt == "yaml":
            Console().print(yaml.safe_dump(data, sort_keys=False), end="", highlight=False)
        else:
            raise typer.BadParameter("use yaml or json", param_hint="--format")

    app.add_typer(config, name="config")
