// papertide related ID: the papers most like one paper by content, topics and recurrence, with the reasons.
#include <cstdio>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/related_papers.h"
#include "core/search_index.h"

namespace papertide::cli {

namespace {

std::string describe(const core::RelatedReason& r) {
    switch (r.kind) {
        case core::RelatedReason::Kind::Topic: return "topic: " + r.text;
        case core::RelatedReason::Kind::Digest: return "same digest: " + r.text;
        case core::RelatedReason::Kind::Term: break;
    }
    return r.text;
}

}  // namespace

int runRelated(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, error, id;
    size_t limit = 8;
    bool json = false;
    while (!args.done()) {
        std::string value;
        if (args.flag("--json")) json = true;
        else if (args.option("--data", value, error)) dataDir = value;
        else if (args.option("--limit", value, error)) {
            if (value.empty() || value.size() > 6 || value.find_first_not_of("0123456789") != std::string::npos)
                error = "--limit expects a number";
            else limit = std::stoul(value);
        } else if (args.peek().rfind("--", 0) == 0) return usageError("related", "unknown option " + args.peek());
        else if (id.empty()) id = args.take();
        else return usageError("related", "unexpected argument " + args.peek());
        if (!error.empty()) return usageError("related", error);
    }
    if (id.empty()) return usageError("related", "which paper? give its id (e.g. arxiv:2112.04426)");
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    const core::Corpus& c = loaded.corpus;
    const core::Paper* paper = c.findPaper(id);
    if (!paper) paper = c.findPaper("arxiv:" + id);  // a bare arXiv id
    if (!paper) return usageError("related", "unknown paper \"" + id + "\"");
    const core::PaperIndex pi = c.paperById.at(paper->id);

    core::SearchIndex index(c);
    std::vector<core::RelatedPaper> related = core::relatedPapers(c, index, pi, limit);
    if (json) {
        nlohmann::ordered_json out;
        out["paper"] = paper->id;
        out["related"] = nlohmann::ordered_json::array();
        for (const core::RelatedPaper& r : related) {
            nlohmann::ordered_json why = nlohmann::ordered_json::array();
            for (const core::RelatedReason& reason : r.why) why.push_back(describe(reason));
            out["related"].push_back({{"id", c.papers[r.paper].id},
                                      {"title", c.papers[r.paper].title},
                                      {"score", std::round(r.score * 1000) / 1000},
                                      {"why", why}});
        }
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::printf("%s  %s\n%zu related paper(s)\n", paper->id.c_str(), paper->title.c_str(), related.size());
    for (const core::RelatedPaper& r : related) {
        std::string why;
        for (const core::RelatedReason& reason : r.why) why += (why.empty() ? "" : ", ") + describe(reason);
        std::printf("%.3f  %-26s %s\n       %s\n", r.score, c.papers[r.paper].id.c_str(), c.papers[r.paper].title.c_str(),
                    why.c_str());
    }
    return kExitOk;
}

}  // namespace papertide::cli
