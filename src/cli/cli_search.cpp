// papertide search: the explorer's filters from the command line, as a table or JSON.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/lookup_links.h"
#include "core/paper_filter.h"

namespace papertide::cli {

bool takeFilterArgument(ArgScanner& args, core::PaperFilter& filter, core::SortOrder& sort, std::string& error) {
    std::string value;
    auto month = [&](std::optional<core::MonthNumber>& target, const char* name) {
        target = core::parseMonth(value);
        if (!target) error = std::string(name) + " expects YYYY-MM, got \"" + value + "\"";
    };
    if (args.option("--topic", value, error)) filter.topics.push_back(value);
    else if (args.option("--from", value, error)) { if (error.empty()) month(filter.from, "--from"); }
    else if (args.option("--to", value, error)) { if (error.empty()) month(filter.to, "--to"); }
    else if (args.option("--author", value, error)) filter.author = value;
    else if (args.option("--digest", value, error)) filter.digest = value;
    else if (args.option("--min-picks", value, error)) {
        if (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos)
            error = "--min-picks expects a number";
        else filter.minPicks = static_cast<uint32_t>(std::stoul(value));
    } else if (args.option("--sort", value, error)) {
        auto order = core::parseSortOrder(value);
        if (!order) error = "--sort expects relevance, newest, oldest, title or recurrence";
        else sort = *order;
    } else if (!args.done() && (args.peek().rfind("--", 0) != 0 || args.peek().size() == 2)) {
        filter.query += (filter.query.empty() ? "" : " ") + args.take();
    } else {
        return false;
    }
    return true;
}

std::string checkFilterIds(const core::Corpus& c, const core::PaperFilter& filter) {
    for (const std::string& t : filter.topics)
        if (!c.findTopic(t)) return "unknown topic \"" + t + "\"";
    if (!filter.digest.empty() && !c.findDigest(filter.digest)) return "unknown digest \"" + filter.digest + "\"";
    return "";
}

int runSearch(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, error;
    core::PaperFilter filter;
    core::SortOrder sort = core::SortOrder::Relevance;
    bool json = false, exact = false;
    while (!args.done()) {
        std::string value;
        if (args.flag("--json")) json = true;
        else if (args.flag("--exact")) exact = true;
        else if (args.option("--data", value, error)) dataDir = value;
        else if (!takeFilterArgument(args, filter, sort, error)) return usageError("search", "unknown option " + args.peek());
        if (!error.empty()) return usageError("search", error);
    }
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    const core::Corpus& c = loaded.corpus;
    if (std::string bad = checkFilterIds(c, filter); !bad.empty()) return usageError("search", bad);

    core::SearchIndex index(c);
    // Without --exact, each term also finds its glossary counterparts (data/glossary.json).
    const core::SearchQuery query = core::searchQueryOf(c, filter, !exact);
    std::vector<core::PaperIndex> papers = core::filterPapers(c, index, filter, {}, !exact);
    core::sortPapers(c, index, query, sort, papers);

    if (json) {
        nlohmann::ordered_json out;
        out["count"] = papers.size();
        out["expansions"] = nlohmann::ordered_json::array();
        for (const core::SearchQuery::Expansion& x : query.expansions)
            out["expansions"].push_back({{"term", x.term}, {"excluded", x.excluded}, {"added", x.shown}});
        out["papers"] = nlohmann::ordered_json::array();
        for (core::PaperIndex pi : papers) {
            const core::Paper& p = c.papers[pi];
            nlohmann::ordered_json authors = nlohmann::ordered_json::array(), months = authors, digests = authors,
                                   topics = authors, links = nlohmann::ordered_json::object();
            for (core::AuthorIndex a : p.authors) authors.push_back(c.authors[a].name);
            for (core::AppearanceIndex ai : p.appearances) {
                const core::Appearance& a = c.appearances[ai];
                std::string m = core::formatMonth(a.month);
                if (months.empty() || months.back() != m) months.push_back(m);
                const std::string& d = c.digests[a.digest].id;
                if (std::find(digests.begin(), digests.end(), d) == digests.end()) digests.push_back(d);
            }
            for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
                if (p.topics >> t & 1) topics.push_back(c.topics[t].id);
            for (const core::Link& l : p.links) links[l.name] = l.url;
            nlohmann::ordered_json entry = {{"id", p.id},         {"title", p.title},   {"authors", authors},
                                            {"months", months},   {"digests", digests}, {"topics", topics},
                                            {"links", links}};
            // Title searches for a paper the data cannot link to: labelled as searches, never as the paper.
            if (std::vector<core::LookupLink> lookup = core::lookupLinks(p); !lookup.empty()) {
                entry["lookup"] = nlohmann::ordered_json::array();
                for (const core::LookupLink& l : lookup) entry["lookup"].push_back({{"label", l.label}, {"url", l.url}});
            }
            out["papers"].push_back(std::move(entry));
        }
        std::printf("%s\n", out.dump(2).c_str());
        return kExitOk;
    }
    std::printf("%zu paper(s)\n", papers.size());
    for (const core::SearchQuery::Expansion& x : query.expansions) {
        std::string added;
        for (const std::string& v : x.shown) added += (added.empty() ? "" : " · ") + v;
        std::printf("%s\"%s\" also matches: %s\n", x.excluded ? "excluded " : "", x.term.c_str(), added.c_str());
    }
    for (core::PaperIndex pi : papers) {
        const core::Paper& p = c.papers[pi];
        std::string authors;
        for (size_t i = 0; i < p.authors.size() && i < 3; ++i) authors += (i ? ", " : "") + c.authors[p.authors[i]].name;
        if (p.authors.size() > 3 || p.authorsTruncated) authors += " et al.";
        std::printf("%s  %-26s %s\n         %s\n", core::formatMonth(p.firstMonth).c_str(), p.id.c_str(), p.title.c_str(),
                    authors.c_str());
    }
    return kExitOk;
}

}  // namespace papertide::cli
