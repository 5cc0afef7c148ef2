// The made-up papers of the synthetic corpus: topics that rise and fall over the months, titles, ids and links
// in the style of arXiv or OpenReview, and authors drawn from a pool where a few names are prolific.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/month.h"
#include "synth_random.h"

namespace papertide::synth::detail {

// A taxonomy topic and how its popularity changes over the months.
struct TopicModel {
    std::string id;
    std::vector<std::string> keywordsEn, keywordsZh;
    double base = 1;
    int emerges = 0;  // month index before which the topic does not exist
    double period = 24, phase = 0;
};

// The paper-level fields every appearance of a paper repeats (so merging raises no warnings).
struct PaperSeed {
    std::string id;
    std::string title;
    std::vector<std::string> authors;
    bool authorsTruncated = false;
    std::vector<std::pair<std::string, std::string>> links;
    std::vector<uint32_t> topics;  // indexes into the topic model
    std::string method;            // the made-up method name, reused in Chinese text
};

class PaperMaker {
public:
    // Draws the author pool, then each topic's popularity curve (base, emergence, period, phase) into `topics`.
    PaperMaker(Rng& rng, std::vector<TopicModel>& topics, uint64_t papers, int months);

    // Call before the papers of month index `mi`: the month's topic weights and a new run of arXiv numbers.
    void beginMonth(int mi);
    // Fills an empty `p` with a paper first published in `month`; titles and ids never repeat.
    void make(PaperSeed& p, core::MonthNumber month);

private:
    static std::string titleCase(std::string s);
    static std::string slugOf(std::string_view title);
    static uint64_t hash(std::string_view s);
    uint32_t pickTopic(const std::vector<uint32_t>& taken);
    std::string methodName();
    std::string makeTitle(const PaperSeed& p);

    Rng& rng_;
    std::vector<TopicModel>& topics_;
    std::vector<double> weights_;
    std::vector<std::string> adjectives_, nouns_, tasks_, authors_;
    Zipf authorZipf_;
    std::unordered_set<uint64_t> titles_, ids_;  // hashes of the folded titles and of the non-arXiv ids
    uint32_t arxivNext_ = 1;
};

}  // namespace papertide::synth::detail
