#!/usr/bin/env bash
# papertide export: the filtered papers, or a reading list's bookmarks, as BibTeX, CSV, JSON or Markdown.
# usage: export.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
# export FORMAT ARGS...: papertide export --data DATA --format FORMAT ARGS...
export_() {
  local format=$1
  shift
  run export --data "$DATA" --format "$format" "$@"
}
# py EXPR: evaluates EXPR with d = the JSON export on stdout.
py() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/out" "$1"; }
# ids: the sorted paper ids of a JSON export, comma-separated.
ids() { py '",".join(sorted(p["id"] for p in d["papers"]))'; }
# csvpy EXPR: evaluates EXPR with rows = the CSV export on stdout, parsed by Python's csv module.
csvpy() { python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); print(eval(sys.argv[2]))' "$TMP/out" "$1"; }
csv_ids() { csvpy '",".join(sorted(r[0] for r in rows[1:]))'; }
well_formed_json() {
  py_true 'd["format"] == "papertide-export" and d["version"] == 1 and all(set(p) == {"id", "title", "authors", "authors_truncated", "months", "topics", "links", "appearances"} for p in d["papers"])'
}


# Exactly the papers of each filter, checked against the digest files.
cat >"$TMP/expected.py" <<'EOF'
import glob, json, os, sys
papers = {}
for f in sorted(glob.glob(os.environ["DATA"] + "/digests/*.json")):
    d = json.load(open(f))
    for p in d["papers"]:
        e = papers.setdefault(p["id"], {"topics": set(), "months": set(), "digests": set(), "picks": 0})
        e["topics"].update(p.get("topics", []))
        e["months"].add(d["month"])
        e["digests"].add(d["id"])
        e["picks"] += 1
kind, value = sys.argv[1], sys.argv[2]
if kind == "topic":
    hit = [i for i, e in papers.items() if value in e["topics"]]
elif kind == "range":
    lo, hi = value.split(":")
    hit = [i for i, e in papers.items() if any(lo <= m <= hi for m in e["months"])]
elif kind == "digest":
    hit = [i for i, e in papers.items() if value in e["digests"]]
elif kind == "picks":
    hit = [i for i, e in papers.items() if e["picks"] >= int(value)]
elif kind == "all":
    hit = list(papers)
print(",".join(sorted(hit)))
EOF
expected() { python3 "$TMP/expected.py" "$@"; }

# --- JSON ----------------------------------------------------------------------------------------------
export_ json
check "json: exit 0" test "$rc" -eq 0
check "json: well-formed" well_formed_json
check "json: every paper of the corpus" test "$(ids)" = "$(expected all x)"
check "json: 75 papers" test "$(py 'len(d["papers"])')" = 75
check "json: a paper's fields" py_true \
  '[(p["title"], p["authors"][0], p["months"], p["links"]["arxiv"], p["appearances"][0]["digest"]) for p in d["papers"] if p["id"] == "arxiv:2205.06175"] == [("A Generalist Agent", "Scott Reed", ["2022-06"], "https://arxiv.org/abs/2205.06175", "2022-06-zeta-alpha-trends")]'
check "json: a paper recommended in two months" py_true \
  '[(p["months"], [a["digest"] for a in p["appearances"]]) for p in d["papers"] if p["id"] == "arxiv:2110.02095"] == [(["2021-11", "2022-04"], ["2021-11-deephub-ten-papers", "2022-04-iclr-2022-ten-papers"])]'
check "json: no query means newest first" py_true \
  '[p["months"][-1] for p in d["papers"]] == sorted((p["months"][-1] for p in d["papers"]), reverse=True)'

export_ json --topic diffusion-generation
check "json --topic: exactly the papers tagged with it" test "$(ids)" = "$(expected topic diffusion-generation)"
export_ json --from 2022-04 --to 2022-06
check "json --from/--to: the 20 papers of those months" test "$(ids)" = "$(expected range 2022-04:2022-06)"
export_ json --digest 2023-03-ten-papers
check "json --digest: the digest's 10 papers" test "$(ids)" = "$(expected digest 2023-03-ten-papers)"
export_ json --author levine
check "json --author levine: 6 papers" test "$(py 'len(d["papers"])')" = 6
export_ json 扩散 --topic diffusion-generation --from 2023-01
check "json query + topic + month" test "$(ids)" = "arxiv:2302.09778,arxiv:2303.01469"
export_ json --sort title --digest 2022-04-iclr-2022-ten-papers
check "json --sort title" py_true '[p["title"].lower() for p in d["papers"]] == sorted(p["title"].lower() for p in d["papers"])'

# --- recurrence ----------------------------------------------------------------------------------------
export_ json --min-picks 2
check "--min-picks 2: exit 0" test "$rc" -eq 0
check "--min-picks 2: the 2 recurring seed papers" test "$(ids)" = \
  "arxiv:2110.02095,arxiv:2112.04426"
check "--min-picks 2: agrees with the digest files" test "$(ids)" = "$(expected picks 2)"
export_ json --min-picks=3
check "--min-picks=3: none" test "$(py 'len(d["papers"])')" = 0
export_ json --min-picks 1
check "--min-picks 1: every paper" test "$(py 'len(d["papers"])')" = 75
export_ json --min-picks 2 --topic retrieval
check "--min-picks with --topic" test "$(ids)" = "arxiv:2112.04426"

# --- CSV -----------------------------------------------------------------------------------------------
export_ csv --topic language-models
check "csv: exit 0" test "$rc" -eq 0
check "csv: the header" test "$(csvpy 'rows[0]')" = "['id', 'title', 'authors', 'months', 'topics', 'digests', 'links', 'summary']"
check "csv: one record per paper" test "$(csvpy 'len(rows) - 1')" = "$(expected topic language-models | tr ',' '\n' | grep -c .)"
check "csv: the ids of the filter" test "$(csv_ids)" = "$(expected topic language-models)"
check "csv: 8 fields per record" test "$(csvpy 'set(len(r) for r in rows)')" = "{8}"
check "csv: CRLF after the header and after every record" python3 -c '
import sys
data = open(sys.argv[1], encoding="utf-8", newline="").read()
sys.exit(0 if data.startswith("id,title,authors,months,topics,digests,links,summary\r\n") and data.endswith("\"\r\n") else 1)' "$TMP/out"
check "csv: a title with a comma survives" test "$(csvpy '[r[1] for r in rows if r[0] == "arxiv:2112.11446"][0]')" = \
  "Scaling Language Models: Methods, Analysis & Insights from Training Gopher"
check "csv: a paper listed twice in one digest names the month and the digest once" test \
  "$(csvpy '[(r[3], r[5]) for r in rows if r[0] == "arxiv:2112.04426"][0]')" = \
  "('2021-12', '2021-12-jiqizhixin-7-papers-radios')"
check "csv: every field is quoted" python3 -c '
import sys
data = open(sys.argv[1], encoding="utf-8", newline="").read()
records = data.split("\r\n")[1:-1]
sys.exit(0 if records and all(r.startswith("\"") for r in records) else 1)' "$TMP/out"

export_ csv --min-picks 2
check "csv --min-picks 2: the same 2 papers" test "$(csv_ids)" = \
  "arxiv:2110.02095,arxiv:2112.04426"

# Quotes, commas, newlines and formula-like text, from a small corpus of our own.
mkdir -p "$TMP/data/digests"
cp "$DATA/topics.json" "$TMP/data/topics.json"
python3 - "$TMP/data/digests/2022-05-odd.json" <<'EOF'
import json, sys
papers = [
    {"id": "quote-comma", "section": "main", "title": "Say \"cheese\", then smile", "authors": ["=SUM(A1:A9)", "Plain Name"],
     "topics": ["vision"], "summary": "第一行, with a comma\n第二行 \"quoted\""},
    {"id": "formula-title", "section": "main", "title": "@home is +1 -2", "authors": ["-Minus Person"], "topics": ["vision"]},
    {"id": "md-chars", "section": "main", "title": "Stars *and* [links](x) #1", "authors": ["Ann_Lee"], "topics": ["graphs"],
     "summary": "<script>x</script> *bold*"},
]
json.dump({"format": 1, "id": "2022-05-odd", "month": "2022-05", "title": "Odd [digest]", "source": "Test", "language": "zh-Hans",
           "sections": [{"id": "main", "title": "论文"}], "papers": papers}, open(sys.argv[1], "w"), ensure_ascii=False)
EOF
run export --data "$TMP/data" --format csv --sort title
check "csv odd: exit 0" test "$rc" -eq 0
check "csv odd: 3 records" test "$(csvpy 'len(rows)')" = 4
check "csv odd: quotes and commas round-trip" test "$(csvpy '[r[1] for r in rows if r[0] == "quote-comma"][0]')" = 'Say "cheese", then smile'
check "csv odd: summary with a newline, a comma and quotes" test \
  "$(csvpy 'repr([r[7] for r in rows if r[0] == "quote-comma"][0])')" = "'第一行, with a comma\\n第二行 \"quoted\"'"
check "csv odd: formula guard on a leading = in authors" test "$(csvpy '[r[2] for r in rows if r[0] == "quote-comma"][0]')" = \
  "'=SUM(A1:A9); Plain Name"
check "csv odd: formula guard on a leading @ in a title" test "$(csvpy '[r[1] for r in rows if r[0] == "formula-title"][0]')" = \
  "'@home is +1 -2"
check "csv odd: formula guard on a leading - in authors" test "$(csvpy '[r[2] for r in rows if r[0] == "formula-title"][0]')" = \
  "'-Minus Person"
check "csv odd: no guard where nothing leads" test "$(csvpy '[r[1] for r in rows if r[0] == "md-chars"][0]')" = \
  "Stars *and* [links](x) #1"
check "csv odd: raw quotes doubled" grep -qF '"Say ""cheese"", then smile"' "$TMP/out"

run export --data "$TMP/data" --format md --topic graphs
check "md odd: exit 0" test "$rc" -eq 0
check "md odd: the title escaped" grep -qxF '## Stars \*and\* \[links\](x) \#1' "$TMP/out"
check "md odd: the author escaped" grep -qxF -- '- Authors: Ann\_Lee' "$TMP/out"
check "md odd: the digest title escaped" grep -qxF '> **Odd \[digest\]** (2022-05)' "$TMP/out"
check "md odd: the summary escaped, no raw HTML" grep -qxF '> \<script\>x\</script\> \*bold\*' "$TMP/out"
check "md odd: no raw <script>" bash -c "! grep -qF '<script>' '$TMP/out'"
run export --data "$TMP/data" --format md --topic vision
check "md odd: a multi-line summary stays quoted" bash -c "grep -qxF '> 第一行, with a comma' '$TMP/out' && grep -qxF '> 第二行 \"quoted\"' '$TMP/out'"

# --- Markdown and BibTeX -------------------------------------------------------------------------------
export_ md --digest 2022-06-zeta-alpha-trends
check "md: exit 0" test "$rc" -eq 0
check "md: a title line" test "$(head -n 1 "$TMP/out")" = "# Papertide export"
check "md: the count" grep -qxF "10 papers." "$TMP/out"
check "md: a heading per paper" test "$(grep -c '^## ' "$TMP/out")" -eq 10
check "md: a paper's heading, authors and link" bash -c "grep -qxF '## A Generalist Agent' '$TMP/out' && grep -qF -- '- Authors: Scott Reed, Konrad Żołna' '$TMP/out' && grep -qxF -- '- arxiv: <https://arxiv.org/abs/2205.06175>' '$TMP/out'"
export_ markdown --min-picks 2
check "md (markdown alias) --min-picks 2: 2 headings" test "$(grep -c '^## ' "$TMP/out")" -eq 2

export_ bibtex --topic graphs
check "bibtex: exit 0" test "$rc" -eq 0
check "bibtex: one entry per paper" test "$(grep -c '^@misc{' "$TMP/out")" -eq "$(expected topic graphs | tr ',' '\n' | grep -c .)"
check "bibtex: an arXiv paper's eprint" grep -qF "eprint = {2206.00272}" "$TMP/out"
export_ bibtex
check "bibtex: 75 entries for the whole corpus" test "$(grep -c '^@misc{' "$TMP/out")" -eq 75
export_ bib --digest 2021-11-deephub-ten-papers
check "bib alias: 10 entries" test "$(grep -c '^@misc{' "$TMP/out")" -eq 10

# --- --out ---------------------------------------------------------------------------------------------
export_ json --digest 2023-03-ten-papers
cp "$TMP/out" "$TMP/stdout.json"
export_ json --digest 2023-03-ten-papers --out "$TMP/written.json"
check "--out: exit 0" test "$rc" -eq 0
check "--out: nothing on stdout" test ! -s "$TMP/out"
check "--out: a line on stderr" stderr_has "papertide export: 10 paper(s) written to $TMP/written.json"
check "--out: the file holds what stdout would" cmp -s "$TMP/stdout.json" "$TMP/written.json"
run export --data "$DATA" --format=csv --out="$TMP/written.csv" --topic graphs
check "--out=FILE and --format=csv forms" test "$rc" -eq 0
check "--out csv: header + 2 records" test "$(python3 -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$TMP/written.csv")" = 3
export_ json --out "$TMP/no-such-dir/x.json"
check "--out into a missing directory: exit 2" test "$rc" -eq 2
check "--out into a missing directory: message" stderr_has "cannot write $TMP/no-such-dir/x.json"

# --- --reading-list ------------------------------------------------------------------------------------
cat >"$TMP/list.json" <<'EOF'
{"format": "papertide-reading-list", "version": 1,
 "bookmarks": ["arxiv:2205.06175", "arxiv:2303.01469", "arxiv:2110.02095", "not-a-paper", 42],
 "read": ["arxiv:2302.13971"]}
EOF
export_ json --reading-list "$TMP/list.json"
check "--reading-list: exit 0" test "$rc" -eq 0
check "--reading-list: exactly its bookmarks (unknown ids and read marks ignored)" test "$(ids)" = \
  "arxiv:2110.02095,arxiv:2205.06175,arxiv:2303.01469"
export_ csv --reading-list "$TMP/list.json"
check "--reading-list csv: the same 3" test "$(csv_ids)" = \
  "arxiv:2110.02095,arxiv:2205.06175,arxiv:2303.01469"
export_ json --reading-list "$TMP/list.json" --topic diffusion-generation
check "--reading-list with --topic: narrowed further" test "$(ids)" = "arxiv:2303.01469"
export_ json --reading-list "$TMP/list.json" --min-picks 2
check "--reading-list with --min-picks 2" test "$(ids)" = "arxiv:2110.02095"
printf '%s' '{"format":"papertide-reading-list","version":1,"bookmarks":[]}' >"$TMP/empty-list.json"
export_ json --reading-list "$TMP/empty-list.json"
check "--reading-list with no bookmarks: nothing" test "$(py 'len(d["papers"])')" = 0
printf '%s' '{"format":"papertide-export","version":1,"papers":[]}' >"$TMP/foreign.json"
export_ json --reading-list "$TMP/foreign.json"
check "--reading-list of another format: exit 2" test "$rc" -eq 2
check "--reading-list of another format: message names the file" stderr_has "$TMP/foreign.json: not a Papertide reading list"
printf '%s' '{"format":1}' >"$TMP/format-number.json"
export_ json --reading-list "$TMP/format-number.json"
check "--reading-list with a numeric format: exit 2, no crash" test "$rc" -eq 2
printf 'not json' >"$TMP/garbage.json"
export_ json --reading-list "$TMP/garbage.json"
check "--reading-list that is not JSON: exit 2" test "$rc" -eq 2
check "--reading-list that is not JSON: message" stderr_has "not a JSON file"
export_ json --reading-list "$TMP/missing.json"
check "--reading-list that does not exist: exit 2" test "$rc" -eq 2

# --- usage errors --------------------------------------------------------------------------------------
export_ xml
check "unknown format: exit 2" test "$rc" -eq 2
check "unknown format: message" stderr_has "--format expects bibtex, csv, json or md"
run export --data "$DATA" --topic graphs
check "no --format: exit 2" test "$rc" -eq 2
check "no --format: message" stderr_has "--format is required"
export_ json --topic nope
check "unknown topic: exit 2" test "$rc" -eq 2
check "unknown topic: message" stderr_has 'unknown topic "nope"'
check "unknown topic: nothing on stdout" test ! -s "$TMP/out"
export_ csv --digest nope
check "unknown digest: exit 2" test "$rc" -eq 2
check "unknown digest: message" stderr_has 'unknown digest "nope"'
export_ json --min-picks x
check "bad --min-picks: exit 2" test "$rc" -eq 2
check "bad --min-picks: message" stderr_has "--min-picks expects a number"
export_ json --from 2022-13
check "bad --from: exit 2" test "$rc" -eq 2
export_ json --sort random
check "bad --sort: exit 2" test "$rc" -eq 2
export_ json --bogus
check "unknown option: exit 2" test "$rc" -eq 2
check "unknown option: message" stderr_has "unknown option --bogus"
export_ json --out
check "--out without a value: exit 2" test "$rc" -eq 2

finish
