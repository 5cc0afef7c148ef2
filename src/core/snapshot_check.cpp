// After a snapshot's corpus sections are read: every cross-reference, month and topic bit checked the way
// buildCorpus guarantees them for a JSON corpus, so the views can index freely; the id maps rebuilt.
#include <string>

#include "core/snapshot_codec.h"

namespace papertide::core::snapshot_detail {

namespace {

std::string num(uint64_t v) { return std::to_string(v); }

template <typename T>
bool allBelow(const std::vector<T>& v, size_t limit) {
    for (T x : v)
        if (x >= limit) return false;
    return true;
}

}  // namespace

std::string checkCorpus(Corpus& c, const std::vector<Diagnostic>& diagnostics) {
    const size_t T = c.topics.size(), D = c.digests.size(), P = c.papers.size(), A = c.appearances.size(),
                 U = c.authors.size();
    if (T == 0 || T > kMaxTopics) return "corpus: " + num(T) + " topics (1 to " + num(kMaxTopics) + " expected)";
    // The month axis: within parseMonth's years, and not empty unless there are no digests.
    const MonthNumber lowest = 1900 * 12, highest = 2199 * 12 + 11;
    if (D > 0 && (c.firstMonth < lowest || c.lastMonth > highest || c.firstMonth > c.lastMonth))
        return "corpus: month axis " + std::to_string(c.firstMonth) + ".." + std::to_string(c.lastMonth) + " is not a valid range";
    if (D == 0 && (P > 0 || A > 0)) return "corpus: papers without digests";
    for (size_t t = 0; t < T; ++t)
        if (c.topics[t].color > 0xFFFFFF) return "corpus: topic " + num(t) + " colour is not 0xRRGGBB";
    auto inAxis = [&](MonthNumber m) { return m >= c.firstMonth && m <= c.lastMonth; };
    const TopicMask allTopics = T == 64 ? ~TopicMask(0) : (TopicMask(1) << T) - 1;

    for (size_t d = 0; d < D; ++d) {
        const Digest& g = c.digests[d];
        if (!inAxis(g.month)) return "corpus: digest " + num(d) + " month outside the axis";
        if (d > 0 && g.month < c.digests[d - 1].month) return "corpus: digests not sorted by month at " + num(d);
        if (!allBelow(g.appearances, A)) return "corpus: digest " + num(d) + " names an appearance beyond " + num(A);
        for (AppearanceIndex a : g.appearances)  // the digest views index the digest's sections with them
            if (c.appearances[a].digest != d) return "corpus: digest " + num(d) + " lists appearance " + num(a) + " of another digest";
    }
    for (size_t a = 0; a < A; ++a) {
        const Appearance& x = c.appearances[a];
        if (x.paper >= P || x.digest >= D) return "corpus: appearance " + num(a) + " names paper/digest out of range";
        const Digest& g = c.digests[x.digest];
        if (x.month != g.month) return "corpus: appearance " + num(a) + " month differs from its digest's";
        if (g.sections.empty() ? x.section != 0 : x.section >= g.sections.size())
            return "corpus: appearance " + num(a) + " section " + num(x.section) + " out of range";
    }
    for (size_t p = 0; p < P; ++p) {
        const Paper& x = c.papers[p];
        if (!allBelow(x.authors, U)) return "corpus: paper " + num(p) + " names an author beyond " + num(U);
        if (x.appearances.empty() || !allBelow(x.appearances, A)) return "corpus: paper " + num(p) + " appearances out of range";
        for (AppearanceIndex a : x.appearances)
            if (c.appearances[a].paper != p) return "corpus: paper " + num(p) + " lists appearance " + num(a) + " of another paper";
        if (x.topics & ~allTopics) return "corpus: paper " + num(p) + " has topic bits beyond " + num(T) + " topics";
        if (!inAxis(x.firstMonth) || !inAxis(x.lastMonth) || x.firstMonth > x.lastMonth)
            return "corpus: paper " + num(p) + " months outside the axis";
    }
    for (size_t u = 0; u < U; ++u)
        if (!allBelow(c.authors[u].papers, P)) return "corpus: author " + num(u) + " names a paper beyond " + num(P);
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) return "corpus: packed with an error (" + d.message + ")";

    c.topicById.clear();
    c.digestById.clear();
    c.paperById.clear();
    c.paperById.reserve(P);
    for (TopicIndex t = 0; t < T; ++t)
        if (!c.topicById.emplace(c.topics[t].id, t).second) return "corpus: duplicate topic id at " + num(t);
    for (DigestIndex d = 0; d < D; ++d)
        if (!c.digestById.emplace(c.digests[d].id, d).second) return "corpus: duplicate digest id at " + num(d);
    for (PaperIndex p = 0; p < P; ++p)
        if (!c.paperById.emplace(c.papers[p].id, p).second) return "corpus: duplicate paper id at " + num(p);
    return "";
}

}  // namespace papertide::core::snapshot_detail
