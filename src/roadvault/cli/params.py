"""Parameter types shared by the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


class VaultFolder(click.Path):
    """A vault folder: like `click.Path`, but an empty value is a usage error. `""` would
    otherwise mean the current folder, and a script whose variable came out empty would
    build into (or report on) wherever it happened to run."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, file_okay=True, dir_okay=True)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path is not a vault folder (use . for this folder)", param, ctx)
        return super().convert(value, param, ctx)
