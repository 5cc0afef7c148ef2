// libFuzzer target: snapshots: readSnapshot on raw and resealed bytes; accepted snapshots are queried and written back.
// The harness is harness_snapshot.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::snapshot(data, size); }
