// The bodies of the libFuzzer targets (tests/fuzz/fuzz_<target>.cpp) and of their replay in the unit tests
// (tests/unit/test_fuzz_regressions.cpp). Each harness feeds arbitrary bytes to one parser of the core and
// checks invariants beyond "no crash"; a broken invariant calls PAPERTIDE_FUZZ_CHECK, which aborts under
// libFuzzer (the input is saved as a crash) and is a failed CHECK under doctest.
//
// PAPERTIDE_FUZZ_DATA_DIR must name the corpus directory (data/): the digest harness validates against
// the real data/topics.json.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/diagnostics.h"
#include "core/digest_parser.h"
#include "core/json_document.h"
#include "core/json_reader.h"
#include "core/paper_filter.h"
#include "core/reader_data.h"
#include "core/reading_list.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "core/taxonomy.h"
#include "core/text.h"
#include "core/view_state.h"

#ifndef PAPERTIDE_FUZZ_DATA_DIR
#error "PAPERTIDE_FUZZ_DATA_DIR must name the corpus directory (data/)"
#endif

#ifndef PAPERTIDE_FUZZ_CHECK
#define PAPERTIDE_FUZZ_CHECK(cond, what)                                                               \
    do {                                                                                               \
        if (!(cond)) {                                                                                 \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n  %s\n", __FILE__, __LINE__, #cond,     \
                         std::string(what).c_str());                                                   \
            std::abort();                                                                              \
        }                                                                                              \
    } while (0)
#endif

namespace papertide::fuzz {

using namespace papertide::core;

inline bool validUtf8(std::string_view s) { return findInvalidUtf8(s) == std::string_view::npos; }

inline std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// --- helpers shared by the validators' harnesses --------------------------------------------------------

// Every diagnostic names the file, a real line and column (or 0:0 for whole-file problems), a JSON pointer,
// a non-empty message, and is valid UTF-8 (the UI renders it and JSON-encodes it for the page).
inline void checkDiagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view file, size_t inputSize) {
    for (const Diagnostic& d : diagnostics) {
        std::string line = formatDiagnostic(d);
        PAPERTIDE_FUZZ_CHECK(d.file == file, line);
        PAPERTIDE_FUZZ_CHECK(d.line >= 1 && d.column >= 1, line);
        PAPERTIDE_FUZZ_CHECK(static_cast<size_t>(d.line) <= inputSize + 1 && static_cast<size_t>(d.column) <= inputSize + 1, line);
        PAPERTIDE_FUZZ_CHECK(d.pointer.empty() || d.pointer[0] == '/', line);
        PAPERTIDE_FUZZ_CHECK(!d.message.empty(), line);
        PAPERTIDE_FUZZ_CHECK(validUtf8(line), "diagnostic is not valid UTF-8: " + line);
    }
}

// The tree is consistent: every node is reachable exactly once, child counts agree, offsets are inside.
inline void checkTree(const JsonDocument& doc, size_t inputSize) {
    std::vector<uint32_t> stack = {0};
    size_t seen = 0;
    while (!stack.empty()) {
        uint32_t index = stack.back();
        stack.pop_back();
        PAPERTIDE_FUZZ_CHECK(index < doc.nodeCount(), "node index out of range");
        const JsonNode& n = doc.node(index);
        ++seen;
        PAPERTIDE_FUZZ_CHECK(n.offset < inputSize, "node offset outside the input");
        uint32_t children = 0;
        for (uint32_t c = n.firstChild; c != kNoNode; c = doc.node(c).nextSibling) {
            PAPERTIDE_FUZZ_CHECK(c > index && c < doc.nodeCount(), "child index out of order");
            ++children;
            stack.push_back(c);
        }
        PAPERTIDE_FUZZ_CHECK(children == n.childCount, "childCount disagrees with the sibling chain");
        PAPERTIDE_FUZZ_CHECK(children == 0 || n.kind == JsonKind::Array || n.kind == JsonKind::Object, "a scalar has children");
        // nlohmann checks UTF-8 (raw bytes and \u escapes): keys reach messages and pointers unchecked.
        PAPERTIDE_FUZZ_CHECK(validUtf8(n.text) && validUtf8(n.key), "invalid UTF-8 in the tree");
    }
    PAPERTIDE_FUZZ_CHECK(seen == doc.nodeCount(), "unreachable nodes in the tree");
}

// --- (a) digest files and topics.json ----------------------------------------------------------------

struct SeedTaxonomy {
    std::vector<Topic> topics;
    TopicLookup lookup;
};

inline const SeedTaxonomy& seedTaxonomy() {
    static const SeedTaxonomy seed = [] {
        SeedTaxonomy s;
        std::vector<Diagnostic> diagnostics;
        std::string bytes = readWholeFile(std::string(PAPERTIDE_FUZZ_DATA_DIR) + "/topics.json");
        s.topics = parseTaxonomy("topics.json", bytes, diagnostics);
        if (s.topics.empty() || countErrors(diagnostics) != 0) {
            std::fprintf(stderr, "fuzz: cannot load %s/topics.json\n", PAPERTIDE_FUZZ_DATA_DIR);
            std::abort();
        }
        for (TopicIndex t = 0; t < s.topics.size(); ++t) s.lookup[s.topics[t].id] = t;
        return s;
    }();
    return seed;
}

// The seed digests, parsed, and the corpus and index built from them once: what a reader's digest goes on top of.
struct SeedBuild {
    std::vector<DigestRecord> records;
    Corpus corpus;
    SearchIndex index;
};

inline const SeedBuild& seedBuild() {
    static const SeedBuild seed = [] {
        SeedBuild s;
        std::vector<std::string> paths;
        for (const auto& entry : std::filesystem::directory_iterator(std::string(PAPERTIDE_FUZZ_DATA_DIR) + "/digests"))
            if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
        std::sort(paths.begin(), paths.end());
        std::vector<Diagnostic> diagnostics;
        std::vector<std::pair<DigestRecord, Origin>> records;
        for (const std::string& path : paths)
            if (auto r = parseDigest(path, readWholeFile(path), seedTaxonomy().lookup, diagnostics)) {
                s.records.push_back(*r);
                records.emplace_back(std::move(*r), Origin::Bundled);
            }
        s.corpus = buildCorpus(seedTaxonomy().topics, std::move(records), diagnostics);
        s.index = SearchIndex(s.corpus);
        return s;
    }();
    return seed;
}

// A reader's digest merged on top of the seed corpus and index (as the app adds one) is exactly the corpus and
// index built from all the files at once.
inline void checkMergeOnTop(const DigestRecord& record) {
    const SeedBuild& seed = seedBuild();
    Corpus corpus = seed.corpus;
    std::vector<Diagnostic> merging;
    MergeChange change = mergeDigests(corpus, {record}, Origin::User, merging);
    SearchIndex index = SearchIndex::afterMerge(seed.index, corpus, change.touched);
    std::vector<std::pair<DigestRecord, Origin>> all;
    for (const DigestRecord& r : seed.records) all.emplace_back(r, Origin::Bundled);
    all.emplace_back(record, Origin::User);
    std::vector<Diagnostic> building;
    Corpus rebuilt = buildCorpus(seedTaxonomy().topics, std::move(all), building);
    PAPERTIDE_FUZZ_CHECK(writeSnapshot(corpus, index, {}) == writeSnapshot(rebuilt, SearchIndex(rebuilt), {}),
                         "merged on top differs from a build of all the files: " + record.digest.id);
}

inline int digest(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const SeedTaxonomy& seed = seedTaxonomy();

    // Every third input also runs with tight limits, so the limit paths are exercised at fuzzing sizes.
    DigestLimits limits;
    if (size % 3 == 0) {
        limits.maxPapers = 2;
        limits.maxTextBytes = 64;
    }
    std::vector<Diagnostic> diagnostics;
    std::optional<DigestRecord> record = parseDigest("fuzz.json", bytes, seed.lookup, diagnostics, limits);
    checkDiagnostics(diagnostics, "fuzz.json", size);
    PAPERTIDE_FUZZ_CHECK(record.has_value() == (countErrors(diagnostics) == 0),
                         "a digest is returned exactly when there is no error");
    if (record) {
        const Digest& d = record->digest;
        PAPERTIDE_FUZZ_CHECK(!d.id.empty() && !d.sections.empty() && !record->papers.empty(), d.id);
        PAPERTIDE_FUZZ_CHECK(record->papers.size() <= limits.maxPapers, d.id);
        for (const PaperEntry& p : record->papers) {
            PAPERTIDE_FUZZ_CHECK(p.section < d.sections.size(), p.id);
            for (const Link& l : p.links) PAPERTIDE_FUZZ_CHECK(isSafeHttpUrl(l.url), l.url);
            PAPERTIDE_FUZZ_CHECK(p.summary.size() <= limits.maxTextBytes, p.id);
        }
        checkMergeOnTop(*record);
        // Merge it into a corpus and index it, as the app does with a reader's file.
        std::vector<std::pair<DigestRecord, Origin>> records;
        records.emplace_back(std::move(*record), Origin::User);
        std::vector<Diagnostic> merged;
        Corpus corpus = buildCorpus(seed.topics, std::move(records), merged);
        PAPERTIDE_FUZZ_CHECK(corpus.digests.size() == 1 && !corpus.papers.empty(), "the digest is in the corpus");
        for (const Paper& p : corpus.papers) PAPERTIDE_FUZZ_CHECK(!p.appearances.empty(), p.id);
        SearchIndex index(corpus);
        PAPERTIDE_FUZZ_CHECK(index.paperCount() == corpus.papers.size(), "index size");
    }

    std::vector<Diagnostic> taxonomyDiagnostics;
    std::vector<Topic> topics = parseTaxonomy("topics.json", bytes, taxonomyDiagnostics);
    checkDiagnostics(taxonomyDiagnostics, "topics.json", size);
    PAPERTIDE_FUZZ_CHECK(topics.size() <= kMaxTopics, "too many topics kept");
    PAPERTIDE_FUZZ_CHECK(!topics.empty() || countErrors(taxonomyDiagnostics) > 0, "an empty taxonomy is an error");
    std::unordered_set<std::string> ids;
    for (const Topic& t : topics) {
        PAPERTIDE_FUZZ_CHECK(ids.insert(t.id).second, "duplicate topic kept: " + t.id);
        PAPERTIDE_FUZZ_CHECK(t.color <= 0xFFFFFF, t.id);
    }

    // The tree itself, with tight limits on every third input.
    JsonLimits jsonLimits;
    if (size % 3 == 1) {
        jsonLimits.maxDepth = 4;
        jsonLimits.maxNodes = 64;
        jsonLimits.maxBytes = 2048;
    }
    JsonDocument doc;
    JsonParseError error;
    if (doc.parse(bytes, error, jsonLimits)) {
        PAPERTIDE_FUZZ_CHECK(doc.nodeCount() >= 1 && doc.nodeCount() <= jsonLimits.maxNodes, "node count");
        checkTree(doc, size);
    } else {
        PAPERTIDE_FUZZ_CHECK(!error.message.empty() && error.offset <= size, error.message);
        PAPERTIDE_FUZZ_CHECK(doc.nodeCount() == 0, "a failed parse leaves no nodes");
    }
    return 0;
}

// --- (b) the URL hash and the JSON view state ------------------------------------------------------------

inline std::string describe(const ViewState& s) {
    nlohmann::json j;
    viewStateToJson(s, j);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Everything that enters the state is clean text: valid UTF-8, no control characters.
inline void checkClean(const ViewState& s) {
    auto clean = [](const std::string& text) {
        if (!validUtf8(text)) return false;
        for (unsigned char c : text)
            if (c < 0x20 || c == 0x7F) return false;
        return true;
    };
    for (const std::string* text : {&s.filter.query, &s.filter.digest, &s.filter.author, &s.paper, &s.digest})
        PAPERTIDE_FUZZ_CHECK(clean(*text) && text->size() <= 500, describe(s));
    for (const std::string& t : s.filter.topics) PAPERTIDE_FUZZ_CHECK(clean(t) && !t.empty(), describe(s));
}

// decode(encode(decode(x))) == decode(x), silently, and encoding is then a fixed point.
inline void checkHashRoundTrip(std::string_view hash) {
    ViewState first = decodeViewState(hash);
    checkClean(first);
    std::string encoded = encodeViewState(first);
    PAPERTIDE_FUZZ_CHECK(encoded.empty() || encoded[0] == '#', encoded);
    std::vector<std::string> warnings;
    ViewState second = decodeViewState(encoded, &warnings);
    PAPERTIDE_FUZZ_CHECK(second == first, "hash round trip changed the state:\n  before " + describe(first) +
                                              "\n  after  " + describe(second) + "\n  via    " + encoded);
    PAPERTIDE_FUZZ_CHECK(warnings.empty(), "re-decoding an encoded state warns: " + (warnings.empty() ? "" : warnings[0]));
    PAPERTIDE_FUZZ_CHECK(encodeViewState(second) == encoded, encoded);
    for (unsigned char c : encoded)
        PAPERTIDE_FUZZ_CHECK(c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\', "unsafe hash " + encoded);
}

inline int viewState(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    checkHashRoundTrip(text);

    std::vector<std::string> warnings;
    decodeViewState(text, &warnings);
    for (const std::string& w : warnings) PAPERTIDE_FUZZ_CHECK(validUtf8(w) && w.size() < 1200, w);

    // The same bytes as a (partial) JSON state, applied onto a state with every field set.
    ViewState base = decodeViewState("#v=papers&q=gpt&t=vision,rl&from=2022-01&to=2022-06&d=x&a=y&bm=1&unread=1"
                                     "&sort=title&p=arxiv:2205.06175&page=z&order=label&collapse=1");
    ViewState state = base;
    std::string error;
    bool applied = applyViewStateJson(state, text, error);
    if (!applied) {
        PAPERTIDE_FUZZ_CHECK(state == base, "a refused JSON state changed the state");
        PAPERTIDE_FUZZ_CHECK(!error.empty() && validUtf8(error), error);
    } else {
        checkClean(state);
        // A JSON-applied state survives the URL too (what the page shows after setState, then reload).
        checkHashRoundTrip(encodeViewState(state));
        // ... and its JSON form is accepted back unchanged.
        nlohmann::json j;
        viewStateToJson(state, j);
        ViewState again;
        std::string againError;
        PAPERTIDE_FUZZ_CHECK(applyViewStateJson(again, j.dump(), againError), againError);
        PAPERTIDE_FUZZ_CHECK(again == state, "JSON round trip changed the state: " + describe(state) + " -> " + describe(again));
    }
    return 0;
}

// --- (c) search queries -------------------------------------------------------------------------------------

// A small fixed corpus: English and Chinese text, accents, full-width letters, ids with ':' and '-'.
inline const char* kSearchTaxonomy = R"json({"format": 1, "topics": [
  {"id": "language-models", "label_en": "Language models", "label_zh": "语言模型", "color": "#4e79a7",
   "keywords_en": ["language model", "gpt"], "keywords_zh": ["语言模型"]},
  {"id": "vision", "label_en": "Vision", "label_zh": "视觉", "color": "#76b7b2",
   "keywords_en": ["image", "vision"], "keywords_zh": ["视觉", "图像"]},
  {"id": "general", "label_en": "General ML", "label_zh": "机器学习综合", "color": "#888888",
   "keywords_en": ["machine learning"], "keywords_zh": ["神经网络"]}]})json";

inline const char* kSearchDigestA = R"json({"format": 1, "id": "2022-06-a", "month": "2022-06", "title": "2022年6月论文",
 "source": "Test", "language": "zh-Hans", "sections": [{"id": "main", "title": "本月论文"}],
 "papers": [
  {"id": "arxiv:2205.06175", "section": "main", "title": "A Generalist Agent", "authors": ["Scott Reed", "Konrad Żołna"],
   "topics": ["general"], "summary": "加托（Gato）是一个通用智能体，能玩 Atari 游戏、给图像加字幕、聊天。"},
  {"id": "denoising-diffusion-probabilistic-models", "section": "main", "title": "Denoising Diffusion Probabilistic Models",
   "title_zh": "去噪扩散概率模型", "authors": ["Jonathan Ho", "Ajay Jain"], "topics": ["vision"],
   "summary": "扩散模型通过逐步去噪生成高质量图像。Diffusion models beat GANs on image synthesis."},
  {"id": "arxiv:2203.02155", "section": "main", "title": "Training language models to follow instructions with human feedback",
   "authors": ["Long Ouyang", "José Ángel García-Pérez"], "topics": ["language-models"],
   "summary": "InstructGPT 用 RLHF 微调 GPT-3：人类反馈强化学习。", "why": "对齐（alignment）很重要。"},
  {"id": "world-models", "section": "main", "title": "World Models: RL in a dream", "authors": ["David Ha"],
   "topics": ["general"], "summary": "世界模型 world model; reward shaping; ＧＰＵ training on C++/CUDA."}
 ]})json";

inline const char* kSearchDigestB = R"json({"format": 1, "id": "2023-03-b", "month": "2023-03", "title": "2023年3月十篇论文",
 "source": "Test", "language": "zh-Hans", "sections": [{"id": "main", "title": "论文"}],
 "papers": [
  {"id": "arxiv:2302.13971", "section": "main", "title": "LLaMA: Open and Efficient Foundation Language Models",
   "authors": ["Hugo Touvron"], "topics": ["language-models"], "summary": "LLaMA 是一组 7B 到 65B 参数的大语言模型。"},
  {"id": "arxiv:2205.06175", "section": "main", "title": "A Generalist Agent", "authors": ["Scott Reed"],
   "topics": ["general"], "insight": "一个模型，604 个任务 —— \"one model\"."},
  {"id": "vision-transformer-survey", "section": "main", "title": "视觉 Transformer 综述 (ViT)", "authors": [],
   "summary": "Ελληνικά και Русский текст: ΒΑΣΗ, ОСНОВА. 图像识别 image-recognition 100% vs. 99.9%!"}
 ]})json";

struct SearchFixture {
    Corpus corpus;
    SearchIndex index;
};

inline const SearchFixture& searchFixture() {
    static const SearchFixture fixture = [] {
        SearchFixture f;
        CorpusInput input;
        input.taxonomy = {"topics.json", kSearchTaxonomy};
        input.digests = {{"digests/2022-06-a.json", kSearchDigestA}, {"digests/2023-03-b.json", kSearchDigestB}};
        std::vector<Diagnostic> diagnostics;
        f.corpus = loadCorpus(input, diagnostics);
        if (countErrors(diagnostics) != 0 || f.corpus.papers.size() != 6) {
            for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", formatDiagnostic(d).c_str());
            std::abort();
        }
        f.index = SearchIndex(f.corpus);
        return f;
    }();
    return fixture;
}

inline int search(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const SearchFixture& f = searchFixture();
    SearchQuery q = parseSearchQuery(text);
    for (const auto* terms : {&q.include, &q.exclude})
        for (const std::string& term : *terms) {
            PAPERTIDE_FUZZ_CHECK(!term.empty() && term == trim(term), "term \"" + term + "\"");
            PAPERTIDE_FUZZ_CHECK(validUtf8(term), "term is not valid UTF-8");
            PAPERTIDE_FUZZ_CHECK(foldForSearch(term) == term, "term is not folded: \"" + term + "\"");
        }
    std::vector<PaperIndex> result = f.index.match(q);
    PAPERTIDE_FUZZ_CHECK(std::adjacent_find(result.begin(), result.end(), [](PaperIndex a, PaperIndex b) { return a >= b; }) ==
                             result.end(),
                         "results not sorted and unique");
    // The index is only a filter: the result must be exactly the papers that match by brute force.
    std::vector<PaperIndex> expected;
    for (PaperIndex p = 0; p < f.index.paperCount(); ++p) {
        bool ok = true;
        for (const std::string& term : q.include) ok = ok && f.index.matches(p, term);
        for (const std::string& term : q.exclude) ok = ok && !f.index.matches(p, term);
        if (ok) expected.push_back(p);
    }
    std::string shown;
    for (const std::string& t : q.include) shown += " +[" + t + "]";
    for (const std::string& t : q.exclude) shown += " -[" + t + "]";
    PAPERTIDE_FUZZ_CHECK(result == expected, "match() disagrees with matches() for" + shown);
    for (PaperIndex p : result) PAPERTIDE_FUZZ_CHECK(f.index.relevance(p, q) >= 0, "negative relevance");

    // The same text as the explorer's query filter, in every sort order.
    PaperFilter filter;
    filter.query = std::string(text);
    ReaderMarks marks;
    std::vector<PaperIndex> filtered = filterPapers(f.corpus, f.index, filter, marks);
    for (SortOrder order : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence}) {
        std::vector<PaperIndex> sortedPapers = filtered;
        sortPapers(f.corpus, f.index, q, order, sortedPapers);
        std::vector<PaperIndex> a = sortedPapers, b = filtered;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        PAPERTIDE_FUZZ_CHECK(a == b, "sorting changed the result set");
    }
    return 0;
}

// --- (d) stored reader data and imported reading lists ----------------------------------------------------------------------------------

inline int readerData(const uint8_t* data, size_t size) {
    std::string_view stored(reinterpret_cast<const char*>(data), size);
    const std::unordered_set<std::string> sentinel = {"sentinel-a", "arxiv:2205.06175"};
    for (std::string_view key : {kBookmarksKey, kReadKey}) {
        std::unordered_set<std::string> out = sentinel;
        std::string warning;
        bool ok = decodePaperSet(key, stored, out, warning);
        PAPERTIDE_FUZZ_CHECK(warning.empty() || warning.rfind(std::string(key) + ": ", 0) == 0, warning);
        PAPERTIDE_FUZZ_CHECK(validUtf8(warning), warning);
        if (!ok) {
            PAPERTIDE_FUZZ_CHECK(out == sentinel, "a refused value changed the set");
            PAPERTIDE_FUZZ_CHECK(!warning.empty(), "refused without a warning");
            continue;
        }
        for (const std::string& id : out) PAPERTIDE_FUZZ_CHECK(id.size() <= 128 && validUtf8(id), "bad id kept");
        std::string encoded = encodePaperSet(out);
        std::unordered_set<std::string> again = sentinel;
        std::string againWarning;
        PAPERTIDE_FUZZ_CHECK(decodePaperSet(key, encoded, again, againWarning), againWarning);
        PAPERTIDE_FUZZ_CHECK(againWarning.empty() && again == out, "paper set round trip: " + encoded);
    }
    Settings original;
    original.theme = Theme::Light;
    original.language = Language::Chinese;
    Settings settings = original;
    std::string warning;
    if (decodeSettings(stored, settings, warning)) {
        Settings again = original;
        std::string againWarning;
        PAPERTIDE_FUZZ_CHECK(decodeSettings(encodeSettings(settings), again, againWarning) && again == settings,
                             "settings round trip");
    } else {
        PAPERTIDE_FUZZ_CHECK(settings == original, "refused settings changed the value");
        PAPERTIDE_FUZZ_CHECK(warning.rfind(std::string(kSettingsKey) + ": ", 0) == 0, warning);
    }

    // The same bytes as an imported reading-list file: a union into the marks, or nothing at all.
    ReaderMarks marks;
    marks.bookmarked = sentinel;
    marks.read = {"read-a"};
    ReaderMarks before = marks;
    MergeReport report;
    std::string error;
    if (mergeReadingList(stored, marks, report, error)) {
        for (const std::string& id : before.bookmarked) PAPERTIDE_FUZZ_CHECK(marks.bookmarked.count(id), "a bookmark was lost");
        for (const std::string& id : before.read) PAPERTIDE_FUZZ_CHECK(marks.read.count(id), "a read mark was lost");
        PAPERTIDE_FUZZ_CHECK(marks.bookmarked.size() == before.bookmarked.size() + report.bookmarksAdded, describeMerge(report));
        PAPERTIDE_FUZZ_CHECK(marks.read.size() == before.read.size() + report.readAdded, describeMerge(report));
        ReaderMarks again;
        MergeReport againReport;
        std::string againError;
        PAPERTIDE_FUZZ_CHECK(mergeReadingList(encodeReadingList(marks), again, againReport, againError), againError);
        PAPERTIDE_FUZZ_CHECK(again.bookmarked == marks.bookmarked && again.read == marks.read, "reading list round trip");
    } else {
        PAPERTIDE_FUZZ_CHECK(marks.bookmarked == before.bookmarked && marks.read == before.read, "a refused file changed the marks");
        PAPERTIDE_FUZZ_CHECK(!error.empty(), "refused without a reason");
    }
    return 0;
}

}  // namespace papertide::fuzz

// (e) snapshots: in a file of their own.
#include "harness_snapshot.h"
