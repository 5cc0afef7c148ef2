// libFuzzer target: stored reader data: decodePaperSet / decodeSettings and their round trips.
// The harness is harness_reader_data.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::readerData(data, size); }
