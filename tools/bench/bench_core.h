// The measurements shared by the native benchmark (papertide-bench) and the browser one (papertide_bench_web):
// load + parse, index build, memory, query latency over a fixed query set, and the per-keystroke work of the
// explorer (filter, sort, topic x month matrices). Only the core is measured: the same code the app runs.
#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/explorer.h"
#include "core/source_file.h"

namespace papertide::bench {

// One query of the fixed set: "<kind>\t<query>" per line of bench/queries.tsv ('#' starts a comment).
struct Query {
    std::string kind;
    std::string text;
};
std::vector<Query> parseQueries(std::string_view fileText);

// Strings typed character by character (each prefix is one keystroke): "typing" lines of the query file.
std::vector<std::string> typedStrings(const std::vector<Query>& queries);

// Platform memory probes, in bytes (0 when unknown).
struct MemoryProbe {
    const char* currentName = "rss";   // "rss" natively, "heap_in_use" in the browser
    const char* peakName = "peak_rss";  // "peak_rss" natively, "wasm_memory" in the browser
    double (*current)() = nullptr;
    double (*peak)() = nullptr;
};

double nowMs();
double percentile(std::vector<double> values, double p);  // p in [0, 100]

class Bench {
public:
    explicit Bench(MemoryProbe memory) : memory_(memory) {}

    // Parses and merges the corpus exactly as the app does (core::loadCorpus); readMs is the time the
    // caller spent getting the bytes (disk or fetch), reported alongside.
    void load(std::vector<core::SourceFile> files, double readMs);
    // Builds the search index (timed alone), then hands the corpus to an Explorer (index + total matrix).
    void buildIndex();
    // Median-of-batches latency of SearchIndex::match for every query; `samples` batches per query.
    void runQueries(const std::vector<Query>& queries, int samples);
    // Every prefix of every typed string as one keystroke: setQuery + visible papers + matrices + facet counts.
    void runKeystrokes(const std::vector<std::string>& typed);
    // Topic filter, month range, total matrix and sort of everything, each as the explorer recomputes them.
    void runFilters();

    const nlohmann::ordered_json& report() const { return report_; }
    // Per-query result counts (for the comparison with other engines).
    std::vector<size_t> counts() const { return counts_; }
    const core::Corpus& corpus() const { return explorer_ ? explorer_->corpus() : corpus_; }

private:
    void memory(const char* stage);

    MemoryProbe memory_;
    core::Corpus corpus_;  // until handed to the explorer
    std::vector<core::Diagnostic> diagnostics_;
    std::unique_ptr<core::Explorer> explorer_;
    std::vector<size_t> counts_;
    nlohmann::ordered_json report_ = nlohmann::ordered_json::object();
};

// A fixed-width text table of a report (one or more corpora side by side).
std::string formatTable(const std::vector<nlohmann::ordered_json>& reports);

}  // namespace papertide::bench
