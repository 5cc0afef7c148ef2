#!/usr/bin/env bash
# papertide infer (keyword inference vs curated topics), help and --version.
# usage: infer.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
py() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/out" "$1"; }


run infer --json --data "$DATA"
check "infer --json: exit 0" test "$rc" -eq 0
check "infer --json: fields" py_true 'list(d) == ["papers", "exact", "first_topic_correct", "overlap", "precision", "recall", "held_out", "held_out_uncredited_keywords"]'
check "infer --json: held-out fields" py_true 'list(d["held_out"]) == ["papers", "exact", "first_topic_correct", "overlap", "precision", "recall"]'
check "infer --json: held-out judges the same papers" test "$(py 'd["held_out"]["papers"]')" = 75
check "infer --json: held-out is stricter on the seed corpus" py_true 'd["held_out"]["first_topic_correct"] < d["first_topic_correct"]'
check "infer --json: uncredited keywords named by topic" py_true 'all(": " in k for k in d["held_out_uncredited_keywords"])'
check "infer --json: no keyword copied from one title" py_true 'not any(k.split(": ", 1)[1] in ("weak evidence", "conserved quantities", "gan-supervised", "symbolic discovery") for k in d["held_out_uncredited_keywords"])'
check "infer --json: all 75 curated papers judged" test "$(py 'd["papers"]')" = 75
check "infer --json: first inferred topic correct for >= 80%" py_true 'd["first_topic_correct"] >= 0.8 * d["papers"]'
check "infer --json: overlap for >= 90%" py_true 'd["overlap"] >= 0.9 * d["papers"]'
check "infer --json: exact <= first correct <= overlap" py_true 'd["exact"] <= d["first_topic_correct"] <= d["overlap"]'
check "infer --json: precision and recall in [0.5, 1]" py_true '0.5 <= d["precision"] <= 1 and 0.5 <= d["recall"] <= 1'

run infer --data "$DATA"
check "infer table: exit 0" test "$rc" -eq 0
check "infer table: one line per curated paper, marked plain and held-out" test "$(grep -cE '^[=~x] [=~x] ' "$TMP/out")" -eq 75
check "infer table: plain summary line" stdout_has "plain:    75 curated papers: exact "
check "infer table: held-out summary line" stdout_has "held-out: 75 curated papers: exact "
check "infer table: curated and inferred topics shown" grep -qE 'curated=[a-z0-9,-]+ inferred=[a-z0-9,-]+$' "$TMP/out"

# Held-out digests on a corpus built for it: "denoising" occurs in digest a only, "diffusion" in both digests,
# and "Image" matches no keyword at all (general, both ways).
mkdir -p "$TMP/held/digests"
cp "$DATA/topics.json" "$TMP/held/topics.json"
python3 - "$TMP/held/digests" <<'PY'
import json, sys
def digest(did, month, papers):
    return {"format": 1, "id": did, "month": month, "title": "t", "source": "s", "language": "zh-Hans",
            "sections": [{"id": "main", "title": "m"}],
            "papers": [{"id": i, "section": "main", "title": t, "authors": ["A"], "topics": ["diffusion-generation"]}
                       for i, t in papers]}
for d in (digest("2022-01-a", "2022-01", [("p1", "Diffusion"), ("p2", "Denoising"), ("p3", "Image")]),
          digest("2022-02-b", "2022-02", [("q1", "Diffusion again")])):
    json.dump(d, open(f"{sys.argv[1]}/{d['id']}.json", "w"))
PY
run infer --json --data "$TMP/held"
check "infer --json (held-out corpus): exit 0" test "$rc" -eq 0
check "infer --json (held-out corpus): plain finds diffusion for p1, p2 and q1" test "$(py '(d["papers"], d["exact"])')" = "(4, 3)"
check "infer --json (held-out corpus): held-out only where another digest has the word" test "$(py '(d["held_out"]["exact"], d["held_out"]["overlap"])')" = "(2, 2)"
check "infer --json (held-out corpus): denoising is uncredited" py_true '"diffusion-generation: denoising" in d["held_out_uncredited_keywords"]'
check "infer --json (held-out corpus): diffusion is credited" py_true '"diffusion-generation: diffusion" not in d["held_out_uncredited_keywords"]'

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
