// libFuzzer target: digest articles (text, Markdown, HTML) through import::draftDigest.
// The harness is harness_import.cpp (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::importArticle(data, size); }
