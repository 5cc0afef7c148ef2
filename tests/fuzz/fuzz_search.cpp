// libFuzzer target: search queries: parseSearchQuery + SearchIndex::match on a small fixed corpus, checked by brute force.
// The harness is harness_search.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::search(data, size); }
