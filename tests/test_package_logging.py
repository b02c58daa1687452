"""A library user who configures no logging sees nothing from roadvault's loggers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
import roadvault
from roadvault.progress.vault_scan import read_note_scan

scan, _ = read_note_scan(sys.argv[1], "binary.md", need_properties=True)
assert scan is not None and scan.ids == ()
"""


def test_a_warning_from_library_code_prints_nothing_without_configuration(
    tmp_path: Path,
) -> None:
    (tmp_path / "binary.md").write_bytes(b"- [ ] a\x00\x01")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")


def test_the_package_logger_has_a_null_handler() -> None:
    import logging

    import roadvault  # noqa: F401

    handlers = logging.getLogger("roadvault").handlers
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)
