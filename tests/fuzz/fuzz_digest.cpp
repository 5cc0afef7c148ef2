// libFuzzer target: digest files and topics.json: parseDigest (against data/topics.json), parseTaxonomy, JsonDocument.
// The harness is harness_digest.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::digest(data, size); }
