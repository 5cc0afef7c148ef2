# lib.sh - what every CLI test script shares. Source it after `set -euo pipefail`, with the script's
# arguments: BINARY REPO_ROOT. Provides BIN, ROOT, DATA, TMP (removed on exit), and:
#   run ARGS...        runs the binary: stdout -> $TMP/out, stderr -> $TMP/err, exit status -> $rc
#   check NAME CMD...  one test; on failure shows the last run's output
#   stdout_has TEXT / stderr_has TEXT
#   py EXPR / py_true EXPR   evaluate a Python expression over the JSON on stdout (as `d`)
#   finish             prints "N passed, M failed" and fails the script if anything failed
BIN=${1:?usage: $(basename "$0") PAPERTIDE_BINARY REPO_ROOT}
ROOT=${2:?usage: $(basename "$0") PAPERTIDE_BINARY REPO_ROOT}
export DATA="$ROOT/data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
rc=0

run() {
  set +e
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  set -e
}
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "FAIL - $name"
    echo "  exit status: $rc"
    sed -n '1,15s/^/  stdout: /p' "$TMP/out" || true
    sed -n '1,15s/^/  stderr: /p' "$TMP/err" || true
  fi
}
stdout_has() { grep -qF -- "$1" "$TMP/out"; }
stderr_has() { grep -qF -- "$1" "$TMP/err"; }
py() { python3 -c 'import json, os, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/out" "$1"; }
py_true() { [ "$(py "$1")" = "True" ]; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
[ -x "$BIN" ] || { echo "FAIL - $BIN is not an executable"; exit 1; }
