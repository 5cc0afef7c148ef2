// Snapshots (core/snapshot.h) round trip: the seed corpus and a synthetic 1,000-paper corpus, written and
// read back, hold the same corpus field by field, and their index answers every query of a sampled set
// exactly as the freshly built index does (papers, relevance, ranks and sort orders).
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/glossary.h"
#include "core/paper_filter.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "core/text.h"
#include "synthetic_corpus.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

bool sameLinks(const std::vector<Link>& a, const std::vector<Link>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].url != b[i].url) return false;
    return true;
}

void checkSameCorpus(const Corpus& a, const Corpus& b) {
    CHECK(a.firstMonth == b.firstMonth);
    CHECK(a.lastMonth == b.lastMonth);
    REQUIRE(a.topics.size() == b.topics.size());
    for (size_t i = 0; i < a.topics.size(); ++i) {
        const Topic &x = a.topics[i], &y = b.topics[i];
        CHECK((x.id == y.id && x.labelEn == y.labelEn && x.labelZh == y.labelZh && x.color == y.color &&
               x.keywordsEn == y.keywordsEn && x.keywordsZh == y.keywordsZh));
    }
    REQUIRE(a.digests.size() == b.digests.size());
    for (size_t i = 0; i < a.digests.size(); ++i) {
        const Digest &x = a.digests[i], &y = b.digests[i];
        CAPTURE(x.id);
        CHECK((x.id == y.id && x.file == y.file && x.month == y.month && x.published == y.published && x.title == y.title &&
               x.source == y.source && x.author == y.author && x.editors == y.editors && x.language == y.language &&
               x.url == y.url && x.intro == y.intro && x.appearances == y.appearances && x.origin == y.origin));
        REQUIRE(x.news.size() == y.news.size());
        for (size_t n = 0; n < x.news.size(); ++n) CHECK((x.news[n].text == y.news[n].text && sameLinks(x.news[n].links, y.news[n].links)));
        REQUIRE(x.sections.size() == y.sections.size());
        for (size_t s = 0; s < x.sections.size(); ++s) CHECK((x.sections[s].id == y.sections[s].id && x.sections[s].title == y.sections[s].title));
        REQUIRE(x.references.size() == y.references.size());
        for (size_t r = 0; r < x.references.size(); ++r)
            CHECK((x.references[r].label == y.references[r].label && x.references[r].text == y.references[r].text &&
                   x.references[r].url == y.references[r].url));
    }
    REQUIRE(a.papers.size() == b.papers.size());
    for (size_t i = 0; i < a.papers.size(); ++i) {
        const Paper &x = a.papers[i], &y = b.papers[i];
        CAPTURE(x.id);
        CHECK((x.id == y.id && x.title == y.title && x.authors == y.authors && x.authorsTruncated == y.authorsTruncated &&
               sameLinks(x.links, y.links) && x.topics == y.topics && x.topicsInferred == y.topicsInferred &&
               x.appearances == y.appearances && x.firstMonth == y.firstMonth && x.lastMonth == y.lastMonth &&
               x.digestCount == y.digestCount));
    }
    REQUIRE(a.appearances.size() == b.appearances.size());
    for (size_t i = 0; i < a.appearances.size(); ++i) {
        const Appearance &x = a.appearances[i], &y = b.appearances[i];
        CHECK((x.paper == y.paper && x.digest == y.digest && x.month == y.month && x.section == y.section && x.rank == y.rank &&
               x.titleZh == y.titleZh && x.summary == y.summary && x.why == y.why && x.insight == y.insight));
    }
    REQUIRE(a.authors.size() == b.authors.size());
    for (size_t i = 0; i < a.authors.size(); ++i) CHECK((a.authors[i].name == b.authors[i].name && a.authors[i].papers == b.authors[i].papers));
    REQUIRE(a.glossary.size() == b.glossary.size());
    for (size_t i = 0; i < a.glossary.size(); ++i) {
        const GlossaryEntry &x = a.glossary.entries()[i], &y = b.glossary.entries()[i];
        CHECK((x.en == y.en && x.zh == y.zh && x.foldedEn == y.foldedEn && x.foldedZh == y.foldedZh));
    }
    // The id maps are rebuilt: every id finds its own entry.
    for (const Paper& p : b.papers) CHECK(b.findPaper(p.id) == &p);
    for (const Digest& d : b.digests) CHECK(b.findDigest(d.id) == &d);
    for (const Topic& t : b.topics) CHECK(b.findTopic(t.id) == &t);
}

// Queries cut from the corpus: title words and their one- and two-letter prefixes, Chinese runs of 1-4
// characters from summaries, quoted title phrases, author names, exclusions and pairs, glossary terms.
std::vector<std::string> queriesFor(const Corpus& c) {
    std::vector<std::string> out = {"model", "l", "la", "模型", "学习", "\"language model\"", "-the", "a -b", "gpt 扩散", "ＧＰＵ", "x"};
    const size_t step = std::max<size_t>(1, c.papers.size() / 60);
    for (size_t i = 0; i < c.papers.size(); i += step) {
        const Paper& p = c.papers[i];
        std::string title = foldForSearch(p.title);
        std::string word = title.substr(0, title.find(' '));
        out.push_back(word);
        out.push_back(word.substr(0, 2));
        if (title.size() > 12) out.push_back("\"" + title.substr(0, title.find(' ', 8)) + "\"");
        if (!p.authors.empty()) out.push_back(c.authors[p.authors.front()].name);
        const std::string& summary = c.appearances[p.appearances.front()].summary;
        size_t at = std::string::npos;
        for (size_t k = 0; k < summary.size() && at == std::string::npos;) {
            size_t before = k;
            if (isCjk(decodeUtf8(summary, k))) at = before;
        }
        if (at != std::string::npos) {  // a run of 1-4 Chinese characters
            size_t end = at;
            for (size_t n = 0; n < 1 + i % 4 && end < summary.size(); ++n) {
                size_t before = end;
                if (!isCjk(decodeUtf8(summary, end))) {
                    end = before;
                    break;
                }
            }
            out.push_back(summary.substr(at, end - at));
        }
        out.push_back(word + " -" + out[out.size() - 3]);
    }
    for (size_t i = 0; i < c.glossary.size() && i < 20; ++i)
        if (!c.glossary.entries()[i].foldedEn.empty()) out.push_back(c.glossary.entries()[i].foldedEn.front());
    return out;
}

void checkSameAnswers(const Corpus& corpus, const SearchIndex& built, const Snapshot& loaded) {
    REQUIRE(loaded.index.paperCount() == built.paperCount());
    for (auto which : {SearchIndex::Rank::Newest, SearchIndex::Rank::Oldest, SearchIndex::Rank::Title, SearchIndex::Rank::Recurrence}) {
        CHECK(loaded.index.rank(which) == built.rank(which));
        CHECK(loaded.index.order(which) == built.order(which));
    }
    size_t nonEmpty = 0;
    for (const std::string& text : queriesFor(corpus)) {
        CAPTURE(text);
        for (const SearchQuery& q : {parseSearchQuery(text), expandSearchQuery(text, corpus.glossary)}) {
            SearchIndex::Scored a = built.matchScored(q, true), b = loaded.index.matchScored(q, true);
            CHECK(a.papers == b.papers);
            CHECK(a.scores == b.scores);
            nonEmpty += !a.papers.empty();
            for (SortOrder order : {SortOrder::Newest, SortOrder::Title, SortOrder::Recurrence}) {
                std::vector<PaperIndex> x = a.papers, y = b.papers;
                sortPapers(corpus, built, q, order, x);
                sortPapers(loaded.corpus, loaded.index, q, order, y);
                CHECK(x == y);
            }
        }
    }
    CHECK(nonEmpty > 20);  // the query set really exercises the postings
}

void roundTrip(const Corpus& corpus, const std::vector<Diagnostic>& diagnostics) {
    SearchIndex built(corpus);
    std::string bytes = writeSnapshot(corpus, built, diagnostics);
    REQUIRE(bytes.size() > 64);
    Snapshot loaded;
    std::string error;
    REQUIRE_MESSAGE(readSnapshot(bytes, loaded, error), error);
    CHECK(error.empty());
    checkSameCorpus(corpus, loaded.corpus);
    CHECK(formatted(loaded.diagnostics) == formatted(diagnostics));
    checkSameAnswers(corpus, built, loaded);
    // Deterministic: the loaded snapshot writes the same bytes again.
    CHECK(writeSnapshot(loaded.corpus, loaded.index, loaded.diagnostics) == bytes);
}

}  // namespace

TEST_CASE("snapshot round trip: the seed corpus") {
    REQUIRE(countErrors(seed().diagnostics) == 0);
    REQUIRE(seed().corpus.papers.size() >= 70);
    CHECK(seed().corpus.glossary.size() > 0);
    roundTrip(seed().corpus, seed().diagnostics);
}

TEST_CASE("snapshot round trip: a synthetic 1,000-paper corpus") {
    std::vector<std::string> ioErrors;
    std::string topics = readText(dataDir() + "/topics.json");
    papertide::synth::Options options;
    options.papers = 1000;
    options.seed = 11;
    std::vector<SourceFile> files;
    papertide::synth::Stats stats;
    std::string error;
    REQUIRE(papertide::synth::generate(
        options, topics, papertide::synth::Vocabulary::builtin(),
        [&](const std::string& path, std::string&& bytes) { files.push_back({path, std::move(bytes)}); }, stats, error));
    std::vector<Diagnostic> diagnostics;
    Corpus corpus = loadCorpus(splitCorpusFiles(std::move(files)), diagnostics);
    REQUIRE_MESSAGE(countErrors(diagnostics) == 0, dump(diagnostics));
    REQUIRE(corpus.papers.size() == 1000);
    roundTrip(corpus, diagnostics);
}

TEST_CASE("snapshot: the writer refuses a corpus with errors or a foreign index") {
    std::vector<Diagnostic> errors = {{Severity::Error, "x.json", 1, 1, "", "bad"}};
    SearchIndex index(seed().corpus);
    CHECK(writeSnapshot(seed().corpus, index, errors).empty());
    std::string message;
    CHECK_FALSE(writeSnapshot(seed().corpus, SearchIndex(), {}, [](const void*, size_t) { return true; }, message));
    CHECK(contains(message, "index"));
    // A sink that fails stops the writer with a message.
    CHECK_FALSE(writeSnapshot(seed().corpus, index, {}, [](const void*, size_t) { return false; }, message));
    CHECK(contains(message, "cannot write"));
}

TEST_CASE("snapshot: the explorer takes a loaded corpus and index without rebuilding") {
    SearchIndex built(seed().corpus);
    Snapshot loaded;
    std::string error;
    REQUIRE(readSnapshot(writeSnapshot(seed().corpus, built, seed().diagnostics), loaded, error));
    const size_t papers = loaded.corpus.papers.size();
    Explorer fromSnapshot, fromJson;
    fromSnapshot.setCorpus(std::move(loaded.corpus), std::move(loaded.index), std::move(loaded.diagnostics));
    fromJson.setCorpus(seed().corpus, seed().diagnostics);
    CHECK(fromSnapshot.index().paperCount() == papers);
    for (const char* q : {"", "model", "模型", "gpt -vision"}) {
        fromSnapshot.setQuery(q);
        fromJson.setQuery(q);
        CHECK(fromSnapshot.visiblePapers() == fromJson.visiblePapers());
        CHECK(fromSnapshot.filteredMatrix().counts == fromJson.filteredMatrix().counts);
    }
}
