// papertide infer: how well keyword inference agrees with the curated topics (the fallback for untagged digests).
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/topic_inference.h"

namespace papertide::cli {

int runInfer(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir;
    bool json = false;
    if (int usage = takeDataAndJson(args, "infer", dataDir, json); usage != kExitOk) return usage;
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    const core::Corpus& c = loaded.corpus;
    core::InferenceAgreement a = core::measureInference(c);
    auto ids = [&](core::TopicMask mask) {
        std::string s;
        for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
            if (mask >> t & 1) s += (s.empty() ? "" : ",") + c.topics[t].id;
        return s;
    };
    if (json) {
        nlohmann::ordered_json out;
        out["papers"] = a.papers;
        out["exact"] = a.exact;
        out["first_topic_correct"] = a.firstCorrect;
        out["overlap"] = a.overlap;
        out["precision"] = a.precision();
        out["recall"] = a.recall();
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::string title, body;
    for (const core::Paper& p : c.papers) {
        if (p.topicsInferred) continue;
        core::paperInferenceText(c, p, title, body);
        core::TopicMask inferred = core::inferTopics(c.topics, title, body);
        std::printf("%-4s %-40.40s curated=%s inferred=%s\n", inferred == p.topics ? "=" : ((inferred & p.topics) ? "~" : "x"),
                    p.title.c_str(), ids(p.topics).c_str(), ids(inferred).c_str());
    }
    std::printf("\n%zu curated papers: exact %zu (%.0f%%), first inferred topic correct %zu (%.0f%%), "
                "overlap %zu (%.0f%%), precision %.2f, recall %.2f\n",
                a.papers, a.exact, 100.0 * a.exact / std::max<size_t>(1, a.papers), a.firstCorrect,
                100.0 * a.firstCorrect / std::max<size_t>(1, a.papers), a.overlap,
                100.0 * a.overlap / std::max<size_t>(1, a.papers), a.precision(), a.recall());
    return kExitOk;
}

}  // namespace papertide::cli
