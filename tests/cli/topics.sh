#!/usr/bin/env bash
# papertide topics: each topic's lifecycle (first, peak, latest digest month, total, trend), as JSON and as a table.
# usage: topics.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
# topics ARGS...: papertide topics --data DATA --json ARGS...
topics() { run topics --data "$DATA" --json "$@"; }
py() { python3 -c 'import json, os, sys; d = json.load(open(sys.argv[1])); t = {x["id"]: x for x in d["topics"]}; print(eval(sys.argv[2]))' "$TMP/out" "$1"; }
# trend ID: the trend of one topic in the JSON result.
trend() { py "t[\"$1\"][\"trend\"]"; }
# Well-formed result: the documented fields, every topic of topics.json in its order, known trends.
well_formed() {
  py_true 'set(d) >= {"window", "digest_months", "topics"} and all(set(x) >= {"id", "label_en", "label_zh", "total", "first", "peak", "peak_count", "latest", "trend"} for x in d["topics"]) and all(x["trend"] in ("rising", "steady", "fading", "new", "dormant") for x in d["topics"]) and [x["id"] for x in d["topics"]] == [x["id"] for x in json.load(open(os.environ["DATA"] + "/topics.json"))["topics"]]'
}


# Expected totals, first and latest months per topic, straight from the digest files: a paper counts once,
# with the union of its topics, in every month it was recommended.
cat >"$TMP/expected.py" <<'EOF'
import glob, json, os, sys
papers = {}
for f in sorted(glob.glob(os.environ["DATA"] + "/digests/*.json")):
    d = json.load(open(f))
    for p in d["papers"]:
        e = papers.setdefault(p["id"], {"topics": set(), "months": set()})
        e["topics"].update(p.get("topics", []))
        e["months"].add(d["month"])
out = {}
for e in papers.values():
    for t in e["topics"]:
        o = out.setdefault(t, {"total": 0, "first": "9999-99", "latest": "0000-00"})
        o["total"] += 1
        o["first"] = min(o["first"], min(e["months"]))
        o["latest"] = max(o["latest"], max(e["months"]))
print(json.dumps(out, sort_keys=True))
EOF
expected=$(python3 "$TMP/expected.py")
# got: the same summary from the JSON result (topics never seen left out).
got() { py 'json.dumps({x["id"]: {"total": x["total"], "first": x["first"], "latest": x["latest"]} for x in d["topics"] if x["total"]}, sort_keys=True)'; }

# --- the seed corpus, default window ------------------------------------------------------------------
topics
check "topics --json: exit 0" test "$rc" -eq 0
check "topics --json: well-formed, every topic in taxonomy order" well_formed
check "topics --json: 22 topics" test "$(py 'len(d["topics"])')" = 22
check "topics --json: window 4 by default" test "$(py 'd["window"]')" = 4
check "topics --json: the 5 digest months, gaps left out" test "$(py '",".join(d["digest_months"])')" = \
  "2021-11,2021-12,2022-04,2022-06,2023-03"
check "topics --json: totals, first and latest months agree with the digest files" test "$(got)" = "$expected"
check "topics --json: labels from topics.json" py_true \
  't["language-models"]["label_en"] == "Language models" and t["language-models"]["label_zh"] == "语言模型"'
check "language-models: 13 papers, peak 2023-03 with 6, rising" py_true \
  't["language-models"]["total"] == 13 and t["language-models"]["peak"] == "2023-03" and t["language-models"]["peak_count"] == 6 and t["language-models"]["trend"] == "rising"'
check "vision: peak by share is 2021-12 (9 of 36), fading" py_true \
  't["vision"]["peak"] == "2021-12" and t["vision"]["peak_count"] == 9 and t["vision"]["trend"] == "fading"'
check "retrieval: counted once although listed twice in 2021-12; peak 2021-11 (1 of 10)" py_true \
  't["retrieval"]["total"] == 4 and t["retrieval"]["peak"] == "2021-11" and t["retrieval"]["peak_count"] == 1'
check "science: last seen 2021-12, dormant" py_true 't["science"]["latest"] == "2021-12" and t["science"]["trend"] == "dormant"'
check "graphs: first seen 2022-04, steady over 4 months" py_true 't["graphs"]["first"] == "2022-04" and t["graphs"]["trend"] == "steady"'
check "the trends of window 4" test "$(py '",".join(sorted(k for k in t if t[k]["trend"] == "dormant"))')" = \
  "3d-rendering,general,robustness,safety-ethics,science,speech-audio"
check "the fading topics of window 4" test "$(py '",".join(sorted(k for k in t if t[k]["trend"] == "fading"))')" = \
  "continual-meta,nlp-tasks,vision"
check "shares: recent and earlier share within [0, 1]" py_true \
  'all(0 <= x["recent_share"] <= 1 and 0 <= x["earlier_share"] <= 1 for x in d["topics"])'

# --- the window --------------------------------------------------------------------------------------
topics --window 3
check "--window 3: exit 0" test "$rc" -eq 0
check "--window 3: window 3" test "$(py 'd["window"]')" = 3
check "--window 3: vision steady, graphs fading, retrieval rising" test "$(trend vision),$(trend graphs),$(trend retrieval)" = \
  "steady,fading,rising"
check "--window 3: totals do not depend on the window" test "$(got)" = "$expected"

topics --window=5
check "--window=5 form: graphs, first seen in the newer half, is new" test "$(trend graphs)" = "new"
w5=$(py '[x["trend"] for x in d["topics"]]')
topics --window 9
check "--window 9: judged over the 5 digest months there are" test "$(py 'd["window"]')" = 5
check "--window 9: the same trends as --window 5" test "$(py '[x["trend"] for x in d["topics"]]')" = "$w5"

topics --window 2
check "--window 2: the smallest window" test "$(py 'd["window"]'),$(trend reinforcement-learning),$(trend vision)" = "2,dormant,dormant"

for bad in 1 0 abc -3 2.5 1000 ""; do
  topics --window "$bad"
  check "--window '$bad': exit 2" test "$rc" -eq 2
  check "--window '$bad': message" stderr_has "--window expects a number of digest months (2 or more)"
done
topics --window
check "--window without a value: exit 2" test "$rc" -eq 2
topics --bogus
check "unknown option: exit 2" test "$rc" -eq 2
check "unknown option: message" stderr_has "unexpected argument --bogus"
run topics --data "$TMP/no-such-dir" --json
check "missing data directory: exit 2" test "$rc" -eq 2

# --- a synthetic corpus with known answers -----------------------------------------------------------
# 2022-01 and 2022-02: 5 vision + 5 nlp-tasks papers; 2022-04 (after a gap): 5 vision + 5 graphs papers.
mkdir -p "$TMP/data/digests"
cp "$DATA/topics.json" "$TMP/data/topics.json"
python3 - "$TMP/data/digests" <<'EOF'
import json, sys
def digest(month, groups):
    papers = []
    for topic, n in groups:
        for i in range(n):
            pid = f"p{month.replace('-', '')}-{topic}-{i}"
            papers.append({"id": pid, "section": "main", "title": "Paper " + pid, "authors": ["A. Author"], "topics": [topic]})
    return {"format": 1, "id": month + "-test", "month": month, "title": "测试 " + month, "source": "Test",
            "language": "zh-Hans", "sections": [{"id": "main", "title": "论文"}], "papers": papers}
for month, groups in [("2022-01", [("vision", 5), ("nlp-tasks", 5)]), ("2022-02", [("vision", 5), ("nlp-tasks", 5)]),
                      ("2022-04", [("vision", 5), ("graphs", 5)])]:
    json.dump(digest(month, groups), open(f"{sys.argv[1]}/{month}-test.json", "w"), ensure_ascii=False)
EOF
run topics --data "$TMP/data" --json
check "synthetic: exit 0" test "$rc" -eq 0
check "synthetic: window 3 = the 3 digest months" test "$(py 'd["window"]'),$(py '",".join(d["digest_months"])')" = \
  "3,2022-01,2022-02,2022-04"
check "synthetic: graphs new, nlp-tasks fading (0.5 -> 0.25), vision steady" \
  test "$(trend graphs),$(trend nlp-tasks),$(trend vision)" = "new,fading,steady"
check "synthetic: a topic never seen has null months, 0 papers, dormant" py_true \
  't["science"]["first"] is None and t["science"]["peak"] is None and t["science"]["latest"] is None and t["science"]["total"] == 0 and t["science"]["peak_count"] == 0 and t["science"]["trend"] == "dormant"'
check "synthetic: graphs first = peak = latest = 2022-04, 5 papers" py_true \
  't["graphs"]["first"] == t["graphs"]["peak"] == t["graphs"]["latest"] == "2022-04" and t["graphs"]["peak_count"] == 5'
run topics --data "$TMP/data" --json --window 2
check "synthetic --window 2: nlp-tasks dormant (absent from 2022-04)" test "$(trend nlp-tasks),$(trend graphs)" = "dormant,new"

# --- table output ------------------------------------------------------------------------------------
run topics --data "$DATA"
check "table: exit 0" test "$rc" -eq 0
check "table: a header naming the window" grep -qE '^topic +total +first +peak +latest +trend \(over the last 4 digest months\)$' "$TMP/out"
check "table: a line per topic" test "$(grep -c '' "$TMP/out")" -eq 23
check "table: the language-models line" grep -qE '^language-models +13  2021-11  2023-03  2023-03  rising$' "$TMP/out"
check "table: the science line" grep -qE '^science +3  2021-12  2021-12  2021-12  dormant$' "$TMP/out"
run topics --data "$TMP/data"
check "table: a never-seen topic shows dashes" grep -qE '^science +0  -  +-  +-  +dormant$' "$TMP/out"

finish
