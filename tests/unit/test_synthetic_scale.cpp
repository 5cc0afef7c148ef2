// Synthetic corpora (tools/synth) and the exactness of the search index at scale: a 2,000-paper corpus
// generated in-process must validate without a single problem, and every query must return exactly what a
// brute-force scan of the folded texts returns (substring semantics for Chinese, word starts for Latin),
// ranked and sorted exactly as the plain comparison-based definitions say.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/paper_filter.h"
#include "core/search_index.h"
#include "core/text.h"
#include "io/corpus_files.h"
#include "synthetic_corpus.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;
namespace synth = papertide::synth;

namespace {

std::vector<SourceFile> generateFiles(uint64_t papers, uint64_t seed, synth::Stats& stats) {
    std::vector<std::string> ioErrors, texts;
    for (SourceFile& f : papertide::io::readCorpusDirectory(dataDir(), ioErrors))
        if (contains(f.name, "/digests/")) texts.push_back(std::move(f.bytes));
    std::string topics = readText(dataDir() + "/topics.json");
    synth::Options options;
    options.papers = papers;
    options.seed = seed;
    std::vector<SourceFile> files;
    std::string error;
    bool ok = synth::generate(
        options, topics, synth::Vocabulary::fromTexts(texts),
        [&](const std::string& path, std::string&& bytes) { files.push_back({path, std::move(bytes)}); }, stats, error);
    REQUIRE_MESSAGE(ok, error);
    return files;
}

struct Synthetic {
    Corpus corpus;
    std::vector<Diagnostic> diagnostics;
    synth::Stats stats;
    size_t files = 0;
};

const Synthetic& synthetic() {
    static const Synthetic s = [] {
        Synthetic out;
        std::vector<SourceFile> files = generateFiles(2000, 7, out.stats);
        out.files = files.size();
        out.corpus = loadCorpus(splitCorpusFiles(std::move(files)), out.diagnostics);
        return out;
    }();
    return s;
}

const SearchIndex& syntheticIndex() {
    static const SearchIndex index(synthetic().corpus);
    return index;
}

// --- the reference: folded texts and the plain definitions, written independently of the index ---------

struct RefDoc {
    std::string text;
    size_t titleEnd = 0, authorsEnd = 0;
};

std::vector<RefDoc> referenceDocs(const Corpus& c) {
    std::vector<RefDoc> docs;
    for (const Paper& p : c.papers) {
        std::string title = p.title, authors, body;
        for (AuthorIndex a : p.authors) authors += c.authors[a].name + "; ";
        authors += p.id;
        for (AppearanceIndex ai : p.appearances) {
            const Appearance& a = c.appearances[ai];
            if (!a.titleZh.empty()) title += " \x1f " + a.titleZh;
            for (const std::string* s : {&a.summary, &a.why, &a.insight})
                if (!s->empty()) body += " \x1f " + *s;
        }
        RefDoc d;
        d.text = foldForSearch(title);
        d.titleEnd = d.text.size();
        d.text += " \x1f " + foldForSearch(authors);
        d.authorsEnd = d.text.size();
        d.text += foldForSearch(body);
        docs.push_back(std::move(d));
    }
    return docs;
}

bool wordCharBefore(const std::string& text, size_t pos) {
    if (pos == 0) return false;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return isWordChar(decodeUtf8(text, start));
}

size_t refFind(const std::string& text, const std::string& term, size_t from) {
    size_t p = 0;
    bool wordStart = !term.empty() && isWordChar(decodeUtf8(term, p));
    size_t pos = text.find(term, from);
    while (wordStart && pos != std::string::npos && wordCharBefore(text, pos)) pos = text.find(term, pos + 1);
    return pos;
}

// relevance * 5 by the documented rule: 50 (title) or 30 (authors/id) for the first hit, 2 per hit up to 5.
uint32_t refFifths(const RefDoc& d, const SearchQuery& q) {
    uint32_t score = 0;
    for (const std::string& term : q.include) {
        size_t pos = refFind(d.text, term, 0);
        if (pos == std::string::npos) continue;
        score += pos < d.titleEnd ? 50 : pos < d.authorsEnd ? 30 : 0;
        int hits = 0;
        for (; pos != std::string::npos && hits < 5; pos = refFind(d.text, term, pos + term.size())) ++hits;
        score += 2 * hits;
    }
    return score;
}

std::vector<PaperIndex> refMatch(const std::vector<RefDoc>& docs, const SearchQuery& q) {
    std::vector<PaperIndex> out;
    for (PaperIndex p = 0; p < docs.size(); ++p) {
        bool ok = true;
        for (const std::string& t : q.include) ok = ok && refFind(docs[p].text, t, 0) != std::string::npos;
        for (const std::string& t : q.exclude) ok = ok && refFind(docs[p].text, t, 0) == std::string::npos;
        if (ok) out.push_back(p);
    }
    return out;
}

// Deterministic queries cut from the corpus text: Chinese runs of 1-8 characters, Latin words and
// prefixes, phrases across words, and combinations with exclusions.
std::vector<std::string> sampledQueries(const std::vector<RefDoc>& docs) {
    std::vector<std::string> out;
    uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<uint32_t>(state >> 33);
    };
    for (int i = 0; i < 160 && !docs.empty(); ++i) {
        const std::string& text = docs[next() % docs.size()].text;
        size_t pos = next() % text.size();
        while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
        size_t p = pos;
        char32_t cp = decodeUtf8(text, p);
        std::string q;
        if (isCjk(cp)) {
            size_t want = 1 + next() % 8, end = pos;
            for (size_t k = 0; k < want && end < text.size(); ++k) {
                size_t e = end;
                if (!isCjk(decodeUtf8(text, e))) break;
                end = e;
            }
            q = text.substr(pos, end - pos);
        } else {
            while (pos > 0 && wordCharBefore(text, pos)) {  // back to the start of the word
                --pos;
                while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
            }
            size_t end = pos;
            while (end < text.size()) {
                size_t e = end;
                if (!isWordChar(decodeUtf8(text, e))) break;
                end = e;
            }
            if (end == pos) continue;
            size_t len = end - pos;
            switch (next() % 4) {
                case 0: q = text.substr(pos, len); break;                                   // a whole word
                case 1: q = text.substr(pos, std::max<size_t>(1, len / 2)); break;         // a prefix
                case 2: q = "\"" + text.substr(pos, std::min(text.size() - pos, len + 8)) + "\""; break;  // a phrase
                default: q = text.substr(pos + (len > 2 ? 1 : 0), len > 2 ? len - 1 : len); break;       // inside a word
            }
        }
        if (q.empty() || q.find('\x1f') != std::string::npos || q.find('"', 1) < q.size() - 1) continue;
        out.push_back(q);
    }
    // Combinations: AND of two sampled terms, exclusions, and a few fixed ones.
    size_t sampled = out.size();
    for (size_t i = 0; i + 1 < sampled; i += 7) out.push_back(out[i] + " " + out[i + 1]);
    for (size_t i = 2; i + 1 < sampled; i += 9) out.push_back(out[i] + " -" + out[i + 1]);
    for (const char* fixed : {"模型", "模", "语言模型", "强化学习 -模型", "learning", "l", "zor", "gpt-3", "\"language model\"",
                              "。", ",", "-", "wang", "arxiv:", "2024", "合成", "transformer 模型", "不存在的词语", "zzzzzz"})
        out.push_back(fixed);
    return out;
}

}  // namespace

TEST_SUITE("synthetic scale") {

TEST_CASE("a generated corpus validates without errors or warnings") {
    const Synthetic& s = synthetic();
    INFO(dump(s.diagnostics));
    CHECK(s.diagnostics.empty());
    CHECK(s.corpus.papers.size() == 2000);
    CHECK(s.stats.papers == 2000);
    CHECK(s.corpus.digests.size() == s.stats.digests);
    CHECK(s.files == s.stats.digests + 1);  // + topics.json
    CHECK(s.corpus.appearances.size() == s.stats.appearances);
    // About 10% of the papers are picked again by a later digest; every month has its digest.
    size_t recurring = 0;
    for (const Paper& p : s.corpus.papers) recurring += p.digestCount > 1;
    CHECK(recurring > 2000 * 5 / 100);
    CHECK(recurring < 2000 * 16 / 100);
    CHECK(s.corpus.monthCount() == s.corpus.digests.size());
    // Chinese text everywhere, topics from topics.json on every paper.
    size_t chinese = 0;
    for (const Appearance& a : s.corpus.appearances) chinese += a.summary.size() > 2 * countCodePoints(a.summary);  // mostly 3-byte characters
    CHECK(chinese > s.corpus.appearances.size() * 9 / 10);
    for (const Paper& p : s.corpus.papers) CHECK((p.topics != 0 && !p.topicsInferred));
}

TEST_CASE("the generator is deterministic: same seed, same bytes; another seed, other bytes") {
    synth::Stats a, b, c;
    std::vector<SourceFile> x = generateFiles(300, 42, a), y = generateFiles(300, 42, b), z = generateFiles(300, 43, c);
    REQUIRE(x.size() == y.size());
    for (size_t i = 0; i < x.size(); ++i) {
        CHECK(x[i].name == y[i].name);
        CHECK(x[i].bytes == y[i].bytes);
    }
    CHECK(x.back().bytes != z.back().bytes);
}

TEST_CASE("search results equal a brute-force scan for sampled and fixed queries") {
    const Corpus& c = synthetic().corpus;
    const SearchIndex& index = syntheticIndex();
    std::vector<RefDoc> docs = referenceDocs(c);
    std::vector<std::string> queries = sampledQueries(docs);
    REQUIRE(queries.size() > 150);
    size_t nonEmpty = 0;
    for (const std::string& text : queries) {
        CAPTURE(text);
        SearchQuery q = parseSearchQuery(text);
        std::vector<PaperIndex> expected = refMatch(docs, q);
        nonEmpty += !expected.empty();
        CHECK(index.match(q) == expected);
        SearchIndex::Scored scored = index.matchScored(q, true);
        REQUIRE(scored.papers == expected);
        REQUIRE(scored.scores.size() == expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            uint32_t want = refFifths(docs[expected[i]], q);
            if (scored.scores[i] != want) {
                CHECK(scored.scores[i] == want);
                break;
            }
        }
        for (PaperIndex p : {PaperIndex(0), PaperIndex(c.papers.size() / 2)})
            CHECK(index.relevance(p, q) == doctest::Approx(refFifths(docs[p], q) / 5.0));
    }
    CHECK(nonEmpty > queries.size() / 2);
}

TEST_CASE("sorting by precomputed ranks equals the comparison-based orders") {
    const Corpus& c = synthetic().corpus;
    const SearchIndex& index = syntheticIndex();
    std::vector<RefDoc> docs = referenceDocs(c);
    const auto& P = c.papers;
    auto firstRank = [&](PaperIndex p) { return c.appearances[P[p].appearances.front()].rank; };
    auto newest = [&](PaperIndex a, PaperIndex b) {
        if (P[a].lastMonth != P[b].lastMonth) return P[a].lastMonth > P[b].lastMonth;
        return firstRank(a) < firstRank(b);
    };
    for (const char* text : {"模型", "learning", "", "语言 -模型", "zor"}) {
        CAPTURE(text);
        SearchQuery q = parseSearchQuery(text);
        std::vector<PaperIndex> matched = index.match(q);
        // A shuffled input, so ties must keep the input order (stability), not the index order; and the
        // ascending input as the explorer passes it (sorted by one walk over the whole order when large).
        std::vector<PaperIndex> shuffled = matched;
        for (size_t i = shuffled.size(); i > 1; --i) std::swap(shuffled[i - 1], shuffled[(i * 7919) % i]);
        for (const std::vector<PaperIndex>& input : {shuffled, matched})
        for (SortOrder order : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence}) {
            CAPTURE(sortOrderName(order));
            std::vector<PaperIndex> got = input, want = input;
            sortPapers(c, index, q, order, got);
            SortOrder o = order == SortOrder::Relevance && q.include.empty() ? SortOrder::Newest : order;
            switch (o) {
                case SortOrder::Relevance:
                    std::stable_sort(want.begin(), want.end(), [&](PaperIndex a, PaperIndex b) {
                        uint32_t x = refFifths(docs[a], q), y = refFifths(docs[b], q);
                        return x != y ? x > y : newest(a, b);
                    });
                    break;
                case SortOrder::Newest: std::stable_sort(want.begin(), want.end(), newest); break;
                case SortOrder::Oldest:
                    std::stable_sort(want.begin(), want.end(), [&](PaperIndex a, PaperIndex b) {
                        if (P[a].firstMonth != P[b].firstMonth) return P[a].firstMonth < P[b].firstMonth;
                        return firstRank(a) < firstRank(b);
                    });
                    break;
                case SortOrder::Title: {
                    std::vector<std::pair<std::string, PaperIndex>> keyed;
                    for (PaperIndex p : want) keyed.push_back({foldForSearch(P[p].title), p});
                    std::stable_sort(keyed.begin(), keyed.end());
                    for (size_t i = 0; i < want.size(); ++i) want[i] = keyed[i].second;
                    break;
                }
                case SortOrder::Recurrence:
                    std::stable_sort(want.begin(), want.end(), [&](PaperIndex a, PaperIndex b) {
                        if (P[a].appearances.size() != P[b].appearances.size()) return P[a].appearances.size() > P[b].appearances.size();
                        return newest(a, b);
                    });
                    break;
            }
            CHECK(got == want);
        }
    }
}

TEST_CASE("the explorer's cached pipeline equals filterPapers + sortPapers + countTopicMonths") {
    Explorer ex;
    {
        synth::Stats stats;
        std::vector<Diagnostic> diagnostics;
        Corpus corpus = loadCorpus(splitCorpusFiles(generateFiles(600, 3, stats)), diagnostics);
        ex.setCorpus(std::move(corpus), std::move(diagnostics));
    }
    const Corpus& c = ex.corpus();
    auto check = [&] {
        const PaperFilter& f = ex.state().filter;
        std::vector<PaperIndex> want = filterPapers(c, ex.index(), f, ex.marks());
        sortPapers(c, ex.index(), parseSearchQuery(f.query), ex.state().sort, want);
        CHECK(ex.visiblePapers() == want);
        CHECK(ex.filteredMatrix().counts == countTopicMonths(c, want, &f).counts);
        PaperFilter withoutTopics = f;
        withoutTopics.topics.clear();
        CHECK(ex.topicFacetCounts() == countTopicMonths(c, filterPapers(c, ex.index(), withoutTopics, ex.marks()), &withoutTopics).topicTotals);
    };
    check();
    for (const char* typed : {"模", "模型", "模型 l", "模型 le", "模型 lea", "", "learn", "-模型"}) {
        ex.setQuery(typed);
        check();
        ex.setSort(SortOrder::Relevance);
        check();
        ex.setTopics({c.topics[0].id, c.topics[3].id});
        check();
        ex.setMonthRange(c.lastMonth - 5, c.lastMonth);
        check();
        ex.setDigestFilter(c.digests[c.digests.size() / 2].id);
        check();
        ex.setSort(SortOrder::Title);
        check();
        ex.setTopics({});
        ex.setMonthRange(std::nullopt, std::nullopt);
        check();
        ex.setDigestFilter("");
        check();
    }
}

}  // TEST_SUITE

TEST_SUITE("synthetic scale") {

TEST_CASE("the flat topic x month count equals the reference for any paper set and scope") {
    const Corpus& c = synthetic().corpus;
    PaperMonths flat(c);
    std::vector<PaperIndex> all(c.papers.size()), some, few;
    for (PaperIndex p = 0; p < all.size(); ++p) all[p] = p;
    for (PaperIndex p = 0; p < all.size(); p += 3) some.push_back(p);
    for (PaperIndex p = 5; p < all.size(); p += 97) few.push_back(p);
    std::reverse(some.begin(), some.end());  // any order
    PaperFilter months, digest, unknown;
    months.from = c.lastMonth - 7;
    months.to = c.lastMonth - 2;
    digest.digest = c.digests[c.digests.size() / 2].id;
    unknown.digest = "no-such-digest";
    for (const std::vector<PaperIndex>* papers : {&all, &some, &few})
        for (const PaperFilter* scope : std::vector<const PaperFilter*>{nullptr, &months, &digest, &unknown}) {
            TopicMonthMatrix want = countTopicMonths(c, *papers, scope), got = countTopicMonths(c, flat, *papers, scope);
            CHECK(got.counts == want.counts);
            CHECK(got.topicTotals == want.topicTotals);
            CHECK(got.maxCount == want.maxCount);
            CHECK(got.months == want.months);
            // Filtering by the same scope (and topics) through the flat arrays keeps the same papers.
            if (!scope) continue;
            PaperFilter filter = *scope;
            filter.topics = {c.topics[1].id, c.topics[4].id};
            std::vector<PaperIndex> slow = *papers, fast = *papers;
            applyFilters(c, filter, ReaderMarks{}, slow);
            applyFilters(c, filter, ReaderMarks{}, fast, nullptr, true, &flat);
            CHECK(fast == slow);
        }
}

}  // TEST_SUITE

TEST_SUITE("synthetic scale") {

TEST_CASE("isBlankAfterFolding agrees with trim(foldForSearch(s)).empty()") {
    for (const char* s : {"", " ", "\t\n\r ", "\u3000", "\u00a0 \u3000", "a", " a ", "\u3000x", "模型", "\xff", " \xc3", "\f\v"})
        CHECK(isBlankAfterFolding(s) == trim(foldForSearch(s)).empty());
}

}  // TEST_SUITE
