// papertide topics: each topic's lifecycle (first, peak and latest digest month, total, trend).
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/insights.h"

namespace papertide::cli {

int runTopics(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, error, value;
    bool json = false;
    size_t window = 4;
    while (!args.done()) {
        if (args.flag("--json")) json = true;
        else if (args.option("--data", value, error)) dataDir = value;
        else if (args.option("--window", value, error)) {
            if (value.empty() || value.size() > 3 || value.find_first_not_of("0123456789") != std::string::npos || std::stoul(value) < 2)
                error = "--window expects a number of digest months (2 or more)";
            else window = std::stoul(value);
        } else return usageError("topics", "unexpected argument " + args.peek());
        if (!error.empty()) return usageError("topics", error);
    }
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    const core::Corpus& c = loaded.corpus;
    auto lifecycles = core::topicLifecycles(c, window);
    std::vector<core::MonthNumber> digestMonths = core::digestMonths(c);
    // Report the window actually judged: topicLifecycles never looks past the digest months there are.
    window = std::min(window, std::max<size_t>(digestMonths.size(), 2));
    auto month = [](core::MonthNumber m) { return m < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(core::formatMonth(m)); };
    if (json) {
        nlohmann::ordered_json out;
        out["window"] = window;
        out["digest_months"] = nlohmann::ordered_json::array();
        for (core::MonthNumber m : digestMonths) out["digest_months"].push_back(core::formatMonth(m));
        out["topics"] = nlohmann::ordered_json::array();
        for (const core::TopicLifecycle& l : lifecycles) {
            const core::Topic& t = c.topics[l.topic];
            out["topics"].push_back({{"id", t.id}, {"label_en", t.labelEn}, {"label_zh", t.labelZh}, {"total", l.total},
                                     {"first", month(l.firstMonth)}, {"peak", month(l.peakMonth)}, {"peak_count", l.peakCount},
                                     {"latest", month(l.latestMonth)}, {"trend", core::trendName(l.trend)},
                                     {"recent_share", l.recentShare}, {"earlier_share", l.earlierShare}});
        }
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::printf("%-26s %5s  %-7s  %-7s  %-7s  %s (over the last %zu digest months)\n", "topic", "total", "first", "peak",
                "latest", "trend", window);
    for (const core::TopicLifecycle& l : lifecycles) {
        auto text = [](core::MonthNumber m) { return m < 0 ? std::string("-") : core::formatMonth(m); };
        std::printf("%-26s %5u  %-7s  %-7s  %-7s  %s\n", c.topics[l.topic].id.c_str(), l.total, text(l.firstMonth).c_str(),
                    text(l.peakMonth).c_str(), text(l.latestMonth).c_str(), core::trendName(l.trend));
    }
    return kExitOk;
}

}  // namespace papertide::cli
