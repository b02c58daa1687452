"""Every property test draws as many examples as HYPOTHESIS_PROFILE says (tests/conftest.py):
a `max_examples=` is always given through `examples(n)` (or test_fuzz's `profile_examples`),
never as a number that would override the profile — "quick" would then run the CI count,
"long" would never soak."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ALLOWED = re.compile(
    r"max_examples\s*=\s*(?:examples\(|profile_examples\(|"
    r"int\(os\.environ\.get\([^)]*\)\)\s*or\s*examples\()"
)


def test_no_property_test_pins_its_example_count() -> None:
    pinned = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name in ("conftest.py", Path(__file__).name):  # the profiles; this test
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"max_examples\s*=", text):
            if not ALLOWED.match(text, match.start()):
                line = text.count("\n", 0, match.start()) + 1
                pinned.append(f"{path.relative_to(TESTS)}:{line}")
    assert not pinned, pinned
