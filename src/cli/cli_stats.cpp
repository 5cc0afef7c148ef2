// papertide stats: corpus counts and the topic x month matrix (every calendar month, gaps included).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/paper_filter.h"

namespace papertide::cli {

int runStats(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir;
    bool json = false;
    if (int usage = takeDataAndJson(args, "stats", dataDir, json); usage != kExitOk) return usage;
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    const core::Corpus& c = loaded.corpus;
    std::vector<core::PaperIndex> all(c.papers.size());
    for (core::PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    core::TopicMonthMatrix matrix = core::countTopicMonths(c, all);

    std::vector<std::string> months;
    for (core::MonthNumber m = c.firstMonth; m <= c.lastMonth; ++m) months.push_back(core::formatMonth(m));
    if (json) {
        nlohmann::ordered_json out;
        out["digests"] = c.digests.size();
        out["papers"] = c.papers.size();
        out["appearances"] = c.appearances.size();
        out["authors"] = c.authors.size();
        out["months"] = months;
        out["topics"] = nlohmann::ordered_json::array();
        for (core::TopicIndex t = 0; t < c.topics.size(); ++t) {
            std::vector<uint32_t> counts(matrix.counts.begin() + t * matrix.months,
                                         matrix.counts.begin() + (t + 1) * matrix.months);
            out["topics"].push_back({{"id", c.topics[t].id},
                                     {"label_en", c.topics[t].labelEn},
                                     {"label_zh", c.topics[t].labelZh},
                                     {"total", matrix.topicTotals[t]},
                                     {"counts", counts}});
        }
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::printf("%zu digests, %zu papers (%zu appearances), %zu authors, %zu months (%s to %s)\n\n", c.digests.size(),
                c.papers.size(), c.appearances.size(), c.authors.size(), months.size(),
                months.empty() ? "-" : months.front().c_str(), months.empty() ? "-" : months.back().c_str());
    std::printf("%-28s %5s ", "topic", "total");
    for (const std::string& m : months) std::printf(" %s", m.substr(2).c_str());  // "21-11"
    std::printf("\n");
    for (core::TopicIndex t = 0; t < c.topics.size(); ++t) {
        std::printf("%-28s %5u ", c.topics[t].id.c_str(), matrix.topicTotals[t]);
        for (size_t m = 0; m < matrix.months; ++m) {
            uint32_t n = matrix.at(t, m);
            if (n) std::printf(" %5u", n);
            else std::printf("     .");
        }
        std::printf("\n");
    }
    return kExitOk;
}

}  // namespace papertide::cli
