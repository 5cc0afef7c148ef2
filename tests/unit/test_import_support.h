// Helpers of the import tests: a small corpus to reuse ids from, drafting a fixture, reading the draft back.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "import/article_import.h"
#include "test_support.h"

namespace papertide::test {

inline const char* kImportTaxonomy = R"json({"format": 1, "topics": [
  {"id": "language-models", "label_en": "Language models", "label_zh": "语言模型", "color": "#4e79a7",
   "keywords_en": ["language model", "llm", "gpt"], "keywords_zh": ["语言模型", "大模型"]},
  {"id": "vision", "label_en": "Vision", "label_zh": "视觉", "color": "#76b7b2",
   "keywords_en": ["image", "vision", "segmentation"], "keywords_zh": ["视觉", "图像"]},
  {"id": "general", "label_en": "General ML", "label_zh": "机器学习综合", "color": "#888888",
   "keywords_en": ["machine learning"], "keywords_zh": ["神经网络"]}]})json";

// One digest: a paper with an arXiv id and one known only by its title slug.
inline const char* kImportDigest = R"json({"format": 1, "id": "2022-01-known", "month": "2022-01", "title": "已知",
 "source": "Test", "language": "zh-Hans", "sections": [{"id": "main", "title": "论文"}],
 "papers": [
  {"id": "arxiv:2205.06175", "section": "main", "title": "A Generalist Agent", "authors": ["Scott Reed"], "topics": ["general"]},
  {"id": "exploring-the-limits-of-large-scale-pre-training", "section": "main",
   "title": "Exploring the Limits of Large Scale Pre-training", "authors": ["Samira Abnar"], "topics": ["vision"]}
 ]})json";

inline Corpus importTestCorpus(bool withDigest = true) {
    CorpusInput input;
    input.taxonomy = {"topics.json", kImportTaxonomy};
    if (withDigest) input.digests = {{"digests/2022-01-known.json", kImportDigest}};
    std::vector<Diagnostic> diagnostics;
    Corpus corpus = loadCorpus(input, diagnostics);
    REQUIRE_MESSAGE(countErrors(diagnostics) == 0, dump(diagnostics));
    return corpus;
}

inline import::ImportDraft draftText(const std::string& text, const std::string& name = "article.txt",
                                     import::ImportOptions options = {}, bool withDigest = true) {
    if (options.today.empty()) options.today = "2030-01";
    return import::draftDigest(text, name, import::ArticleKind::Auto, options, importTestCorpus(withDigest));
}

inline nlohmann::json draftJson(const import::ImportDraft& draft) {
    REQUIRE_MESSAGE(draft.ok, draft.error);
    nlohmann::json j = nlohmann::json::parse(draft.json, nullptr, false);
    REQUIRE(!j.is_discarded());
    return j;
}

inline std::vector<std::string> paperTitles(const nlohmann::json& digest) {
    std::vector<std::string> titles;
    for (const auto& p : digest["papers"]) titles.push_back(p["title"].get<std::string>());
    return titles;
}

inline std::string warningsOf(const import::ImportDraft& draft) {
    std::string out;
    for (const auto& w : draft.warnings) out += std::to_string(w.entry) + ": " + w.message + "\n";
    return out;
}

}  // namespace papertide::test
