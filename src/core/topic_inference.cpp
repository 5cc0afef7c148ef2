// Keyword topic inference: scores the taxonomy's topics by keyword hits in a paper's folded title and body.
#include "core/topic_inference.h"

#include <algorithm>

#include "core/text.h"

namespace papertide::core {

namespace {

bool isAsciiWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool keywordOff(const KeywordMask* off, TopicIndex t, size_t k) {
    return off && t < off->size() && k < (*off)[t].size() && (*off)[t][k];
}

}  // namespace

// Latin keywords must start at a word boundary ("rl" should not match "world"); Chinese ones match anywhere.
int countKeywordHits(std::string_view text, std::string_view keyword) {
    if (keyword.empty()) return 0;
    bool latin = isAsciiWordByte(keyword.front());
    int hits = 0;
    for (size_t pos = text.find(keyword); pos != std::string_view::npos; pos = text.find(keyword, pos + 1)) {
        if (latin && pos > 0 && isAsciiWordByte(text[pos - 1])) continue;
        ++hits;
    }
    return hits;
}

std::vector<TopicScore> scoreTopics(const std::vector<Topic>& topics, std::string_view foldedTitle,
                                    std::string_view foldedBody, const KeywordMask* off) {
    std::vector<TopicScore> scores;
    for (TopicIndex t = 0; t < topics.size(); ++t) {
        int score = 0;
        size_t k = 0;
        for (const auto* list : {&topics[t].keywordsEn, &topics[t].keywordsZh})
            for (const std::string& keyword : *list)
                if (!keywordOff(off, t, k++))
                    score += 3 * countKeywordHits(foldedTitle, keyword) + countKeywordHits(foldedBody, keyword);
        if (score > 0) scores.push_back({t, score});
    }
    std::stable_sort(scores.begin(), scores.end(), [](const TopicScore& a, const TopicScore& b) { return a.score > b.score; });
    return scores;
}

TopicMask inferTopics(const std::vector<Topic>& topics, std::string_view foldedTitle, std::string_view foldedBody,
                      int maxTopics, const KeywordMask* off) {
    TopicMask mask = 0;
    auto scores = scoreTopics(topics, foldedTitle, foldedBody, off);
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

}  // namespace papertide::core
