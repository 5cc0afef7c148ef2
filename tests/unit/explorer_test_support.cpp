// The explorer tests' corpus, explorers and agreement checks (explorer_test_support.h).
#include "explorer_test_support.h"

namespace papertide::test::explorer {

const Loaded& smallCorpus() {
    static const Loaded loaded = [] {
        ojson a = digestJson("2022-01-a", "2022-01",
                             {paperJson("p1", "Vision Transformers at Scale", {"Alice Żak", "Bob Stone"}, {"vision"}),
                              paperJson("p2", "Large Language Model Survey", {"Carol King"}, {"language-models"})});
        ojson b = digestJson("2022-03-b", "2022-03",
                             {paperJson("p3", "Reward Shaping with Diffusion", {"Dan Brown", "Alice Wong"}, {"diffusion", "rl"}),
                              paperJson("p4", "Denoising Diffusion Models", {"Eve Adams"}, {"diffusion"}, {{"summary", "扩散模型的综述"}}),
                              paperJson("p1", "Vision Transformers at Scale", {"Alice Żak", "Bob Stone"}, {"vision"})});
        ojson c = digestJson("2022-05-c", "2022-05",
                             {paperJson("p5", "Image Diffusion", {"José García"}, {"diffusion", "vision"}),
                              paperJson("p3", "Reward Shaping with Diffusion", {"Dan Brown", "Alice Wong"}, {"diffusion", "rl"})});
        Loaded l = loadSynthetic({c, a, b});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 5);
        return l;
    }();
    return loaded;
}

std::unique_ptr<Explorer> smallExplorer() {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(smallCorpus().corpus, smallCorpus().diagnostics);
    return ex;
}

std::unique_ptr<Explorer> seedExplorer() {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(seed().corpus, seed().diagnostics);
    return ex;
}

Ids visibleIds(Explorer& ex) { return sorted(paperIds(ex.corpus(), ex.visiblePapers())); }

Ids visibleInOrder(Explorer& ex) { return paperIds(ex.corpus(), ex.visiblePapers()); }

void checkMatrixAgrees(Explorer& ex) {
    std::vector<PaperIndex> visible = ex.visiblePapers();
    TopicMonthMatrix expected = countTopicMonths(ex.corpus(), visible, &ex.state().filter);
    const TopicMonthMatrix& m = ex.filteredMatrix();
    CHECK(m.firstMonth == expected.firstMonth);
    CHECK(m.topics == expected.topics);
    CHECK(m.months == expected.months);
    CHECK(m.counts == expected.counts);
    CHECK(m.topicTotals == expected.topicTotals);
    CHECK(m.maxCount == expected.maxCount);
}

void checkFacetsAgree(Explorer& ex) {
    PaperFilter withoutTopics = ex.state().filter;
    withoutTopics.topics.clear();
    std::vector<PaperIndex> papers = filterPapers(ex.corpus(), ex.index(), withoutTopics, ex.marks());
    CHECK(ex.topicFacetCounts() == countTopicMonths(ex.corpus(), papers, &withoutTopics).topicTotals);
}

}  // namespace papertide::test::explorer
