// Full-text search over papers: exact substring semantics for Chinese (character bigram postings, then
// verification) and word-prefix matching for Latin text, both on case-, width- and accent-folded text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace papertide::core {

// A parsed query: whitespace separates terms (all must match), "quoted phrases" keep their spaces,
// and a leading '-' excludes a term. Terms are folded.
struct SearchQuery {
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    bool empty() const { return include.empty() && exclude.empty(); }
};
SearchQuery parseSearchQuery(std::string_view text);

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const Corpus& corpus);

    // Papers matching every included term and no excluded one, in ascending index order.
    std::vector<PaperIndex> match(const SearchQuery& query) const;
    // Higher is better: hits in the title outrank hits in authors or ids, which outrank hits in summaries.
    double relevance(PaperIndex paper, const SearchQuery& query) const;
    bool matches(PaperIndex paper, std::string_view foldedTerm) const;
    size_t paperCount() const { return docs_.size(); }
    size_t memoryBytes() const;

private:
    // A paper's searchable text, folded, with zone boundaries: [title | authors, id | summaries].
    struct Doc {
        std::string text;
        uint32_t titleEnd = 0;
        uint32_t authorsEnd = 0;
    };
    std::vector<PaperIndex> candidates(std::string_view foldedTerm) const;
    size_t findTerm(const Doc& doc, std::string_view term, size_t from) const;

    std::vector<Doc> docs_;
    std::unordered_map<uint64_t, std::vector<PaperIndex>> cjkGrams_;  // unigrams and bigrams of CJK characters
    std::vector<std::string> words_;                                 // sorted vocabulary of Latin words
    std::vector<std::vector<PaperIndex>> wordPostings_;
};

}  // namespace papertide::core
