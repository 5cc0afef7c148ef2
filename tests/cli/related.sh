#!/usr/bin/env bash
# papertide related ID: papers related by content, with reasons, as JSON and as text.
# usage: related.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
related() { run related --data "$DATA" --json "$@"; }
# The id of RETRO, whatever the corpus calls it (slug or arXiv id), found by its title.
run search --data "$DATA" --json --exact '"retrieving from trillions"'
retro=$(py 'd["papers"][0]["id"]')

related "$retro"
check "related RETRO: exit 0" test "$rc" -eq 0
check "related RETRO: the documented shape" py_true \
  'set(d) == {"paper", "related"} and all(set(r) == {"id", "title", "score", "why"} for r in d["related"])'
check "related RETRO: names the paper" py_true "d['paper'] == '$retro'"
check "related RETRO: 8 by default, not itself, no repeats" py_true \
  "len(d['related']) == 8 and '$retro' not in [r['id'] for r in d['related']] and len({r['id'] for r in d['related']}) == 8"
check "related RETRO: scores in 0..1, strongest first" py_true \
  'all(0 <= r["score"] <= 1 for r in d["related"]) and [r["score"] for r in d["related"]] == sorted((r["score"] for r in d["related"]), reverse=True)'
check "related RETRO: every result has a reason" py_true 'all(r["why"] for r in d["related"])'
check "related RETRO: two of the top three are about retrieval (title or reasons)" py_true \
  'sum(1 for r in d["related"][:3] if "retriev" in r["title"].lower() or any("检索" in w or "retriev" in w for w in r["why"])) >= 2'
first=$(py 'd["related"][0]["id"]')
related "$retro"
check "related: deterministic" test "$(py 'd["related"][0]["id"]')" = "$first"

related "$retro" --limit 3
check "--limit 3: three results" test "$(py 'len(d["related"])')" = 3
check "--limit 3: the first three of the full list" test "$(py 'd["related"][0]["id"]')" = "$first"

run related --data "$DATA" "$retro"
check "text: exit 0" test "$rc" -eq 0
check "text: the paper, then the count" test "$(sed -n 2p "$TMP/out")" = "8 related paper(s)"
check "text: a score, id and title per result, reasons below" grep -qE '^0\.[0-9]{3}  ' "$TMP/out"

# A bare arXiv id works like arxiv:ID.
related 2205.06175
check "bare arXiv id: exit 0" test "$rc" -eq 0
check "bare arXiv id: resolved" test "$(py 'd["paper"]')" = "arxiv:2205.06175"

# --- usage errors ------------------------------------------------------------------------------------
related nope
check "unknown paper: exit 2" test "$rc" -eq 2
check "unknown paper: message" stderr_has 'unknown paper "nope"'
run related --data "$DATA"
check "no id: exit 2" test "$rc" -eq 2
related "$retro" --limit x
check "bad --limit: exit 2" test "$rc" -eq 2
related "$retro" --bogus
check "unknown option: exit 2" test "$rc" -eq 2

finish
