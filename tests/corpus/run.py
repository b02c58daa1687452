"""Run the real-world roadmap corpus: parse each pinned file and check it against its case.

scripts/corpus                 every case whose file is in tests/corpus/files/
scripts/corpus -k zoomcamp     only cases whose name contains the text
scripts/corpus --strict        exit 1 below 90% read as meant, or when any is refused
scripts/corpus --collect       fetch missing files from repository mirrors (--mirror DIR)
scripts/corpus --write-pins    regenerate tests/corpus/pins.json from the cases
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from checker import check_case  # noqa: E402

CASES = HERE / "cases"
FILES = HERE / "files"
PINS = HERE / "pins.json"
DEFAULT_MIRROR = Path("/work/.mirror")


@dataclass
class Result:
    name: str
    shape: str
    verdict: str  # "ok", "miss", "refused", "sha"
    problems: list[str] = field(default_factory=list)


def load_cases(match: str | None = None, skip: tuple[str, ...] = ()) -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(CASES.glob("*.json")):
        if match and match not in path.stem:
            continue
        if path.stem.startswith(skip):
            continue
        cases.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return cases


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def learners_path(pin: dict) -> str:
    """Where the learner has the file: its path in a clone of the pinned repository (the
    corpus renames files; a roadmap without a title is named after its own file)."""
    return f"{pin['repo'].split('/')[-1]}/{pin['path']}"


def run_case(name: str, case: dict) -> Result:
    from roadvault.errors import InputError
    from roadvault.parse import parse_roadmap, read_roadmap_text, roadmap_to_json

    path = FILES / case["file"]
    shape = case.get("shape", "")
    if sha256(path) != case["pin"]["sha256"]:
        return Result(name, shape, "sha", ["sha256 differs from the pin; skipped"])
    try:
        text, _ = read_roadmap_text(path)
        roadmap = parse_roadmap(text, source=learners_path(case["pin"]))
    except InputError as exc:
        return Result(name, shape, "refused", [str(exc)])
    if not roadmap.nodes:
        return Result(name, shape, "refused", ["has no roadmap items"])
    tree = roadmap_to_json(roadmap)  # as `roadvault parse --json` prints it
    problems = check_case(tree, case)
    return Result(name, shape, "miss" if problems else "ok", problems)


def run_corpus(match: str | None = None, skip: tuple[str, ...] = ()) -> list[Result]:
    """Every case whose file is present; an InputError is a refusal, anything else raises."""
    return [
        run_case(name, case)
        for name, case in load_cases(match, skip)
        if (FILES / case["file"]).is_file()
    ]


def summary(results: list[Result]) -> str:
    ok = sum(r.verdict == "ok" for r in results)
    refused = sum(r.verdict == "refused" for r in results)
    return f"corpus: {ok} of {len(results)} read as meant, {refused} refused"


def mirror_git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+")
    # Some snapshots are clones with a work tree: their git directory is repo/.git.
    for candidate in (base / "repo", base / "repo" / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def collect(mirror: Path, match: str | None) -> int:
    """Write missing corpus files from local mirrors; returns the number still missing."""
    FILES.mkdir(parents=True, exist_ok=True)
    missing = 0
    for name, case in load_cases(match):
        target = FILES / case["file"]
        if target.is_file():
            continue
        pin = case["pin"]
        git_dir = mirror_git_dir(mirror, pin["repo"])
        if git_dir is None:
            print(f"skip {name}: no mirror of {pin['repo']} under {mirror}")
            missing += 1
            continue
        proc = subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{pin['commit']}:{pin['path']}"],
            capture_output=True,
            check=False,
        )
        if proc.returncode != 0:
            print(f"skip {name}: {proc.stderr.decode(errors='replace').strip()}")
            missing += 1
            continue
        if hashlib.sha256(proc.stdout).hexdigest() != pin["sha256"]:
            print(f"skip {name}: sha256 of {pin['path']}@{pin['commit'][:10]} differs")
            missing += 1
            continue
        target.write_bytes(proc.stdout)
        print(f"got  {name}")
    return missing


def write_pins() -> None:
    pins = [{"file": case["file"], **case["pin"]} for _, case in load_cases()]
    keys = ("file", "repo", "path", "commit", "sha256")
    pins = [{key: pin[key] for key in keys} for pin in pins]
    PINS.write_text(json.dumps(pins, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {PINS.relative_to(HERE.parent.parent)} ({len(pins)} pins)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/corpus", description=__doc__.split("\n")[0])
    parser.add_argument("-k", dest="match", help="only cases whose name contains this")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="SET",
        help="leave out the set whose names start with SET- (e.g. a holdout not yet measured)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 below 90%% or on refusal")
    parser.add_argument("--collect", action="store_true", help="fetch missing files first")
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="mirror folder")
    parser.add_argument("--write-pins", action="store_true", help="regenerate pins.json")
    args = parser.parse_args(argv)

    if args.write_pins:
        write_pins()
        return 0
    if args.collect:
        collect(args.mirror, args.match)

    results = run_corpus(args.match, tuple(f"{name}-" for name in args.skip))
    for r in results:
        if r.verdict == "ok":
            print(f"ok   {r.name} ({r.shape})")
        elif r.verdict == "refused":
            print(f"REFUSED {r.name} : {'; '.join(r.problems)}")
        elif r.verdict == "sha":
            print(f"SHA  {r.name} : {'; '.join(r.problems)}")
        else:
            print(f"MISS {r.name} : {'; '.join(r.problems)}")
    print(summary(results))
    if args.strict:
        ok = sum(r.verdict == "ok" for r in results)
        refused = any(r.verdict == "refused" for r in results)
        if refused or not results or ok < 0.9 * len(results):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
