// Shared by the recurrence and shared-list tests (test_recurrence_and_lists_*.cpp): a corpus whose papers are picked
// a known number of times.
#pragma once
#include "test_support.h"

namespace papertide::test::recurrence {

// p1 is picked three times, p2 twice, the others once:
//   2022-01-a: p1 [vision], p2 [language-models], p3 [rl]
//   2022-02-a: p1, p4 [diffusion]
//   2022-04-a: p1, p2, p5 [vision]
const Loaded& picksCorpus();

}  // namespace papertide::test::recurrence
