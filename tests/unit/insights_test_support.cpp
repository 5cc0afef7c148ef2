// The insights tests' synthetic corpora and small helpers (insights_test_support.h).
#include "insights_test_support.h"

namespace papertide::test::insights {

const Loaded& gapCorpus() {
    static const Loaded loaded = [] {
        ojson jan = digestJson("2022-01-a", "2022-01",
                               concat({batch("jan", "language-models", 2), batch("jan", "diffusion", 4), batch("jan", "rl", 2),
                                       batch("jan", "general", 2)}));
        ojson feb = digestJson("2022-02-a", "2022-02",
                               concat({batch("jan", "diffusion", 1), batch("feb", "language-models", 2),
                                       batch("feb", "diffusion", 3, 2), batch("feb", "rl", 2), batch("feb", "general", 2)}));
        ojson may = digestJson("2022-05-a", "2022-05",
                               concat({batch("may", "language-models", 2), batch("may", "diffusion", 2), batch("may", "general", 6)}));
        ojson julA = digestJson("2022-07-a", "2022-07",
                                concat({batch("jul", "language-models", 2), batch("jul", "diffusion", 2), batch("jul", "general", 2)}));
        ojson julB = digestJson("2022-07-b", "2022-07",
                                concat({batch("jul", "vision", 2), batch("jul", "general", 2, 3), batch("jul", "language-models", 1)}));
        Loaded l = loadSynthetic({julB, may, jan, julA, feb});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.digests.size() == 5);
        REQUIRE(l.corpus.papers.size() == 39);  // 41 entries: jan-diffusion-1 and jul-language-models-1 recur
        return l;
    }();
    return loaded;
}

const Loaded& unevenCorpus() {
    static const Loaded loaded = [] {
        ojson mar = digestJson("2022-03-monthly", "2022-03",
                               concat({batch("mar", "vision", 3), batch("mar", "language-models", 2), batch("mar", "rl", 1),
                                       batch("mar", "general", 4)}));
        ojson apr = digestJson("2022-04-weekly", "2022-04",
                               concat({batch("apr", "vision", 4), batch("apr", "language-models", 8), batch("apr", "rl", 10),
                                       batch("apr", "general", 15)}));
        Loaded l = loadSynthetic({apr, mar});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 47);
        return l;
    }();
    return loaded;
}

std::string monthText(MonthNumber m) { return m < 0 ? "-" : formatMonth(m); }

TopicIndex seedTopic(const std::string& id) {
    auto it = seed().corpus.topicById.find(id);
    REQUIRE_MESSAGE(it != seed().corpus.topicById.end(), "no seed topic " << id);
    return it->second;
}

}  // namespace papertide::test::insights
