// The questions a reader of monthly digests asks, answered from the corpus: how each topic rose and fell,
// what changed from one digest to the next, and which news items relate to which papers and topics.
// Months here are *digest months* (months that have a digest): digests have gaps, and a month with no
// digest says nothing about a topic.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "core/search_index.h"

namespace papertide::core {

enum class Trend { Rising, Steady, Fading, New, Dormant };
const char* trendName(Trend trend);

struct TopicLifecycle {
    TopicIndex topic = 0;
    uint32_t total = 0;              // distinct papers over the whole corpus
    MonthNumber firstMonth = -1;     // -1: never seen
    MonthNumber peakMonth = -1;      // the digest month with the largest share of this topic
    MonthNumber latestMonth = -1;
    uint32_t peakCount = 0;
    Trend trend = Trend::Dormant;
    double recentShare = 0;          // mean share of papers in the newer half of the window
    double earlierShare = 0;         // mean share in the older half
};

// Shares are per digest month (papers of the topic / papers that month), so a 37-paper weekly digest
// does not outweigh a 10-paper monthly one. `window` = how many of the latest digest months to judge by.
std::vector<TopicLifecycle> topicLifecycles(const Corpus& corpus, size_t window = 4);

enum class ChangeKind { New, Growing, Steady, Shrinking, Absent };
const char* changeKindName(ChangeKind kind);

struct TopicChange {
    TopicIndex topic = 0;
    ChangeKind kind = ChangeKind::Steady;
    uint32_t previous = 0;  // papers in the previous digest month
    uint32_t current = 0;   // papers in this digest month
    std::vector<PaperIndex> papers;  // this month's papers of the topic (or last month's, when absent)
};

struct MonthChange {
    MonthNumber month = -1;
    MonthNumber previousMonth = -1;  // the previous month that has a digest; -1 for the first
    uint32_t papers = 0, previousPapers = 0;
    std::vector<TopicChange> topics;  // topics present in either month: new, growing, steady, shrinking, absent
};

// The digest months in order (months with at least one digest).
std::vector<MonthNumber> digestMonths(const Corpus& corpus);
// Compares `month` with the previous digest month (not the previous calendar month).
MonthChange compareWithPreviousDigest(const Corpus& corpus, MonthNumber month);

struct NewsLink {
    DigestIndex digest = 0;
    size_t item = 0;                  // index into the digest's news
    std::vector<PaperIndex> papers;   // papers the item mentions (arXiv id, full title or a digest's Chinese title)
    TopicMask topics = 0;             // topics its words point to (taxonomy keywords)
};
// Every news item of every digest, with what it mentions. `index` is the corpus's search index: its folded
// titles are read, not folded again (at 100k papers that was most of the cost).
std::vector<NewsLink> linkNews(const Corpus& corpus, const SearchIndex& index);

}  // namespace papertide::core
