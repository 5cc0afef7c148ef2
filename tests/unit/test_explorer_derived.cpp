// The explorer's cached derived results (core/explorer.h): the topic x month matrices, topic facet counts, topic
// orders and visible months, on the small synthetic corpus and on the seed corpus.
#include <algorithm>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "explorer_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::explorer;

TEST_CASE("filteredMatrix and totalMatrix on the small corpus") {
    auto ex = smallExplorer();
    const TopicMonthMatrix& total = ex->totalMatrix();
    CHECK(total.firstMonth == month("2022-01"));
    CHECK(total.months == 5);
    CHECK(total.topics == 5);
    CHECK(total.topicTotals == std::vector<uint32_t>{1, 3, 1, 2, 0});
    CHECK(total.at(kDiffusion, 2) == 2);
    CHECK(total.at(kDiffusion, 4) == 2);
    CHECK(total.at(kVision, 0) == 1);
    CHECK(total.at(kVision, 2) == 1);
    CHECK(total.at(kLm, 0) == 1);
    CHECK(total.at(kRl, 1) == 0);
    CHECK(total.maxCount == 2);
    checkMatrixAgrees(*ex);
    CHECK(ex->filteredMatrix().counts == total.counts);

    ex->setQuery("diffusion");
    ex->toggleTopic("rl");
    CHECK(visibleIds(*ex) == Ids{"p3"});
    checkMatrixAgrees(*ex);
    CHECK(ex->filteredMatrix().topicTotals == std::vector<uint32_t>{0, 1, 1, 0, 0});
    // The total matrix never changes with the filters.
    CHECK(ex->totalMatrix().topicTotals == std::vector<uint32_t>{1, 3, 1, 2, 0});
}

TEST_CASE("topicFacetCounts ignore the topic filter and honour the others") {
    auto ex = smallExplorer();
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 3, 1, 2, 0});
    ex->toggleTopic("language-models");
    CHECK(visibleIds(*ex) == Ids{"p2"});
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 3, 1, 2, 0});
    ex->setQuery("diffusion");
    CHECK(ex->visiblePapers().empty());
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 3, 1, 1, 0});
    checkFacetsAgree(*ex);
    ex->setMonthRange(month("2022-03"), month("2022-03"));
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 2, 1, 0, 0});
    checkFacetsAgree(*ex);
    ex->setQuery("");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 2, 1, 1, 0});
    ex->setDigestFilter("2022-01-a");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 0, 0, 0, 0});  // that digest is outside the months
    ex->setMonthRange(std::nullopt, std::nullopt);
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 0, 0, 1, 0});
    ex->setAuthorFilter("bob");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 0, 0, 1, 0});
    checkFacetsAgree(*ex);
}

TEST_CASE("orderedTopics for each topic order") {
    auto ex = smallExplorer();
    // Total: diffusion 3, vision 2, then language-models and rl (1 each, taxonomy order), general 0.
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kVision, kLm, kRl, kGeneral});
    // First seen: language-models and vision in 2022-01, diffusion and rl in 2022-03, general never (last).
    ex->setTopicOrder(TopicOrder::FirstSeen);
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kLm, kVision, kDiffusion, kRl, kGeneral});
    // Label: Diffusion, General ML, Language models, Reinforcement learning, Vision.
    ex->setTopicOrder(TopicOrder::Label);
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kGeneral, kLm, kRl, kVision});
    // The order is over all papers, not the filtered ones.
    ex->setTopicOrder(TopicOrder::Total);
    ex->toggleTopic("language-models");
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kVision, kLm, kRl, kGeneral});
}

TEST_CASE("visibleMonths with and without collapseEmptyMonths") {
    auto ex = smallExplorer();
    CHECK(ex->visibleMonths() ==
          std::vector<MonthNumber>{month("2022-01"), month("2022-02"), month("2022-03"), month("2022-04"), month("2022-05")});
    ex->setCollapseEmptyMonths(true);
    CHECK(ex->visibleMonths() == std::vector<MonthNumber>{month("2022-01"), month("2022-03"), month("2022-05")});

    auto s = seedExplorer();
    std::vector<MonthNumber> all = s->visibleMonths();
    REQUIRE(all.size() == 17);
    CHECK(all.front() == month("2021-11"));
    CHECK(all.back() == month("2023-03"));
    for (size_t i = 1; i < all.size(); ++i) CHECK(all[i] == all[i - 1] + 1);
    s->setCollapseEmptyMonths(true);
    std::vector<MonthNumber> collapsed = s->visibleMonths();
    CHECK(collapsed == std::vector<MonthNumber>{month("2021-11"), month("2021-12"), month("2022-04"), month("2022-06"),
                                                month("2023-03")});
}

TEST_CASE("the seed corpus through the explorer") {
    auto ex = seedExplorer();
    const Corpus& c = ex->corpus();
    REQUIRE(c.topics.size() > 3);

    SUBCASE("no filters: facets and the filtered matrix equal the totals") {
        CHECK(ex->topicFacetCounts() == ex->totalMatrix().topicTotals);
        CHECK(ex->filteredMatrix().counts == ex->totalMatrix().counts);
        checkMatrixAgrees(*ex);
    }

    SUBCASE("topic filters keep exactly the papers with one of the topics") {
        std::vector<TopicIndex> rows = ex->orderedTopics();
        TopicIndex a = rows[0], b = rows[1];
        ex->toggleTopic(c.topics[a].id);
        CHECK(ex->visiblePapers().size() == ex->totalMatrix().topicTotals[a]);
        ex->toggleTopic(c.topics[b].id);
        size_t expected = 0;
        for (const Paper& p : c.papers) expected += (p.topics >> a & 1) || (p.topics >> b & 1);
        CHECK(ex->visiblePapers().size() == expected);
        for (PaperIndex pi : ex->visiblePapers()) CHECK((c.papers[pi].topics >> a & 1 || c.papers[pi].topics >> b & 1));
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
        CHECK(ex->topicFacetCounts() == ex->totalMatrix().topicTotals);
    }

    SUBCASE("a query, a month range and a digest") {
        ex->setQuery("model");
        size_t matched = ex->visiblePapers().size();
        CHECK(matched > 0);
        CHECK(matched < c.papers.size());
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
        ex->setMonthRange(month("2022-06"), month("2021-12"));
        CHECK(ex->state().filter.from == month("2021-12"));
        CHECK(ex->visiblePapers().size() <= matched);
        for (PaperIndex pi : ex->visiblePapers()) {
            const Paper& p = c.papers[pi];
            CHECK(std::any_of(p.appearances.begin(), p.appearances.end(), [&](AppearanceIndex a) {
                return c.appearances[a].month >= month("2021-12") && c.appearances[a].month <= month("2022-06");
            }));
        }
        checkMatrixAgrees(*ex);
        ex->setQuery("");
        ex->setMonthRange(std::nullopt, std::nullopt);
        ex->setDigestFilter("2022-06-zeta-alpha-trends");
        CHECK(ex->visiblePapers().size() == 10);
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
    }

    SUBCASE("topic orders are permutations with the promised order") {
        const TopicMonthMatrix& total = ex->totalMatrix();
        auto firstSeen = [&](TopicIndex t) {
            for (size_t m = 0; m < total.months; ++m)
                if (total.at(t, m)) return m;
            return total.months;
        };
        for (TopicOrder order : {TopicOrder::Total, TopicOrder::FirstSeen, TopicOrder::Label}) {
            CAPTURE(topicOrderName(order));
            ex->setTopicOrder(order);
            std::vector<TopicIndex> rows = ex->orderedTopics();
            std::vector<TopicIndex> check = rows;
            std::sort(check.begin(), check.end());
            std::vector<TopicIndex> identity(c.topics.size());
            for (TopicIndex t = 0; t < identity.size(); ++t) identity[t] = t;
            REQUIRE(check == identity);
            for (size_t i = 1; i < rows.size(); ++i) {
                TopicIndex x = rows[i - 1], y = rows[i];
                if (order == TopicOrder::Total) {
                    CHECK(total.topicTotals[x] >= total.topicTotals[y]);
                    if (total.topicTotals[x] == total.topicTotals[y]) CHECK(x < y);
                } else if (order == TopicOrder::FirstSeen) {
                    CHECK(firstSeen(x) <= firstSeen(y));
                    if (firstSeen(x) == firstSeen(y)) CHECK(x < y);
                } else {
                    CHECK(c.topics[x].labelEn <= c.topics[y].labelEn);
                }
            }
        }
    }

    SUBCASE("selected row of a seed paper") {
        ex->openPaper("arxiv:2205.06175");
        REQUIRE(ex->selectedPaper() != nullptr);
        CHECK(ex->selectedPaper()->title == "A Generalist Agent");
        int row = ex->selectedRow();
        REQUIRE(row >= 0);
        CHECK(c.papers[ex->visiblePapers()[row]].id == "arxiv:2205.06175");
    }
}
