// libFuzzer target: the URL hash and JSON view state: decodeViewState/encodeViewState round trip, applyViewStateJson.
// The harness is harness_view_state.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::viewState(data, size); }
