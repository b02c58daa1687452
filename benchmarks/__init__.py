"""roadvault's benchmarks (`scripts/bench`): run from the repository, never shipped in the wheel."""
