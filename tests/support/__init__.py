"""What the tests share, once: the markdown-it oracle (markdown_oracle), the cache isolation
(cache: every test gets its own ROADVAULT_CACHE_DIR), the clocks (clock: a clock moved by
hand, and a fixed "now" for the modules that ask for one), no disk flushes in the test
process (disk), a build as the CLI runs one, Progress.md included (build), and the golden
update cases played as a learner would live them (update_cases)."""
