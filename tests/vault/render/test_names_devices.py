"""A title that is a Windows device name keeps a readable name, never "Untitled"
(docs/FORMAT.md §1, File names): `CLOCK$` was missing from roadvault's list of device
names, so the name was refused by the last safety check and replaced by the fallback.
Before the fix these tests failed for every `CLOCK$` case ('Untitled.md').
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pathvalidate import is_valid_filename

from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault
from roadvault.vault.render.names import FALLBACK_NAME, safe_name

# Every device name Windows reserves (Microsoft's list, the console names, and CLOCK$).
DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"] + [
    f"{device}{n}" for device in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize(
    "form", ["{}", "{}.txt", "{} ", "{}.tar.gz"], ids=["bare", "ext", "space", "ext2"]
)
def test_a_device_name_keeps_a_readable_safe_name(device: str, form: str) -> None:
    for title in (form.format(device), form.format(device).lower()):
        name = safe_name(title, ext=".md")
        assert not name.startswith(FALLBACK_NAME), (title, name)
        head = title.split(".", 1)[0].strip()
        assert name.startswith(head), (title, name)  # the device's letters stay readable
        assert is_valid_filename(name, platform="universal"), (title, name)


ROADMAP = """# CLOCK$

## CLOCK$

### CLOCK$

- [ ] CLOCK$
- [ ] Other
"""


def test_clock_titles_through_a_build(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP, source="plan.md"), vault)
    names = [path.name for path in vault.rglob("*") if ".roadvault" not in path.parts]
    assert not [name for name in names if FALLBACK_NAME in name], names
    assert "CLOCK$_" in {path.name for path in vault.iterdir()}
    notes = [name for name in names if name.endswith(".md") and name.startswith("CLOCK$")]
    assert len(notes) >= 2, names
    assert all(is_valid_filename(name, platform="universal") for name in names), names
