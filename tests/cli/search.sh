#!/usr/bin/env bash
# papertide search: queries and filters from the command line, as JSON and as a table.
# usage: search.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
# search ARGS...: papertide search --data DATA --json ARGS...
search() { run search --data "$DATA" --json "$@"; }
# ids: the sorted paper ids of the JSON result, comma-separated.
ids() { py '",".join(sorted(p["id"] for p in d["papers"]))'; }
# Well-formed result: count == len(papers), and every paper has the documented fields.
well_formed() {
  py_true 'd["count"] == len(d["papers"]) and all(set(p) >= {"id", "title", "authors", "months", "digests", "topics", "links"} for p in d["papers"])'
}


# --- queries -----------------------------------------------------------------------------------------
search 扩散
check "search 扩散: exit 0" test "$rc" -eq 0
check "search 扩散: well-formed JSON" well_formed
check "search 扩散: 5 papers" test "$(py 'd["count"]')" = 5
check "search 扩散: the diffusion papers, including Chinese-summary-only ones" test "$(ids)" = \
  "arxiv:2110.02037,arxiv:2205.09991,arxiv:2205.11487,arxiv:2302.09778,arxiv:2303.01469"
check "search 扩散: the Chinese title hit ranks first" test "$(py 'd["papers"][0]["id"]')" = "arxiv:2205.09991"

search --exact diffusion
check "search diffusion: exit 0" test "$rc" -eq 0
check "search diffusion: well-formed JSON" well_formed
check "search --exact diffusion: no expansion reported" py_true 'd["expansions"] == []'
check "search --exact diffusion: 3 papers with the English word" test "$(ids)" = \
  "arxiv:2110.02037,arxiv:2205.09991,arxiv:2205.11487"
check "search diffusion: months and digests of a result" py_true \
  '[(p["months"], p["digests"]) for p in d["papers"] if p["id"] == "arxiv:2110.02037"] == [(["2022-04"], ["2022-04-iclr-2022-ten-papers"])]'
check "search diffusion: links of a result" py_true \
  '[p["links"] for p in d["papers"] if p["id"] == "arxiv:2205.11487"][0]["project"] == "https://imagen.research.google"'

search --exact ＤＩＦＦＵＳＩＯＮ
check "search --exact ＤＩＦＦＵＳＩＯＮ (full width, upper case): same 3 papers" test "$(ids)" = \
  "arxiv:2110.02037,arxiv:2205.09991,arxiv:2205.11487"

search --exact 扩散 -diffusion
check "search --exact 扩散 -diffusion: the Chinese-only two" test "$(ids)" = "arxiv:2302.09778,arxiv:2303.01469"
search 扩散 -diffusion
check "search 扩散 -diffusion (expanded): excluding diffusion excludes 扩散 too" test "$(py 'd["count"]')" = 0

# --- cross-language expansion (data/glossary.json) -----------------------------------------------------
search 扩散
zh_ids=$(ids)
search diffusion
check "search diffusion (expanded): the same papers as 扩散" test "$(ids)" = "$zh_ids"
check "search diffusion: the expansion is reported" py_true \
  'd["expansions"] == [{"term": "diffusion", "excluded": False, "added": ["扩散"]}]'
check "search diffusion: well-formed with expansion" well_formed
search robot
n_robot=$(py 'd["count"]')
search --exact robot
check "search robot: finds the papers that say 机器人, which --exact does not" test "$n_robot" -gt "$(py 'd["count"]')"
search 机器人
check "search 机器人 and robot find the same number of papers" test "$n_robot" = "$(py 'd["count"]')"
search continual learning
check "search continual learning: recognised as one term" py_true \
  'len(d["expansions"]) == 1 and d["expansions"][0]["term"] == "continual learning" and "持续学习" in d["expansions"][0]["added"]'
search '"continual learning"'
n_cl=$(py 'd["count"]')
search --exact 持续学习
n_cl_zh=$(py 'd["count"]')
search 持续学习
check "search 持续学习 finds at least what the phrase \"continual learning\" finds" test "$(py 'd["count"]')" -ge "$n_cl"
check "search 持续学习 finds more than --exact 持续学习" test "$(py 'd["count"]')" -gt "$n_cl_zh"
search '"持续学习"'
check "search \"持续学习\" (quoted): no expansion" py_true 'd["expansions"] == []'
run search --data "$DATA" diffusion
check "table: the expansion is shown under the count" stdout_has '"diffusion" also matches: 扩散'

# --- look-up links for papers without a paper link ------------------------------------------------------
search
check "lookup: present exactly on papers without an arxiv/paper/pdf/openreview link and without an arXiv id" py_true \
  'all(("lookup" in p) == (not p["id"].startswith("arxiv:") and not set(p["links"]) & {"arxiv", "paper", "pdf", "openreview", "doi"}) for p in d["papers"])'
check "lookup: three labelled searches with the encoded title" py_true \
  'all([l["label"] for l in p["lookup"]] == ["Search arXiv", "Search Semantic Scholar", "Search Google Scholar"] and all(__import__("urllib.parse").parse.quote(" ".join(p["title"].split()), safe="") in l["url"] for l in p["lookup"]) for p in d["papers"] if "lookup" in p)'

search large language
check "search large language (AND): well-formed" well_formed
n_and=$(py 'd["count"]')
search '"large language"'
n_phrase=$(py 'd["count"]')
check "search \"large language\" (phrase) is no wider than large language (AND)" test "$n_phrase" -le "$n_and"
check "search \"large language\": finds papers" test "$n_phrase" -ge 1

search 2205.06175
check "search by arXiv id" test "$(ids)" = "arxiv:2205.06175"
check "search by arXiv id: authors start with Scott Reed" test "$(py 'd["papers"][0]["authors"][0]')" = "Scott Reed"
check "search by arXiv id: arxiv link" test "$(py 'd["papers"][0]["links"]["arxiv"]')" = "https://arxiv.org/abs/2205.06175"

search zolna
check "search zolna finds Konrad Żołna's paper" test "$(ids)" = "arxiv:2205.06175"

search
check "search with no query: all 75 papers" test "$(py 'd["count"]')" = 75

# Exactly the papers of each filter, checked against the digest files.
cat >"$TMP/expected.py" <<'EOF'
import glob, json, os, sys
papers = {}
for f in sorted(glob.glob(os.environ["DATA"] + "/digests/*.json")):
    d = json.load(open(f))
    for p in d["papers"]:
        e = papers.setdefault(p["id"], {"topics": set(), "months": set(), "digests": set(), "authors": p["authors"]})
        e["topics"].update(p.get("topics", []))
        e["months"].add(d["month"])
        e["digests"].add(d["id"])
kind, value = sys.argv[1], sys.argv[2]
if kind == "topic":
    hit = [i for i, e in papers.items() if value in e["topics"]]
elif kind == "range":
    lo, hi = value.split(":")
    hit = [i for i, e in papers.items() if any(lo <= m <= hi for m in e["months"])]
elif kind == "digest":
    hit = [i for i, e in papers.items() if value in e["digests"]]
print(",".join(sorted(hit)))
EOF
expected() { python3 "$TMP/expected.py" "$@"; }

# --- filters -----------------------------------------------------------------------------------------
search --topic diffusion-generation
check "--topic: exit 0" test "$rc" -eq 0
check "--topic: well-formed" well_formed
check "--topic diffusion-generation: exactly the papers tagged with it" test "$(ids)" = "$(expected topic diffusion-generation)"
check "--topic: every result has the topic" py_true 'all("diffusion-generation" in p["topics"] for p in d["papers"])'

search --topic graphs --topic speech-audio
n_graphs=$(expected topic graphs | tr ',' '\n' | grep -c . || true)
n_speech=$(expected topic speech-audio | tr ',' '\n' | grep -c . || true)
check "--topic twice: either topic (OR)" py_true 'all("graphs" in p["topics"] or "speech-audio" in p["topics"] for p in d["papers"])'
check "--topic twice: at least as many as each alone" test "$(py 'd["count"]')" -ge "$(( n_graphs > n_speech ? n_graphs : n_speech ))"

search --from 2022-04 --to 2022-06
check "--from/--to: exit 0" test "$rc" -eq 0
check "--from 2022-04 --to 2022-06: the 20 papers of those months" test "$(ids)" = "$(expected range 2022-04:2022-06)"
check "--from/--to: 20 papers" test "$(py 'd["count"]')" = 20
check "--from/--to: every result has a month in range" py_true 'all(any("2022-04" <= m <= "2022-06" for m in p["months"]) for p in d["papers"])'

search --from=2023-01
check "--from=YYYY-MM form: the 10 papers of 2023-03" test "$(ids)" = "$(expected range 2023-01:9999-12)"

search --to 2021-11
check "--to 2021-11: the 10 papers of 2021-11" test "$(py 'd["count"]')" = 10

search --author levine
check "--author levine: 6 papers" test "$(py 'd["count"]')" = 6
check "--author: every result has a matching author" py_true 'all(any("levine" in a.lower() for a in p["authors"]) for p in d["papers"])'

search --author Żołna
check "--author with accents: folded" test "$(ids)" = "arxiv:2205.06175"

search --digest 2023-03-ten-papers
check "--digest: the digest's 10 papers" test "$(ids)" = "$(expected digest 2023-03-ten-papers)"
check "--digest: every result lists the digest" py_true 'all("2023-03-ten-papers" in p["digests"] for p in d["papers"])'

search --digest 2021-12-jiqizhixin-7-papers-radios
check "--digest 2021-12: 36 unique papers (37 entries)" test "$(py 'd["count"]')" = 36

search 扩散 --topic diffusion-generation --from 2023-01
check "query + topic + month combined" test "$(ids)" = "arxiv:2302.09778,arxiv:2303.01469"

search --topic language-models --author touvron
check "topic + author combined: LLaMA" test "$(ids)" = "arxiv:2302.13971"

search --sort title
check "--sort title: titles in case-insensitive order" py_true \
  '[p["title"].lower() for p in d["papers"]] == sorted(p["title"].lower() for p in d["papers"])'
search --sort oldest
check "--sort oldest: first months ascending" py_true '[p["months"][0] for p in d["papers"]] == sorted(p["months"][0] for p in d["papers"])'
search --sort newest
check "--sort newest: last months descending" py_true \
  '[p["months"][-1] for p in d["papers"]] == sorted((p["months"][-1] for p in d["papers"]), reverse=True)'
search --sort recurrence
check "--sort recurrence: the papers picked twice come first" py_true \
  'sorted(p["id"] for p in d["papers"][:2]) == ["arxiv:2110.02095", "arxiv:2112.04426"]'

# --- usage errors ------------------------------------------------------------------------------------
search --topic nope
check "unknown topic: exit 2" test "$rc" -eq 2
check "unknown topic: message" stderr_has 'unknown topic "nope"'
search --digest nope
check "unknown digest: exit 2" test "$rc" -eq 2
check "unknown digest: message" stderr_has 'unknown digest "nope"'
search --from 2022-13
check "bad month: exit 2" test "$rc" -eq 2
check "bad month: message" stderr_has '--from expects YYYY-MM, got "2022-13"'
search --to 22-06
check "bad --to: exit 2" test "$rc" -eq 2
search --sort random
check "bad sort order: exit 2" test "$rc" -eq 2
search --bogus
check "unknown option: exit 2" test "$rc" -eq 2
check "unknown option: message" stderr_has "unknown option --bogus"
search --topic
check "--topic without a value: exit 2" test "$rc" -eq 2

# --- table output ------------------------------------------------------------------------------------
run search --exact diffusion --data "$DATA"
check "table: exit 0" test "$rc" -eq 0
check "table: a count line" test "$(head -n 1 "$TMP/out")" = "3 paper(s)"
check "table: month, id and title on one line" grep -qE '^2022-06  arxiv:2205\.11487 +Photorealistic Text-to-Image Diffusion Models' "$TMP/out"
check "table: authors on the next line, abbreviated lists marked" grep -qE '^ +Chitwan Saharia, William Chan et al\.$' "$TMP/out"
check "table: two lines per paper" test "$(grep -c '' "$TMP/out")" -eq 7
run search --data "$DATA" --digest 2022-04-iclr-2022-ten-papers
check "table: a line per paper of a digest" test "$(grep -cE '^2022-04  ' "$TMP/out")" -eq 9
check "table: the paper first recommended earlier shows its first month" grep -qE '^2021-11  arxiv:2110\.02095 +Exploring the Limits of Large Scale Pre-training' "$TMP/out"

finish
