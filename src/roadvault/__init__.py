"""roadvault: a learning roadmap in Markdown → an Obsidian vault that keeps your progress.

The public API (everything else is internal and may change):

    parse_roadmap(text, *, source, name) -> Roadmap     read a roadmap from text (pure)
    read_roadmap(path, *, name) -> Roadmap              ... from a file ("-" = stdin)
    build_vault(roadmap, vault, *, ...) -> BuildReport  build or regenerate a vault (no
                                                        Progress.md: refresh_progress next)
    refresh_progress(report, *, now) -> bool            after a build: history, Progress.md
    doctor_vault(vault) -> Diagnosis                    conflicts, duplicate ids, broken links
    write_progress(vault, *, now=None) -> bool          refresh Progress.md once
    RoadvaultError (and its subclasses in roadvault.errors)
"""

from __future__ import annotations

import logging
from typing import Any

# A library logs, an application decides where logs go: without this, Python's last-resort
# handler would print roadvault's warnings to the stderr of a program that set up no logging.
# The CLI adds its own handler (cli/main.py).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
__all__ = [
    "RoadvaultError",
    "__version__",
    "build_vault",
    "doctor_vault",
    "parse_roadmap",
    "read_roadmap",
    "refresh_progress",
    "write_progress",
]

# Imported on first use, so `roadvault --version` and the CLI start fast.
_LAZY = {
    "parse_roadmap": "roadvault.parse",
    "read_roadmap": "roadvault.parse",
    "build_vault": "roadvault.vault.build",
    "refresh_progress": "roadvault.vault.build",
    "doctor_vault": "roadvault.vault.doctor",
    "write_progress": "roadvault.progress",
    "RoadvaultError": "roadvault.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'roadvault' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
