// Merging paper entries across digests (core/corpus_loader.h): appearances, authors, links, titles,
// topics, the month axis and reader-added (user) digests.
#include <algorithm>
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

std::vector<const Diagnostic*> warningsContaining(const std::vector<Diagnostic>& diagnostics, std::string_view text) {
    std::vector<const Diagnostic*> out;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Warning && contains(d.message, text)) out.push_back(&d);
    return out;
}

// Every author lists exactly the papers that list that author.
void checkAuthorIndex(const Corpus& c) {
    for (AuthorIndex a = 0; a < c.authors.size(); ++a) {
        CAPTURE(c.authors[a].name);
        CHECK_FALSE(c.authors[a].papers.empty());
        CHECK(std::is_sorted(c.authors[a].papers.begin(), c.authors[a].papers.end()));
        for (PaperIndex p : c.authors[a].papers) {
            const auto& list = c.papers[p].authors;
            CHECK(std::find(list.begin(), list.end(), a) != list.end());
        }
    }
    for (PaperIndex p = 0; p < c.papers.size(); ++p)
        for (AuthorIndex a : c.papers[p].authors) {
            REQUIRE(a < c.authors.size());
            const auto& list = c.authors[a].papers;
            CHECK(std::find(list.begin(), list.end(), p) != list.end());
        }
}

}  // namespace

TEST_SUITE("merge") {

TEST_CASE("the same paper id in two digests is one paper with two appearances") {
    // Given out of month order on purpose: the loader sorts digests by month.
    ojson later = digestJson("2022-04-later", "2022-04",
                             {paperJson("shared", "Exploring the Limits", {"Samira Abnar"}, {"vision"},
                                        {{"summary", "四月的摘要"}, {"title_zh", "探索极限"}})});
    ojson earlier = digestJson("2021-11-earlier", "2021-11",
                               {paperJson("other", "Other Paper", {"A. Person"}, {"rl"}),
                                paperJson("shared", "Exploring the Limits", {"Samira Abnar"}, {"language-models"},
                                          {{"summary", "十一月的摘要"}, {"why", "为什么"}, {"insight", "见解"}})});
    Loaded l = loadSynthetic({later, earlier});
    INFO(dump(l.diagnostics));
    CHECK(l.diagnostics.empty());
    const Corpus& c = l.corpus;
    REQUIRE(c.digests.size() == 2);
    CHECK(c.digests[0].id == "2021-11-earlier");
    CHECK(c.digests[1].id == "2022-04-later");
    CHECK(c.digestById.at("2021-11-earlier") == 0);
    CHECK(c.papers.size() == 2);
    CHECK(c.appearances.size() == 3);

    const Paper* p = c.findPaper("shared");
    REQUIRE(p);
    CHECK(p->appearances.size() == 2);
    CHECK(p->digestCount == 2);
    CHECK(appearanceMonths(c, *p) == std::vector<std::string>{"2021-11", "2022-04"});
    CHECK(p->firstMonth == month("2021-11"));
    CHECK(p->lastMonth == month("2022-04"));
    // Each appearance keeps its digest's own words.
    const Appearance& first = c.appearances[p->appearances[0]];
    const Appearance& second = c.appearances[p->appearances[1]];
    CHECK(first.digest == 0);
    CHECK(first.rank == 1);
    CHECK(first.summary == "十一月的摘要");
    CHECK(first.why == "为什么");
    CHECK(first.insight == "见解");
    CHECK(first.titleZh.empty());
    CHECK(second.digest == 1);
    CHECK(second.rank == 0);
    CHECK(second.summary == "四月的摘要");
    CHECK(second.titleZh == "探索极限");
    CHECK(&c.papers[first.paper] == p);
    // Curated topics are the union over all entries.
    CHECK(topicIds(c, p->topics) == std::vector<std::string>{"language-models", "vision"});
    CHECK_FALSE(p->topicsInferred);
    // Digests list their appearances in their own order.
    REQUIRE(c.digests[0].appearances.size() == 2);
    CHECK(c.papers[c.appearances[c.digests[0].appearances[0]].paper].id == "other");
    CHECK(c.papers[c.appearances[c.digests[0].appearances[1]].paper].id == "shared");
}

TEST_CASE("the same id twice in one digest is one paper with two appearances from one digest") {
    ojson sections = ojson::array({{{"id", "main"}, {"title", "本周论文"}}, {{"id", "radio-nlp"}, {"title", "NLP"}}});
    ojson radio = paperJson("retro", "Improving language models by retrieving", {"Oriol Vinyals"}, {"language-models"},
                            {{"authors_truncated", true}});
    radio["section"] = "radio-nlp";
    ojson d = digestJson("2021-12-weekly", "2021-12",
                         {paperJson("retro", "Improving language models by retrieving", {"Sebastian Borgeaud"}, {"rl"},
                                    {{"authors_truncated", true}, {"summary", "检索增强"}}),
                          paperJson("gopher", "Gopher", {"Jack W. Rae"}, {"language-models"}), radio},
                         sections);
    Loaded l = loadSynthetic({d});
    INFO(dump(l.diagnostics));
    CHECK(l.diagnostics.empty());
    const Corpus& c = l.corpus;
    CHECK(c.papers.size() == 2);
    CHECK(c.appearances.size() == 3);
    const Paper* p = c.findPaper("retro");
    REQUIRE(p);
    CHECK(p->appearances.size() == 2);
    CHECK(p->digestCount == 1);
    CHECK(appearanceMonths(c, *p) == std::vector<std::string>{"2021-12", "2021-12"});
    CHECK(c.appearances[p->appearances[0]].section == 0);
    CHECK(c.appearances[p->appearances[0]].rank == 0);
    CHECK(c.appearances[p->appearances[1]].section == 1);
    CHECK(c.appearances[p->appearances[1]].rank == 2);
    CHECK(c.appearances[p->appearances[1]].summary.empty());
    // Both lists are abbreviated: the first one stays.
    CHECK(authorNames(c, *p) == std::vector<std::string>{"Sebastian Borgeaud"});
    CHECK(p->authorsTruncated);
    CHECK(topicIds(c, p->topics) == std::vector<std::string>{"language-models", "rl"});
    checkAuthorIndex(c);
}

TEST_CASE("a complete author list replaces an abbreviated one; an abbreviated one never replaces a complete one") {
    ojson a = digestJson("2022-01-a", "2022-01",
                         {paperJson("gato", "A Generalist Agent", {"Scott Reed", "K. Zolna"}, {"rl"}, {{"authors_truncated", true}}),
                          paperJson("full-first", "Full First", {"Ann One", "Bob Two", "Cid Three"}, {"rl"})});
    ojson b = digestJson("2022-02-b", "2022-02",
                         {paperJson("gato", "A Generalist Agent", {"Scott Reed", "Konrad Żołna", "Emilio Parisotto"}, {"rl"}),
                          paperJson("full-first", "Full First", {"Ann One"}, {"rl"}, {{"authors_truncated", true}})});
    Loaded l = loadSynthetic({a, b});
    INFO(dump(l.diagnostics));
    CHECK(l.diagnostics.empty());
    const Corpus& c = l.corpus;
    const Paper* gato = c.findPaper("gato");
    REQUIRE(gato);
    CHECK(authorNames(c, *gato) == std::vector<std::string>{"Scott Reed", "Konrad Żołna", "Emilio Parisotto"});
    CHECK_FALSE(gato->authorsTruncated);
    const Paper* full = c.findPaper("full-first");
    REQUIRE(full);
    CHECK(authorNames(c, *full) == std::vector<std::string>{"Ann One", "Bob Two", "Cid Three"});
    CHECK_FALSE(full->authorsTruncated);
    // "K. Zolna" was only named by the replaced list: no author entry points at the paper any more.
    for (const Author& author : c.authors) CHECK(author.name != "K. Zolna");
    CHECK(c.authors.size() == 6);  // Scott, Ann, Bob, Cid, Konrad, Emilio
    checkAuthorIndex(c);
}

TEST_CASE("a non-empty author list replaces an empty one; a later empty list changes nothing") {
    ojson a = digestJson("2022-01-a", "2022-01", {paperJson("x", "Paper X", {}, {"rl"}), paperJson("y", "Paper Y", {"Yan"}, {"rl"})});
    ojson b = digestJson("2022-02-b", "2022-02",
                         {paperJson("x", "Paper X", {"Xu"}, {"rl"}, {{"authors_truncated", true}}), paperJson("y", "Paper Y", {}, {"rl"})});
    Loaded l = loadSynthetic({a, b});
    const Corpus& c = l.corpus;
    const Paper* x = c.findPaper("x");
    REQUIRE(x);
    CHECK(authorNames(c, *x) == std::vector<std::string>{"Xu"});
    CHECK(x->authorsTruncated);
    CHECK(authorNames(c, *c.findPaper("y")) == std::vector<std::string>{"Yan"});
    checkAuthorIndex(c);
}

TEST_CASE("authors are shared across papers by folded name; the first spelling is kept") {
    ojson d = digestJson("2022-01-a", "2022-01",
                         {paperJson("p1", "Paper One", {"Konrad Żołna", "Scott Reed"}, {"rl"}),
                          paperJson("p2", "Paper Two", {"konrad zolna"}, {"rl"}), paperJson("p3", "Paper Three", {"SCOTT  REED"}, {"rl"})});
    Loaded l = loadSynthetic({d});
    const Corpus& c = l.corpus;
    REQUIRE(c.authors.size() == 2);
    CHECK(c.authors[0].name == "Konrad Żołna");
    CHECK(c.authors[0].papers == std::vector<PaperIndex>{0, 1});
    CHECK(c.authors[1].name == "Scott Reed");
    CHECK(c.authors[1].papers == std::vector<PaperIndex>{0, 2});
    checkAuthorIndex(c);
}

TEST_CASE("links are the union of all entries' links; on the same key the first URL wins with a warning") {
    ojson a = digestJson("2022-01-a", "2022-01",
                         {paperJson("gato", "A Generalist Agent", {"Scott Reed"}, {"rl"},
                                    {{"links", {{"arxiv", "https://arxiv.org/abs/2205.06175"}, {"pdf", "https://arxiv.org/pdf/2205.06175.pdf"}}}})});
    ojson b = digestJson("2022-02-b", "2022-02",
                         {paperJson("gato", "A Generalist Agent", {"Scott Reed"}, {"rl"},
                                    {{"links", {{"pdf", "https://example.com/gato.pdf"},
                                                {"arxiv", "https://arxiv.org/abs/2205.06175"},
                                                {"project", "https://deepmind.com/gato"}}}})});
    Loaded l = loadSynthetic({a, b});
    INFO(dump(l.diagnostics));
    const Paper* p = l.corpus.findPaper("gato");
    REQUIRE(p);
    REQUIRE(p->links.size() == 3);
    CHECK(p->links[0].name == "arxiv");
    CHECK(p->links[1].name == "pdf");
    CHECK(p->links[2].name == "project");
    CHECK(linkUrl(*p, "pdf") == "https://arxiv.org/pdf/2205.06175.pdf");
    CHECK(linkUrl(*p, "project") == "https://deepmind.com/gato");
    REQUIRE(l.diagnostics.size() == 1);  // the identical arxiv link is no conflict
    CHECK(formatDiagnostic(l.diagnostics[0]) ==
          "digests/2022-02-b.json:15:5: /papers/0: warning: link \"pdf\" differs from the one given in digests/2022-01-a.json; "
          "keeping https://arxiv.org/pdf/2205.06175.pdf");
}

TEST_CASE("a different title for the same id is a warning and the first title is kept; case differences are fine") {
    ojson a = digestJson("2022-01-a", "2022-01", {paperJson("gato", "A Generalist Agent", {"Scott Reed"}, {"rl"})});
    ojson b = digestJson("2022-02-b", "2022-02", {paperJson("gato", "Gato: A Generalist Agent", {"Scott Reed"}, {"rl"})});
    ojson c3 = digestJson("2022-03-c", "2022-03", {paperJson("gato", "a generalist  AGENT", {"Scott Reed"}, {"rl"})});
    Loaded l = loadSynthetic({c3, b, a});
    INFO(dump(l.diagnostics));
    const Paper* p = l.corpus.findPaper("gato");
    REQUIRE(p);
    CHECK(p->title == "A Generalist Agent");
    CHECK(p->appearances.size() == 3);
    CHECK(countErrors(l.diagnostics) == 0);
    auto w = warningsContaining(l.diagnostics, "title differs");
    REQUIRE(w.size() == 1);
    CHECK(formatDiagnostic(*w[0]) ==
          "digests/2022-02-b.json:15:5: /papers/0: warning: title differs from \"A Generalist Agent\" given for paper \"gato\" "
          "in digests/2022-01-a.json; keeping the first");
    CHECK(l.diagnostics.size() == 1);
}

TEST_CASE("the same title under two ids is a warning; the papers are kept apart") {
    ojson a = digestJson("2022-01-a", "2022-01", {paperJson("arxiv:2205.06175", "A Generalist Agent", {"Scott Reed"}, {"rl"})});
    ojson b = digestJson("2022-02-b", "2022-02", {paperJson("a-generalist-agent", "A  generalist agent", {"Scott Reed"}, {"rl"})});
    Loaded l = loadSynthetic({a, b});
    INFO(dump(l.diagnostics));
    CHECK(l.corpus.papers.size() == 2);
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].severity == Severity::Warning);
    CHECK(formatDiagnostic(l.diagnostics[0]) ==
          "digests/2022-02-b.json:15:5: /papers/0: warning: same title as paper \"arxiv:2205.06175\" in digests/2022-01-a.json "
          "but a different id \"a-generalist-agent\"; they are kept apart");
}

TEST_CASE("the month axis spans every calendar month from the first digest to the last, empty months included") {
    ojson a = digestJson("2021-11-a", "2021-11", {paperJson("p1", "P1", {"A"}, {"rl"})});
    ojson b = digestJson("2022-02-b", "2022-02", {paperJson("p2", "P2", {"B"}, {"rl"})});
    ojson c3 = digestJson("2022-02-c", "2022-02", {paperJson("p3", "P3", {"C"}, {"rl"})});
    Loaded l = loadSynthetic({b, a, c3});
    const Corpus& c = l.corpus;
    CHECK(c.firstMonth == month("2021-11"));
    CHECK(c.lastMonth == month("2022-02"));
    CHECK(c.monthCount() == 4);  // 2021-11, 2021-12, 2022-01, 2022-02
    REQUIRE(c.digests.size() == 3);
    CHECK(c.digests[0].id == "2021-11-a");
    CHECK(c.digests[1].id == "2022-02-b");
    CHECK(c.digests[2].id == "2022-02-c");

    Loaded empty = loadSynthetic({});
    CHECK(empty.corpus.monthCount() == 0);
    CHECK(empty.corpus.papers.empty());
    CHECK(empty.corpus.topics.size() == 5);
}

TEST_CASE("user digests are marked as such, merge with bundled papers, and cannot take a bundled digest's id") {
    ojson bundled = digestJson("2022-01-a", "2022-01", {paperJson("gato", "A Generalist Agent", {"Scott Reed"}, {"rl"})});
    ojson mine = digestJson("2022-03-mine", "2022-03",
                            {paperJson("gato", "A Generalist Agent", {"Scott Reed"}, {"vision"}), paperJson("new", "New Paper", {"Me"}, {"rl"})});
    ojson impostor = digestJson("2022-01-a", "2023-01", {paperJson("impostor", "Impostor", {"X"}, {"rl"})});
    Loaded l = loadSynthetic({bundled}, {impostor, mine});
    INFO(dump(l.diagnostics));
    const Corpus& c = l.corpus;
    REQUIRE(c.digests.size() == 2);
    const Digest* a = c.findDigest("2022-01-a");
    REQUIRE(a);
    CHECK(a->origin == Origin::Bundled);
    CHECK(a->month == month("2022-01"));
    CHECK(a->file == "digests/2022-01-a.json");
    const Digest* m = c.findDigest("2022-03-mine");
    REQUIRE(m);
    CHECK(m->origin == Origin::User);
    CHECK(c.findPaper("impostor") == nullptr);
    CHECK(c.lastMonth == month("2022-03"));
    const Paper* gato = c.findPaper("gato");
    REQUIRE(gato);
    CHECK(gato->digestCount == 2);
    CHECK(topicIds(c, gato->topics) == std::vector<std::string>{"rl", "vision"});
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].severity == Severity::Error);
    CHECK(l.diagnostics[0].file == "user/digests/2022-01-a.json");
    CHECK(l.diagnostics[0].pointer == "/id");
    CHECK(l.diagnostics[0].line == 3);
    CHECK(contains(l.diagnostics[0].message, "duplicate digest id \"2022-01-a\" (already used by digests/2022-01-a.json)"));

    // Even when the user's file comes first in the input, the bundled digest keeps its id.
    std::vector<std::pair<DigestRecord, Origin>> records;
    std::vector<Diagnostic> out;
    TopicLookup lookup = testLookup();
    auto userRecord = parseDigest("user.json", impostor.dump(2), lookup, out);
    auto bundledRecord = parseDigest("bundled.json", bundled.dump(2), lookup, out);
    REQUIRE(userRecord);
    REQUIRE(bundledRecord);
    records.emplace_back(std::move(*userRecord), Origin::User);
    records.emplace_back(std::move(*bundledRecord), Origin::Bundled);
    Corpus built = buildCorpus(testTopics(), std::move(records), out);
    REQUIRE(built.digests.size() == 1);
    CHECK(built.digests[0].file == "bundled.json");
    CHECK(built.digests[0].origin == Origin::Bundled);
    REQUIRE(out.size() == 1);
    CHECK(out[0].file == "user.json");
}

TEST_CASE("two bundled digests with the same id: the first file keeps it") {
    ojson first = digestJson("dup", "2022-01", {paperJson("p1", "P1", {"A"}, {"rl"})});
    ojson second = digestJson("dup", "2021-01", {paperJson("p2", "P2", {"B"}, {"rl"})});
    Loaded l = loadSynthetic({first, second});
    REQUIRE(l.corpus.digests.size() == 1);
    CHECK(l.corpus.digests[0].month == month("2022-01"));
    CHECK(l.corpus.findPaper("p1"));
    CHECK_FALSE(l.corpus.findPaper("p2"));
    CHECK(countErrors(l.diagnostics) == 1);
}

TEST_CASE("topics are inferred only when no entry of a paper has any") {
    ojson a = digestJson("2022-01-a", "2022-01",
                         {paperJson("tagged-later", "Denoising Diffusion", {"A"}, {}, {{"summary", "扩散模型"}}),
                          paperJson("never-tagged", "Denoising diffusion for images", {"B"}, {}, {{"summary", "扩散模型去噪"}}),
                          paperJson("nothing", "Some Paper", {"C"}, {})});
    ojson b = digestJson("2022-02-b", "2022-02", {paperJson("tagged-later", "Denoising Diffusion", {"A"}, {"vision"})});
    Loaded l = loadSynthetic({a, b});
    INFO(dump(l.diagnostics));
    const Corpus& c = l.corpus;
    const Paper* later = c.findPaper("tagged-later");
    REQUIRE(later);
    CHECK_FALSE(later->topicsInferred);
    CHECK(topicIds(c, later->topics) == std::vector<std::string>{"vision"});
    const Paper* never = c.findPaper("never-tagged");
    REQUIRE(never);
    CHECK(never->topicsInferred);
    CHECK(topicIds(c, never->topics) == std::vector<std::string>{"diffusion"});
    const Paper* nothing = c.findPaper("nothing");
    REQUIRE(nothing);
    CHECK(nothing->topicsInferred);
    CHECK(topicIds(c, nothing->topics) == std::vector<std::string>{"general"});
}

TEST_CASE("buildCorpus on records made in code (no source locations) still reports duplicate ids") {
    DigestRecord r1, r2;
    r1.digest.id = r2.digest.id = "same";
    r1.digest.file = "one";
    r2.digest.file = "two";
    r1.digest.month = r2.digest.month = month("2022-01");
    PaperEntry e;
    e.id = "p";
    e.title = "P";
    r1.papers.push_back(e);
    std::vector<std::pair<DigestRecord, Origin>> records;
    records.emplace_back(std::move(r1), Origin::Bundled);
    records.emplace_back(std::move(r2), Origin::Bundled);
    std::vector<Diagnostic> out;
    Corpus c = buildCorpus(testTopics(), std::move(records), out);
    CHECK(c.digests.size() == 1);
    REQUIRE(out.size() == 1);
    CHECK(formatDiagnostic(out[0]) == "two: /id: duplicate digest id \"same\" (already used by one); this digest is skipped");
}

}  // TEST_SUITE
