// Helpers of the explorer tests (test_explorer_*.cpp, test_recurrence_and_lists_explorer.cpp): a small corpus with
// known answers, explorers over it and over the seed corpus, and the derived results checked against a fresh count.
#pragma once
#include <cstdint>
#include <memory>

#include "core/explorer.h"
#include "synthetic_test_support.h"

namespace papertide::test::explorer {

// p1..p5 over 2022-01..2022-05 (02 and 04 have no digest):
//   2022-01-a: p1 [vision], p2 [language-models]
//   2022-03-b: p3 [diffusion, rl], p4 [diffusion], p1 [vision]
//   2022-05-c: p5 [diffusion, vision], p3 [diffusion, rl]
// Topic totals: diffusion 3, vision 2, language-models 1, rl 1, general 0.
const Loaded& smallCorpus();

// The Explorer holds a search index over its own corpus: keep it in place.
std::unique_ptr<Explorer> smallExplorer();
std::unique_ptr<Explorer> seedExplorer();

// The visible papers' ids: sorted, or in the explorer's order.
Ids visibleIds(Explorer& ex);
Ids visibleInOrder(Explorer& ex);

inline const Ids kAll = {"p1", "p2", "p3", "p4", "p5"};

// Runs `action` and reports whether stateRevision moved.
template <typename F>
bool bumps(Explorer& ex, F action) {
    uint64_t before = ex.stateRevision();
    action();
    return ex.stateRevision() != before;
}

// The filtered matrix must equal a fresh count over the visible papers within the filter's scope.
void checkMatrixAgrees(Explorer& ex);

// Facet counts: the same filter without its topics, counted per topic.
void checkFacetsAgree(Explorer& ex);

}  // namespace papertide::test::explorer
