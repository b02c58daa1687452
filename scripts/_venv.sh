# Shared by scripts/demo and scripts/test: find Python 3.11+, create or update .venv.
# Usage: source scripts/_venv.sh; ensure_venv [EXTRA]   (EXTRA like "dev")

find_python() {
    for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11 python; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "roadvault needs Python 3.11 or newer; none found (set PYTHON=/path/to/python3.11)" >&2
    return 1
}

ensure_venv() {
    local extra="${1:-}" spec="." stamp
    [ -n "$extra" ] && spec=".[$extra]"
    if [ ! -x .venv/bin/python ]; then
        local py
        py=$(find_python) || exit 1
        echo "Creating .venv with $("$py" --version)" >&2
        "$py" -m venv .venv
    fi
    # Reinstall only when the project's metadata or the requested extra changed.
    stamp=".venv/.roadvault-installed-$(cat pyproject.toml | cksum | cut -d' ' -f1)-${extra:-core}"
    if [ ! -f "$stamp" ]; then
        echo "Installing roadvault ${extra:+with $extra tools }into .venv" >&2
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
        rm -f .venv/.roadvault-installed-*
        touch "$stamp"
    fi
}
