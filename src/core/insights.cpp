#include "core/insights.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <bit>
#include <deque>
#include <string_view>

#include "core/text.h"
#include "core/topic_inference.h"

namespace papertide::core {

const char* trendName(Trend trend) {
    switch (trend) {
        case Trend::Rising: return "rising";
        case Trend::Steady: return "steady";
        case Trend::Fading: return "fading";
        case Trend::New: return "new";
        case Trend::Dormant: return "dormant";
    }
    return "steady";
}

const char* changeKindName(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::New: return "new";
        case ChangeKind::Growing: return "growing";
        case ChangeKind::Steady: return "steady";
        case ChangeKind::Shrinking: return "shrinking";
        case ChangeKind::Absent: return "absent";
    }
    return "steady";
}

std::vector<MonthNumber> digestMonths(const Corpus& corpus) {
    std::vector<MonthNumber> months;
    for (const Digest& d : corpus.digests)
        if (months.empty() || months.back() != d.month) months.push_back(d.month);
    std::sort(months.begin(), months.end());
    months.erase(std::unique(months.begin(), months.end()), months.end());
    return months;
}

namespace {

// Distinct papers per (digest month, topic), and distinct papers per digest month.
struct MonthCounts {
    std::vector<MonthNumber> months;
    std::vector<std::vector<uint32_t>> perTopic;  // [month index][topic]
    std::vector<uint32_t> papers;                 // [month index]
    std::vector<std::vector<PaperIndex>> paperLists;  // [month index] distinct papers (when asked for)
    std::vector<uint32_t> topicTotals;            // [topic] papers with the topic, in all months
};

// Calls f(t) for each topic bit of `topics` below `count`: a paper has a few topics of many.
template <typename F>
void forEachTopic(TopicMask topics, size_t count, F&& f) {
    for (; topics; topics &= topics - 1) {
        const auto t = static_cast<TopicIndex>(std::countr_zero(topics));
        if (t < count) f(t);
    }
}

MonthCounts countByDigestMonth(const Corpus& corpus, bool withPaperLists) {
    MonthCounts mc;
    mc.months = digestMonths(corpus);
    mc.perTopic.assign(mc.months.size(), std::vector<uint32_t>(corpus.topics.size(), 0));
    mc.papers.assign(mc.months.size(), 0);
    if (withPaperLists) mc.paperLists.resize(mc.months.size());
    mc.topicTotals.assign(corpus.topics.size(), 0);
    for (PaperIndex pi = 0; pi < corpus.papers.size(); ++pi) {
        const Paper& p = corpus.papers[pi];
        forEachTopic(p.topics, corpus.topics.size(), [&](TopicIndex t) { ++mc.topicTotals[t]; });
        MonthNumber last = -1;
        for (AppearanceIndex ai : p.appearances) {
            MonthNumber m = corpus.appearances[ai].month;
            if (m == last) continue;
            last = m;
            size_t i = std::lower_bound(mc.months.begin(), mc.months.end(), m) - mc.months.begin();
            ++mc.papers[i];
            if (withPaperLists) mc.paperLists[i].push_back(pi);
            forEachTopic(p.topics, corpus.topics.size(), [&](TopicIndex t) { ++mc.perTopic[i][t]; });
        }
    }
    return mc;
}

double share(const MonthCounts& mc, size_t month, TopicIndex t) {
    return mc.papers[month] ? double(mc.perTopic[month][t]) / mc.papers[month] : 0.0;
}

}  // namespace

std::vector<TopicLifecycle> topicLifecycles(const Corpus& corpus, size_t window) {
    MonthCounts mc = countByDigestMonth(corpus, false);
    const size_t n = mc.months.size();
    window = std::max<size_t>(2, std::min(window, n));  // n < 2 is handled below: no window to judge by
    std::vector<TopicLifecycle> out;
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t) {
        TopicLifecycle life;
        life.topic = t;
        double peakShare = -1;
        for (size_t i = 0; i < n; ++i) {
            uint32_t c = mc.perTopic[i][t];
            if (c == 0) continue;
            if (life.firstMonth < 0) life.firstMonth = mc.months[i];
            life.latestMonth = mc.months[i];
            if (share(mc, i, t) > peakShare) {
                peakShare = share(mc, i, t);
                life.peakMonth = mc.months[i];
                life.peakCount = c;
            }
        }
        life.total = mc.topicTotals[t];
        if (n == 0 || life.firstMonth < 0) {  // never seen: dormant, with no months at all
            out.push_back(life);
            continue;
        }
        if (n < 2) {  // a single digest month: everything in it is new
            life.trend = Trend::New;
            life.recentShare = share(mc, 0, t);
            out.push_back(life);
            continue;
        }
        // Older half vs newer half of the window (the newer half gets the middle month when odd).
        size_t begin = n - window, half = window / 2;
        for (size_t i = begin; i < begin + half; ++i) life.earlierShare += share(mc, i, t) / half;
        for (size_t i = begin + half; i < n; ++i) life.recentShare += share(mc, i, t) / (n - begin - half);
        bool seenBeforeWindow = life.firstMonth < mc.months[begin + half];
        if (!seenBeforeWindow) life.trend = Trend::New;
        else if (life.recentShare == 0) life.trend = Trend::Dormant;
        else if (life.recentShare > life.earlierShare * 1.25 + 0.01) life.trend = Trend::Rising;
        else if (life.recentShare < life.earlierShare * 0.75 - 0.01) life.trend = Trend::Fading;
        else life.trend = Trend::Steady;
        out.push_back(life);
    }
    return out;
}

MonthChange compareWithPreviousDigest(const Corpus& corpus, MonthNumber month) {
    MonthChange change;
    MonthCounts mc = countByDigestMonth(corpus, true);
    auto it = std::find(mc.months.begin(), mc.months.end(), month);
    if (it == mc.months.end()) return change;
    size_t i = it - mc.months.begin();
    change.month = month;
    change.papers = mc.papers[i];
    bool hasPrevious = i > 0;
    if (hasPrevious) {
        change.previousMonth = mc.months[i - 1];
        change.previousPapers = mc.papers[i - 1];
    }
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t) {
        TopicChange tc;
        tc.topic = t;
        tc.current = mc.perTopic[i][t];
        tc.previous = hasPrevious ? mc.perTopic[i - 1][t] : 0;
        if (tc.current == 0 && tc.previous == 0) continue;
        double now = share(mc, i, t), before = hasPrevious ? share(mc, i - 1, t) : 0;
        if (tc.previous == 0) tc.kind = ChangeKind::New;
        else if (tc.current == 0) tc.kind = ChangeKind::Absent;
        else if (now > before * 1.25 + 0.01) tc.kind = ChangeKind::Growing;
        else if (now < before * 0.75 - 0.01) tc.kind = ChangeKind::Shrinking;
        else tc.kind = ChangeKind::Steady;
        const auto& list = tc.current ? mc.paperLists[i] : mc.paperLists[i - 1];
        for (PaperIndex p : list)
            if (corpus.papers[p].topics >> t & 1) tc.papers.push_back(p);
        change.topics.push_back(std::move(tc));
    }
    std::stable_sort(change.topics.begin(), change.topics.end(), [](const TopicChange& a, const TopicChange& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.current > b.current;
    });
    return change;
}

namespace {

// Every title of every paper (its own and each digest's Chinese title), folded, with its paper. Read from the
// index's title zone; folded here only where the index cannot say where a title ends (a title with the zone's
// separator in it, or an index of another corpus).
struct FoldedTitles {
    std::vector<std::pair<std::string_view, PaperIndex>> titles;
    std::deque<std::string> folded;  // storage for the titles folded here (a deque: views into it stay valid)
};

FoldedTitles foldedTitles(const Corpus& corpus, const SearchIndex& index) {
    FoldedTitles out;
    const bool indexed = index.paperCount() == corpus.papers.size();
    auto hasSeparator = [](const std::string& s) { return std::memchr(s.data(), '\x1f', s.size()) != nullptr; };
    for (PaperIndex pi = 0; pi < corpus.papers.size(); ++pi) {
        const Paper& p = corpus.papers[pi];
        bool zhTitles = false, splittable = indexed;
        for (AppearanceIndex ai : p.appearances) {
            const std::string& zh = corpus.appearances[ai].titleZh;
            if (zh.empty()) continue;
            zhTitles = true;
            if (hasSeparator(zh)) splittable = false;
        }
        if (indexed && !zhTitles) {  // the zone is the title alone
            const std::string_view title = index.foldedTitles(pi);
            if (!title.empty()) out.titles.push_back({title, pi});
            continue;
        }
        if (splittable && !hasSeparator(p.title)) {
            std::string_view zone = index.foldedTitles(pi);
            for (size_t from = 0; from <= zone.size();) {
                const void* at = std::memchr(zone.data() + from, '\x1f', zone.size() - from);
                const size_t sep = at ? static_cast<const char*>(at) - zone.data() : zone.size();
                std::string_view title = zone.substr(from, sep - from);
                if (!title.empty() && title.front() == ' ') title.remove_prefix(1);  // " \x1f " around each
                if (!title.empty() && title.back() == ' ') title.remove_suffix(1);
                if (!title.empty()) out.titles.push_back({title, pi});
                from = sep + 1;
            }
            continue;
        }
        out.folded.push_back(foldForSearch(p.title));
        out.titles.push_back({out.folded.back(), pi});
        for (AppearanceIndex ai : p.appearances) {
            if (corpus.appearances[ai].titleZh.empty()) continue;
            out.folded.push_back(foldForSearch(corpus.appearances[ai].titleZh));
            out.titles.push_back({out.folded.back(), pi});
        }
    }
    return out;
}

// Strings looked up by their hash: (hash, value) pairs sorted by hash, and which bytes start a key, so that most
// text positions are passed over without hashing anything.
class KeysByHash {
public:
    void add(std::string_view key, uint32_t value) {
        entries_.push_back({hash_(key), value});
        firstBytes_[static_cast<unsigned char>(key.front())] = true;
    }
    void seal() { std::sort(entries_.begin(), entries_.end()); }
    bool mayStart(char c) const { return firstBytes_[static_cast<unsigned char>(c)]; }
    template <class F>
    void forEach(std::string_view key, F&& f) const {  // every value added under a key with key's hash
        const size_t h = hash_(key);
        for (auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair<size_t, uint32_t>(h, 0));
             it != entries_.end() && it->first == h; ++it)
            f(it->second);
    }

private:
    std::hash<std::string_view> hash_;
    std::vector<std::pair<size_t, uint32_t>> entries_;
    std::array<bool, 256> firstBytes_{};
};

}  // namespace

std::vector<NewsLink> linkNews(const Corpus& corpus, const SearchIndex& index) {
    // Titles long enough to be unambiguous (12+ code points), and arXiv ids, are looked for in each folded
    // news text. Rather than searching every text for every paper (news x papers), each text position is
    // looked up: titles by their first 12 code points, ids by their exact text (ids have few lengths).
    const bool anyNews = std::any_of(corpus.digests.begin(), corpus.digests.end(), [](const Digest& d) { return !d.news.empty(); });
    if (!anyNews) return {};
    constexpr size_t kAnchor = 12;
    auto anchorBytes = [](std::string_view s, size_t from) {  // bytes of kAnchor code points at `from`, or 0
        size_t pos = from, cps = 0;
        while (pos < s.size() && cps < kAnchor) {
            decodeUtf8(s, pos);
            ++cps;
        }
        return cps == kAnchor ? pos - from : 0;
    };
    const FoldedTitles all = foldedTitles(corpus, index);
    KeysByHash titleAnchors;  // a title's first kAnchor code points -> the title
    for (uint32_t t = 0; t < all.titles.size(); ++t)
        if (size_t bytes = anchorBytes(all.titles[t].first, 0)) titleAnchors.add(all.titles[t].first.substr(0, bytes), t);
    titleAnchors.seal();
    KeysByHash ids;  // an arXiv id (without "arxiv:") -> its paper
    std::vector<size_t> idLengths;
    for (PaperIndex pi = 0; pi < corpus.papers.size(); ++pi) {
        std::string_view id = corpus.papers[pi].id;
        if (id.rfind("arxiv:", 0) != 0 || id.size() == 6) continue;
        id.remove_prefix(6);
        if (std::find(idLengths.begin(), idLengths.end(), id.size()) == idLengths.end()) idLengths.push_back(id.size());
        ids.add(id, pi);
    }
    ids.seal();
    std::vector<NewsLink> out;
    for (DigestIndex di = 0; di < corpus.digests.size(); ++di) {
        const Digest& d = corpus.digests[di];
        for (size_t i = 0; i < d.news.size(); ++i) {
            NewsLink link;
            link.digest = di;
            link.item = i;
            std::string text = foldForSearch(d.news[i].text);
            for (const Link& l : d.news[i].links) {
                text += ' ';
                text += foldForSearch(l.url);
            }
            std::string_view view = text;
            for (size_t pos = 0; pos < view.size();) {
                if (titleAnchors.mayStart(view[pos]))
                    if (size_t bytes = anchorBytes(view, pos))
                        titleAnchors.forEach(view.substr(pos, bytes), [&](uint32_t t) {
                            const auto& [title, paper] = all.titles[t];
                            if (view.compare(pos, title.size(), title) == 0) link.papers.push_back(paper);
                        });
                if (ids.mayStart(view[pos]))
                    for (size_t len : idLengths) {  // ids are ASCII: any byte position may start one
                        if (pos + len > view.size()) continue;
                        const std::string_view candidate = view.substr(pos, len);
                        ids.forEach(candidate, [&](uint32_t p) {
                            if (corpus.papers[p].id.compare(6, std::string::npos, candidate) == 0) link.papers.push_back(p);
                        });
                    }
                decodeUtf8(view, pos);  // folded text is valid UTF-8: every match starts on a character
            }
            // In paper order, each once (as a scan of all papers in order would list them).
            std::sort(link.papers.begin(), link.papers.end());
            link.papers.erase(std::unique(link.papers.begin(), link.papers.end()), link.papers.end());
            // Topics: the keyword scores the same inference uses, keeping clear hits only.
            for (const TopicScore& s : scoreTopics(corpus.topics, "", text))
                if (s.score >= 2 && corpus.topics[s.topic].id != "general") link.topics |= TopicMask(1) << s.topic;
            out.push_back(std::move(link));
        }
    }
    return out;
}

}  // namespace papertide::core
