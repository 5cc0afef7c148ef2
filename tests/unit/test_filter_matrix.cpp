// The reader's filters, sorting and the topic x month matrix (core/paper_filter.h).
#include <algorithm>
#include <string>
#include <vector>

#include "core/paper_filter.h"
#include "core/search_index.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

// Topics of the test taxonomy, by index.
constexpr TopicIndex kLm = 0, kDiffusion = 1, kRl = 2, kVision = 3, kGeneral = 4;

// p1..p5 over 2022-01..2022-05 (02 and 04 have no digest):
//   2022-01-a: p1 [rl, vision], p2 [diffusion], p3 [rl]
//   2022-03-b: p4 [language-models], p1 [rl], p3 (main), p3 (radio)
//   2022-03-c: p5 [diffusion, vision], p3
//   2022-05-d: p2
const Loaded& filterCorpus() {
    static const Loaded loaded = [] {
        ojson sections = ojson::array({{{"id", "main"}, {"title", "主要"}}, {{"id", "radio"}, {"title", "速览"}}});
        ojson p3radio = paperJson("p3", "Beta Paper", {"Alice Wong", "Dan"}, {"rl"});
        p3radio["section"] = "radio";
        ojson a = digestJson("2022-01-a", "2022-01",
                             {paperJson("p1", "Zeta Paper", {"Alice Żak"}, {"rl", "vision"}, {{"summary", "强化学习与视觉"}}),
                              paperJson("p2", "alpha paper", {"Bob Stone"}, {"diffusion"}, {{"summary", "扩散模型"}}),
                              paperJson("p3", "Beta Paper", {"Alice Wong", "Dan"}, {"rl"})});
        ojson b = digestJson("2022-03-b", "2022-03",
                             {paperJson("p4", "Élan Paper", {"Carol"}, {"language-models"}, {{"summary", "alpha beta"}}),
                              paperJson("p1", "Zeta Paper", {"Alice Żak"}, {"rl"}),
                              paperJson("p3", "Beta Paper", {"Alice Wong", "Dan"}, {"rl"}), p3radio},
                             sections);
        ojson c = digestJson("2022-03-c", "2022-03",
                             {paperJson("p5", "delta paper", {"bob marley"}, {"diffusion", "vision"}),
                              paperJson("p3", "Beta Paper", {"Alice Wong", "Dan"}, {"rl"})});
        ojson d = digestJson("2022-05-d", "2022-05", {paperJson("p2", "alpha paper", {"Bob Stone"}, {"diffusion"})});
        Loaded l = loadSynthetic({d, c, b, a});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        return l;
    }();
    return loaded;
}

const SearchIndex& filterIndex() {
    static const SearchIndex index(filterCorpus().corpus);
    return index;
}

std::vector<PaperIndex> allPapers(const Corpus& c) {
    std::vector<PaperIndex> all(c.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

Ids filtered(const PaperFilter& f, const ReaderMarks& marks = {}) {
    const Corpus& c = filterCorpus().corpus;
    return sorted(paperIds(c, filterPapers(c, filterIndex(), f, marks)));
}

Ids sortedBy(SortOrder order, const std::string& query = "") {
    const Corpus& c = filterCorpus().corpus;
    PaperFilter f;
    f.query = query;
    std::vector<PaperIndex> papers = filterPapers(c, filterIndex(), f, {});
    sortPapers(c, filterIndex(), parseSearchQuery(query), order, papers);
    return paperIds(c, papers);
}

// One matrix row as a list of counts, month by month.
std::vector<uint32_t> row(const TopicMonthMatrix& m, TopicIndex t) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < m.months; ++i) out.push_back(m.at(t, i));
    return out;
}

using Counts = std::vector<uint32_t>;

}  // namespace

TEST_SUITE("filter") {

TEST_CASE("the test corpus is what the filter tests assume") {
    const Corpus& c = filterCorpus().corpus;
    REQUIRE(c.papers.size() == 5);
    CHECK(c.monthCount() == 5);
    CHECK(c.findPaper("p3")->appearances.size() == 4);
    CHECK(c.findPaper("p3")->digestCount == 3);
    CHECK(topicIds(c, c.findPaper("p1")->topics) == Ids{"rl", "vision"});
    CHECK(c.topics[kRl].id == "rl");
    CHECK(c.topics[kGeneral].id == "general");
}

TEST_CASE("no filter: every paper; PaperFilter::active") {
    PaperFilter f;
    CHECK_FALSE(f.active());
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p4", "p5"});
    f.unreadOnly = true;
    CHECK(f.active());
    PaperFilter g;
    g.from = month("2022-01");
    CHECK(g.active());
    PaperFilter h;
    h.topics = {"rl"};
    CHECK(h.active());
}

TEST_CASE("topics: a paper matches when it has any of them; unknown ids match nothing") {
    PaperFilter f;
    f.topics = {"rl"};
    CHECK(filtered(f) == Ids{"p1", "p3"});
    f.topics = {"rl", "diffusion"};
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p5"});
    f.topics = {"vision"};
    CHECK(filtered(f) == Ids{"p1", "p5"});
    f.topics = {"general"};
    CHECK(filtered(f).empty());
    f.topics = {"no-such-topic"};
    CHECK(filtered(f).empty());
    f.topics = {"no-such-topic", "language-models"};
    CHECK(filtered(f) == Ids{"p4"});
}

TEST_CASE("month range: a paper matches when any appearance falls inside") {
    PaperFilter f;
    f.from = month("2022-04");
    CHECK(filtered(f) == Ids{"p2"});
    f.from.reset();
    f.to = month("2022-01");
    CHECK(filtered(f) == Ids{"p1", "p2", "p3"});
    f.from = month("2022-03");
    f.to = month("2022-03");
    CHECK(filtered(f) == Ids{"p1", "p3", "p4", "p5"});
    f.from = month("2022-02");
    f.to = month("2022-02");  // a month without a digest
    CHECK(filtered(f).empty());
    f.from = month("2022-05");
    f.to = month("2022-01");  // an inverted range matches nothing
    CHECK(filtered(f).empty());
    f.from = month("2000-01");
    f.to = month("2100-01");
    CHECK(filtered(f).size() == 5);
}

TEST_CASE("digest: papers the digest lists; an unknown digest matches nothing") {
    PaperFilter f;
    f.digest = "2022-03-c";
    CHECK(filtered(f) == Ids{"p3", "p5"});
    f.digest = "2022-05-d";
    CHECK(filtered(f) == Ids{"p2"});
    f.digest = "nope";
    CHECK(filtered(f).empty());
}

TEST_CASE("author: folded substring of any author's name") {
    PaperFilter f;
    f.author = "alice";
    CHECK(filtered(f) == Ids{"p1", "p3"});
    f.author = "zak";
    CHECK(filtered(f) == Ids{"p1"});
    f.author = "Żak";
    CHECK(filtered(f) == Ids{"p1"});
    f.author = "BOB";
    CHECK(filtered(f) == Ids{"p2", "p5"});
    f.author = "ob st";
    CHECK(filtered(f) == Ids{"p2"});
    f.author = "dan";
    CHECK(filtered(f) == Ids{"p3"});
    f.author = "nobody";
    CHECK(filtered(f).empty());
}

TEST_CASE("bookmarkedOnly and unreadOnly use the reader's marks") {
    ReaderMarks marks;
    marks.bookmarked = {"p2", "p4", "not-a-paper"};
    marks.read = {"p1", "p4"};
    PaperFilter f;
    f.bookmarkedOnly = true;
    CHECK(filtered(f, marks) == Ids{"p2", "p4"});
    f.unreadOnly = true;
    CHECK(filtered(f, marks) == Ids{"p2"});
    f.bookmarkedOnly = false;
    CHECK(filtered(f, marks) == Ids{"p2", "p3", "p5"});
    CHECK(filtered(f, {}) == Ids{"p1", "p2", "p3", "p4", "p5"});
    f.unreadOnly = false;
    f.bookmarkedOnly = true;
    CHECK(filtered(f, {}).empty());
}

TEST_CASE("filters combine with AND") {
    PaperFilter f;
    f.topics = {"rl"};
    f.from = month("2022-03");
    CHECK(filtered(f) == Ids{"p1", "p3"});
    f.author = "wong";
    CHECK(filtered(f) == Ids{"p3"});
    f.digest = "2022-03-c";
    CHECK(filtered(f) == Ids{"p3"});
    f.digest = "2022-01-a";  // outside the month range
    CHECK(filtered(f).empty());

    PaperFilter q;
    q.query = "paper";
    q.topics = {"diffusion"};
    CHECK(filtered(q) == Ids{"p2", "p5"});
    q.query = "扩散";
    CHECK(filtered(q) == Ids{"p2"});
    q.query = "alpha";
    q.topics.clear();
    CHECK(filtered(q) == Ids{"p2", "p4"});  // p4 has "alpha" in its summary
    q.to = month("2022-02");
    CHECK(filtered(q) == Ids{"p2"});
    ReaderMarks marks;
    marks.read = {"p2"};
    q.unreadOnly = true;
    CHECK(filtered(q, marks).empty());
}

TEST_CASE("sort orders") {
    CHECK(sortedBy(SortOrder::Newest) == Ids{"p2", "p1", "p4", "p5", "p3"});
    CHECK(sortedBy(SortOrder::Oldest) == Ids{"p1", "p2", "p3", "p4", "p5"});
    CHECK(sortedBy(SortOrder::Title) == Ids{"p2", "p3", "p5", "p4", "p1"});  // alpha, Beta, delta, Élan, Zeta
    CHECK(sortedBy(SortOrder::Recurrence) == Ids{"p3", "p2", "p1", "p4", "p5"});
    // Relevance without a query is newest first; with one, title hits first.
    CHECK(sortedBy(SortOrder::Relevance) == sortedBy(SortOrder::Newest));
    CHECK(sortedBy(SortOrder::Relevance, "alpha") == Ids{"p2", "p4"});
    CHECK(sortedBy(SortOrder::Relevance, "beta") == Ids{"p3", "p4"});
    CHECK(sortedBy(SortOrder::Title, "paper") == Ids{"p2", "p3", "p5", "p4", "p1"});
}

TEST_CASE("sort order names round-trip") {
    for (SortOrder o : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence}) {
        auto parsed = parseSortOrder(sortOrderName(o));
        REQUIRE(parsed);
        CHECK(*parsed == o);
    }
    CHECK(std::string(sortOrderName(SortOrder::Recurrence)) == "recurrence");
    CHECK_FALSE(parseSortOrder("Newest"));
    CHECK_FALSE(parseSortOrder(""));
    CHECK_FALSE(parseSortOrder("random"));
}

}  // TEST_SUITE

TEST_SUITE("matrix") {

TEST_CASE("countTopicMonths counts each paper once per month per topic, empty months included") {
    const Corpus& c = filterCorpus().corpus;
    TopicMonthMatrix m = countTopicMonths(c, allPapers(c));
    CHECK(m.firstMonth == month("2022-01"));
    CHECK(m.topics == 5);
    CHECK(m.months == 5);
    CHECK(m.counts.size() == 25);
    CHECK(row(m, kRl) == Counts{2, 0, 2, 0, 0});  // p3 appears three times in 2022-03 but counts once
    CHECK(row(m, kVision) == Counts{1, 0, 2, 0, 0});
    CHECK(row(m, kDiffusion) == Counts{1, 0, 1, 0, 1});
    CHECK(row(m, kLm) == Counts{0, 0, 1, 0, 0});
    CHECK(row(m, kGeneral) == Counts{0, 0, 0, 0, 0});
    CHECK(m.topicTotals == Counts{1, 2, 2, 2, 0});
    CHECK(m.maxCount == 2);
}

TEST_CASE("countTopicMonths counts only the papers given") {
    const Corpus& c = filterCorpus().corpus;
    std::vector<PaperIndex> some = {PaperIndex(c.findPaper("p3") - c.papers.data())};
    TopicMonthMatrix m = countTopicMonths(c, some);
    CHECK(row(m, kRl) == Counts{1, 0, 1, 0, 0});
    CHECK(m.topicTotals == Counts{0, 0, 1, 0, 0});
    CHECK(m.maxCount == 1);
    TopicMonthMatrix none = countTopicMonths(c, {});
    CHECK(none.maxCount == 0);
    CHECK(none.counts == Counts(25, 0));
    CHECK(none.topicTotals == Counts(5, 0));
}

TEST_CASE("countTopicMonths respects the filter's month range and digest") {
    const Corpus& c = filterCorpus().corpus;
    PaperFilter range;
    range.from = month("2022-03");
    range.to = month("2022-05");
    TopicMonthMatrix m = countTopicMonths(c, filterPapers(c, filterIndex(), range, {}), &range);
    CHECK(row(m, kRl) == Counts{0, 0, 2, 0, 0});
    CHECK(row(m, kVision) == Counts{0, 0, 2, 0, 0});
    CHECK(row(m, kDiffusion) == Counts{0, 0, 1, 0, 1});
    CHECK(row(m, kLm) == Counts{0, 0, 1, 0, 0});
    CHECK(m.topicTotals == Counts{1, 2, 2, 2, 0});
    CHECK(m.months == 5);  // the axis itself never shrinks

    PaperFilter digest;
    digest.digest = "2022-03-c";
    TopicMonthMatrix d = countTopicMonths(c, filterPapers(c, filterIndex(), digest, {}), &digest);
    CHECK(row(d, kRl) == Counts{0, 0, 1, 0, 0});  // p3 only; p1 is in 2022-03-b, not c
    CHECK(row(d, kDiffusion) == Counts{0, 0, 1, 0, 0});
    CHECK(row(d, kVision) == Counts{0, 0, 1, 0, 0});
    CHECK(row(d, kLm) == Counts{0, 0, 0, 0, 0});
    CHECK(d.topicTotals == Counts{0, 1, 1, 1, 0});
    CHECK(d.maxCount == 1);

    PaperFilter unknown;
    unknown.digest = "nope";
    TopicMonthMatrix u = countTopicMonths(c, allPapers(c), &unknown);
    CHECK(u.maxCount == 0);
    CHECK(u.topicTotals == Counts(5, 0));

    // A scope without restrictions counts like no scope.
    PaperFilter open;
    open.query = "paper";
    CHECK(countTopicMonths(c, allPapers(c), &open).counts == countTopicMonths(c, allPapers(c)).counts);
}

TEST_CASE("papersInCell lists the papers behind a cell, agreeing with its count") {
    const Corpus& c = filterCorpus().corpus;
    std::vector<PaperIndex> all = allPapers(c);
    CHECK(sorted(paperIds(c, papersInCell(c, all, kRl, month("2022-03")))) == Ids{"p1", "p3"});
    CHECK(sorted(paperIds(c, papersInCell(c, all, kDiffusion, month("2022-01")))) == Ids{"p2"});
    CHECK(papersInCell(c, all, kRl, month("2022-02")).empty());
    CHECK(papersInCell(c, all, kGeneral, month("2022-03")).empty());

    TopicMonthMatrix m = countTopicMonths(c, all);
    for (TopicIndex t = 0; t < m.topics; ++t)
        for (size_t i = 0; i < m.months; ++i) CHECK(papersInCell(c, all, t, m.firstMonth + MonthNumber(i)).size() == m.at(t, i));

    // With a scope, the list agrees with the scoped count too.
    PaperFilter digest;
    digest.digest = "2022-03-c";
    std::vector<PaperIndex> visible = filterPapers(c, filterIndex(), digest, {});
    TopicMonthMatrix d = countTopicMonths(c, visible, &digest);
    CHECK(paperIds(c, papersInCell(c, visible, kRl, month("2022-03"), &digest)) == Ids{"p3"});
    CHECK(papersInCell(c, visible, kRl, month("2022-01"), &digest).empty());  // p3's 2022-01 appearance is not in c
    for (TopicIndex t = 0; t < d.topics; ++t)
        for (size_t i = 0; i < d.months; ++i)
            CHECK(papersInCell(c, visible, t, d.firstMonth + MonthNumber(i), &digest).size() == d.at(t, i));
}

TEST_CASE("seed corpus: the matrix spans 17 months and counts every paper") {
    const Corpus& c = seed().corpus;
    std::vector<PaperIndex> all = allPapers(c);
    TopicMonthMatrix m = countTopicMonths(c, all);
    CHECK(m.months == 17);
    CHECK(m.topics == 22);
    // Months without a digest are empty columns.
    for (const char* emptyMonth : {"2021-10", "2022-01", "2022-02", "2022-03", "2022-05", "2022-07", "2023-02"}) {
        MonthNumber mm = month(emptyMonth);
        if (mm < m.firstMonth) continue;
        for (TopicIndex t = 0; t < m.topics; ++t) CHECK(m.at(t, size_t(mm - m.firstMonth)) == 0);
    }
    // Sum over topics of a paper-month = sum over papers of (topics x distinct months).
    uint64_t expected = 0;
    for (const Paper& p : c.papers) {
        std::vector<std::string> months = appearanceMonths(c, p);
        months.erase(std::unique(months.begin(), months.end()), months.end());
        expected += uint64_t(__builtin_popcountll(p.topics)) * months.size();
    }
    uint64_t sum = 0;
    for (uint32_t n : m.counts) sum += n;
    CHECK(sum == expected);
    uint32_t totals = 0;
    for (uint32_t n : m.topicTotals) totals += n;
    uint32_t topicsPerPaper = 0;
    for (const Paper& p : c.papers) topicsPerPaper += __builtin_popcountll(p.topics);
    CHECK(totals == topicsPerPaper);
    const Topic* lm = c.findTopic("language-models");
    REQUIRE(lm);
    TopicIndex lmIndex = TopicIndex(lm - c.topics.data());
    CHECK(m.at(lmIndex, size_t(month("2023-03") - m.firstMonth)) == 6);
    CHECK(m.topicTotals[lmIndex] == 13);
}

}  // TEST_SUITE

TEST_SUITE("matrix") {

TEST_CASE("an empty corpus: no papers, no months, no crash") {
    Loaded l = loadSynthetic({});
    const Corpus& c = l.corpus;
    SearchIndex index(c);
    CHECK(index.match(parseSearchQuery("diffusion")).empty());
    CHECK(index.match(parseSearchQuery("")).empty());
    PaperFilter f;
    f.topics = {"rl"};
    f.from = month("2022-01");
    CHECK(filterPapers(c, index, f, {}).empty());
    TopicMonthMatrix m = countTopicMonths(c, {}, &f);
    CHECK(m.months == 0);
    CHECK(m.topics == 5);
    CHECK(m.counts.empty());
    CHECK(m.topicTotals == std::vector<uint32_t>(5, 0));
    CHECK(m.maxCount == 0);
    CHECK(papersInCell(c, {}, 0, month("2022-01")).empty());
}

}  // TEST_SUITE
