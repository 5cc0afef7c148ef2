// How a fuzz harness reports a broken invariant. The check is a call, not a macro body of its own, so that the same
// compiled harness serves both of its hosts: the libFuzzer targets link invariant_abort.cpp (print and abort, so
// libFuzzer saves the input as a crash); the unit tests' replay defines brokenInvariant as a failed check.
#pragma once
#include <string>

namespace papertide::fuzz {

void brokenInvariant(const char* file, int line, const char* condition, const std::string& what);

}  // namespace papertide::fuzz

// `what` is only built when the check fails: many checks describe the state at length.
#define PAPERTIDE_FUZZ_CHECK(cond, what)                                                    \
    do {                                                                                    \
        if (!(cond)) ::papertide::fuzz::brokenInvariant(__FILE__, __LINE__, #cond, (what)); \
    } while (0)
