// Helpers of the insights tests (test_insights_*.cpp): two synthetic corpora with known answers (months with gaps,
// uneven months), a month as text, and a seed topic by id.
#pragma once
#include <string>

#include "core/insights.h"
#include "synthetic_test_support.h"

namespace papertide::test::insights {

// Four digest months with gaps (2022-03, -04 and -06 have no digest); 10 distinct papers each:
//   2022-01: lm 2, diffusion 4, rl 2, general 2
//   2022-02: lm 2, diffusion 4 (d1 again from 2022-01 + 3 new), rl 2, general 2
//   2022-05: lm 2, diffusion 2, general 6
//   2022-07: two digests: a = lm 2, diffusion 2, general 2; b = vision 2, general 2, and a's first lm paper again
// With the default window of 4: earlier half = 2022-01, 2022-02; newer half = 2022-05, 2022-07.
//   lm        0.2 0.2 | 0.2 0.2 -> steady
//   diffusion 0.4 0.4 | 0.2 0.2 -> fading (the share halves)
//   rl        0.2 0.2 | 0   0   -> dormant
//   vision    0   0   | 0   0.2 -> new (first seen in the newer half)
//   general   0.2 0.2 | 0.6 0.4 -> rising
const Loaded& gapCorpus();

// A 10-paper month next to a 37-paper month: counts and shares disagree.
//   2022-03 (10): vision 3, lm 2, rl 1, general 4
//   2022-04 (37): vision 4, lm 8, rl 10, general 15
// vision: 3 -> 4 papers but 0.30 -> 0.11 of the month; lm: 2 -> 8 papers, 0.20 -> 0.22; rl: 0.10 -> 0.27.
const Loaded& unevenCorpus();

// "YYYY-MM", or "-" for no month (-1).
std::string monthText(MonthNumber m);

// The index of a seed corpus topic; fails the test if there is none.
TopicIndex seedTopic(const std::string& id);

}  // namespace papertide::test::insights
