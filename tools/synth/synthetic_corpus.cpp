// The synthetic corpus generator (synthetic_corpus.h): how many papers each month publishes, which papers
// recur in later digests, and the order of the files handed to the sink.
#include "synthetic_corpus.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/month.h"
#include "core/taxonomy.h"
#include "digest_writer.h"
#include "paper_maker.h"
#include "synth_random.h"

namespace papertide::synth {

namespace {

using detail::DigestEntry;
using detail::PaperSeed;
using detail::TopicModel;

int monthCount(const Options& o) {
    if (o.months > 0) return static_cast<int>(std::min<uint64_t>(o.months, o.papers));
    uint64_t m = std::clamp<uint64_t>(o.papers / 40, 12, 480);
    return static_cast<int>(std::min<uint64_t>(m, o.papers));
}

// New papers per month: growing over time (research output grows), every month at least one.
std::vector<uint64_t> newPapersPerMonth(uint64_t papers, int M) {
    std::vector<uint64_t> fresh(M, 1);
    std::vector<double> w(M);
    double total = 0;
    for (int i = 0; i < M; ++i) total += w[i] = 1.0 + 1.5 * (M > 1 ? double(i) / (M - 1) : 0.0);
    uint64_t rest = papers - M, assigned = 0;
    for (int i = 0; i < M; ++i) {
        uint64_t n = static_cast<uint64_t>(std::floor(rest * w[i] / total));
        fresh[i] += n;
        assigned += n;
    }
    for (uint64_t i = 0; assigned < rest; ++i, ++assigned) ++fresh[M - 1 - (i % M)];
    return fresh;
}

// All parts draw from the one Rng, in a fixed order: the same seed gives the same bytes.
class Generator {
public:
    Generator(const Options& o, std::vector<TopicModel> topics, const Vocabulary& vocabulary)
        : o_(o), rng_(o.seed), topics_(std::move(topics)), digests_(rng_, topics_, vocabulary),
          papers_(rng_, topics_, o.papers, monthCount(o)) {}

    bool run(std::string_view topicsJson, const FileSink& sink, Stats& stats, std::string& error) {
        auto last = core::parseMonth(o_.lastMonth);
        if (!last) {
            error = "bad --last-month \"" + o_.lastMonth + "\" (expected YYYY-MM)";
            return false;
        }
        if (o_.papers == 0) {
            error = "--papers must be at least 1";
            return false;
        }
        const int M = monthCount(o_);
        const core::MonthNumber firstMonth = *last - M + 1;
        if (!core::parseMonth(core::formatMonth(firstMonth))) {
            error = "too many months before " + o_.lastMonth;
            return false;
        }
        std::string taxonomy(topicsJson);
        stats.bytes += taxonomy.size();
        sink("topics.json", std::move(taxonomy));

        const std::vector<uint64_t> fresh = newPapersPerMonth(o_.papers, M);
        // Recurrences land in a later month; papers of the last month cannot recur, so the rate is raised a little.
        double recurP = o_.recurrence * double(o_.papers) / double(std::max<uint64_t>(1, o_.papers - fresh[M - 1]));
        std::vector<std::vector<uint32_t>> due(M);  // month -> indexes into kept
        std::vector<PaperSeed> kept;

        for (int mi = 0; mi < M; ++mi) {
            const core::MonthNumber month = firstMonth + mi;
            papers_.beginMonth(mi);
            std::vector<DigestEntry> entries;
            std::vector<PaperSeed> batch(fresh[mi]);
            for (PaperSeed& p : batch) {
                papers_.make(p, month);
                if (mi + 1 < M && rng_.chance(recurP)) {
                    int later = mi + 1 + static_cast<int>(rng_.below(static_cast<uint32_t>(std::min(36, M - 1 - mi))));
                    due[later].push_back(static_cast<uint32_t>(kept.size()));
                    kept.push_back(p);
                    if (later + 1 < M && rng_.chance(0.1)) {  // a few papers are picked a third time
                        uint32_t span = static_cast<uint32_t>(std::min(24, M - 1 - later));
                        int again = later + 1 + static_cast<int>(rng_.below(span));
                        due[again].push_back(static_cast<uint32_t>(kept.size() - 1));
                    }
                }
            }
            for (PaperSeed& p : batch) entries.push_back({&p, true});
            for (uint32_t k : due[mi]) entries.push_back({&kept[k], false});
            // Recurring papers are interleaved with the new ones.
            for (size_t i = entries.size(); i > 1; --i) {
                if (!entries[i - 1].second || rng_.chance(0.2))
                    std::swap(entries[i - 1], entries[rng_.below(static_cast<uint32_t>(i))]);
            }
            std::string bytes = digests_.digest(month, entries);
            stats.papers += batch.size();
            stats.appearances += entries.size();
            stats.digests += 1;
            stats.bytes += bytes.size();
            std::string id = core::formatMonth(month) + "-synth-monthly";
            sink("digests/" + id + ".json", std::move(bytes));
            std::vector<uint32_t>().swap(due[mi]);
        }
        return true;
    }

private:
    const Options& o_;
    detail::Rng rng_;
    std::vector<TopicModel> topics_;
    // Declared (so constructed) in this order: the vocabulary shuffle draws from rng_ before the author pool.
    detail::DigestWriter digests_;
    detail::PaperMaker papers_;
};

}  // namespace

bool generate(const Options& options, std::string_view topicsJson, const Vocabulary& vocabulary, const FileSink& sink,
              Stats& stats, std::string& error) {
    std::vector<core::Diagnostic> diagnostics;
    std::vector<core::Topic> topics = core::parseTaxonomy("topics.json", topicsJson, diagnostics);
    if (topics.empty()) {
        error = "topics.json has no valid topics";
        return false;
    }
    std::vector<TopicModel> models;
    for (const core::Topic& t : topics) {
        TopicModel m;
        m.id = t.id;
        m.keywordsEn = t.keywordsEn;
        m.keywordsZh = t.keywordsZh;
        models.push_back(std::move(m));
    }
    Generator g(options, std::move(models), vocabulary);
    return g.run(topicsJson, sink, stats, error);
}

}  // namespace papertide::synth
