// The reader's filters (query, topics, months, digest, author, bookmarks, read marks) applied to the corpus,
// sorting of the result, and the topic x month count matrix of any paper set.
#pragma once
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/model.h"
#include "core/search_index.h"

namespace papertide::core {

struct PaperFilter {
    std::string query;
    std::vector<std::string> topics;  // topic ids; a paper matches when it has any of them
    std::optional<MonthNumber> from, to;
    std::string digest;  // digest id
    std::string author;  // matches any author whose folded name contains the folded text
    bool bookmarkedOnly = false;
    bool unreadOnly = false;
    uint32_t minPicks = 0;              // recommended by at least this many appearances (recurrence)
    std::vector<std::string> paperIds;  // a shared reading list: only these papers (empty = no such filter)

    bool active() const {
        return !query.empty() || !topics.empty() || from || to || !digest.empty() || !author.empty() ||
               bookmarkedOnly || unreadOnly || minPicks > 1 || !paperIds.empty();
    }
};

// Paper ids the reader bookmarked or marked read.
struct ReaderMarks {
    std::unordered_set<std::string> bookmarked;
    std::unordered_set<std::string> read;
};

enum class SortOrder { Relevance, Newest, Oldest, Title, Recurrence };
const char* sortOrderName(SortOrder order);
std::optional<SortOrder> parseSortOrder(std::string_view name);

// The filter's query as searched: with crossLanguage, expanded by the corpus's glossary (expandSearchQuery).
SearchQuery searchQueryOf(const Corpus& corpus, const PaperFilter& filter, bool crossLanguage = true);
// Unknown topic or digest ids match nothing (callers that take user input should check them first).
std::vector<PaperIndex> filterPapers(const Corpus& corpus, const SearchIndex& index, const PaperFilter& filter,
                                     const ReaderMarks& marks, bool crossLanguage = true);
// Relevance falls back to newest when there is no query; ties keep a stable, meaningful order.
void sortPapers(const Corpus& corpus, const SearchIndex& index, const SearchQuery& query, SortOrder order,
                std::vector<PaperIndex>& papers);

// The building blocks of filterPapers/sortPapers for callers that keep the match between changes (Explorer):
// every filter but the query applied to already matched papers, in place and in order; `aligned` (e.g. the
// scores) is filtered alongside; the topic filter only when includeTopics.
// With `flat` (the PaperMonths of this corpus), the topic and month/digest checks read its compact arrays
// instead of the papers and appearances: a month range over 100,000 papers costs a third as much.
class PaperMonths;
void applyFilters(const Corpus& corpus, const PaperFilter& filter, const ReaderMarks& marks,
                  std::vector<PaperIndex>& papers, std::vector<uint32_t>* aligned = nullptr, bool includeTopics = true,
                  const PaperMonths* flat = nullptr);
// sortPapers with the relevance already known: fifths[i] = relevance(papers[i]) * 5 (SearchIndex::matchScored),
// reordered alongside; only read for SortOrder::Relevance with a query.
void sortPapersScored(const Corpus& corpus, const SearchIndex& index, bool hasQuery, SortOrder order,
                      std::vector<PaperIndex>& papers, std::vector<uint32_t>& fifths);

// counts[topic * months + (month - firstMonth)] = distinct papers of that topic recommended that month.
struct TopicMonthMatrix {
    MonthNumber firstMonth = 0;
    size_t topics = 0;
    size_t months = 0;
    std::vector<uint32_t> counts;
    std::vector<uint32_t> topicTotals;  // distinct papers per topic over the whole range
    uint32_t maxCount = 0;
    uint32_t at(TopicIndex t, size_t monthOffset) const { return counts[t * months + monthOffset]; }
};
// Counts only appearances inside the filter's month range and digest (so the matrix agrees with the list).
TopicMonthMatrix countTopicMonths(const Corpus& corpus, const std::vector<PaperIndex>& papers,
                                  const PaperFilter* scope = nullptr);
// What the matrix reads of each paper (topics; month and digest of each appearance), laid out flat once per
// corpus, so that recounting on every keystroke streams through a few small arrays instead of chasing each
// paper's appearances. countTopicMonths over it gives exactly the counts of the overload above.
class PaperMonths {
public:
    PaperMonths() = default;
    explicit PaperMonths(const Corpus& corpus);
    size_t paperCount() const { return topics_.size(); }
    TopicMask topics(PaperIndex p) const { return topics_[p]; }
    // Whether any appearance of the paper is in [from, to], and in `digest` unless anyDigest.
    bool appearsIn(PaperIndex p, MonthNumber from, MonthNumber to, bool anyDigest, DigestIndex digest) const {
        for (uint32_t i = first_[p]; i < first_[p + 1]; ++i)
            if (months_[i] >= from && months_[i] <= to && (anyDigest || digests_[i] == digest)) return true;
        return false;
    }

private:
    friend TopicMonthMatrix countTopicMonths(const Corpus&, const PaperMonths&, const std::vector<PaperIndex>&,
                                             const PaperFilter*);
    std::vector<TopicMask> topics_;
    std::vector<uint32_t> first_;      // papers + 1 offsets into months_ / digests_
    std::vector<MonthNumber> months_;  // per appearance, in the paper's order (by month)
    std::vector<DigestIndex> digests_;
};
// The same matrix as countTopicMonths(corpus, papers, scope), for papers listed at most once.
TopicMonthMatrix countTopicMonths(const Corpus& corpus, const PaperMonths& flat, const std::vector<PaperIndex>& papers,
                                  const PaperFilter* scope = nullptr);
// The papers behind one cell, for hover lists and click-through. Pass the same scope as to countTopicMonths
// so the list agrees with the cell's count (e.g. with a digest filter, other digests' months list nothing).
std::vector<PaperIndex> papersInCell(const Corpus& corpus, const std::vector<PaperIndex>& papers, TopicIndex topic,
                                     MonthNumber month, const PaperFilter* scope = nullptr);

}  // namespace papertide::core
