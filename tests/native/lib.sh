# lib.sh - sourced by the native window tests (draft.sh, user-data.sh): a missing tool skips the test (exit 77),
# or fails the run under PAPERTIDE_REQUIRE_ALL_TESTS=1; both need Xvfb and node.
missing() {  # TOOL PACKAGES
  if [ "${PAPERTIDE_REQUIRE_ALL_TESTS:-0}" = 1 ]; then echo "FAIL: $1 missing (apt-get install $2)"; exit 1; fi
  echo "skipped: $1 missing (apt-get install $2)"
  exit 77
}
command -v xvfb-run >/dev/null || missing xvfb-run "xvfb xauth"
command -v node >/dev/null || missing node nodejs
