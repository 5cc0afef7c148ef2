#include "core/topic_inference.h"

#include <algorithm>

#include "core/text.h"

namespace papertide::core {

namespace {

bool isAsciiWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Latin keywords must start at a word boundary ("rl" should not match "world"); Chinese ones match anywhere.
int countHits(std::string_view text, std::string_view keyword) {
    if (keyword.empty()) return 0;
    bool latin = isAsciiWordByte(keyword.front());
    int hits = 0;
    for (size_t pos = text.find(keyword); pos != std::string_view::npos; pos = text.find(keyword, pos + 1)) {
        if (latin && pos > 0 && isAsciiWordByte(text[pos - 1])) continue;
        ++hits;
    }
    return hits;
}

}  // namespace

std::vector<TopicScore> scoreTopics(const std::vector<Topic>& topics, std::string_view foldedTitle,
                                    std::string_view foldedBody) {
    std::vector<TopicScore> scores;
    for (TopicIndex t = 0; t < topics.size(); ++t) {
        int score = 0;
        for (const auto* list : {&topics[t].keywordsEn, &topics[t].keywordsZh})
            for (const std::string& k : *list) score += 3 * countHits(foldedTitle, k) + countHits(foldedBody, k);
        if (score > 0) scores.push_back({t, score});
    }
    std::stable_sort(scores.begin(), scores.end(), [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
    return scores;
}

TopicMask inferTopics(const std::vector<Topic>& topics, std::string_view foldedTitle, std::string_view foldedBody,
                      int maxTopics) {
    TopicMask mask = 0;
    auto scores = scoreTopics(topics, foldedTitle, foldedBody);
    int taken = 0;
    for (const TopicScore& s : scores) {
        if (taken == maxTopics || s.score * 2 < scores.front().score || (taken > 0 && s.score < 2)) break;
        if (topics[s.topic].id == "general") continue;
        mask |= TopicMask(1) << s.topic;
        ++taken;
    }
    if (mask == 0) {
        auto general = std::find_if(topics.begin(), topics.end(), [](const Topic& t) { return t.id == "general"; });
        if (general != topics.end()) mask = TopicMask(1) << (general - topics.begin());
        else if (!scores.empty()) mask = TopicMask(1) << scores.front().topic;
    }
    return mask;
}

void paperInferenceText(const Corpus& corpus, const Paper& paper, std::string& foldedTitle, std::string& foldedBody) {
    std::string title = paper.title, body;
    for (AppearanceIndex a : paper.appearances) {
        const Appearance& app = corpus.appearances[a];
        if (!app.titleZh.empty()) title += "\n" + app.titleZh;
        for (const std::string* s : {&app.summary, &app.why, &app.insight})
            if (!s->empty()) body += *s + "\n";
    }
    foldedTitle = foldForSearch(title);
    foldedBody = foldForSearch(body);
}

InferenceAgreement measureInference(const Corpus& corpus) {
    InferenceAgreement a;
    std::string title, body;
    for (const Paper& p : corpus.papers) {
        if (p.topicsInferred) continue;
        paperInferenceText(corpus, p, title, body);
        TopicMask inferred = inferTopics(corpus.topics, title, body);
        auto scores = scoreTopics(corpus.topics, title, body);
        ++a.papers;
        a.exact += inferred == p.topics;
        a.overlap += (inferred & p.topics) != 0;
        // The best-scoring topic that inference actually picked ("general" may score best yet is never picked
        // by score); when only the "general" fallback was picked, that fallback is the first topic.
        auto best = std::find_if(scores.begin(), scores.end(), [&](const TopicScore& s) { return inferred >> s.topic & 1; });
        a.firstCorrect += best != scores.end() ? (p.topics >> best->topic & 1) : (inferred & p.topics) != 0;
        a.truePositives += __builtin_popcountll(inferred & p.topics);
        a.inferredTotal += __builtin_popcountll(inferred);
        a.curatedTotal += __builtin_popcountll(p.topics);
    }
    return a;
}

}  // namespace papertide::core
