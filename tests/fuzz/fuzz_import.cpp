// libFuzzer target: digest articles (text, Markdown, HTML) through import::draftDigest.
// The harness lives in harness_import.h (shared with the unit-test replay); see scripts/fuzz.sh.
#include "harness_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return papertide::fuzz::importArticle(data, size); }
