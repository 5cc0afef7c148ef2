// Topic lifecycles (core/insights.h): the digest months, and each topic's trend over a window of them, on synthetic
// corpora with known answers and on the seed corpus.
#include <string>
#include <vector>

#include "core/insights.h"
#include "insights_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::insights;

namespace {

Ids trends(const Corpus& c, const std::vector<TopicLifecycle>& lives) {
    Ids out;
    for (const TopicLifecycle& l : lives) out.push_back(c.topics[l.topic].id + ":" + trendName(l.trend));
    return out;
}

}  // namespace

TEST_CASE("trendName and changeKindName spell every value") {
    CHECK(std::string(trendName(Trend::Rising)) == "rising");
    CHECK(std::string(trendName(Trend::Steady)) == "steady");
    CHECK(std::string(trendName(Trend::Fading)) == "fading");
    CHECK(std::string(trendName(Trend::New)) == "new");
    CHECK(std::string(trendName(Trend::Dormant)) == "dormant");
    CHECK(std::string(changeKindName(ChangeKind::New)) == "new");
    CHECK(std::string(changeKindName(ChangeKind::Growing)) == "growing");
    CHECK(std::string(changeKindName(ChangeKind::Steady)) == "steady");
    CHECK(std::string(changeKindName(ChangeKind::Shrinking)) == "shrinking");
    CHECK(std::string(changeKindName(ChangeKind::Absent)) == "absent");
}

TEST_CASE("digestMonths: months with a digest, sorted and unique, gaps left out") {
    const Corpus& c = gapCorpus().corpus;
    std::vector<MonthNumber> months = digestMonths(c);
    REQUIRE(months.size() == 4);
    CHECK(months[0] == month("2022-01"));
    CHECK(months[1] == month("2022-02"));
    CHECK(months[2] == month("2022-05"));
    CHECK(months[3] == month("2022-07"));  // two digests, one month

    std::vector<MonthNumber> seedMonths = digestMonths(seed().corpus);
    Ids seedText;
    for (MonthNumber m : seedMonths) seedText.push_back(formatMonth(m));
    CHECK(seedText == Ids{"2021-11", "2021-12", "2022-04", "2022-06", "2023-03"});

    Loaded empty = loadSynthetic({});
    CHECK(digestMonths(empty.corpus).empty());
}

TEST_CASE("topicLifecycles: new, fading, dormant, steady and rising on a corpus with gaps") {
    const Corpus& c = gapCorpus().corpus;
    auto lives = topicLifecycles(c);  // window 4 = every digest month
    REQUIRE(lives.size() == c.topics.size());
    for (TopicIndex t = 0; t < lives.size(); ++t) CHECK(lives[t].topic == t);
    CHECK(trends(c, lives) == Ids{"language-models:steady", "diffusion:fading", "rl:dormant", "vision:new", "general:rising"});

    SUBCASE("language models: equal shares everywhere -> steady; the peak is the first of equal shares") {
        const TopicLifecycle& l = lives[kLm];
        CHECK(l.total == 8);  // jul-language-models-1 appears in both July digests: one paper
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-01");
        CHECK(l.peakCount == 2);
        CHECK(l.earlierShare == doctest::Approx(0.2));
        CHECK(l.recentShare == doctest::Approx(0.2));
    }
    SUBCASE("diffusion: the share halves -> fading") {
        const TopicLifecycle& l = lives[kDiffusion];
        CHECK(l.total == 11);  // jan-diffusion-1 recurs in February
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-01");
        CHECK(l.peakCount == 4);
        CHECK(l.earlierShare == doctest::Approx(0.4));
        CHECK(l.recentShare == doctest::Approx(0.2));
    }
    SUBCASE("rl: absent from the newer half -> dormant") {
        const TopicLifecycle& l = lives[kRl];
        CHECK(l.total == 4);
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-02");
        CHECK(l.recentShare == 0);
        CHECK(l.earlierShare == doctest::Approx(0.2));
    }
    SUBCASE("vision: only in the last digest month -> new") {
        const TopicLifecycle& l = lives[kVision];
        CHECK(l.total == 2);
        CHECK(monthText(l.firstMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-07");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(l.peakCount == 2);
        CHECK(l.earlierShare == 0);
        CHECK(l.recentShare == doctest::Approx(0.1));  // 0 in May, 0.2 in July
    }
    SUBCASE("general: 0.2 -> 0.5 of the papers -> rising; the peak is May's 6 of 10") {
        const TopicLifecycle& l = lives[kGeneral];
        CHECK(l.total == 14);
        CHECK(monthText(l.peakMonth) == "2022-05");
        CHECK(l.peakCount == 6);
        CHECK(l.earlierShare == doctest::Approx(0.2));
        CHECK(l.recentShare == doctest::Approx(0.5));
    }
}

TEST_CASE("topicLifecycles: the window picks which digest months are judged") {
    const Corpus& c = gapCorpus().corpus;
    // Window 2: 2022-05 vs 2022-07. Diffusion holds 0.2, general falls 0.6 -> 0.4, vision is still new.
    CHECK(trends(c, topicLifecycles(c, 2)) ==
          Ids{"language-models:steady", "diffusion:steady", "rl:dormant", "vision:new", "general:fading"});
    // Windows below 2 act as 2, windows beyond the corpus as the whole corpus.
    CHECK(trends(c, topicLifecycles(c, 0)) == trends(c, topicLifecycles(c, 2)));
    CHECK(trends(c, topicLifecycles(c, 1)) == trends(c, topicLifecycles(c, 2)));
    CHECK(trends(c, topicLifecycles(c, 99)) == trends(c, topicLifecycles(c, 4)));
    // Window 3: 2022-02 | 2022-05, 2022-07 (the newer half gets the middle month).
    auto three = topicLifecycles(c, 3);
    CHECK(three[kDiffusion].earlierShare == doctest::Approx(0.4));
    CHECK(three[kDiffusion].recentShare == doctest::Approx(0.2));
    CHECK(three[kGeneral].recentShare == doctest::Approx(0.5));
    CHECK(trends(c, three) == Ids{"language-models:steady", "diffusion:fading", "rl:dormant", "vision:new", "general:rising"});
    // Totals, first, peak and latest do not depend on the window.
    for (size_t w : {2, 3, 4}) {
        auto lives = topicLifecycles(c, w);
        auto base = topicLifecycles(c, 4);
        for (TopicIndex t = 0; t < lives.size(); ++t) {
            CHECK(lives[t].total == base[t].total);
            CHECK(lives[t].firstMonth == base[t].firstMonth);
            CHECK(lives[t].peakMonth == base[t].peakMonth);
            CHECK(lives[t].peakCount == base[t].peakCount);
            CHECK(lives[t].latestMonth == base[t].latestMonth);
        }
    }
}

TEST_CASE("topicLifecycles: shares, not counts, decide (a 37-paper month next to a 10-paper month)") {
    const Corpus& c = unevenCorpus().corpus;
    auto lives = topicLifecycles(c, 2);
    // vision gains a paper (3 -> 4) yet fades: 0.30 -> 0.11 of its month.
    CHECK(lives[kVision].trend == Trend::Fading);
    CHECK(lives[kVision].earlierShare == doctest::Approx(0.3));
    CHECK(lives[kVision].recentShare == doctest::Approx(4.0 / 37));
    // Its peak is the month with the larger share, not the larger count.
    CHECK(monthText(lives[kVision].peakMonth) == "2022-03");
    CHECK(lives[kVision].peakCount == 3);
    // lm quadruples its count (2 -> 8) but its share barely moves: steady.
    CHECK(lives[kLm].trend == Trend::Steady);
    CHECK(lives[kLm].recentShare == doctest::Approx(8.0 / 37));
    CHECK(monthText(lives[kLm].peakMonth) == "2022-04");
    CHECK(lives[kLm].peakCount == 8);
    CHECK(lives[kRl].trend == Trend::Rising);
    CHECK(lives[kGeneral].trend == Trend::Steady);
    // diffusion never appears: no months, no papers, dormant.
    CHECK(lives[kDiffusion].total == 0);
    CHECK(lives[kDiffusion].firstMonth == -1);
    CHECK(lives[kDiffusion].peakMonth == -1);
    CHECK(lives[kDiffusion].latestMonth == -1);
    CHECK(lives[kDiffusion].peakCount == 0);
    CHECK(lives[kDiffusion].trend == Trend::Dormant);
}

TEST_CASE("topicLifecycles: a single digest makes every topic it has new; an empty corpus has no months") {
    Loaded one = loadSynthetic({digestJson("2022-09-only", "2022-09", concat({batch("sep", "rl", 2), batch("sep", "vision", 1)}))});
    REQUIRE_MESSAGE(one.diagnostics.empty(), dump(one.diagnostics));
    auto lives = topicLifecycles(one.corpus);
    REQUIRE(lives.size() == 5);
    CHECK(lives[kRl].trend == Trend::New);
    CHECK(lives[kVision].trend == Trend::New);
    CHECK(lives[kRl].recentShare == doctest::Approx(2.0 / 3));
    CHECK(lives[kLm].trend == Trend::Dormant);
    CHECK(lives[kLm].firstMonth == -1);

    Loaded empty = loadSynthetic({});
    auto none = topicLifecycles(empty.corpus);
    REQUIRE(none.size() == 5);
    for (const TopicLifecycle& l : none) {
        CHECK(l.total == 0);
        CHECK(l.firstMonth == -1);
        CHECK(l.trend == Trend::Dormant);
    }
}

TEST_CASE("topicLifecycles on the seed corpus") {
    const Corpus& c = seed().corpus;
    auto lives = topicLifecycles(c);
    REQUIRE(lives.size() == c.topics.size());
    auto life = [&](const std::string& id) { return lives[seedTopic(id)]; };

    // Totals are distinct papers: the retrieval paper listed twice in the 2021-12 digest counts once.
    CHECK(life("language-models").total == 13);
    CHECK(life("retrieval").total == 4);
    CHECK(life("graphs").total == 2);
    uint32_t sum = 0;
    for (const TopicLifecycle& l : lives) sum += l.total;
    uint32_t expected = 0;
    for (const Paper& p : c.papers) expected += __builtin_popcountll(p.topics);
    CHECK(sum == expected);

    // Peak by share: vision's 9 papers of 36 in 2021-12; language models' 6 of 10 in 2023-03.
    CHECK(monthText(life("vision").peakMonth) == "2021-12");
    CHECK(life("vision").peakCount == 9);
    CHECK(monthText(life("language-models").peakMonth) == "2023-03");
    CHECK(life("language-models").peakCount == 6);
    CHECK(monthText(life("graphs").firstMonth) == "2022-04");
    CHECK(monthText(life("graphs").latestMonth) == "2022-06");
    CHECK(monthText(life("science").latestMonth) == "2021-12");

    // Window 4 = 2021-12, 2022-04 | 2022-06, 2023-03.
    CHECK(life("language-models").trend == Trend::Rising);
    CHECK(life("vision").trend == Trend::Fading);
    CHECK(life("nlp-tasks").trend == Trend::Fading);
    CHECK(life("science").trend == Trend::Dormant);
    CHECK(life("robustness").trend == Trend::Dormant);
    CHECK(life("scaling-pretraining").trend == Trend::Steady);
    CHECK(life("graphs").trend == Trend::Steady);
    // With all 5 digest months, graphs (first seen 2022-04, in the newer half) is new.
    CHECK(topicLifecycles(c, 5)[seedTopic("graphs")].trend == Trend::New);
    for (const TopicLifecycle& l : lives) CHECK_MESSAGE(l.total > 0, c.topics[l.topic].id);
}
