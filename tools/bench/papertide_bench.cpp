// papertide-bench: load + parse, index build, memory, query latency and per-keystroke work on one corpus.
//   papertide-bench --data DIR [--queries FILE] [--samples N] [--label NAME] [--json FILE]
// Prints a table on stdout; --json writes the full report (per-query counts and latencies) as well.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_core.h"
#include "io/corpus_files.h"

#ifndef PAPERTIDE_SOURCE_DIR
#define PAPERTIDE_SOURCE_DIR "."
#endif

using namespace papertide;

namespace {

double currentRss() {
    long pages = 0, resident = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return double(resident) * double(sysconf(_SC_PAGESIZE));
}

double peakRss() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) * 1024.0;
}

int usage(const char* message) {
    if (message) std::fprintf(stderr, "papertide-bench: %s\n", message);
    std::fprintf(stderr, "usage: papertide-bench --data DIR [--queries FILE] [--samples N] [--label NAME] [--json FILE]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, queriesPath = std::string(PAPERTIDE_SOURCE_DIR) + "/bench/queries.tsv", jsonPath, label;
    int samples = 7;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") return usage(nullptr), 0;
        if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
        std::string v = argv[++i];
        if (a == "--data") data = v;
        else if (a == "--queries") queriesPath = v;
        else if (a == "--samples") samples = std::max(1, std::atoi(v.c_str()));
        else if (a == "--label") label = v;
        else if (a == "--json") jsonPath = v;
        else return usage(("unknown option " + a).c_str());
    }
    if (data.empty()) return usage("--data DIR is required");
    if (label.empty()) label = data.substr(data.find_last_of('/') + 1);

    std::string error;
    io::SourceFile queryFile;
    if (!io::readFile(queriesPath, queryFile, error)) return std::fprintf(stderr, "papertide-bench: %s\n", error.c_str()), 2;
    std::vector<bench::Query> queries = bench::parseQueries(queryFile.bytes);

    bench::Bench b({"rss", "peak_rss", currentRss, peakRss});
    double t0 = bench::nowMs();
    std::vector<std::string> ioErrors;
    std::vector<io::SourceFile> files = io::readCorpusDirectory(data, ioErrors);
    double readMs = bench::nowMs() - t0;
    for (const std::string& e : ioErrors) std::fprintf(stderr, "papertide-bench: %s\n", e.c_str());
    if (files.size() < 2) return std::fprintf(stderr, "papertide-bench: no corpus in %s\n", data.c_str()), 2;
    b.load(std::move(files), readMs);
    b.buildIndex();
    b.runQueries(queries, samples);
    b.runKeystrokes(bench::typedStrings(queries));
    b.runFilters();

    nlohmann::ordered_json report = {{"label", label}, {"engine", "papertide-native"}};
    report.update(b.report());
    std::fputs(bench::formatTable({report}).c_str(), stdout);
    if (!jsonPath.empty()) {
        std::FILE* f = std::fopen(jsonPath.c_str(), "w");
        if (!f) return std::fprintf(stderr, "papertide-bench: cannot write %s\n", jsonPath.c_str()), 2;
        std::string text = report.dump(2) + "\n";
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
    }
    return report["corpus"]["errors"].get<size_t>() == 0 ? 0 : 1;
}
