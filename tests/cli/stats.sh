#!/usr/bin/env bash
# papertide stats: corpus counts and the topic x month matrix, as JSON and as a table.
# usage: stats.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
# py EXPR: evaluates a Python expression over the JSON on stdout (bound to `d`) and prints the result.
# py_true EXPR: succeeds when the expression is true.


# --- stats --json ------------------------------------------------------------------------------------
run stats --json --data "$DATA"
check "stats --json: exit 0" test "$rc" -eq 0
check "stats --json: valid JSON" py_true 'isinstance(d, dict)'
check "stats --json: digests = 5" test "$(py 'd["digests"]')" = 5
check "stats --json: papers = 75" test "$(py 'd["papers"]')" = 75
check "stats --json: appearances = 77" test "$(py 'd["appearances"]')" = 77
check "stats --json: authors counted" py_true 'd["authors"] > 200'
check "stats --json: 17 months" test "$(py 'len(d["months"])')" = 17
check "stats --json: months start at 2021-11" test "$(py 'd["months"][0]')" = 2021-11
check "stats --json: months end at 2023-03" test "$(py 'd["months"][-1]')" = 2023-03
check "stats --json: months are consecutive, gaps included" py_true \
  'd["months"] == ["%04d-%02d" % (2021 + (10 + i) // 12, (10 + i) % 12 + 1) for i in range(17)]'
check "stats --json: 22 topics" test "$(py 'len(d["topics"])')" = 22
check "stats --json: every topic has id, label_en, label_zh, total and 17 counts" py_true \
  'all(set(t) >= {"id", "label_en", "label_zh", "total", "counts"} and len(t["counts"]) == 17 and t["id"] and t["label_en"] and t["label_zh"] for t in d["topics"])'
check "stats --json: topic ids match topics.json, in order" py_true \
  '[t["id"] for t in d["topics"]] == [t["id"] for t in json.load(open(os.environ["DATA"] + "/topics.json"))["topics"]]'
check "stats --json: counts are non-negative integers" py_true \
  'all(isinstance(n, int) and n >= 0 for t in d["topics"] for n in t["counts"])'
check "stats --json: months without a digest are empty" py_true \
  'all(t["counts"][i] == 0 for t in d["topics"] for i, m in enumerate(d["months"]) if m not in ("2021-11", "2021-12", "2022-04", "2022-06", "2023-03"))'
check "stats --json: every topic is used" py_true 'all(t["total"] > 0 for t in d["topics"])'
check "stats --json: language-models: 13 papers, 6 in 2023-03" py_true \
  '[(t["total"], t["counts"][-1]) for t in d["topics"] if t["id"] == "language-models"] == [(13, 6)]'
check "stats --json: a topic total never exceeds its column sum" py_true \
  'all(t["total"] <= sum(t["counts"]) for t in d["topics"])'

# The matrix against the digest files themselves (an independent count in Python).
cat >"$TMP/expected.py" <<'EOF'
import glob, json, sys
data = sys.argv[1]
per = {}  # (topic, month) -> set of paper ids
topics = {}
for f in sorted(glob.glob(data + "/digests/*.json")):
    d = json.load(open(f))
    for p in d["papers"]:
        topics.setdefault(p["id"], set()).update(p.get("topics", []))
months = {}
for f in sorted(glob.glob(data + "/digests/*.json")):
    d = json.load(open(f))
    for p in d["papers"]:
        months.setdefault(p["id"], set()).add(d["month"])
for pid in topics:
    for t in topics[pid]:
        for m in months[pid]:
            per.setdefault((t, m), set()).add(pid)
stats = json.load(open(sys.argv[2]))
bad = [(t["id"], m, t["counts"][i], len(per.get((t["id"], m), ())))
       for t in stats["topics"] for i, m in enumerate(stats["months"])
       if t["counts"][i] != len(per.get((t["id"], m), ()))]
print("ok" if not bad else bad)
EOF
check "stats --json: every cell equals an independent count from the digest files" \
  test "$(python3 "$TMP/expected.py" "$DATA" "$TMP/out")" = ok

# --- table output ------------------------------------------------------------------------------------
run stats --data "$DATA"
check "stats: exit 0" test "$rc" -eq 0
check "stats: headline" stdout_has "5 digests, 75 papers (77 appearances),"
check "stats: month range" stdout_has "17 months (2021-11 to 2023-03)"
check "stats: a header row with the months" stdout_has "21-11 21-12 22-01"
check "stats: one row per topic" test "$(grep -cE '^(language-models|multimodal|diffusion-generation|general) ' "$TMP/out")" -eq 4
check "stats: 22 topic rows" test "$(grep -cE '^[a-z0-9-]+ +[0-9]+ ' "$TMP/out")" -eq 22

# --- a corpus with a bad digest: stats still works, and says digests were left out ---------------------
mkdir -p "$TMP/data/digests"
cp "$DATA/topics.json" "$TMP/data/"
cp "$DATA"/digests/*.json "$TMP/data/digests/"
printf '{"format": 1, "id": "broken"' >"$TMP/data/digests/2024-01-broken.json"
run stats --json --data "$TMP/data"
check "bad digest in the corpus: exit 0" test "$rc" -eq 0
check "bad digest in the corpus: the other five load" test "$(py 'd["digests"]')" = 5
check "bad digest in the corpus: a warning on stderr" stderr_has "problem(s) in the corpus"

# --- usage and I/O errors ----------------------------------------------------------------------------
run stats --bogus
check "stats unknown option: exit 2" test "$rc" -eq 2
check "stats unknown option: usage" stderr_has "usage: papertide"
run stats --json --data "$TMP/no-such-dir"
check "stats missing data dir: exit 2" test "$rc" -eq 2
check "stats missing data dir: says so" stderr_has "cannot read"

finish
