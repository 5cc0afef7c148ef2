// Find in the open paper.
#include "app/card_find.h"

#include <algorithm>

#include "core/text_find.h"

namespace papertide::app {

std::vector<std::string_view> cardTextBlocks(const core::Corpus& c, const core::Paper& p) {
    std::vector<std::string_view> blocks{p.title};
    for (core::AppearanceIndex ai : p.appearances) {
        const core::Appearance& a = c.appearances[ai];
        blocks.insert(blocks.end(), {a.titleZh, a.why, a.insight, a.summary});
    }
    return blocks;
}

void CardFind::setQuery(std::string_view query) {
    if (query_ == query) return;
    query_ = std::string(query);
    current_ = 0;
    reveal_ = true;
}

void CardFind::update(const core::Corpus& c, const core::Paper* paper) {
    const std::string paperId = paper ? paper->id : std::string();
    if (computed_ && matchedPaper_ == paperId && matchedQuery_ == query_) return;
    matches_.clear();
    if (paper) {
        std::vector<std::string_view> blocks = cardTextBlocks(c, *paper);
        for (size_t b = 0; b < blocks.size(); ++b)
            for (const core::TextRange& r : core::findAllFolded(blocks[b], query_)) matches_.push_back({int(b), r.begin, r.end});
    }
    if (matchedPaper_ != paperId) current_ = 0;  // another paper: start from its first match
    matchedPaper_ = paperId;
    matchedQuery_ = query_;
    computed_ = true;
    current_ = matches_.empty() ? -1 : std::clamp(current_, 0, int(matches_.size()) - 1);
    reveal_ = true;
}

void CardFind::step(int direction) {
    if (matches_.empty()) return;
    const int n = int(matches_.size());
    current_ = ((current_ < 0 ? (direction > 0 ? -1 : 0) : current_) + direction % n + n) % n;
    reveal_ = true;
}

}  // namespace papertide::app
