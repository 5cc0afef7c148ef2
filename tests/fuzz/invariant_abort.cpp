// The libFuzzer targets' answer to a broken invariant: say which one and abort, so the input is kept as a crash.
#include <cstdio>
#include <cstdlib>

#include "invariant.h"

namespace papertide::fuzz {

void brokenInvariant(const char* file, int line, const char* condition, const std::string& what) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", file, line, condition, what.c_str());
    std::abort();
}

}  // namespace papertide::fuzz
