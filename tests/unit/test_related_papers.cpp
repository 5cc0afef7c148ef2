// Related papers by content (core/related_papers.h): tf-idf cosine blended with topics and recurrence,
// with reasons; on a synthetic corpus with known answers and on the seed corpus (RETRO's neighbours).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/related_papers.h"
#include "core/search_index.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

PaperIndex indexOf(const Corpus& c, const std::string& id) {
    auto it = c.paperById.find(id);
    REQUIRE_MESSAGE(it != c.paperById.end(), "no paper " << id);
    return it->second;
}

std::vector<std::string> ids(const Corpus& c, const std::vector<RelatedPaper>& related) {
    std::vector<std::string> out;
    for (const RelatedPaper& r : related) out.push_back(c.papers[r.paper].id);
    return out;
}

bool hasTerm(const RelatedPaper& r, const std::string& prefix) {
    return std::any_of(r.why.begin(), r.why.end(), [&](const RelatedReason& w) {
        return w.kind == RelatedReason::Kind::Term && w.text.rfind(prefix, 0) == 0;
    });
}

bool shareDigest(const Corpus& c, PaperIndex a, PaperIndex b) {
    for (AppearanceIndex x : c.papers[a].appearances)
        for (AppearanceIndex y : c.papers[b].appearances)
            if (c.appearances[x].digest == c.appearances[y].digest) return true;
    return false;
}

}  // namespace

TEST_CASE("lightStem: inflections of one word share a stem that prefixes them all") {
    CHECK(lightStem("retrieval") == lightStem("retrieving"));
    CHECK(lightStem("retrieved") == lightStem("retrieve"));
    CHECK(lightStem("models") == "model");
    CHECK(lightStem("modelling") == "model");
    CHECK(lightStem("modeling") == "model");
    CHECK(lightStem("languages") == lightStem("language"));
    CHECK(lightStem("class") == "class");  // not a plural
    CHECK(lightStem("gpt") == "gpt");
    for (const char* w : {"retrieval", "transformers", "modelling", "languages", "learning"})
        CHECK(std::string(w).rfind(lightStem(w), 0) == 0);
}

TEST_CASE("related: shared content outranks a shared topic alone; reasons name the shared terms") {
    ojson d = digestJson(
        "2022-01-a", "2022-01",
        {paperJson("p", "Retrieval-Augmented Language Models", {"Ann A"}, {"language-models"},
                   {{"summary", "模型从海量文档数据库中检索相关段落,检索增强生成。"}}),
         paperJson("q", "Dense Passage Retrieval for Augmented Generation", {"Bob B"}, {"general"},
                   {{"summary", "稠密检索:从文档数据库中检索相关段落,用于检索增强生成。"}}),
         paperJson("r", "Scaling Laws for Language Models", {"Cat C"}, {"language-models"},
                   {{"summary", "语言模型的缩放定律。"}}),
         paperJson("s", "Protein Folding with Attention", {"Dan D"}, {"general"}, {{"summary", "蛋白质结构预测。"}})});
    Loaded l = loadSynthetic({d});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    const Corpus& c = l.corpus;
    SearchIndex index(c);
    std::vector<RelatedPaper> related = relatedPapers(c, index, indexOf(c, "p"), 8);
    REQUIRE(related.size() >= 2);
    CHECK(ids(c, related)[0] == "q");
    CHECK(hasTerm(related[0], "retriev"));
    CHECK(hasTerm(related[0], "检索"));
    CHECK(related[0].content > 0);
    CHECK(related[0].sharedTopics == 0);
    // r shares the topic (and "language models"), s shares nothing: never listed.
    const std::vector<std::string> listed = ids(c, related);
    CHECK(std::find(listed.begin(), listed.end(), "s") == listed.end());
    auto r = std::find(listed.begin(), listed.end(), "r");
    REQUIRE(r != listed.end());
    const RelatedPaper& viaTopic = related[static_cast<size_t>(r - listed.begin())];
    CHECK(std::any_of(viaTopic.why.begin(), viaTopic.why.end(), [](const RelatedReason& w) {
        return w.kind == RelatedReason::Kind::Topic && w.text == "Language models";
    }));
    CHECK(std::any_of(viaTopic.why.begin(), viaTopic.why.end(), [](const RelatedReason& w) { return w.kind == RelatedReason::Kind::Digest; }));
}

TEST_CASE("related on the seed corpus: RETRO's neighbours are the retrieval papers") {
    const Corpus& c = seed().corpus;
    SearchIndex index(c);
    RelatedIndex related(index);
    auto retro = std::find_if(c.papers.begin(), c.papers.end(), [](const Paper& p) {
        return p.title == "Improving language models by retrieving from trillions of tokens";
    });
    REQUIRE(retro != c.papers.end());
    const PaperIndex p = static_cast<PaperIndex>(retro - c.papers.begin());
    // The other papers about retrieval, by their own title or text (not a fixed list).
    std::set<PaperIndex> retrieval;
    for (PaperIndex q = 0; q < c.papers.size(); ++q)
        if (q != p && (index.matches(q, "retriev") || index.matches(q, "检索"))) retrieval.insert(q);
    REQUIRE(retrieval.size() >= 2);
    std::vector<RelatedPaper> top = related.related(c, index, p, 8);
    REQUIRE(top.size() == 8);
    size_t hits = 0;
    for (size_t i = 0; i < 3; ++i) hits += retrieval.count(top[i].paper);
    CHECK_MESSAGE(hits >= 2, "top 3: " << c.papers[top[0].paper].title << " | " << c.papers[top[1].paper].title << " | "
                                       << c.papers[top[2].paper].title);
    for (const RelatedPaper& r : top)
        if (retrieval.count(r.paper) && r.content > 0.05) CHECK_MESSAGE(!r.why.empty(), c.papers[r.paper].title);
    // Deterministic: a second index and call give the same list, scores and reasons.
    std::vector<RelatedPaper> again = RelatedIndex(index).related(c, index, p, 8);
    REQUIRE(again.size() == top.size());
    for (size_t i = 0; i < top.size(); ++i) {
        CHECK(again[i].paper == top[i].paper);
        CHECK(again[i].score == top[i].score);
        CHECK(again[i].why.size() == top[i].why.size());
    }
}

TEST_CASE("related on every seed paper: no self, no repeats, ordered, limits, topics and digests right") {
    const Corpus& c = seed().corpus;
    SearchIndex index(c);
    RelatedIndex related(index);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        CAPTURE(c.papers[p].id);
        std::vector<RelatedPaper> all = related.related(c, index, p, c.papers.size());
        std::set<PaperIndex> seen;
        for (size_t i = 0; i < all.size(); ++i) {
            const RelatedPaper& r = all[i];
            CHECK(r.paper != p);
            CHECK(seen.insert(r.paper).second);
            CHECK(r.sharedTopics == __builtin_popcountll(c.papers[p].topics & c.papers[r.paper].topics));
            CHECK(r.sameDigest == shareDigest(c, p, r.paper));
            CHECK(r.score >= 0);
            CHECK(r.score <= 1);
            CHECK((r.content > 0 || r.sharedTopics > 0));
            CHECK(!r.why.empty());
            if (i > 0) CHECK(all[i - 1].score >= r.score);
        }
        std::vector<RelatedPaper> limited = related.related(c, index, p, 5);
        CHECK(limited.size() == std::min<size_t>(5, all.size()));
        for (size_t i = 0; i < limited.size(); ++i) CHECK(limited[i].paper == all[i].paper);
    }
}

TEST_CASE("Explorer::relatedPapers: the card's list, rebuilt after a corpus change") {
    Explorer ex;
    ex.setCorpus(seed().corpus, {});
    const PaperIndex p = 0;
    std::vector<RelatedPaper> a = ex.relatedPapers(p, 4);
    std::vector<RelatedPaper> b = relatedPapers(ex.corpus(), ex.index(), p, 4);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].paper == b[i].paper);
    ex.setCorpus(Corpus{}, {});
    CHECK(ex.relatedPapers(p, 4).empty());
}
