// papertide pack: the validated, merged corpus and its search index as one snapshot file (docs/SNAPSHOT.md),
// and `pack --check FILE`, which reads a snapshot the way the app does and says whether it would be used.
#include <chrono>
#include <cstdio>

#include "cli/cli_common.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "io/snapshot_file.h"

namespace papertide::cli {

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

int checkSnapshot(const std::string& path) {
    core::SnapshotSource source;
    std::string error;
    if (!io::openSnapshotFile(path, source, error)) {
        std::fprintf(stderr, "papertide pack: %s\n", error.c_str());
        return kExitUsage;
    }
    auto start = std::chrono::steady_clock::now();
    core::Snapshot snapshot;
    if (!core::readSnapshot(source, snapshot, error)) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
        return kExitInvalid;
    }
    std::printf("%s: snapshot format %u, %llu bytes: %zu digest(s), %zu paper(s), %zu warning(s); read and checked in %.1f ms\n",
                path.c_str(), core::kSnapshotFormatVersion, static_cast<unsigned long long>(source.size),
                snapshot.corpus.digests.size(), snapshot.corpus.papers.size(), snapshot.diagnostics.size(), msSince(start));
    std::vector<core::SnapshotSectionInfo> sections;
    if (core::describeSnapshot(source, sections, error))
        for (const auto& s : sections)
            std::printf("  %-24s %12llu bytes at %llu\n", s.name.c_str(), static_cast<unsigned long long>(s.bytes),
                        static_cast<unsigned long long>(s.offset));
    return kExitOk;
}

// A digest's file as the site names it (data/digests/NAME.json, as the page's JSON path does), not as this
// build found it: the snapshot then reads the same from any checkout and does not carry the builder's paths.
std::string siteName(const std::string& path, const std::string& dataDir) {
    if (path.compare(0, dataDir.size(), dataDir) != 0) return path;
    size_t rest = dataDir.size();
    if (rest < path.size() && path[rest] != '/' && (rest == 0 || path[rest - 1] != '/')) return path;
    while (rest < path.size() && path[rest] == '/') ++rest;
    return "data/" + path.substr(rest);
}

void nameFilesAsTheSiteDoes(LoadedCorpus& loaded, const std::string& dataDir) {
    for (core::Digest& d : loaded.corpus.digests) d.file = siteName(d.file, dataDir);
    for (core::Diagnostic& d : loaded.diagnostics) d.file = siteName(d.file, dataDir);
}

}  // namespace

int runPack(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, out, check, error, value;
    while (!args.done()) {
        if (args.option("--data", value, error)) dataDir = value;
        else if (args.option("--out", value, error)) out = value;
        else if (args.option("--check", value, error)) check = value;
        else return usageError("pack", "unexpected argument " + args.peek());
        if (!error.empty()) return usageError("pack", error);
    }
    if (!check.empty()) return out.empty() ? checkSnapshot(check) : usageError("pack", "--check and --out exclude each other");
    if (out.empty()) return usageError("pack", "--out FILE is required");

    auto start = std::chrono::steady_clock::now();
    LoadedCorpus loaded = loadForCli(dataDir, {});
    for (const std::string& e : loaded.ioErrors) std::fprintf(stderr, "papertide pack: %s\n", e.c_str());
    const size_t errors = core::countErrors(loaded.diagnostics);
    for (const core::Diagnostic& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
    if (!loaded.ioErrors.empty()) return kExitUsage;
    if (errors > 0) {
        std::fprintf(stderr, "papertide pack: %zu error(s) in the corpus; no snapshot written (a snapshot never leaves data out)\n",
                     errors);
        return kExitInvalid;
    }
    nameFilesAsTheSiteDoes(loaded, dataDir);
    const double loadMs = msSince(start);
    start = std::chrono::steady_clock::now();
    core::SearchIndex index(loaded.corpus);
    const double indexMs = msSince(start);
    start = std::chrono::steady_clock::now();
    if (!io::writeSnapshotFile(out, loaded.corpus, index, loaded.diagnostics, error)) {
        std::fprintf(stderr, "papertide pack: %s\n", error.c_str());
        return kExitUsage;
    }
    const double writeMs = msSince(start);
    // Read it back as the app will: a snapshot that would be refused is never left behind.
    core::SnapshotSource source;
    core::Snapshot again;
    if (!io::openSnapshotFile(out, source, error) || !core::readSnapshot(source, again, error)) {
        std::fprintf(stderr, "papertide pack: the written snapshot does not read back: %s\n", error.c_str());
        std::remove(out.c_str());
        return kExitInvalid;
    }
    std::fprintf(stderr,
                 "papertide pack: %zu digest(s), %zu paper(s), %zu warning(s) -> %s (%llu bytes); load %.0f ms, index %.0f ms, "
                 "write %.0f ms\n",
                 loaded.corpus.digests.size(), loaded.corpus.papers.size(), loaded.diagnostics.size(), out.c_str(),
                 static_cast<unsigned long long>(source.size), loadMs, indexMs, writeMs);
    return kExitOk;
}

}  // namespace papertide::cli
