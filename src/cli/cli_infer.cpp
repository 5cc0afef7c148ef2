// papertide infer: how well keyword inference agrees with the curated topics (the fallback for untagged digests),
// judged plainly and with held-out digests (keywords only count when papers outside the scored paper's own
// digests contain them too).
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/topic_inference.h"

namespace papertide::cli {

namespace {

nlohmann::ordered_json agreementJson(const core::InferenceAgreement& a) {
    nlohmann::ordered_json out;
    out["papers"] = a.papers;
    out["exact"] = a.exact;
    out["first_topic_correct"] = a.firstCorrect;
    out["overlap"] = a.overlap;
    out["precision"] = a.precision();
    out["recall"] = a.recall();
    return out;
}

void printSummary(const char* label, const core::InferenceAgreement& a) {
    auto pct = [&](size_t n) { return 100.0 * double(n) / double(std::max<size_t>(1, a.papers)); };
    std::printf("%s%zu curated papers: exact %zu (%.0f%%), first inferred topic correct %zu (%.0f%%), "
                "overlap %zu (%.0f%%), precision %.2f, recall %.2f\n",
                label, a.papers, a.exact, pct(a.exact), a.firstCorrect, pct(a.firstCorrect), a.overlap, pct(a.overlap),
                a.precision(), a.recall());
}

}  // namespace

int runInfer(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir;
    bool json = false;
    if (int usage = takeDataAndJson(args, "infer", dataDir, json); usage != kExitOk) return usage;
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    const core::Corpus& c = loaded.corpus;
    using core::InferenceEvaluation;
    core::InferenceAgreement plain = core::measureInference(c, InferenceEvaluation::Plain);
    core::InferenceAgreement heldOut = core::measureInference(c, InferenceEvaluation::HeldOutDigests);
    std::vector<std::string> uncredited = core::heldOutUncreditedKeywords(c);
    if (json) {
        nlohmann::ordered_json out = agreementJson(plain);  // the plain figures stay at the top level
        out["held_out"] = agreementJson(heldOut);
        out["held_out_uncredited_keywords"] = uncredited;
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    auto ids = [&](core::TopicMask mask) {
        std::string s;
        for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
            if (mask >> t & 1) s += (s.empty() ? "" : ",") + c.topics[t].id;
        return s;
    };
    auto mark = [](core::TopicMask inferred, core::TopicMask curated) {
        return inferred == curated ? "=" : (inferred & curated) ? "~" : "x";
    };
    std::vector<core::InferredPaper> plainRows = core::inferCuratedPapers(c, InferenceEvaluation::Plain);
    std::vector<core::InferredPaper> heldRows = core::inferCuratedPapers(c, InferenceEvaluation::HeldOutDigests);
    for (size_t i = 0; i < plainRows.size() && i < heldRows.size(); ++i) {
        const core::Paper& p = c.papers[plainRows[i].paper];
        std::printf("%-2s%-2s %-40.40s curated=%s inferred=%s", mark(plainRows[i].inferred, p.topics),
                    mark(heldRows[i].inferred, p.topics), p.title.c_str(), ids(p.topics).c_str(),
                    ids(plainRows[i].inferred).c_str());
        if (heldRows[i].inferred != plainRows[i].inferred) std::printf(" held-out=%s", ids(heldRows[i].inferred).c_str());
        std::printf("\n");
    }
    std::printf("\n");
    printSummary("plain:    ", plain);
    printSummary("held-out: ", heldOut);
    std::printf("(first mark: plain, second: held-out digests; held-out scores each paper only with keywords that papers "
                "outside its own digests contain too)\n");
    if (!uncredited.empty()) {
        // The first few only: with few digests most keywords are here (--json lists them all).
        const size_t shown = std::min<size_t>(uncredited.size(), 12);
        std::printf("%zu keyword(s) occur only in papers that share a digest, so held-out credits them to no paper:",
                    uncredited.size());
        for (size_t i = 0; i < shown; ++i) std::printf("%s %s", i ? ";" : "", uncredited[i].c_str());
        std::printf("%s\n", shown < uncredited.size() ? "; ... (all of them: --json)" : "");
    }
    return kExitOk;
}

}  // namespace papertide::cli
