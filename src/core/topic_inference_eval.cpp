// Judging keyword inference against the curated topics: plainly, and with held-out digests so that keywords
// written from the papers being scored earn them nothing.
#include <algorithm>

#include "core/topic_inference.h"

namespace papertide::core {

namespace {

struct PaperText {
    std::string title, body;
};

// Which papers contain each keyword (by topic, English keywords first), and which digests each paper is in.
struct KeywordEvidence {
    std::vector<std::vector<std::vector<PaperIndex>>> papersWith;
    std::vector<std::vector<DigestIndex>> digestsOf;  // sorted, distinct

    bool sharesDigest(PaperIndex a, PaperIndex b) const {
        const auto& x = digestsOf[a];
        const auto& y = digestsOf[b];
        for (DigestIndex d : x)
            if (std::binary_search(y.begin(), y.end(), d)) return true;
        return false;
    }
};

KeywordEvidence gatherEvidence(const Corpus& corpus, const std::vector<PaperText>& texts) {
    KeywordEvidence e;
    e.digestsOf.resize(corpus.papers.size());
    for (PaperIndex p = 0; p < corpus.papers.size(); ++p) {
        for (AppearanceIndex a : corpus.papers[p].appearances) e.digestsOf[p].push_back(corpus.appearances[a].digest);
        std::sort(e.digestsOf[p].begin(), e.digestsOf[p].end());
        e.digestsOf[p].erase(std::unique(e.digestsOf[p].begin(), e.digestsOf[p].end()), e.digestsOf[p].end());
    }
    e.papersWith.resize(corpus.topics.size());
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t)
        for (const auto* list : {&corpus.topics[t].keywordsEn, &corpus.topics[t].keywordsZh})
            for (const std::string& keyword : *list) {
                std::vector<PaperIndex>& with = e.papersWith[t].emplace_back();
                for (PaperIndex p = 0; p < texts.size(); ++p)
                    if (countKeywordHits(texts[p].title, keyword) || countKeywordHits(texts[p].body, keyword))
                        with.push_back(p);
            }
    return e;
}

// Off: the keywords of `paper`'s text that no paper outside the paper's own digests contains.
KeywordMask heldOutMask(const KeywordEvidence& e, PaperIndex paper) {
    KeywordMask off(e.papersWith.size());
    for (size_t t = 0; t < e.papersWith.size(); ++t) {
        off[t].assign(e.papersWith[t].size(), false);
        for (size_t k = 0; k < e.papersWith[t].size(); ++k) {
            const std::vector<PaperIndex>& with = e.papersWith[t][k];
            if (!std::binary_search(with.begin(), with.end(), paper)) continue;  // cannot score it anyway
            off[t][k] = std::none_of(with.begin(), with.end(), [&](PaperIndex q) { return !e.sharesDigest(paper, q); });
        }
    }
    return off;
}

std::vector<PaperText> foldedTexts(const Corpus& corpus) {
    std::vector<PaperText> texts(corpus.papers.size());
    for (PaperIndex p = 0; p < corpus.papers.size(); ++p)
        paperInferenceText(corpus, corpus.papers[p], texts[p].title, texts[p].body);
    return texts;
}

}  // namespace

std::vector<InferredPaper> inferCuratedPapers(const Corpus& corpus, InferenceEvaluation evaluation) {
    std::vector<PaperText> texts = foldedTexts(corpus);
    KeywordEvidence evidence;
    if (evaluation == InferenceEvaluation::HeldOutDigests) evidence = gatherEvidence(corpus, texts);
    std::vector<InferredPaper> rows;
    for (PaperIndex p = 0; p < corpus.papers.size(); ++p) {
        if (corpus.papers[p].topicsInferred) continue;
        KeywordMask off;
        if (evaluation == InferenceEvaluation::HeldOutDigests) off = heldOutMask(evidence, p);
        InferredPaper row;
        row.paper = p;
        row.inferred = inferTopics(corpus.topics, texts[p].title, texts[p].body, 3, &off);
        // "general" may score best yet is never picked by score: the first topic is the best one picked.
        for (const TopicScore& s : scoreTopics(corpus.topics, texts[p].title, texts[p].body, &off))
            if (row.inferred >> s.topic & 1) {
                row.bestPicked = int(s.topic);
                break;
            }
        rows.push_back(row);
    }
    return rows;
}

InferenceAgreement measureInference(const Corpus& corpus, InferenceEvaluation evaluation) {
    InferenceAgreement a;
    for (const InferredPaper& row : inferCuratedPapers(corpus, evaluation)) {
        TopicMask curated = corpus.papers[row.paper].topics;
        ++a.papers;
        a.exact += row.inferred == curated;
        a.overlap += (row.inferred & curated) != 0;
        // When only the "general" fallback was picked, that fallback is the first topic.
        a.firstCorrect += row.bestPicked >= 0 ? (curated >> row.bestPicked & 1) : (row.inferred & curated) != 0;
        a.truePositives += __builtin_popcountll(row.inferred & curated);
        a.inferredTotal += __builtin_popcountll(row.inferred);
        a.curatedTotal += __builtin_popcountll(curated);
    }
    return a;
}

std::vector<std::string> heldOutUncreditedKeywords(const Corpus& corpus) {
    KeywordEvidence e = gatherEvidence(corpus, foldedTexts(corpus));
    std::vector<std::string> out;
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t) {
        const Topic& topic = corpus.topics[t];
        for (size_t k = 0; k < e.papersWith[t].size(); ++k) {
            const std::vector<PaperIndex>& with = e.papersWith[t][k];
            if (with.empty()) continue;
            bool creditedSomewhere = std::any_of(with.begin(), with.end(), [&](PaperIndex p) {
                return std::any_of(with.begin(), with.end(), [&](PaperIndex q) { return !e.sharesDigest(p, q); });
            });
            if (creditedSomewhere) continue;
            const std::string& keyword = k < topic.keywordsEn.size() ? topic.keywordsEn[k] : topic.keywordsZh[k - topic.keywordsEn.size()];
            out.push_back(topic.id + ": " + keyword);
        }
    }
    return out;
}

}  // namespace papertide::core
