// What changed from the previous digest month (compareWithPreviousDigest, core/insights.h), on synthetic corpora
// with known answers and on the seed corpus.
#include <string>
#include <vector>

#include "core/insights.h"
#include "insights_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::insights;

namespace {

// "topic:kind:previous->current" per entry, in the order compareWithPreviousDigest returns them.
Ids changeSummary(const Corpus& c, const MonthChange& change) {
    Ids out;
    for (const TopicChange& t : change.topics)
        out.push_back(c.topics[t.topic].id + ":" + changeKindName(t.kind) + ":" + std::to_string(t.previous) + "->" +
                      std::to_string(t.current));
    return out;
}

const TopicChange* changeOf(const MonthChange& change, TopicIndex topic) {
    for (const TopicChange& t : change.topics)
        if (t.topic == topic) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("compareWithPreviousDigest compares with the previous digest month, not the previous calendar month") {
    const Corpus& c = gapCorpus().corpus;

    SUBCASE("2022-05 against 2022-02 (no digest in 2022-03 or 2022-04)") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-05"));
        CHECK(monthText(ch.month) == "2022-05");
        CHECK(monthText(ch.previousMonth) == "2022-02");
        CHECK(ch.papers == 10);
        CHECK(ch.previousPapers == 10);
        // new, growing, steady, shrinking, absent; vision is in neither month and not listed.
        CHECK(changeSummary(c, ch) ==
              Ids{"general:growing:2->6", "language-models:steady:2->2", "diffusion:shrinking:4->2", "rl:absent:2->0"});
        // An absent topic lists last month's papers, the others this month's.
        CHECK(sorted(paperIds(c, changeOf(ch, kRl)->papers)) == Ids{"feb-rl-1", "feb-rl-2"});
        CHECK(sorted(paperIds(c, changeOf(ch, kDiffusion)->papers)) == Ids{"may-diffusion-1", "may-diffusion-2"});
        CHECK(changeOf(ch, kVision) == nullptr);
    }
    SUBCASE("2022-07 (two digests, one month) against 2022-05") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-07"));
        CHECK(monthText(ch.previousMonth) == "2022-05");
        CHECK(ch.papers == 10);  // 11 entries, one paper in both July digests
        CHECK(changeSummary(c, ch) ==
              Ids{"vision:new:0->2", "language-models:steady:2->2", "diffusion:steady:2->2", "general:shrinking:6->4"});
        CHECK(sorted(paperIds(c, changeOf(ch, kVision)->papers)) == Ids{"jul-vision-1", "jul-vision-2"});
        CHECK(sorted(paperIds(c, changeOf(ch, kLm)->papers)) == Ids{"jul-language-models-1", "jul-language-models-2"});
    }
    SUBCASE("the first digest month: everything is new, largest first") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-01"));
        CHECK(monthText(ch.month) == "2022-01");
        CHECK(ch.previousMonth == -1);
        CHECK(ch.previousPapers == 0);
        CHECK(changeSummary(c, ch) ==
              Ids{"diffusion:new:0->4", "language-models:new:0->2", "rl:new:0->2", "general:new:0->2"});
    }
    SUBCASE("a month without a digest gives an empty change") {
        for (const char* m : {"2022-03", "2022-06", "2021-12", "2023-01"}) {
            MonthChange ch = compareWithPreviousDigest(c, month(m));
            CHECK(ch.month == -1);
            CHECK(ch.previousMonth == -1);
            CHECK(ch.papers == 0);
            CHECK(ch.topics.empty());
        }
    }
}

TEST_CASE("compareWithPreviousDigest judges shares, not counts") {
    const Corpus& c = unevenCorpus().corpus;
    MonthChange ch = compareWithPreviousDigest(c, month("2022-04"));
    CHECK(monthText(ch.previousMonth) == "2022-03");
    CHECK(ch.papers == 37);
    CHECK(ch.previousPapers == 10);
    CHECK(changeSummary(c, ch) ==
          Ids{"rl:growing:1->10", "general:steady:4->15", "language-models:steady:2->8", "vision:shrinking:3->4"});
}

TEST_CASE("compareWithPreviousDigest on the seed corpus") {
    const Corpus& c = seed().corpus;
    SUBCASE("2022-06 vs 2022-04: retrieval and prompting-instruction are new") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-06"));
        CHECK(monthText(ch.previousMonth) == "2022-04");
        CHECK(ch.papers == 10);
        CHECK(ch.previousPapers == 10);
        Ids fresh, gone;
        for (const TopicChange& t : ch.topics) {
            if (t.kind == ChangeKind::New) fresh.push_back(c.topics[t.topic].id);
            if (t.kind == ChangeKind::Absent) gone.push_back(c.topics[t.topic].id);
        }
        CHECK(sorted(fresh) == Ids{"prompting-instruction", "retrieval"});
        CHECK(sorted(gone) == Ids{"general", "robotics-embodied", "robustness", "safety-ethics"});
        const TopicChange* retrieval = changeOf(ch, seedTopic("retrieval"));
        REQUIRE(retrieval);
        CHECK(paperIds(c, retrieval->papers) == Ids{"arxiv:2205.01230"});
        const TopicChange* prompting = changeOf(ch, seedTopic("prompting-instruction"));
        REQUIRE(prompting);
        CHECK(paperIds(c, prompting->papers) == Ids{"arxiv:2205.11916"});
        const TopicChange* lm = changeOf(ch, seedTopic("language-models"));
        REQUIRE(lm);
        CHECK(lm->kind == ChangeKind::Growing);
        CHECK(lm->previous == 1);
        CHECK(lm->current == 2);
        // Kinds come in order: new, growing, steady, shrinking, absent.
        for (size_t i = 1; i < ch.topics.size(); ++i) CHECK(ch.topics[i - 1].kind <= ch.topics[i].kind);
    }
    SUBCASE("2022-04 vs 2021-12: a 36-paper month before a 10-paper one") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-04"));
        CHECK(monthText(ch.previousMonth) == "2021-12");
        CHECK(ch.previousPapers == 36);  // 37 entries, the retrieval paper twice
        const TopicChange* vision = changeOf(ch, seedTopic("vision"));
        REQUIRE(vision);
        CHECK(vision->kind == ChangeKind::Shrinking);  // 9/36 -> 1/10
        const TopicChange* cm = changeOf(ch, seedTopic("continual-meta"));
        REQUIRE(cm);
        CHECK(cm->kind == ChangeKind::Growing);  // 5 -> 2 papers, yet 0.14 -> 0.2 of the month
        CHECK(cm->previous == 5);
        CHECK(cm->current == 2);
    }
    SUBCASE("2021-11, the first digest: no previous month") {
        MonthChange ch = compareWithPreviousDigest(c, month("2021-11"));
        CHECK(ch.previousMonth == -1);
        for (const TopicChange& t : ch.topics) CHECK(t.kind == ChangeKind::New);
    }
}
