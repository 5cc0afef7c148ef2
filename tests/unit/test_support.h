// Shared helpers of the unit tests: where the repository and the seed corpus are, a small synthetic
// taxonomy, builders for synthetic digests, and readable dumps of diagnostics for failure messages.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/corpus_loader.h"
#include "core/diagnostics.h"
#include "core/digest_parser.h"
#include "core/model.h"
#include "core/taxonomy.h"
#include "io/corpus_files.h"

// Show string lists in failed CHECKs instead of "{?}".
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "{";
        for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
        return (out + "}").c_str();
    }
};
}  // namespace doctest

namespace papertide::test {

using namespace papertide::core;
using ojson = nlohmann::ordered_json;

// The repository root: the PAPERTIDE_SOURCE_DIR compile definition (set by cmake/PapertideTests.cmake),
// else the environment variable of the same name, else "../.." from the current directory.
inline std::string sourceDir() {
#ifdef PAPERTIDE_SOURCE_DIR
    return PAPERTIDE_SOURCE_DIR;
#else
    if (const char* env = std::getenv("PAPERTIDE_SOURCE_DIR"); env && *env) return env;
    return "../..";
#endif
}

// The bundled corpus: PAPERTIDE_TEST_DATA_DIR when the build defines it, else <source>/data.
inline std::string dataDir() {
#ifdef PAPERTIDE_TEST_DATA_DIR
    return PAPERTIDE_TEST_DATA_DIR;
#else
    return sourceDir() + "/data";
#endif
}

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string dump(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += formatDiagnostic(d) + "\n";
    return out.empty() ? "(no diagnostics)" : out;
}

inline std::vector<std::string> formatted(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) out.push_back(formatDiagnostic(d));
    return out;
}

inline size_t countWarnings(const std::vector<Diagnostic>& diagnostics) {
    return diagnostics.size() - countErrors(diagnostics);
}

inline bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// The seed corpus as the app loads it (data/topics.json + data/digests/*.json), loaded once.
struct SeedCorpus {
    Corpus corpus;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> ioErrors;
    size_t digestFiles = 0;
};

inline const SeedCorpus& seed() {
    static const SeedCorpus loaded = [] {
        SeedCorpus s;
        std::vector<SourceFile> files = io::readCorpusDirectory(dataDir(), s.ioErrors);
        CorpusInput input = splitCorpusFiles(std::move(files));
        s.digestFiles = input.digests.size();
        s.corpus = loadCorpus(input, s.diagnostics);
        return s;
    }();
    return loaded;
}

// A small taxonomy with known keywords, for synthetic corpora.
inline const char* kTestTaxonomy = R"({
  "format": 1,
  "topics": [
    {"id": "language-models", "label_en": "Language models", "label_zh": "语言模型", "color": "#4e79a7",
     "keywords_en": ["language model", "llm", "gpt"], "keywords_zh": ["语言模型", "大模型"]},
    {"id": "diffusion", "label_en": "Diffusion", "label_zh": "扩散", "color": "#f28e2b",
     "keywords_en": ["diffusion", "denoising"], "keywords_zh": ["扩散", "去噪"]},
    {"id": "rl", "label_en": "Reinforcement learning", "label_zh": "强化学习", "color": "#e15759",
     "keywords_en": ["reinforcement learning", "rl", "reward"], "keywords_zh": ["强化学习", "奖励"]},
    {"id": "vision", "label_en": "Vision", "label_zh": "视觉", "color": "#76b7b2",
     "keywords_en": ["image", "vision"], "keywords_zh": ["视觉", "图像"]},
    {"id": "general", "label_en": "General ML", "label_zh": "机器学习综合", "color": "#888888",
     "keywords_en": ["machine learning"], "keywords_zh": ["神经网络"]}
  ]
})";

inline std::vector<Topic> testTopics() {
    std::vector<Diagnostic> diagnostics;
    std::vector<Topic> topics = parseTaxonomy("topics.json", kTestTaxonomy, diagnostics);
    REQUIRE_MESSAGE(diagnostics.empty(), dump(diagnostics));
    REQUIRE(topics.size() == 5);
    return topics;
}

inline TopicLookup testLookup() {
    TopicLookup lookup;
    std::vector<Topic> topics = testTopics();
    for (TopicIndex t = 0; t < topics.size(); ++t) lookup[topics[t].id] = t;
    return lookup;
}

// A paper entry of a synthetic digest; `extra` members (summary, links, authors_truncated, ...) are merged in.
inline ojson paperJson(const std::string& id, const std::string& title, std::vector<std::string> authors,
                       std::vector<std::string> topics, ojson extra = ojson::object()) {
    ojson p;
    p["id"] = id;
    p["section"] = "main";
    p["title"] = title;
    p["authors"] = authors;
    if (!topics.empty()) p["topics"] = topics;
    for (auto& [key, value] : extra.items()) p[key] = value;
    return p;
}

inline ojson digestJson(const std::string& id, const std::string& month, std::vector<ojson> papers,
                        ojson sections = ojson::array({{{"id", "main"}, {"title", "本月论文"}}})) {
    ojson d;
    d["format"] = 1;
    d["id"] = id;
    d["month"] = month;
    d["title"] = "测试摘要 " + id;
    d["source"] = "Test source";
    d["language"] = "zh-Hans";
    d["sections"] = sections;
    d["papers"] = papers;
    return d;
}

inline SourceFile digestFile(const ojson& digest) {
    return {"digests/" + digest["id"].get<std::string>() + ".json", digest.dump(2)};
}

struct Loaded {
    Corpus corpus;
    std::vector<Diagnostic> diagnostics;
};

inline Loaded loadSynthetic(const std::vector<ojson>& digests, const std::vector<ojson>& userDigests = {}) {
    CorpusInput input;
    input.taxonomy = {"topics.json", kTestTaxonomy};
    for (const ojson& d : digests) input.digests.push_back(digestFile(d));
    for (const ojson& d : userDigests) {
        SourceFile f = digestFile(d);
        f.name = "user/" + f.name;
        input.userDigests.push_back(std::move(f));
    }
    Loaded out;
    out.corpus = loadCorpus(input, out.diagnostics);
    return out;
}

inline std::vector<std::string> authorNames(const Corpus& c, const Paper& p) {
    std::vector<std::string> names;
    for (AuthorIndex a : p.authors) names.push_back(c.authors[a].name);
    return names;
}

inline std::vector<std::string> topicIds(const Corpus& c, TopicMask mask) {
    std::vector<std::string> ids;
    for (TopicIndex t = 0; t < c.topics.size(); ++t)
        if (mask >> t & 1) ids.push_back(c.topics[t].id);
    return ids;
}

inline std::vector<std::string> paperIds(const Corpus& c, const std::vector<PaperIndex>& papers) {
    std::vector<std::string> ids;
    for (PaperIndex p : papers) ids.push_back(c.papers[p].id);
    return ids;
}

inline std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

inline std::vector<std::string> appearanceMonths(const Corpus& c, const Paper& p) {
    std::vector<std::string> months;
    for (AppearanceIndex a : p.appearances) months.push_back(formatMonth(c.appearances[a].month));
    return months;
}

inline std::string linkUrl(const Paper& p, std::string_view name) {
    for (const Link& l : p.links)
        if (l.name == name) return l.url;
    return {};
}

inline MonthNumber month(std::string_view text) {
    auto m = parseMonth(text);
    REQUIRE_MESSAGE(m.has_value(), "bad month in test: " << text);
    return *m;
}

}  // namespace papertide::test
