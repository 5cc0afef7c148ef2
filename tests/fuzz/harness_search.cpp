// Fuzz harness: search queries against a small fixed corpus; the index's answer must equal brute force, in every sort
// order of the explorer's filter.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/paper_filter.h"
#include "core/search_index.h"
#include "core/text.h"
#include "harness_support.h"
#include "harnesses.h"

namespace papertide::fuzz {

using namespace papertide::core;

namespace {

// A small fixed corpus: English and Chinese text, accents, full-width letters, ids with ':' and '-'.
const char* const kSearchTaxonomy = R"json({"format": 1, "topics": [
  {"id": "language-models", "label_en": "Language models", "label_zh": "语言模型", "color": "#4e79a7",
   "keywords_en": ["language model", "gpt"], "keywords_zh": ["语言模型"]},
  {"id": "vision", "label_en": "Vision", "label_zh": "视觉", "color": "#76b7b2",
   "keywords_en": ["image", "vision"], "keywords_zh": ["视觉", "图像"]},
  {"id": "general", "label_en": "General ML", "label_zh": "机器学习综合", "color": "#888888",
   "keywords_en": ["machine learning"], "keywords_zh": ["神经网络"]}]})json";

const char* const kSearchDigestA =
    R"json({"format": 1, "id": "2022-06-a", "month": "2022-06", "title": "2022年6月论文",
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

const char* const kSearchDigestB =
    R"json({"format": 1, "id": "2023-03-b", "month": "2023-03", "title": "2023年3月十篇论文",
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

const SearchFixture& searchFixture() {
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

}  // namespace

int search(const uint8_t* data, size_t size) {
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
    PAPERTIDE_FUZZ_CHECK(std::adjacent_find(result.begin(), result.end(),
                                            [](PaperIndex a, PaperIndex b) { return a >= b; }) == result.end(),
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
    for (SortOrder order :
         {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence}) {
        std::vector<PaperIndex> sortedPapers = filtered;
        sortPapers(f.corpus, f.index, q, order, sortedPapers);
        std::vector<PaperIndex> a = sortedPapers, b = filtered;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        PAPERTIDE_FUZZ_CHECK(a == b, "sorting changed the result set");
    }
    return 0;
}

}  // namespace papertide::fuzz
