#!/usr/bin/env bash
# papertide validate: exit codes 0/1/2, FILE:LINE:COL: /pointer: message lines, the stderr summary.
# usage: validate.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
has_line() { grep -qxF -- "$1" "$TMP/out"; }                 # stdout has exactly this line
line_count() { grep -c '' "$TMP/out" || true; }


# A valid digest (lines 1-20 known) and variants of it.
write_digest() {  # write_digest FILE ID TITLE_VALUE [EXTRA_PAPER_MEMBER]
  cat >"$1" <<EOF
{
  "format": 1,
  "id": "$2",
  "month": "2024-01",
  "title": "测试摘要",
  "source": "Test",
  "language": "zh-Hans",
  "sections": [{"id": "main", "title": "本月论文"}],
  "papers": [
    {
      "id": "arxiv:2401.00001",
      "section": "main",
      "title": $3,
      "authors": ["Ada Lovelace"],
      "links": {"arxiv": "https://arxiv.org/abs/2401.00001"},
      "topics": ["language-models"],
      "summary": "一个测试。"${4:+,
      $4}
    }
  ]
}
EOF
}

# --- the bundled corpus -----------------------------------------------------------------------------
run validate --data "$DATA"
check "validate data/: exit 0" test "$rc" -eq 0
check "validate data/: nothing on stdout" test "$(line_count)" -eq 0
check "validate data/: summary on stderr" stderr_has "5 digest(s), 75 paper(s) loaded; 0 error(s), 0 warning(s)"

run validate --data="$DATA"
check "validate --data=DIR form: exit 0" test "$rc" -eq 0

pushd "$ROOT" >/dev/null
run validate
popd >/dev/null
check "validate from the repo root with the default data dir: exit 0" test "$rc" -eq 0

run validate --data "$DATA" "$DATA/digests/2022-06-zeta-alpha-trends.json"
check "validate one bundled file explicitly: exit 0" test "$rc" -eq 0
check "validate one bundled file: one digest, ten papers" stderr_has "1 digest(s), 10 paper(s) loaded; 0 error(s), 0 warning(s)"

# --- a bad digest file given explicitly --------------------------------------------------------------
write_digest "$TMP/2024-01-bad.json" 2024-01-bad 42
run validate --data "$DATA" "$TMP/2024-01-bad.json"
check "bad digest: exit 1" test "$rc" -eq 1
check "bad digest: FILE:LINE:COL: /pointer: message" has_line "$TMP/2024-01-bad.json:13:16: /papers/0/title: expected a string, got a number"
check "bad digest: exactly one problem" test "$(line_count)" -eq 1
check "bad digest: summary counts the error" stderr_has "0 digest(s), 0 paper(s) loaded; 1 error(s), 0 warning(s)"

write_digest "$TMP/2024-01-good.json" 2024-01-good '"A Good Paper"'
run validate --data "$DATA" "$TMP/2024-01-good.json" "$TMP/2024-01-bad.json"
check "good + bad digest: exit 1" test "$rc" -eq 1
check "good + bad digest: the good one loads" stderr_has "1 digest(s), 1 paper(s) loaded; 1 error(s), 0 warning(s)"
check "good + bad digest: only the bad file is named" test "$(grep -c -- "2024-01-good" "$TMP/out" || true)" -eq 0

write_digest "$TMP/2024-01-warn.json" 2024-01-warn '"A Good Paper"' '"summery": "typo"'
run validate --data "$DATA" "$TMP/2024-01-warn.json"
check "unknown field: exit 0 (a warning)" test "$rc" -eq 0
check "unknown field: warning line" has_line "$TMP/2024-01-warn.json:18:7: /papers/0/summery: warning: unknown field \"summery\" is ignored (a typo?)"
check "unknown field: summary counts the warning" stderr_has "1 digest(s), 1 paper(s) loaded; 0 error(s), 1 warning(s)"

write_digest "$TMP/2024-01-many.json" 2024-01-many '"T"' '"authors_truncated": "yes"'
sed -i 's/"month": "2024-01"/"month": "2024-13"/; s/"language-models"/"llm"/' "$TMP/2024-01-many.json"
run validate --data "$DATA" "$TMP/2024-01-many.json"
check "three problems: exit 1" test "$rc" -eq 1
check "three problems: three lines" test "$(line_count)" -eq 3
check "three problems: bad month" has_line "$TMP/2024-01-many.json:4:12: /month: expected a month as \"YYYY-MM\" (e.g. \"2022-06\"), got \"2024-13\""
check "three problems: unknown topic" has_line "$TMP/2024-01-many.json:16:18: /papers/0/topics/0: unknown topic \"llm\" (not in topics.json)"
check "three problems: wrong type" has_line "$TMP/2024-01-many.json:18:28: /papers/0/authors_truncated: expected a boolean, got a string"
check "three problems: summary" stderr_has "0 digest(s), 0 paper(s) loaded; 3 error(s), 0 warning(s)"

write_digest "$TMP/2024-01-dup.json" 2024-01-dup '"T"' '"section": "main"'
run validate --data "$DATA" "$TMP/2024-01-dup.json"
check "duplicate key: exit 1" test "$rc" -eq 1
check "duplicate key: located at the second key" \
  has_line "$TMP/2024-01-dup.json:18:7: /papers/0/section: duplicate key \"section\" (a later value would silently replace an earlier one)"

printf '{"format": 1, "id": "x",' >"$TMP/truncated.json"
run validate --data "$DATA" "$TMP/truncated.json"
check "truncated JSON: exit 1" test "$rc" -eq 1
check "truncated JSON: located message" has_line "$TMP/truncated.json:1:25: /: invalid JSON: unexpected end of input (truncated file?)"

: >"$TMP/empty.json"
run validate --data "$DATA" "$TMP/empty.json"
check "empty file: exit 1" test "$rc" -eq 1
check "empty file: located message" has_line "$TMP/empty.json:1:1: /: invalid JSON: unexpected end of input (truncated file?)"

# --- a corpus with a duplicate digest id -------------------------------------------------------------
mkdir -p "$TMP/data/digests"
cp "$DATA/topics.json" "$TMP/data/"
cp "$DATA"/digests/*.json "$TMP/data/digests/"
cp "$DATA/digests/2023-03-ten-papers.json" "$TMP/data/digests/2023-03-zz-copy.json"
run validate --data "$TMP/data"
check "duplicate digest id: exit 1" test "$rc" -eq 1
check "duplicate digest id: the second file is skipped, located at /id" \
  has_line "$TMP/data/digests/2023-03-zz-copy.json:4:9: /id: duplicate digest id \"2023-03-ten-papers\" (already used by $TMP/data/digests/2023-03-ten-papers.json); this digest is skipped"
check "duplicate digest id: the other five still load" stderr_has "5 digest(s), 75 paper(s) loaded; 1 error(s)"

# --- usage and I/O errors ----------------------------------------------------------------------------
run validate --data "$DATA" "$TMP/no-such-file.json"
check "missing file: exit 2" test "$rc" -eq 2
check "missing file: says it cannot be read" stdout_has "$TMP/no-such-file.json: cannot read"

run validate --data "$TMP/no-such-dir"
check "missing data dir: exit 2" test "$rc" -eq 2
check "missing data dir: names topics.json" stdout_has "$TMP/no-such-dir/topics.json: cannot read"

# The glossary: validated with the corpus (positioned messages), optional (no file, no error).
mkdir -p "$TMP/gloss"
cp -r "$DATA/topics.json" "$DATA/digests" "$TMP/gloss/"
run validate --data "$TMP/gloss"
check "no glossary.json: still valid" test "$rc" -eq 0
printf '{"format": 1,\n "entries": [\n  {"en": ["robot"], "zh": ["robot"]}\n ]\n}\n' >"$TMP/gloss/glossary.json"
run validate --data "$TMP/gloss"
check "bad glossary entry: exit 1" test "$rc" -eq 1
check "bad glossary entry: file:line:col, pointer, expectation" stdout_has \
  "$TMP/gloss/glossary.json:3:28: /entries/0/zh/0: expected a Chinese term"
cp "$DATA/glossary.json" "$TMP/gloss/glossary.json"
run validate --data "$TMP/gloss"
check "the bundled glossary: valid" test "$rc" -eq 0

run validate --bogus
check "unknown option: exit 2" test "$rc" -eq 2
check "unknown option: named on stderr" stderr_has "unknown option --bogus"
check "unknown option: usage on stderr" stderr_has "usage: papertide"

run validate --data
check "--data without a value: exit 2" test "$rc" -eq 2
check "--data without a value: message" stderr_has "--data needs a value"

finish
