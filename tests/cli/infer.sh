#!/usr/bin/env bash
# papertide infer (keyword inference vs curated topics), help and --version.
# usage: infer.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
py() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/out" "$1"; }


run infer --json --data "$DATA"
check "infer --json: exit 0" test "$rc" -eq 0
check "infer --json: fields" py_true 'list(d) == ["papers", "exact", "first_topic_correct", "overlap", "precision", "recall"]'
check "infer --json: all 75 curated papers judged" test "$(py 'd["papers"]')" = 75
check "infer --json: first inferred topic correct for >= 80%" py_true 'd["first_topic_correct"] >= 0.8 * d["papers"]'
check "infer --json: overlap for >= 90%" py_true 'd["overlap"] >= 0.9 * d["papers"]'
check "infer --json: exact <= first correct <= overlap" py_true 'd["exact"] <= d["first_topic_correct"] <= d["overlap"]'
check "infer --json: precision and recall in [0.5, 1]" py_true '0.5 <= d["precision"] <= 1 and 0.5 <= d["recall"] <= 1'

run infer --data "$DATA"
check "infer table: exit 0" test "$rc" -eq 0
check "infer table: one line per curated paper" test "$(grep -cE '^[=~x] ' "$TMP/out")" -eq 75
check "infer table: summary line" stdout_has "75 curated papers: exact "
check "infer table: curated and inferred topics shown" grep -qE 'curated=[a-z0-9,-]+ inferred=[a-z0-9,-]+$' "$TMP/out"

run infer --bogus
check "infer unknown option: exit 2" test "$rc" -eq 2

run --version
check "--version: exit 0" test "$rc" -eq 0
check "--version: prints the version" grep -qE '^papertide [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
run help
check "help: exit 0" test "$rc" -eq 0
check "help: usage with every subcommand" stdout_has "papertide validate"
check "help: documents the exit codes" stdout_has "exit codes: 0 ok, 1 invalid data, 2 usage or I/O error"

finish
