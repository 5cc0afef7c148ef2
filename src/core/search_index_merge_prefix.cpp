// SearchIndexMerger's stored prefix unions ("l", "la": search_index_builder.cpp): the base's unions, set aside before
// the key lists were laid out anew, merged with the changed papers' entries; built from the merged word lists where
// the base has none to start from.
#include <algorithm>

#include "core/search_index_internal.h"
#include "core/search_index_merger.h"

namespace papertide::core {

using namespace search_detail;

void SearchIndexMerger::mergePrefixLists() {
    const uint32_t grams = static_cast<uint32_t>(out_.gramKeys_.size());
    forEachStoredPrefix(
        out_.wordStart_.size() - 1, [&](size_t w) { return out_.word(w); },
        [&](std::string_view prefix, size_t first, size_t last) {
            addPrefixList(prefix, grams + uint32_t(first), grams + uint32_t(last));
        });
    std::sort(out_.prefixLists_.begin(), out_.prefixLists_.end());
}

void SearchIndexMerger::addPrefixList(std::string_view prefix, uint32_t first, uint32_t last) {
    const bool positions = out_.hasPositions(first, last);
    const uint32_t list = static_cast<uint32_t>(out_.listCount_.size());
    const uint32_t b = basePrefixList(prefix);
    entries_.clear();
    Head head;
    bool merged = false;
    if (b != kNone && (!positions || storesPositions(base_, b))) {
        // Unchanged papers hold the same words as before (a new word is in changed papers only): their union
        // entries are the base union's. Changed papers' entries come from the overlay's words with the prefix.
        overlay_.clear();
        overlayUnion(prefix);
        head = splitBase(b, entries_);
        mergeOverlay();
        merged = true;  // with positions needed, the base union has them (checked above)
    }
    if (!merged) {  // no base union to start from, or one without the positions now needed: the builder's way
        SearchIndex::DocSet u;
        out_.unionLists(first, last, u, true, positions);
        entries_.clear();
        for (size_t i = 0; i < u.docs.size(); ++i)
            entries_.push_back({u.docs[i], uint32_t((u.meta[i] & 0x18) | ((u.meta[i] & 7) - 1u)),
                                positions ? u.pos[i] : 0, positions});
    }
    const uint32_t count = head.count + static_cast<uint32_t>(entries_.size());
    const bool keep = positions && keepsPositions(count);
    if (merged) writeHead(b, head, keep, nullptr);
    write(entries_, keep, nullptr, head.lastDoc);
    out_.listCount_.push_back(count);
    out_.listStart_.push_back(postings_.size());
    out_.posStart_.push_back(positions_.size());
    out_.prefixLists_.push_back({std::string(prefix), list});
}

uint32_t SearchIndexMerger::basePrefixList(std::string_view prefix) const {
    const auto& lists = base_.prefixLists_;
    auto it = std::lower_bound(lists.begin(), lists.end(), prefix,
                               [](const std::pair<std::string, uint32_t>& l, std::string_view p) { return l.first < p; });
    return it != lists.end() && it->first == prefix ? it->second : kNone;
}

void SearchIndexMerger::overlayUnion(std::string_view prefix) {
    const size_t og = ov_.gramKeys_.size();
    const auto [first, last] = ov_.wordsStartingWith(prefix);
    if (first == last) return;
    SearchIndex::DocSet u;
    ov_.unionLists(uint32_t(og + first), uint32_t(og + last), u, true, true);
    for (size_t i = 0; i < u.docs.size(); ++i)
        overlay_.push_back({changed_[u.docs[i]], uint32_t((u.meta[i] & 0x18) | ((u.meta[i] & 7) - 1u)), u.pos[i], true});
}

}  // namespace papertide::core
