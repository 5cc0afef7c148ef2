// Related papers by content: tf-idf cosine on the search index's postings, blended with topics and recurrence.
#include "core/related_papers.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core {

using namespace search_detail;

namespace {

// Function words that say nothing about a paper's subject.
constexpr std::string_view kStopwords[] = {
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "between", "both", "but",
    "by", "can", "do", "does", "each", "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its",
    "more", "most", "new", "no", "not", "of", "on", "one", "only", "or", "our", "over", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "toward",
    "towards", "two", "under", "up", "using", "via", "was", "we", "were", "what", "when", "which", "while",
    "who", "why", "will", "with", "without", "you", "your"};

bool isContentWord(std::string_view w) {
    if (w.size() < 2) return false;
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return !std::binary_search(std::begin(kStopwords), std::end(kStopwords), w);
}

float idfOf(uint32_t df, size_t papers) { return std::log(1.0f + float(papers) / float(std::max<uint32_t>(df, 1))); }

float tfWeight(uint32_t hits) { return 1.0f + std::log(float(hits)); }

// One dimension of the paper's vector: a stem (the words of the vocabulary that share it) or a CJK bigram.
struct Dimension {
    std::vector<uint32_t> lists;
    std::string shown;  // as the paper writes it (its most frequent word of the stem, or the bigram)
    uint32_t tf = 0;
    uint32_t shownTf = 0;
    float weight = 0;
    bool cjk = false;
};

// Particles that end or start a phrase rather than belong to a term ("的检索" should read "检索").
bool isParticle(char32_t cp) {
    static constexpr std::u32string_view kParticles = U"的了和与是在中为对将及或并被把也等从用以于其之这该个";
    return kParticles.find(cp) != std::u32string_view::npos;
}

bool inEither(const std::string_view (&zones)[2], std::string_view s) {
    return zones[0].find(s) != std::string_view::npos || zones[1].find(s) != std::string_view::npos;
}

// The longest run of CJK characters around `gram` (at most 6) that both papers' texts contain.
std::string sharedCjkRun(const std::string_view (&mine)[2], const std::string_view (&theirs)[2], const std::string& gram) {
    std::string best = gram;
    for (std::string_view zone : mine) {
        for (size_t at = zone.find(gram); at != std::string_view::npos; at = zone.find(gram, at + 1)) {
            size_t start = at, end = at + gram.size(), chars = 2;
            bool grew = true;
            while (grew && chars < 6) {
                grew = false;
                if (start > 0) {  // one character to the left
                    size_t s = start - 1;
                    while (s > 0 && (static_cast<unsigned char>(zone[s]) & 0xC0) == 0x80) --s;
                    size_t p = s;
                    const char32_t cp = decodeUtf8(zone, p);
                    if (isCjk(cp) && !isParticle(cp) && inEither(theirs, zone.substr(s, end - s))) {
                        start = s;
                        grew = true;
                        ++chars;
                        continue;
                    }
                }
                if (end < zone.size()) {  // one to the right
                    size_t p = end;
                    const char32_t cp = decodeUtf8(zone, p);
                    if (isCjk(cp) && !isParticle(cp) && inEither(theirs, zone.substr(start, p - start))) {
                        end = p;
                        grew = true;
                        ++chars;
                    }
                }
            }
            if (end - start > best.size()) best = std::string(zone.substr(start, end - start));
        }
    }
    return best;
}

}  // namespace

std::string lightStem(std::string_view word) {
    // Only truncation, so a stem is a prefix of its words (the vocabulary range of the stem finds them all).
    static constexpr std::string_view kSuffixes[] = {"ations", "ation", "ings", "ing", "ers", "er",
                                                     "es",     "ed",    "al",   "ly",  "s"};
    std::string w(word);
    for (std::string_view s : kSuffixes) {
        if (w.size() >= s.size() + 4 && w.compare(w.size() - s.size(), s.size(), s) == 0 &&
            !(s == "s" && w[w.size() - 2] == 's')) {
            w.resize(w.size() - s.size());
            break;
        }
    }
    if (w.size() >= 5 && w.back() == 'e') w.pop_back();
    // "modelling" -> "modell" -> "model"
    if (w.size() >= 5 && w.back() == w[w.size() - 2] && w.back() != 's' && (w.back() < '0' || w.back() > '9')) w.pop_back();
    return w;
}

RelatedIndex::RelatedIndex(const SearchIndex& ix) {
    const size_t n = ix.paperCount();
    const size_t grams = ix.gramKeys_.size(), words = ix.wordCount();
    contentKey_.assign(grams + words, 0);
    for (size_t g = 0; g < grams; ++g) contentKey_[g] = (ix.gramKeys_[g] & ((uint64_t(1) << 21) - 1)) != 0;
    for (size_t w = 0; w < words; ++w) contentKey_[grams + w] = isContentWord(ix.word(w));
    std::vector<float> sum(n, 0.0f);
    float tfw[8];
    for (uint32_t h = 1; h < 8; ++h) tfw[h] = tfWeight(h);
    for (uint32_t l = 0; l < grams + words; ++l) {
        if (!contentKey_[l]) continue;
        const float idf = idfOf(ix.listCount_[l], n);
        Cursor c{ix.postings_.data() + ix.listStart_[l], nullptr, ix.listCount_[l]};
        while (c.next(false)) {
            const uint32_t hits = (c.meta & 7) + 1, zone = (c.meta >> 3) & 3;
            if (zone == 1 && hits == 1) continue;  // only in the authors and id: not content
            const float w = tfw[hits] * idf;
            sum[c.doc] += w * w;
        }
    }
    norm_.resize(n);
    for (size_t d = 0; d < n; ++d) norm_[d] = std::sqrt(sum[d]);
}

std::vector<RelatedPaper> RelatedIndex::related(const Corpus& corpus, const SearchIndex& ix, PaperIndex paper,
                                                size_t limit) const {
    std::vector<RelatedPaper> out;
    const size_t n = ix.paperCount();
    if (paper >= n || norm_.size() != n || limit == 0) return out;
    const uint32_t grams = static_cast<uint32_t>(ix.gramKeys_.size());

    // The paper's dimensions, from its title and digest texts (not its authors and id).
    std::vector<Dimension> dims;
    std::unordered_map<std::string, size_t> dimOf;
    auto addToken = [&](const std::string& key, std::string_view shown, bool cjk) {
        auto [it, inserted] = dimOf.emplace(key, dims.size());
        if (inserted) {
            dims.emplace_back();
            dims.back().cjk = cjk;
        }
        Dimension& d = dims[it->second];
        ++d.tf;
        if (!cjk) {
            // The stem's own count of this spelling decides which spelling the reasons show.
            uint32_t same = 1;
            if (d.shown == shown) same = d.shownTf + 1;
            if (d.shown.empty() || same > d.shownTf) {
                d.shown = std::string(shown);
                d.shownTf = same;
            }
        } else if (d.shown.empty()) {
            d.shown = std::string(shown);
        }
    };
    const std::string_view text = ix.docText(paper);
    const std::string_view zones[2] = {text.substr(0, ix.titleEnd_[paper]), text.substr(ix.authorsEnd_[paper])};
    for (std::string_view zone : zones)
        tokenize(
            zone,
            [&](std::string_view w, size_t) {
                if (isContentWord(w)) addToken("w:" + lightStem(w), w, false);
            },
            [&](char32_t, char32_t b, size_t pos, size_t bytes) {
                if (b) addToken("c:" + std::string(zone.substr(pos, bytes)), zone.substr(pos, bytes), true);
            });
    // Lists and weights; a dimension nobody else has, or one in most papers, cannot tell papers apart.
    const uint32_t maxDf = static_cast<uint32_t>(std::max<size_t>(n / 10, std::min<size_t>(n, 1000)));
    for (auto& [key, i] : dimOf) {
        Dimension& d = dims[i];
        uint32_t df = 0;
        if (d.cjk) {
            size_t p = 0;
            char32_t a = decodeUtf8(d.shown, p), b = decodeUtf8(d.shown, p);
            if (const auto list = ix.findGram(gramKey(a, b))) {
                d.lists.push_back(*list);
                df = ix.listCount_[*list];
            }
        } else {
            const std::string stem = key.substr(2);
            const auto [first, last] = ix.wordsStartingWith(stem);
            for (size_t w = first; w < last; ++w)
                if (ix.word(w).size() <= stem.size() + 5 && lightStem(ix.word(w)) == stem) {
                    d.lists.push_back(grams + static_cast<uint32_t>(w));
                    df = std::max(df, ix.listCount_[grams + w]);
                }
        }
        if (df < 2 || df > maxDf) continue;
        d.weight = tfWeight(std::min<uint32_t>(d.tf, 5)) * idfOf(df, n);
    }
    std::vector<size_t> order;
    for (size_t i = 0; i < dims.size(); ++i)
        if (dims[i].weight > 0) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return dims[a].weight != dims[b].weight ? dims[a].weight > dims[b].weight : dims[a].shown < dims[b].shown;
    });
    if (order.size() > 40) order.resize(40);
    float queryNorm2 = 0;
    for (size_t i : order) queryNorm2 += dims[i].weight * dims[i].weight;

    // Dot products with every paper sharing a dimension.
    std::vector<float> dot(n, 0.0f);
    for (size_t i : order)
        for (uint32_t l : dims[i].lists) {
            const float idf = idfOf(ix.listCount_[l], n);
            Cursor c{ix.postings_.data() + ix.listStart_[l], nullptr, ix.listCount_[l]};
            while (c.next(false)) {
                const uint32_t hits = (c.meta & 7) + 1, zone = (c.meta >> 3) & 3;
                if (zone == 1 && hits == 1) continue;  // only in the authors and id, as in the norms
                dot[c.doc] += dims[i].weight * tfWeight(hits) * idf;
            }
        }
    dot[paper] = 0;

    const Paper& p = corpus.papers[paper];
    const float queryNorm = std::sqrt(queryNorm2);
    auto blend = [&](PaperIndex q, float content, int shared) {
        const Paper& other = corpus.papers[q];
        const int union_ = __builtin_popcountll(p.topics | other.topics);
        const double topicShare = union_ ? double(shared) / union_ : 0.0;
        const double recurrence = std::min<uint32_t>(other.digestCount > 0 ? other.digestCount - 1 : 0, 2) / 2.0;
        return 0.8 * content + 0.15 * topicShare + 0.05 * recurrence;
    };
    struct Candidate {
        PaperIndex paper;
        float content;
        int shared;
        double score;
    };
    // The best few (a spare one for each that no reason can show, below), chosen while scanning: a bounded heap
    // whose top is the weakest kept, so a card costs no more than the scan when most papers share a topic.
    const auto better = [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.paper < b.paper;
    };
    const size_t capacity = limit + limit / 2 + 4;
    std::vector<Candidate> candidates;
    candidates.reserve(capacity + 1);
    for (PaperIndex q = 0; q < n; ++q) {
        const int shared = __builtin_popcountll(p.topics & corpus.papers[q].topics);
        if (q == paper || (dot[q] <= 0 && shared == 0)) continue;
        float content = dot[q] > 0 && queryNorm > 0 && norm_[q] > 0 ? std::min(1.0f, dot[q] / (queryNorm * norm_[q])) : 0.0f;
        const Candidate c{q, content, shared, blend(q, content, shared)};
        if (candidates.size() == capacity && !better(c, candidates.front())) continue;
        candidates.push_back(c);
        std::push_heap(candidates.begin(), candidates.end(), better);
        if (candidates.size() > capacity) {
            std::pop_heap(candidates.begin(), candidates.end(), better);
            candidates.pop_back();
        }
    }
    std::sort_heap(candidates.begin(), candidates.end(), better);
    const size_t keep = candidates.size();
    std::vector<RelatedPaper> scored(keep);
    for (size_t i = 0; i < keep; ++i) {
        scored[i].paper = candidates[i].paper;
        scored[i].content = candidates[i].content;
        scored[i].sharedTopics = candidates[i].shared;
        scored[i].score = candidates[i].score;
    }

    // Reasons: the paper's strongest dimensions the other paper's text also has, then topics, then the digest.
    std::vector<DigestIndex> digests;
    for (AppearanceIndex a : p.appearances) digests.push_back(corpus.appearances[a].digest);
    for (RelatedPaper& r : scored) {
        const std::string_view other = ix.docText(r.paper);
        const std::string_view otherZones[2] = {other.substr(0, ix.titleEnd_[r.paper]), other.substr(ix.authorsEnd_[r.paper])};
        std::string usedCjk;
        for (size_t i : order) {
            if (r.why.size() >= 4) break;
            const Dimension& d = dims[i];
            bool shared = false;
            for (std::string_view z : otherZones) {
                if (d.cjk) {
                    shared = shared || z.find(d.shown) != std::string_view::npos;
                } else {
                    for (uint32_t l : d.lists) shared = shared || Finder(ix.word(l - grams)).findTerm(z, 0) != std::string_view::npos;
                }
            }
            if (!shared) continue;
            std::string shown = d.shown;
            if (d.cjk) {
                // A bigram is often half a word ("言模" of 语言模型): grow it while both texts still share it.
                shown = sharedCjkRun(zones, otherZones, d.shown);
                // Overlapping runs ("检索", "索增") say one thing: keep the stronger.
                size_t pos = 0;
                std::string first;
                appendUtf8(first, decodeUtf8(d.shown, pos));
                if (usedCjk.find(first) != std::string::npos || usedCjk.find(d.shown.substr(pos)) != std::string::npos) continue;
                usedCjk += shown;
            }
            r.why.push_back({RelatedReason::Kind::Term, shown, 0});
        }
        const TopicMask sharedTopics = p.topics & corpus.papers[r.paper].topics;
        for (TopicIndex t = 0; t < corpus.topics.size(); ++t)
            if (sharedTopics >> t & 1) r.why.push_back({RelatedReason::Kind::Topic, corpus.topics[t].labelEn, t});
        for (AppearanceIndex a : corpus.papers[r.paper].appearances) {
            const DigestIndex dg = corpus.appearances[a].digest;
            if (!r.sameDigest && std::find(digests.begin(), digests.end(), dg) != digests.end()) {
                r.sameDigest = true;
                r.why.push_back({RelatedReason::Kind::Digest, corpus.digests[dg].id, dg});
            }
        }
    }
    scored.erase(std::remove_if(scored.begin(), scored.end(), [](const RelatedPaper& r) { return r.why.empty(); }), scored.end());
    if (scored.size() > limit) scored.resize(limit);
    return scored;
}

std::vector<RelatedPaper> relatedPapers(const Corpus& corpus, const SearchIndex& index, PaperIndex paper, size_t limit) {
    return RelatedIndex(index).related(corpus, index, paper, limit);
}

}  // namespace papertide::core
