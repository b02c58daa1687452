"""`scripts/bench`: each speed figure beside its physical floor, measured in the same run.

    scripts/bench [--quick] [--json] [--only NAME ...] [--keep DIR]

Generates a deterministic synthetic vault (benchmarks/bench_vault.py: ~2.8 KB notes, ~20 tasks
each, true counts known) in a temp folder, checks that the scan finds exactly the true
counts, then measures each figure as the median of >= 5 runs after a warm-up, next to its
floor. `--quick` runs the 10k-note figures only (under a minute); `--json` prints
`{"results": [{"name", "median_s", "floor_s", "ratio", "target", "ok", ...}]}`.

A figure is one function taking the `Bench` and returning `Result`s, registered with
`@figure(name)`; add one by writing it below.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.bench_vault import SyntheticVault, make_synthetic_vault, write_synthetic_vault

RUNS = 5
NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


@dataclass
class Result:
    name: str
    median_s: float | None
    floor_s: float | None
    target: str
    ok: bool | None  # None: informative, no target
    ratio: float | None = None
    value: float | None = None  # for figures that are not times (peak RSS)
    unit: str = "s"
    note: str = ""

    def __post_init__(self) -> None:
        if self.ratio is None and self.median_s is not None and self.floor_s:
            self.ratio = self.median_s / self.floor_s

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "median_s": _round(self.median_s),
            "floor_s": _round(self.floor_s),
            "ratio": _round(self.ratio, 3),
            "target": self.target,
            "ok": self.ok,
        }
        if self.value is not None:
            data["value"] = _round(self.value, 3)
            data["unit"] = self.unit
        if self.note:
            data["note"] = self.note
        return data


def _round(value: float | None, digits: int = 6) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class Bench:
    work: Path
    quick: bool = False
    runs: int = RUNS
    log: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True)
    vaults: dict[int, tuple[Path, SyntheticVault]] = field(default_factory=dict)

    def vault(self, notes: int) -> tuple[Path, SyntheticVault]:
        """A synthetic vault of `notes` notes, generated and written once per run."""
        if notes not in self.vaults:
            self.log(f"generating a {notes}-note vault…")
            synthetic = make_synthetic_vault(notes)
            root = self.work / f"vault-{notes}"
            write_synthetic_vault(root, synthetic)
            self.vaults[notes] = (root, synthetic)
        return self.vaults[notes]

    def median(self, run: Callable[[], object], *, runs: int | None = None) -> float:
        """Median wall time of `run` over `runs` runs, after one warm-up run."""
        return self.paired_medians(run, rounds=runs)[0]

    def paired_medians(
        self, *functions: Callable[[], object], rounds: int | None = None
    ) -> list[float]:
        """Median wall time of each of `functions` after one warm-up run each, taken in turns
        (each round runs every one once, the order rotating): a figure and its floor then
        meet the same disk state. Measured one after the other, writeback left by the builds
        made the floor after them look up to 5× cheaper or dearer, from run to run."""
        for function in functions:
            function()
        times: list[list[float]] = [[] for _ in functions]
        for round_index in range(rounds or self.runs):
            for offset in range(len(functions)):
                which = (round_index + offset) % len(functions)
                start = time.perf_counter()
                functions[which]()
                times[which].append(time.perf_counter() - start)
        return [statistics.median(values) for values in times]


FIGURES: list[tuple[str, bool, Callable[[Bench], list[Result]]]] = []


def figure(
    name: str, *, quick: bool = True
) -> Callable[[Callable[[Bench], list[Result]]], Callable[[Bench], list[Result]]]:
    """Register a figure; `quick=False` ones are skipped by --quick."""

    def register(function: Callable[[Bench], list[Result]]) -> Callable[[Bench], list[Result]]:
        FIGURES.append((name, quick, function))
        return function

    return register


# --- floors ----------------------------------------------------------------------------------


def walk_and_read(vault: Path) -> int:
    """The floor of a scan: list every note and read its bytes."""
    from roadvault.progress.vault_scan import walk_notes

    total = 0
    for relpath in walk_notes(vault):
        with open(os.path.join(vault, relpath), "rb") as handle:
            total += len(handle.read())
    return total


def _check_counts(state: Any, synthetic: SyntheticVault) -> None:
    from roadvault.progress.notes import STATUS_ORDER

    for slug, counter in synthetic.truth.statuses.items():
        expected = tuple(counter[status] for status in STATUS_ORDER)
        found = state.progress.counts(slug)
        if found != expected:
            raise AssertionError(f"{slug}: scanned {found}, true counts {expected}")


# --- figures -------------------------------------------------------------------------------


def _scan_figures(bench: Bench, notes: int) -> tuple[list[Result], float]:
    from roadvault.progress.vault_scan import VaultProgress, read_note_scans, walk_notes

    vault, synthetic = bench.vault(notes)
    _check_counts(VaultProgress.open(vault, use_cache=False), synthetic)
    floor = bench.median(lambda: walk_and_read(vault))

    def scan(parallel: bool) -> None:
        read_note_scans(vault, [(r, False) for r in walk_notes(vault)], parallel=parallel)

    parallel = bench.median(lambda: scan(True))
    single = bench.median(lambda: scan(False))
    cold = bench.median(lambda: VaultProgress.open(vault, use_cache=False))
    label = f"{notes // 1000}k"
    results = [
        Result(f"scan {label} notes: walk+read+tasks (all cores)", parallel, floor, "≤ 4×", None),
        Result(f"scan {label} notes: walk+read+tasks (1 process)", single, floor, "info", None),
        Result(f"cold open {label}: scan + manifest + totals", cold, floor, "info", None),
    ]
    results[0].ok = results[0].ratio is not None and results[0].ratio <= 4.0
    return results, results[0].ratio or 0.0


_RATIO_10K: list[float] = []


@figure("scan")
def scan_10k(bench: Bench) -> list[Result]:
    results, ratio = _scan_figures(bench, 10_000)
    _RATIO_10K.append(ratio)
    return results


@figure("scan-50k", quick=False)
def scan_50k(bench: Bench) -> list[Result]:
    results, ratio = _scan_figures(bench, 50_000)
    if _RATIO_10K:
        growth = ratio / _RATIO_10K[0]
        results.append(
            Result(
                "scan ratio growth 10k → 50k",
                None,
                None,
                "≤ 1.2×",
                growth <= 1.2,
                ratio=growth,
                note=f"10k ratio {_RATIO_10K[0]:.2f}, 50k ratio {ratio:.2f}",
            )
        )
    return results


def _age(vault: Path, seconds: float = 3600) -> None:
    """Make every note look modified an hour ago (a cache may trust it: not racy)."""
    from roadvault.progress.vault_scan import walk_notes

    past = time.time() - seconds
    for relpath in walk_notes(vault):
        os.utime(os.path.join(vault, relpath), (past, past))


@figure("restart")
def restart_10k(bench: Bench) -> list[Result]:
    from roadvault.progress import vault_scan
    from roadvault.progress.history import load_history
    from roadvault.progress.manifest import load_manifest
    from roadvault.progress.summary import build_summary

    vault, synthetic = bench.vault(10_000)
    _age(vault)
    state = vault_scan.VaultProgress.open(vault)
    state.commit(NOW)  # history (the starting state) and Progress.md exist, as after a watch
    state.save_cache()
    reads: list[int] = []
    real = vault_scan.read_note_scans

    def counting(root: Path, jobs: list[tuple[str, bool]], **kwargs: bool) -> list[Any]:
        reads.append(len(jobs))
        return real(root, jobs, **kwargs)

    def restart() -> None:
        again = vault_scan.VaultProgress.open(vault)
        again.summary(NOW)

    def floor() -> None:
        vault_scan.walk_notes(vault)
        load_manifest(vault)
        build_summary(state.progress, load_history(vault), now=NOW)

    vault_scan.read_note_scans = counting  # type: ignore[assignment]
    try:
        measured = bench.median(restart)
    finally:
        vault_scan.read_note_scans = real  # type: ignore[assignment]
    if any(reads):
        raise AssertionError(f"a restart on an unchanged vault read notes: {reads}")
    _check_counts(vault_scan.VaultProgress.open(vault), synthetic)
    result = Result(
        "restart on unchanged 10k vault (persisted cache)",
        measured,
        bench.median(floor),
        "≤ 1.5×",
        None,
        note="floor: stat-only walk + manifest + history + summary",
    )
    result.ok = result.ratio is not None and result.ratio <= 1.5
    return [result]


@figure("tick")
def tick_10k(bench: Bench) -> list[Result]:
    from roadvault.progress.aggregate import Progress
    from roadvault.progress.vault_scan import VaultProgress
    from roadvault.progress.summary import build_summary, render_progress_note

    vault, _ = bench.vault(10_000)
    state = VaultProgress.open(vault)
    relpath = sorted(state.progress.notes)[len(state.progress.notes) // 2]
    path = vault / relpath
    original = path.read_text(encoding="utf-8")
    first_box = original.index("- [", original.index("## Checklist")) + 3
    marks = [original[first_box], " " if original[first_box] in "xX" else "x"]
    texts = [original[:first_box] + mark + original[first_box + 1 :] for mark in marks]
    slug = state.progress.note_homes[relpath].roadmap
    done_counts = set()
    step = [0]

    def write_next() -> None:
        step[0] += 1
        path.write_text(texts[step[0] % 2], encoding="utf-8")

    times = []
    for _ in range(max(21, bench.runs)):
        write_next()
        start = time.perf_counter()
        state.rescan([relpath])
        render_progress_note(build_summary(state.progress, state.history, now=NOW))
        times.append(time.perf_counter() - start)
        done_counts.add(state.progress.counts(slug)[2] if slug else 0)
    path.write_text(original, encoding="utf-8")
    if len(done_counts) != 2:
        raise AssertionError("the tick did not change the done count")

    def recount() -> None:
        fresh = Progress(state.progress.index)
        fresh.load(dict(state.progress.notes))
        render_progress_note(build_summary(fresh, state.history, now=NOW))

    return [
        Result(
            "one tick: rescan note + update totals + render Progress.md",
            statistics.median(times[1:]),
            bench.median(recount),
            "≤ 5 ms",
            statistics.median(times[1:]) <= 0.005,
            note="floor column: a naive full recount + render",
        )
    ]


class _WatchProcess:
    """`roadvault watch` in a subprocess, with its peak RSS at exit (os.wait4)."""

    def __init__(self, vault: Path, args: list[str], env: dict[str, str]) -> None:
        self.ready = threading.Event()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "roadvault", "watch", str(vault), "-v", *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)
            if "watching " in line:
                self.ready.set()

    def peak_rss_mb(self) -> float | None:
        """The watcher's peak RSS so far (Linux VmHWM: this process after its exec only;
        ru_maxrss would also count the benchmark's own memory, inherited through fork)."""
        try:
            with open(f"/proc/{self.proc.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024 / 1e6
        except OSError:
            return None
        return None

    def stop(self) -> float:
        """Stop with Ctrl-C (it must exit 0); returns the watcher's peak RSS in MB."""
        peak = self.peak_rss_mb()
        self.proc.send_signal(signal.SIGINT)
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        if self.proc.returncode != 0:
            raise AssertionError(f"watch exited {self.proc.returncode}: {''.join(self.stderr)}")
        if peak is None:  # no /proc (macOS): ru_maxrss, an upper bound
            peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024) / 1e6
        return peak


def _latencies(vault: Path, ticks: int, watcher: _WatchProcess, wait: float) -> list[float]:
    """Seconds from an atomic note save to Progress.md replaced on disk, per tick."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    progress_md = os.path.join(os.path.realpath(vault), "Progress.md")
    arrived = threading.Event()
    seen: list[float] = []

    class OnProgress(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            target = getattr(event, "dest_path", "") or event.src_path
            if os.fsdecode(target) == progress_md and event.event_type in ("moved", "created"):
                seen.append(time.monotonic())
                arrived.set()

    observer = Observer()
    observer.schedule(OnProgress(), os.path.realpath(vault), recursive=False)
    observer.start()
    if not watcher.ready.wait(120):
        raise AssertionError("watch did not start: " + "".join(watcher.stderr))
    from roadvault.progress.vault_scan import walk_notes

    notes = sorted(r for r in walk_notes(vault) if "/Topic " in r)
    latencies = []
    try:
        for n in range(ticks):
            relpath = notes[(n * 7919) % len(notes)]
            path = vault / relpath
            text = path.read_text(encoding="utf-8")
            at = text.index("- [", text.index("## Checklist")) + 3
            mark = " " if text[at] in "xX" else "x"
            arrived.clear()
            start = time.monotonic()
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_text(text[:at] + mark + text[at + 1 :], encoding="utf-8")
            os.replace(tmp, path)
            if not arrived.wait(wait):
                raise AssertionError(f"Progress.md did not change within {wait} s")
            latencies.append(seen[-1] - start)
    finally:
        observer.stop()
        observer.join()
    return latencies


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@figure("watch")
def watch_10k(bench: Bench) -> list[Result]:
    vault, _ = bench.vault(10_000)
    env = dict(os.environ, ROADVAULT_CACHE_DIR=str(bench.work / "cache"))
    ticks = 8 if bench.quick else 20
    results = []
    peaks = []
    for mode, args, allowance, wait in (
        ("inotify", ["--debounce", "0.5"], 0.5 + 0.05, 10.0),
        ("poll", ["--poll", "--interval", "1", "--debounce", "0"], 1.0 + 0.3, 15.0),
    ):
        watcher = _WatchProcess(vault, args, env)
        try:
            latencies = _latencies(vault, ticks, watcher, wait)
        finally:
            peaks.append(watcher.stop() if watcher.proc.poll() is None else 0.0)
        p50, p95 = _percentile(latencies, 0.5), _percentile(latencies, 0.95)
        floor = allowance - (0.05 if mode == "inotify" else 0.3)
        target = "≤ debounce + 50 ms" if mode == "inotify" else "≤ interval + 300 ms"
        for label, value in (("p50", p50), ("p95", p95)):
            results.append(
                Result(
                    f"tick → Progress.md on disk, {mode} {label}",
                    value,
                    floor,
                    target,
                    value <= allowance,
                    note=f"{args[-3:] if mode == 'poll' else args}",
                )
            )
    for mode, peak in zip(("inotify", "poll"), peaks, strict=True):
        results.append(
            Result(
                f"watch peak RSS, 10k vault, {mode}",
                None,
                None,
                "≤ 80 MB",
                peak <= 80,
                value=peak,
                unit="MB",
            )
        )
    return results


# --- building a vault ----------------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def _atomic_write_floor(root: Path, files: dict[str, bytes]) -> None:
    """The physical floor of a build: the same files, each written to a temp file in its
    folder and renamed into place, folders created as needed, one sync at the end — the
    same durability a build gives new files (fsync per file is left to replaced files)."""
    for relpath, data in files.items():
        target = root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".rv-", suffix=".tmp")
        os.write(fd, data)
        os.close(fd)
        os.replace(tmp, target)
    os.sync()


@figure("build")
def build_10k(bench: Bench) -> list[Result]:
    import copy

    from benchmarks.bench_vault import make_synthetic_roadmap
    from roadvault.parse import parse_roadmap
    from roadvault.vault.build import build_vault, refresh_progress

    text = make_synthetic_roadmap(10_000)
    start = time.perf_counter()
    model = parse_roadmap(text, source="synthetic.md")
    parse_s = time.perf_counter() - start
    leaves = len(model.leaves())
    counter = [0]

    def fresh(prefix: str) -> Path:
        counter[0] += 1
        return bench.work / f"{prefix}-{counter[0]}"

    # build_vault gives the model its final ids, so each run takes a fresh copy, made
    # before the clock starts.
    copies = [copy.deepcopy(model) for _ in range(4 * bench.runs + 4)]

    def build() -> None:  # as `roadvault build` runs it: Progress.md included
        refresh_progress(build_vault(copies.pop(), fresh("build")), now=NOW)

    built = fresh("built")
    refresh_progress(build_vault(copies.pop(), built), now=NOW)
    files = _snapshot(built)
    notes = sum(1 for relpath in files if relpath.endswith(".md") and not relpath.startswith("."))

    def floor_write() -> None:
        _atomic_write_floor(fresh("floor"), files)

    def noop() -> None:
        report = build_vault(copies.pop(), built)
        if report.written or report.state_written:
            raise AssertionError("a no-op rebuild wrote files")

    def read_floor() -> None:
        for relpath in files:
            with open(built / relpath, "rb") as handle:
                handle.read()

    build_s, write_s = bench.paired_medians(build, floor_write)
    noop_s, read_s = bench.paired_medians(noop, read_floor)
    shutil.rmtree(bench.work / "floor-1", ignore_errors=True)
    result_build = Result(
        f"build {leaves:,}-item roadmap ({notes:,} notes, {len(files):,} files)",
        build_s,
        write_s,
        "≤ 1.5× atomic writes",
        None,
        note=f"parse not included ({parse_s * 1000:.0f} ms)",
    )
    result_build.ok = result_build.ratio is not None and result_build.ratio <= 1.5
    result_noop = Result("no-op rebuild (0 files written)", noop_s, read_s, "≤ 2× reading", None)
    result_noop.ok = result_noop.ratio is not None and result_noop.ratio <= 2.0
    return [result_build, result_noop]


# --- history and terminal status ------------------------------------------------------------


def _run_cli(*args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `python -m roadvault ARGS` (output dropped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "roadvault", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise AssertionError(f"roadvault {' '.join(args)} exited {proc.returncode}")
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return took, rss


def _small_vault(bench: Bench, name: str, notes: int = 100) -> tuple[Path, dict[str, Any]]:
    root = bench.work / name
    if not root.exists():
        write_synthetic_vault(root, make_synthetic_vault(notes))
    manifest = json.loads((root / ".roadvault" / "manifest.json").read_text(encoding="utf-8"))
    return root, manifest


@figure("history", quick=False)
def history_3m(bench: Bench) -> list[Result]:
    """`status` on a vault after 3 M history events (a raw file: ~340 MB). As roadvault
    keeps it (compacted: a summary record plus < 8 MB of lines since) the first run, with no
    snapshot, is the figure with a target; later runs too. The same 3 M lines in one raw file
    (an older roadvault's, or copied in) have the same targets: the first run reads its tail
    and only the lines before it that can change the summary (progress/history_tail.py),
    the next one starts from the snapshot that left. `status --write` on it (first run) has
    the same targets: it appends, and leaves the compaction (every line read) to `watch`,
    which indexes the file in the background first. Floor: `status` on the same vault with
    an empty history."""
    from benchmarks.bench_history import write_history, write_kept_history
    from roadvault.progress.history import HISTORY_RELPATH

    lines = 300_000 if bench.quick else 3_000_000
    vault, manifest = _small_vault(bench, "history-vault")
    raw_vault, _ = _small_vault(bench, "history-raw")
    floor_vault, _ = _small_vault(bench, "history-floor")
    slug, entry = next(iter(manifest["roadmaps"].items()))
    ids = [item["id"] for item in entry["items"]] + [f"rv-old{n}" for n in range(10_000)]
    bench.log(f"writing a {lines:,}-line history, raw and as roadvault keeps it…")
    raw_path = raw_vault / HISTORY_RELPATH
    raw_size = write_history(raw_path, lines=lines, roadmap=slug, ids=ids)
    kept_size = write_kept_history(vault, lines=lines, roadmap=slug, ids=ids)
    raw_copy = bench.work / "history-raw.jsonl"
    shutil.copyfile(raw_path, raw_copy)

    def no_snapshots() -> None:
        for snapshot in (bench.work / "cache").glob("history-*.json"):
            snapshot.unlink()  # the first run below has no snapshot to start from

    no_snapshots()
    cold_s, cold_rss = _run_cli("status", str(vault), "--json")
    raw_first: list[tuple[float, float]] = []
    raw_next: list[tuple[float, float]] = []
    for _ in range(3):  # first runs are one each: a few, for a median
        no_snapshots()
        raw_first.append(_run_cli("status", str(raw_vault), "--json"))
        raw_next.append(_run_cli("status", str(raw_vault), "--json"))
    no_snapshots()
    migrate_s, migrate_rss = _run_cli("status", str(raw_vault), "--write")
    shutil.copyfile(raw_copy, raw_path)  # raw again, for another figure or run
    warm: list[float] = []
    rss: list[float] = []

    def run_warm() -> None:
        took, peak = _run_cli("status", str(vault), "--json")
        warm.append(took)
        rss.append(peak)

    def run_floor() -> None:
        _run_cli("status", str(floor_vault), "--json")

    warm_s, floor_s = bench.paired_medians(run_warm, run_floor)
    label = f"status, {lines / 1e6:g} M events (kept: {kept_size / 1e6:.1f} MB)"
    first = Result(f"{label}: first run", cold_s, floor_s, "≤ 2 s, ≤ 200 MB", None)
    first.ok = cold_s <= 2.0 and cold_rss <= 200
    first.note = f"peak RSS {cold_rss:.0f} MB"
    result = Result(f"{label}: later runs", warm_s, floor_s, "≤ 2 s, ≤ 200 MB", None)
    result.ok = warm_s <= 2.0 and max(rss) <= 200
    raw = f"status, {lines / 1e6:g} M-line raw file ({raw_size / 1e6:.0f} MB)"
    write = Result(
        f"status --write, {raw[len('status, ') :]}: first run",
        migrate_s,
        floor_s,
        "≤ 2 s, ≤ 200 MB",
        migrate_s <= 2.0 and migrate_rss <= 200,
        note=f"peak RSS {migrate_rss:.0f} MB; not compacted on this path",
    )
    results = [first, result]
    for name, runs in (("first run", raw_first), ("next run", raw_next)):
        took = statistics.median(t for t, _ in runs)
        peak = max(m for _, m in runs)
        raw_result = Result(f"{raw}: {name}", took, floor_s, "≤ 2 s, ≤ 200 MB", None)
        raw_result.ok = took <= 2.0 and peak <= 200
        raw_result.note = f"peak RSS {peak:.0f} MB; median of {len(runs)}"
        results.append(raw_result)
    return [
        *results,
        Result(
            f"{label}: peak RSS", None, None, "≤ 200 MB", max(rss) <= 200, value=max(rss), unit="MB"
        ),
        write,
    ]


@figure("status-markup")
def status_markup(bench: Bench) -> list[Result]:
    """`status` in the terminal on titles of ~100 KB of inline markup (`a **b** [c](d) `
    repeated) against `status --json` on the same vault: rich must not make it quadratic."""
    vault, manifest = _small_vault(bench, "markup-vault", notes=20)
    entry = next(iter(manifest["roadmaps"].values()))
    title = "a **b** [c](d) " * 7000
    for item in entry["items"][:20]:
        item["title"] = title
    for phase in entry["phases"]:
        phase["title"] = title
    (vault / ".roadvault" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    terminal, as_json = bench.paired_medians(
        lambda: _run_cli("status", str(vault)), lambda: _run_cli("status", str(vault), "--json")
    )
    result = Result(
        "status (terminal), 100 KB markup titles",
        terminal,
        as_json,
        "≤ 1.5× --json",
        None,
        note="floor: status --json, same vault",
    )
    result.ok = result.ratio is not None and result.ratio <= 1.5
    return [result]


# --- running ---------------------------------------------------------------------------------


def _table(results: list[Result]) -> str:
    rows = [("figure", "median", "floor", "ratio", "target", "")]
    for r in results:
        if r.value is not None:
            median = f"{r.value:.1f} {r.unit}"
        else:
            median = "" if r.median_s is None else f"{r.median_s * 1000:.1f} ms"
        floor = "" if r.floor_s is None else f"{r.floor_s * 1000:.1f} ms"
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}×"
        verdict = {True: "ok", False: "MISS", None: ""}[r.ok]
        rows.append((r.name, median, floor, ratio, r.target, verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [row[i].rjust(widths[i]) for i in range(1, 6)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10k-note figures only (< 1 min)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", nargs="*", default=None, help="figure names to run")
    parser.add_argument("--keep", type=Path, default=None, help="generate vaults here, keep them")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs per median (>= 5)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="roadvault-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["ROADVAULT_CACHE_DIR"] = str(work / "cache")
    bench = Bench(work, quick=args.quick, runs=max(5, args.runs))
    results: list[Result] = []
    try:
        for name, quick, function in FIGURES:
            if args.only is not None and name not in args.only:
                continue
            if args.quick and not quick:
                continue
            bench.log(f"figure: {name}")
            results += function(bench)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps({"results": [r.to_json() for r in results]}, indent=2))
    else:
        print(_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
