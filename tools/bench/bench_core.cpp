#include "bench_core.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/corpus_loader.h"
#include "core/paper_filter.h"
#include "core/related_papers.h"
#include "core/search_index.h"
#include "core/text.h"

namespace papertide::bench {

using json = nlohmann::ordered_json;

double nowMs() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * double(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }
double mb(double bytes) { return std::round(bytes / 1e6 * 10.0) / 10.0; }

json stats(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return {{"n", v.size()},
            {"p50", round3(percentile(v, 50))},
            {"p99", round3(percentile(v, 99))},
            {"max", round3(v.empty() ? 0 : *std::max_element(v.begin(), v.end()))},
            {"mean", round3(v.empty() ? 0 : sum / double(v.size()))}};
}

// Splits a folded string into code points (each keystroke adds one).
std::vector<std::string> prefixes(std::string_view text) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        core::decodeUtf8(text, pos);
        out.emplace_back(text.substr(0, pos));
    }
    return out;
}

}  // namespace

std::vector<Query> parseQueries(std::string_view text) {
    std::vector<Query> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        out.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
    }
    return out;
}

std::vector<std::string> typedStrings(const std::vector<Query>& queries) {
    std::vector<std::string> out;
    for (const Query& q : queries)
        if (q.kind == "typing") out.push_back(q.text);
    return out;
}

void Bench::memory(const char* stage) {
    json m;
    if (memory_.current) m[memory_.currentName] = mb(memory_.current());
    if (memory_.peak) m[memory_.peakName] = mb(memory_.peak());
    report_["memory_mb"][stage] = m;
}

void Bench::load(std::vector<core::SourceFile> files, double readMs) {
    double bytes = 0;
    for (const core::SourceFile& f : files) bytes += double(f.bytes.size());
    memory("files_read");
    double t0 = nowMs();
    corpus_ = core::loadCorpus(core::splitCorpusFiles(std::move(files)), diagnostics_);
    double t1 = nowMs();
    report_["corpus"] = {{"digests", corpus_.digests.size()},
                         {"papers", corpus_.papers.size()},
                         {"appearances", corpus_.appearances.size()},
                         {"authors", corpus_.authors.size()},
                         {"months", corpus_.monthCount()},
                         {"json_mb", mb(bytes)},
                         {"errors", core::countErrors(diagnostics_)}};
    report_["load_ms"] = {{"read", round3(readMs)}, {"parse_merge", round3(t1 - t0)}, {"total", round3(readMs + t1 - t0)}};
    memory("loaded");
}

void Bench::buildIndex() {
    {
        double t0 = nowMs();
        core::SearchIndex index(corpus_);
        double t1 = nowMs();
        report_["index"] = {{"build_ms", round3(t1 - t0)}, {"memory_mb", mb(double(index.memoryBytes()))}};
        memory("index_built");
    }
    explorer_ = std::make_unique<core::Explorer>();
    double t0 = nowMs();
    explorer_->setCorpus(std::move(corpus_), std::move(diagnostics_));
    explorer_->visiblePapers();  // the first frame's work: everything visible, matrices, facet counts
    double t1 = nowMs();
    report_["index"]["explorer_ready_ms"] = round3(t1 - t0);
    memory("explorer_ready");
}

void Bench::runQueries(const std::vector<Query>& queries, int samples) {
    const core::SearchIndex& index = explorer_->index();
    // As the app searches by default: with the corpus's glossary (cross-language expansion), if it has one.
    const core::Glossary& glossary = explorer_->corpus().glossary;
    report_["glossary_entries"] = glossary.size();
    std::vector<double> all, medians;
    std::map<std::string, std::vector<double>> byKind;
    json perQuery = json::array();
    counts_.clear();
    for (const Query& q : queries) {
        if (q.kind == "typing") continue;
        size_t count = index.match(core::expandSearchQuery(q.text, glossary)).size();  // also warms up
        counts_.push_back(count);
        std::vector<double> mine;
        for (int s = 0; s < samples; ++s) {
            // One sample = the mean of a batch lasting at least 1 ms (timer resolution in browsers is coarse).
            int n = 0;
            double t0 = nowMs(), t1;
            do {
                size_t c = index.match(core::expandSearchQuery(q.text, glossary)).size();
                if (c != count) std::abort();
                ++n;
                t1 = nowMs();
            } while (t1 - t0 < 1.0 && n < 100000);
            mine.push_back((t1 - t0) / n);
        }
        all.insert(all.end(), mine.begin(), mine.end());
        medians.push_back(percentile(mine, 50));
        byKind[q.kind].push_back(medians.back());
        json sampled = json::array();
        for (double v : mine) sampled.push_back(std::round(v * 1e5) / 1e5);
        perQuery.push_back({{"kind", q.kind},
                            {"query", q.text},
                            {"count", count},
                            {"p50_us", std::round(percentile(mine, 50) * 10000.0) / 10.0},
                            {"samples_ms", sampled}});
    }
    // A query's latency is the median of its samples (robust to a busy machine); p50/p99 are over the set.
    report_["query_ms"] = stats(medians);
    report_["query_samples_ms"] = stats(all);
    json kinds = json::object();
    for (const auto& [kind, v] : byKind) kinds[kind] = round3(percentile(v, 50));
    report_["query_p50_ms_by_kind"] = kinds;
    report_["queries"] = perQuery;

    // Related papers (a paper card's list): the similarity index once, then 200 papers spread over the corpus.
    const core::Corpus& corpus = explorer_->corpus();
    if (!corpus.papers.empty()) {
        double t0 = nowMs();
        core::RelatedIndex related(index);
        double t1 = nowMs();
        std::vector<double> cards;
        for (size_t i = 0; i < 200; ++i) {
            const core::PaperIndex p = static_cast<core::PaperIndex>(i * corpus.papers.size() / 200);
            double a = nowMs();
            if (related.related(corpus, index, p, 8).size() > 8) std::abort();
            cards.push_back(nowMs() - a);
        }
        report_["related"] = {{"build_ms", round3(t1 - t0)}, {"memory_mb", mb(double(related.memoryBytes()))},
                              {"card_ms", stats(cards)}};
    }
}

void Bench::runKeystrokes(const std::vector<std::string>& typed) {
    core::Explorer& ex = *explorer_;
    std::vector<double> times, listTimes, matrixTimes, facetTimes;
    json perString = json::array();
    for (const std::string& text : typed) {
        double worst = 0;
        json steps = json::array();
        for (const std::string& prefix : prefixes(text)) {
            ex.setQuery(prefix);
            double t0 = nowMs();
            ex.visiblePapers();
            double t1 = nowMs();
            ex.filteredMatrix();
            double t2 = nowMs();
            ex.topicFacetCounts();
            double t3 = nowMs();
            times.push_back(t3 - t0);
            listTimes.push_back(t1 - t0);
            matrixTimes.push_back(t2 - t1);
            facetTimes.push_back(t3 - t2);
            worst = std::max(worst, t3 - t0);
            steps.push_back({{"query", prefix}, {"visible", ex.visiblePapers().size()}, {"list_ms", round3(t1 - t0)},
                             {"matrix_ms", round3(t2 - t1)}, {"facets_ms", round3(t3 - t2)}});
        }
        perString.push_back({{"typed", text}, {"visible", ex.visiblePapers().size()}, {"max_ms", round3(worst)}, {"steps", steps}});
        ex.setQuery("");
        ex.visiblePapers();
    }
    report_["keystroke_ms"] = stats(times);
    // The parts of a keystroke: search + filter + sort of the list, the topic x month matrix, the facet counts.
    report_["keystroke_parts_ms"] = {{"list", stats(listTimes)}, {"matrix", stats(matrixTimes)}, {"facets", stats(facetTimes)}};
    report_["typing"] = perString;
}

void Bench::runFilters() {
    core::Explorer& ex = *explorer_;
    const core::Corpus& c = ex.corpus();
    auto recompute = [&] {
        double t0 = nowMs();
        ex.visiblePapers();
        ex.filteredMatrix();
        ex.topicFacetCounts();
        return nowMs() - t0;
    };
    std::vector<double> topic, clear, months, matrix;
    core::TopicIndex busiest = 0;
    const auto& totals = ex.totalMatrix().topicTotals;
    for (core::TopicIndex t = 0; t < totals.size(); ++t)
        if (totals[t] > totals[busiest]) busiest = t;
    const core::PaperMonths flat(c);
    for (int i = 0; i < 5; ++i) {
        ex.setTopics({c.topics.empty() ? std::string() : c.topics[busiest].id});
        topic.push_back(recompute());
        ex.setTopics({});
        clear.push_back(recompute());
        ex.setMonthRange(c.lastMonth - 11, c.lastMonth);
        months.push_back(recompute());
        ex.setMonthRange(std::nullopt, std::nullopt);
        recompute();
        std::vector<core::PaperIndex> all(c.papers.size());
        for (core::PaperIndex p = 0; p < all.size(); ++p) all[p] = p;
        double t0 = nowMs();
        core::TopicMonthMatrix m = core::countTopicMonths(c, flat, all);  // as the explorer counts
        matrix.push_back(nowMs() - t0);
        if (m.counts.empty() && !c.papers.empty() && c.monthCount() && !c.topics.empty()) std::abort();
    }
    report_["filter_ms"] = {{"topic_filter", round3(percentile(topic, 50))},
                            {"clear_filters", round3(percentile(clear, 50))},
                            {"last_12_months", round3(percentile(months, 50))},
                            {"matrix_all_papers", round3(percentile(matrix, 50))}};
    memory("end");
}

std::string formatTable(const std::vector<json>& reports) {
    struct Row {
        const char* label;
        std::vector<const char*> path;
    };
    static const std::vector<Row> rows = {
        {"papers", {"corpus", "papers"}},
        {"appearances", {"corpus", "appearances"}},
        {"digest JSON (MB)", {"corpus", "json_mb"}},
        {"read files (ms)", {"load_ms", "read"}},
        {"parse + merge (ms)", {"load_ms", "parse_merge"}},
        {"index build (ms)", {"index", "build_ms"}},
        {"index memory (MB)", {"index", "memory_mb"}},
        {"explorer ready (ms)", {"index", "explorer_ready_ms"}},
        {"query p50 (ms)", {"query_ms", "p50"}},
        {"query p99 (ms)", {"query_ms", "p99"}},
        {"query max (ms)", {"query_ms", "max"}},
        {"keystroke p50 (ms)", {"keystroke_ms", "p50"}},
        {"keystroke p99 (ms)", {"keystroke_ms", "p99"}},
        {"keystroke max (ms)", {"keystroke_ms", "max"}},
        {"topic filter (ms)", {"filter_ms", "topic_filter"}},
        {"clear filters (ms)", {"filter_ms", "clear_filters"}},
        {"last 12 months (ms)", {"filter_ms", "last_12_months"}},
        {"matrix, all papers (ms)", {"filter_ms", "matrix_all_papers"}},
    };
    auto lookup = [](const json& r, const std::vector<const char*>& path) -> std::string {
        const json* j = &r;
        for (const char* key : path) {
            if (!j->is_object() || !j->contains(key)) return "-";
            j = &(*j)[key];
        }
        if (j->is_number_float()) {
            char buf[32];
            double v = j->get<double>();
            std::snprintf(buf, sizeof buf, v >= 100 ? "%.0f" : v >= 1 ? "%.2f" : "%.3f", v);
            return buf;
        }
        return j->dump();
    };
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-26s", "");
    out += line;
    for (const json& r : reports) {
        std::snprintf(line, sizeof line, " %14s", r.value("label", std::string("corpus")).c_str());
        out += line;
    }
    out += "\n";
    std::vector<Row> all = rows;
    // Memory rows: every stage the first report has.
    std::vector<std::pair<std::string, std::vector<std::string>>> memoryRows;
    if (!reports.empty() && reports[0].contains("memory_mb"))
        for (const auto& [stage, values] : reports[0]["memory_mb"].items())
            for (const auto& [name, v] : values.items()) memoryRows.push_back({name + " @ " + stage + " (MB)", {stage, name}});
    for (const Row& row : all) {
        std::snprintf(line, sizeof line, "%-26s", row.label);
        out += line;
        for (const json& r : reports) {
            std::snprintf(line, sizeof line, " %14s", lookup(r, row.path).c_str());
            out += line;
        }
        out += "\n";
    }
    for (const auto& [label, path] : memoryRows) {
        std::snprintf(line, sizeof line, "%-26s", label.c_str());
        out += line;
        for (const json& r : reports) {
            std::string v = "-";
            if (r.contains("memory_mb") && r["memory_mb"].contains(path[0]) && r["memory_mb"][path[0]].contains(path[1]))
                v = lookup(r["memory_mb"][path[0]], {path[1].c_str()});
            std::snprintf(line, sizeof line, " %14s", v.c_str());
            out += line;
        }
        out += "\n";
    }
    return out;
}

}  // namespace papertide::bench
