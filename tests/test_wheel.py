"""The built wheel really ships vault_template/: install it into a fresh venv outside the
repository and build a vault there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

EXAMPLE = REPO / "examples" / "web-backend-roadmap.md"


@pytest.mark.slow
def test_installed_wheel_builds_a_vault_with_obsidian_settings(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("roadvault-*.whl")
    shipped = zipfile.ZipFile(wheel).namelist()
    assert not [name for name in shipped if "bench" in name]  # benchmarks/ stays in the repo
    assert "roadvault/vault_template/.obsidian/app.json" in shipped
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=600,
    )
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run(
        [str(python), "-c", "import roadvault.vault.template as t; print(t.template_root())"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env,
    ).stdout.strip()
    assert where.startswith(str(env_dir)) and where.endswith("roadvault/vault_template")
    vault = tmp_path / "vault"
    result = subprocess.run(
        [str(env_dir / "bin" / "roadvault"), "build", str(EXAMPLE), "--vault", str(vault), "-q"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("21 created")
    for name in ["app.json", "appearance.json", "types.json", "snippets/roadvault.css"]:
        assert (vault / ".obsidian" / name).is_file(), name
    assert not list(vault.glob(".obsidian/workspace*"))
    assert (vault / "Home.md").is_file() and (vault / "Templates" / "Topic note.md").is_file()
