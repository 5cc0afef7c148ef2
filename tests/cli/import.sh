#!/usr/bin/env bash
# papertide import: drafts of the seed articles (../shared/seeds beside the clone) and of the fixtures in
# tests/import/ pass `papertide validate`; bad input is refused with a message and nothing written.
# usage: import.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
SEEDS="$ROOT/../shared/seeds"
FIXTURES="$ROOT/tests/import"

# validates FILE (a drafted digest) against the corpus's topics.json: no error allowed.
validates() {
  local file=$1
  set +e
  "$BIN" validate --data "$DATA" "$file" >"$TMP/validate.out" 2>&1
  local status=$?
  set -e
  [ $status -eq 0 ] || { sed 's/^/  validate: /' "$TMP/validate.out"; return 1; }
}
# draft ARTICLE NAME: imports ARTICLE to $TMP/NAME.json (via --out) and checks it validates.
draft() {
  local article=$1 name=$2
  shift 2
  run import "$article" --data "$DATA" --out "$TMP/drafts/$name.json" "$@"
  [ "$rc" -eq 0 ] && [ -s "$TMP/drafts/$name.json" ] && validates "$TMP/drafts/$name.json"
}
mkdir -p "$TMP/drafts"

if [ ! -d "$SEEDS" ] || [ -z "$(ls "$SEEDS"/*.txt 2>/dev/null)" ]; then
  echo "FAIL - no seed articles in $SEEDS (the shared folder must sit beside the clone)"
  exit 1
fi
for seed in "$SEEDS"/*.txt; do
  name=$(basename "$seed" .txt)
  check "seed $name drafts a digest that validates" draft "$seed" "$name"
  check "seed $name: at least 10 papers, every one with a title" \
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(not (len(d["papers"]) >= 10 and all(p["title"] for p in d["papers"])))' "$TMP/drafts/$name.json"
done
for fixture in "$FIXTURES"/*; do
  name=$(basename "$fixture")
  check "fixture $name drafts a digest that validates" draft "$fixture" "$name"
done

# stdout when there is no --out; options win over the page.
run import "$FIXTURES/plain_numbered.txt" --data "$DATA" --month 2023-04 --source "Test outlet" --title "T" --id 2023-04-test-import
check "stdout draft with the options applied" py_true 'd["month"] == "2023-04" and d["source"] == "Test outlet" and d["title"] == "T" and d["id"] == "2023-04-test-import"'
check "summary line on stderr" stderr_has "4 paper(s) drafted as 2023-04-test-import"
check "warnings name the entry" stderr_has "warning: /papers/"
cat "$FIXTURES/plain_numbered.txt" | { set +e; "$BIN" import - --data "$DATA" >"$TMP/out" 2>"$TMP/err"; echo $? >"$TMP/rc"; }
rc=$(cat "$TMP/rc")
check "- reads the article from stdin" py_true 'len(d["papers"]) == 4'

# Refusals: a clear message, exit 1, and the --out file untouched.
printf 'keep me' >"$TMP/existing.json"
refused() {
  local file=$1 message=$2
  run import "$file" --data "$DATA" --out "$TMP/existing.json"
  [ "$rc" -eq 1 ] && stderr_has "$message" && stderr_has "nothing written" && [ "$(cat "$TMP/existing.json")" = "keep me" ] &&
    [ ! -e "$TMP/existing.json.tmp" ]
}
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$TMP/image.txt"
check "a binary file is refused" refused "$TMP/image.txt" "PNG image"
printf '1. \xc2\xdb\xce\xc4\xcd\xc6\xbc\xf6 \xc2\xdb\xce\xc4\n' >"$TMP/gbk.txt"
check "GBK is refused with a conversion hint" refused "$TMP/gbk.txt" "GB18030"
printf '今天天气很好。\n我们去公园。\n' >"$TMP/nopapers.txt"
check "an article without papers is refused" refused "$TMP/nopapers.txt" "no paper entries found"
head -c 10485760 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
check "a 10 MB text is refused (limit 4 MiB)" refused "$TMP/big.txt" "at most 4 MiB"
printf '\xff\xfe' >"$TMP/utf16.txt"
printf '1\0.\0 \0A\0 \0P\0a\0p\0e\0r\0 \0T\0i\0t\0l\0e\0\n\0A\0n\0n\0 \0L\0e\0e\0,\0 \0B\0o\0 \0C\0h\0e\0n\0\n\0' >>"$TMP/utf16.txt"
run import "$TMP/utf16.txt" --data "$DATA"
check "UTF-16 with a BOM is converted" py_true 'd["papers"][0]["title"] == "A Paper Title" and d["papers"][0]["authors"] == ["Ann Lee", "Bo Chen"]'

run import "$TMP/missing.txt" --data "$DATA"
check "a missing article is an I/O error (exit 2)" test "$rc" -eq 2
run import
check "no article is a usage error (exit 2)" test "$rc" -eq 2
run import "$FIXTURES/plain_numbered.txt" --bogus
check "an unknown option is a usage error" test "$rc" -eq 2
run import "$FIXTURES/plain_numbered.txt" --data "$DATA" --month 2023-13
check "a bad --month is refused" test "$rc" -eq 1
run import "$FIXTURES/plain_numbered.txt" --data "$DATA" --out "$TMP/no/such/dir/x.json"
check "an unwritable --out is an I/O error" test "$rc" -eq 2
finish
