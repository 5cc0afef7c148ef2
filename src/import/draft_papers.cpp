// paperJson: one drafted entry -> its format-1 JSON object (see draft_papers.h).
#include "import/draft_papers.h"

#include <algorithm>

#include "core/text.h"
#include "core/topic_inference.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

constexpr size_t kMaxField = 200 * 1024;  // below the validator's 256 KiB per text

std::vector<std::string> inferredTopics(const core::Corpus& corpus, const DraftEntry& e, const std::string& title) {
    std::vector<std::string> ids;
    if (corpus.topics.empty()) return ids;
    std::string foldedTitle = core::foldForSearch(title + " " + e.titleZh);
    std::string foldedBody = core::foldForSearch(e.summary + "\n" + e.why + "\n" + e.insight);
    core::TopicMask mask = core::inferTopics(corpus.topics, foldedTitle, foldedBody);
    std::vector<core::TopicScore> scores = core::scoreTopics(corpus.topics, foldedTitle, foldedBody);
    std::stable_sort(scores.begin(), scores.end(), [](const core::TopicScore& a, const core::TopicScore& b) { return a.score > b.score; });
    for (const core::TopicScore& s : scores)
        if (s.topic < 64 && (mask >> s.topic & 1) && ids.size() < 3) ids.push_back(corpus.topics[s.topic].id);
    for (size_t t = 0; t < corpus.topics.size() && t < 64 && ids.empty(); ++t)
        if (mask >> t & 1) ids.push_back(corpus.topics[t].id);  // "general": matched by nothing, scored 0
    return ids;
}

std::vector<std::string> curatedTopics(const core::Corpus& corpus, const core::Paper& paper) {
    std::vector<std::string> ids;
    if (paper.topicsInferred) return ids;
    for (size_t t = 0; t < corpus.topics.size() && t < 64 && ids.size() < 3; ++t)
        if (paper.topics >> t & 1) ids.push_back(corpus.topics[t].id);
    return ids;
}

void putText(nlohmann::ordered_json& out, const char* key, const std::string& text, size_t index,
             std::vector<ImportWarning>& warnings) {
    if (text.empty()) return;
    if (text.size() <= kMaxField) {
        out[key] = text;
        return;
    }
    out[key] = clip(text, kMaxField);
    warnings.push_back({int(index), std::string(key) + " is " + std::to_string(text.size() / 1024) +
                                        " KiB: cut to 200 KiB (the entry probably runs into page text)"});
}

}  // namespace

CorpusIndex::CorpusIndex(const core::Corpus& c) : corpus(c) {
    for (const core::Paper& p : c.papers) idByTitleSlug.emplace(slugify(p.title), p.id);
}

bool paperJson(const DraftEntry& e, size_t index, const std::string& sectionId, const std::string& digestId,
               const CorpusIndex& corpusIndex, nlohmann::ordered_json& out, std::vector<ImportWarning>& warnings) {
    const core::Corpus& corpus = corpusIndex.corpus;
    size_t before = warnings.size();
    auto warn = [&](std::string message) { warnings.push_back({int(index), std::move(message)}); };
    for (const std::string& w : e.warnings) warn(w);

    // Id: the corpus's own id for this paper (arXiv id first, then title), else the format's rule.
    const core::Paper* known = nullptr;
    if (!e.arxivId.empty()) known = corpus.findPaper("arxiv:" + e.arxivId);
    std::string titleSlug = slugify(e.title);
    if (!known && !titleSlug.empty()) {
        auto it = corpusIndex.idByTitleSlug.find(titleSlug);
        if (it != corpusIndex.idByTitleSlug.end()) {
            known = corpus.findPaper(it->second);
            if (known && !e.arxivId.empty())
                warn("the corpus knows this paper as \"" + known->id + "\"; the page gives arXiv " + e.arxivId +
                     " (rename it in all digests at once if that is right)");
        }
    }
    std::string id, title = e.title;
    if (known) id = known->id;
    else if (!e.arxivId.empty()) id = "arxiv:" + e.arxivId;
    else if (!titleSlug.empty()) id = titleSlug;
    if (title.empty()) {
        if (known) {
            title = known->title;
            warn("no English title on the page: took \"" + title + "\" from the corpus (same arXiv id)");
        } else if (!e.titleZh.empty()) {
            title = e.titleZh;
            warn("no English title on the page: the title is the page's Chinese one");
        } else if (!e.arxivId.empty()) {
            title = "arXiv:" + e.arxivId;
            warn("no title on the page: the title is a placeholder (the arXiv id); fill in the English title");
        } else {
            title = "Untitled entry " + std::to_string(index + 1);
            warn("no title on the page: the title is a placeholder; fill in the English title");
        }
    }
    if (id.empty()) {
        id = slugify("untitled-" + digestId + "-" + std::to_string(index + 1));
        warn("no English title or arXiv id: the id \"" + id + "\" is a placeholder");
    }
    if (e.weak) warn("may not be a paper: only a 《title》 in a paragraph names it");
    if (e.authors.empty()) warn("no authors found");
    bool transliterated = false;
    for (const std::string& a : e.authors) transliterated = transliterated || a.find("·") != std::string::npos;
    if (transliterated) warn("authors are Chinese renderings of the names: keep them, or restore the originals if sure");

    out = nlohmann::ordered_json::object();
    out["id"] = id;
    out["section"] = sectionId;
    out["title"] = title;
    if (!e.titleZh.empty() && e.titleZh != title) out["title_zh"] = e.titleZh;
    out["authors"] = e.authors;
    if (e.authorsTruncated) out["authors_truncated"] = true;
    if (!e.links.empty()) {
        nlohmann::ordered_json links = nlohmann::ordered_json::object();
        for (const DraftLink& l : e.links) links[l.key] = l.url;
        out["links"] = links;
    }
    std::vector<std::string> topics = known ? curatedTopics(corpus, *known) : std::vector<std::string>{};
    if (topics.empty()) topics = inferredTopics(corpus, e, title);
    if (!topics.empty()) out["topics"] = topics;
    putText(out, "summary", e.summary, index, warnings);
    putText(out, "why", e.why, index, warnings);
    putText(out, "insight", e.insight, index, warnings);
    return warnings.size() > before;
}

}  // namespace papertide::import
