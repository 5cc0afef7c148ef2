#!/usr/bin/env bash
# smoke.sh GEN BENCH PAPERTIDE OUTDIR - CTest "bench/smoke": generate a 1,000-paper synthetic corpus, check it
# validates with no errors or warnings, and run the native benchmark once on it (no timing is checked).
set -euo pipefail
gen=${1:?gen} bench=${2:?bench} papertide=${3:?papertide} out=${4:?outdir}
mkdir -p "$out"
"$gen" --papers 1000 --seed 3 --out "$out/corpus" >/dev/null
summary=$("$papertide" validate --data "$out/corpus" 2>&1 >/dev/null | tail -n 1)
echo "validate: $summary"
case "$summary" in
  *"1000 paper(s) loaded; 0 error(s), 0 warning(s)"*) ;;
  *) echo "expected 1000 papers and no problems"; exit 1 ;;
esac
"$bench" --data "$out/corpus" --samples 1 --json "$out/bench.json" >"$out/bench.txt"
grep -q '"papers": 1000' "$out/bench.json" || { echo "bench report lacks the corpus"; exit 1; }
grep -q '"query_ms"' "$out/bench.json" || { echo "bench report lacks query latency"; exit 1; }
head -n 12 "$out/bench.txt"
echo "bench smoke: ok"
