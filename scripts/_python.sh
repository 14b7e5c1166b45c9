# Sourced by the scripts: make sure the project's virtual environment exists
# with the pinned dependencies, then set PY to its interpreter.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${LLDC_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
stamp="$VENV/.installed-$(cat "$ROOT/requirements.lock" "$ROOT/requirements.txt" | cksum | cut -d' ' -f1)"
if [ ! -f "$stamp" ]; then
  echo "setting up $VENV (pinned dependencies from requirements.lock) ..." >&2
  python3 -m venv "$VENV" >&2 || exit 2
  "$PY" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements.lock" 2>&1 \
    | grep -v "^WARNING: Location" >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || exit 2
  rm -f "$VENV"/.installed-* && touch "$stamp"
fi
