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
#include "same_corpus.h"
#include "synthetic_corpus.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

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
