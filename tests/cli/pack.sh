#!/usr/bin/env bash
# papertide pack: writes a snapshot of the seed corpus that `pack --check` reads back with the same counts as
# `stats`; deterministic bytes; a corpus with an error is refused (exit 1, the diagnostic on stderr, no file
# left); damaged snapshots (truncated, another version, a flipped byte, not a snapshot) are refused by
# --check with exit 1 and a message naming the check; usage errors exit 2.
# usage: pack.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
size() { stat -c %s "$1"; }

run pack --data "$DATA" --out "$TMP/seed.snap"
check "pack the seed corpus" [ "$rc" -eq 0 ]
check "pack reports what it wrote" stderr_has "-> $TMP/seed.snap"
check "no temporary file is left" [ ! -e "$TMP/seed.snap.tmp" ]

run stats --data "$DATA" --json
papers=$(py 'd["papers"]')
digests=$(py 'd["digests"]')
run pack --check "$TMP/seed.snap"
check "the snapshot reads back" [ "$rc" -eq 0 ]
check "same paper and digest counts as stats" stdout_has "$digests digest(s), $papers paper(s)"
check "--check lists the sections" stdout_has "index postings"

run pack --data "$DATA" --out "$TMP/again.snap"
check "packing twice gives the same bytes" cmp -s "$TMP/seed.snap" "$TMP/again.snap"

# The digests are named as the site names them, wherever the data directory was: the same bytes from a copy
# elsewhere, and no builder's path inside.
mkdir -p "$TMP/elsewhere/data"
cp -r "$DATA"/. "$TMP/elsewhere/data/"
run pack --data "$TMP/elsewhere/data/" --out "$TMP/elsewhere.snap"
check "a copy of the data elsewhere packs to the same bytes" cmp -s "$TMP/seed.snap" "$TMP/elsewhere.snap"
check "no absolute path of the data directory is stored" bash -c "! grep -q -a -F '$TMP/elsewhere' '$TMP/elsewhere.snap'"
first=$(ls "$DATA/digests" | head -n 1)
check "digests are named data/digests/NAME.json" python3 -c '
import sys
data, name = open(sys.argv[1], "rb").read(), sys.argv[2].encode()
at = data.find(name)
sys.exit(0 if at > 0 and data[at - 1:at] != b"/" else 1)' "$TMP/seed.snap" "data/digests/$first"

# --- refusals of damaged snapshots ------------------------------------------------------------------------
head -c $(( $(size "$TMP/seed.snap") / 2 )) "$TMP/seed.snap" >"$TMP/half.snap"
run pack --check "$TMP/half.snap"
check "a truncated snapshot is refused" [ "$rc" -eq 1 ]
check "... saying why" stderr_has "snapshot: truncated: "
check "... and how long it was written" stderr_has "written as $(size "$TMP/seed.snap")"

python3 - "$TMP/seed.snap" "$TMP" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
other = bytearray(data); other[8:12] = struct.pack('<I', 99)
open(sys.argv[2] + '/version.snap', 'wb').write(other)
flipped = bytearray(data); flipped[len(data) // 3] ^= 0x40
open(sys.argv[2] + '/flipped.snap', 'wb').write(flipped)
PY
run pack --check "$TMP/version.snap"
check "another format version is refused" [ "$rc" -eq 1 ]
check "... naming both versions" stderr_has "format version 99, this build reads version"
run pack --check "$TMP/flipped.snap"
check "a flipped byte is refused" [ "$rc" -eq 1 ]
check "... as a checksum mismatch of its section" stderr_has "checksum mismatch"
run pack --check "$DATA/topics.json"
check "a JSON file is not a snapshot" [ "$rc" -eq 1 ]
check "... bad magic" stderr_has "not a Papertide snapshot"

# --- a corpus with an error is never packed -----------------------------------------------------------------
mkdir -p "$TMP/bad/digests"
cp "$DATA/topics.json" "$TMP/bad/"
cp "$DATA"/digests/*.json "$TMP/bad/digests/"
echo '{"format": 1, "id": "2024-01-broken", "month": "2024-13"}' >"$TMP/bad/digests/2024-01-broken.json"
run pack --data "$TMP/bad" --out "$TMP/bad.snap"
check "a corpus with errors is refused" [ "$rc" -eq 1 ]
check "... with its diagnostics" stderr_has "2024-01-broken.json"
check "... and no snapshot written" [ ! -e "$TMP/bad.snap" ] && [ ! -e "$TMP/bad.snap.tmp" ]

# --- usage --------------------------------------------------------------------------------------------------
run pack --data "$DATA"
check "--out is required" [ "$rc" -eq 2 ]
run pack --out "$TMP/x.snap" --bogus
check "unknown options are usage errors" [ "$rc" -eq 2 ]
run pack --check "$TMP/missing.snap"
check "a missing file is an I/O error" [ "$rc" -eq 2 ]

finish
