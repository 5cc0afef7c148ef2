// The fuzz harnesses: each feeds arbitrary bytes to one parser and checks invariants beyond "no crash" (see
// invariant.h for how a broken one is reported). The libFuzzer targets (fuzz_<target>.cpp, scripts/fuzz.sh) and the
// unit tests' replay of their seeds and regressions (tests/unit/test_fuzz_regressions.cpp, test_import_fuzz.cpp) call
// the same functions. Each returns 0, as libFuzzer expects.
#pragma once
#include <cstddef>
#include <cstdint>

namespace papertide::fuzz {

int digest(const uint8_t* data,
           size_t size);  // digest files, topics.json and the JSON tree
int viewState(const uint8_t* data,
              size_t size);  // the URL hash and the JSON view state
int search(const uint8_t* data,
           size_t size);  // search queries, checked against brute force
int readerData(const uint8_t* data,
               size_t size);  // stored reader data and imported reading lists
int snapshot(const uint8_t* data,
             size_t size);  // the snapshot reader, raw and resealed
int importArticle(const uint8_t* data,
                  size_t size);  // text, Markdown and HTML articles drafted as digests

}  // namespace papertide::fuzz
