// papertide-snapshot-bench: start-up from JSON (read, parse/validate/merge, index) versus from a snapshot,
// one path per process so /usr/bin/time -v and VmHWM see each path's own peak (docs/SNAPSHOT.md):
//   papertide-snapshot-bench json DIR          the JSON path, as the app does it
//   papertide-snapshot-bench pack DIR FILE     the JSON path, then write FILE
//   papertide-snapshot-bench load FILE         the snapshot path, read section by section from the file, then what
//                                              the app computes from it (setCorpus, lifecycles; news links on hover)
//   papertide-snapshot-bench load-memory FILE  the snapshot path from a buffer holding the whole file
//   papertide-snapshot-bench merge FILE DIGEST...  the snapshot path, then a reader's digests merged on top
//                                                 (parse, corpus merge, index merge: what the app does on an add)
// Prints one line of key=value pairs: phase times (ms), steady RSS (after start-up) and peak RSS (VmHWM), MB.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/explorer.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "io/corpus_files.h"
#include "io/snapshot_file.h"

using namespace papertide;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }
// Process CPU time (ms): what a loaded machine does not inflate.
double cpuMs() { return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC; }

double statusMb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stod(line.substr(std::string(key).size())) / 1024.0;
    return 0;
}

void report(const char* path, const std::string& phases, size_t papers) {
    std::printf("path=%s papers=%zu %s steady_mb=%.1f peak_mb=%.1f\n", path, papers, phases.c_str(), statusMb("VmRSS:"),
                statusMb("VmHWM:"));
}

int jsonPath(const std::string& dir, const std::string& out) {
    auto t0 = Clock::now();
    std::vector<std::string> errors;
    core::CorpusInput input = core::splitCorpusFiles(io::readCorpusDirectory(dir, errors));
    const double readMs = ms(t0);
    auto t1 = Clock::now();
    std::vector<core::Diagnostic> diagnostics;
    core::Corpus corpus = core::loadCorpus(std::move(input), diagnostics);  // releases each file once parsed
    const double parseMs = ms(t1);
    auto t2 = Clock::now();
    core::SearchIndex index(corpus);
    const double indexMs = ms(t2);
    char phases[160];
    std::snprintf(phases, sizeof phases, "read_ms=%.0f parse_ms=%.0f index_ms=%.0f total_ms=%.0f", readMs, parseMs, indexMs, ms(t0));
    if (!errors.empty() || core::countErrors(diagnostics)) {
        std::fprintf(stderr, "corpus has errors\n");
        return 1;
    }
    report("json", phases, corpus.papers.size());
    if (out.empty()) return 0;
    auto t3 = Clock::now();
    std::string error;
    if (!io::writeSnapshotFile(out, corpus, index, diagnostics, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("write_ms=%.0f\n", ms(t3));
    return 0;
}

int snapshotPath(const std::string& file, bool fromMemory) {
    auto t0 = Clock::now();
    std::string error, bytes;
    core::SnapshotSource source;
    if (fromMemory) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
        source = core::memorySnapshotSource(bytes);
    } else if (!io::openSnapshotFile(file, source, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    core::Snapshot snapshot;
    if (!core::readSnapshot(source, snapshot, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::string().swap(bytes);  // the app drops the fetched buffer once loaded
    const double loadMs = ms(t0);
    // What the app computes next: before its first frame setCorpus (the paper x month table, totals) and the
    // timeline's lifecycles; on the first hover of the news row, what the news items mention.
    core::Explorer explorer;
    auto t1 = Clock::now();
    explorer.setCorpus(std::move(snapshot.corpus), std::move(snapshot.index), std::move(snapshot.diagnostics));
    const double showMs = ms(t1);
    auto t2 = Clock::now();
    const size_t topics = explorer.lifecycles().size();
    const double lifecyclesMs = ms(t2);
    auto t3 = Clock::now();
    const size_t news = explorer.newsLinks().size();
    const double newsMs = ms(t3);
    char phases[160];
    std::snprintf(phases, sizeof phases, "load_ms=%.0f set_corpus_ms=%.0f lifecycles_ms=%.1f (%zu topics) news_links_ms=%.1f (%zu items)",
                  loadMs, showMs, lifecyclesMs, topics, newsMs, news);
    report(fromMemory ? "snapshot-memory" : "snapshot-file", phases, explorer.corpus().papers.size());
    return 0;
}

int mergeOnTop(const std::string& file, const std::vector<std::string>& digests) {
    std::string error;
    core::SnapshotSource source;
    core::Snapshot snapshot;
    if (!io::openSnapshotFile(file, source, error) || !core::readSnapshot(source, snapshot, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    const size_t before = snapshot.corpus.papers.size();
    const double loadedMb = statusMb("VmRSS:");
    auto t0 = Clock::now();
    std::vector<core::DigestRecord> records;
    std::vector<core::Diagnostic> diagnostics;
    size_t entries = 0;
    for (const std::string& path : digests) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (auto r = core::parseDigest(path, ss.str(), snapshot.corpus.topicById, diagnostics)) {
            entries += r->papers.size();
            records.push_back(std::move(*r));
        }
    }
    const double parseMs = ms(t0);
    auto t1 = Clock::now();
    const double c1 = cpuMs();
    core::MergeChange change = core::mergeDigests(snapshot.corpus, std::move(records), core::Origin::User, diagnostics);
    const double corpusMs = ms(t1), corpusCpu = cpuMs() - c1;
    auto t2 = Clock::now();
    const double c2 = cpuMs();
    snapshot.index = core::SearchIndex::afterMerge(std::move(snapshot.index), snapshot.corpus, change.touched);
    const double indexMs = ms(t2), indexCpu = cpuMs() - c2;
    if (core::countErrors(diagnostics)) {
        std::fprintf(stderr, "%s\n", core::formatDiagnostic(diagnostics.front()).c_str());
        return 1;
    }
    char phases[320];
    std::snprintf(phases, sizeof phases,
                  "entries=%zu new_papers=%zu touched=%zu parse_ms=%.1f corpus_merge_ms=%.1f (cpu %.1f) "
                  "index_merge_ms=%.1f (cpu %.1f) total_ms=%.1f loaded_mb=%.1f",
                  entries, snapshot.corpus.papers.size() - before, change.touched.size(), parseMs, corpusMs, corpusCpu,
                  indexMs, indexCpu, ms(t0), loadedMb);
    report("merge", phases, snapshot.corpus.papers.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "json" && argc == 3) return jsonPath(argv[2], "");
    if (mode == "pack" && argc == 4) return jsonPath(argv[2], argv[3]);
    if (mode == "load" && argc == 3) return snapshotPath(argv[2], false);
    if (mode == "load-memory" && argc == 3) return snapshotPath(argv[2], true);
    if (mode == "merge" && argc >= 4) return mergeOnTop(argv[2], std::vector<std::string>(argv + 3, argv + argc));
    std::fprintf(stderr,
                 "usage: papertide-snapshot-bench json DIR | pack DIR FILE | load FILE | load-memory FILE | merge FILE DIGEST...\n");
    return 2;
}
