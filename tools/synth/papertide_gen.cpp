// papertide-gen: writes a deterministic synthetic corpus (topics.json + digests/*.json) for benchmarks.
//   papertide-gen --papers N [--seed S] --out DIR [--months M] [--last-month YYYY-MM] [--recurrence 0.1]
//                 [--topics FILE] [--vocab DIR | --builtin-vocab]
// The Chinese vocabulary comes from the seed digests (DIR/digests/*.json, default: the checkout's data/),
// so the same seed and the same data/ give byte-identical output.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "io/corpus_files.h"
#include "synthetic_corpus.h"

#ifndef PAPERTIDE_DEFAULT_DATA_DIR
#define PAPERTIDE_DEFAULT_DATA_DIR "data"
#endif

namespace fs = std::filesystem;
using namespace papertide;

namespace {

int usage(const char* message) {
    if (message) std::fprintf(stderr, "papertide-gen: %s\n", message);
    std::fprintf(stderr,
                 "usage: papertide-gen --papers N [--seed S] --out DIR [--months M] [--last-month YYYY-MM]\n"
                 "                     [--recurrence R] [--topics FILE] [--vocab DIR | --builtin-vocab]\n"
                 "  N may use k/M suffixes (10k, 1M). Existing *-synth-*.json digests in DIR are replaced.\n");
    return 2;
}

bool parseCount(const char* text, uint64_t& out) {
    char* end = nullptr;
    double v = std::strtod(text, &end);
    if (end == text || v < 0) return false;
    if (*end == 'k' || *end == 'K') v *= 1e3, ++end;
    else if (*end == 'm' || *end == 'M') v *= 1e6, ++end;
    if (*end) return false;
    out = static_cast<uint64_t>(v + 0.5);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    synth::Options options;
    std::string out, topicsPath = std::string(PAPERTIDE_DEFAULT_DATA_DIR) + "/topics.json";
    std::string vocabDir = PAPERTIDE_DEFAULT_DATA_DIR;
    bool builtinVocab = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--help" || a == "-h") return usage(nullptr), 0;
        if (a == "--builtin-vocab") { builtinVocab = true; continue; }
        if (!(v = value())) return usage(("missing value after " + a).c_str());
        if (a == "--papers") { if (!parseCount(v, options.papers)) return usage("bad --papers"); }
        else if (a == "--seed") options.seed = std::strtoull(v, nullptr, 10);
        else if (a == "--out") out = v;
        else if (a == "--months") options.months = std::atoi(v);
        else if (a == "--last-month") options.lastMonth = v;
        else if (a == "--recurrence") options.recurrence = std::atof(v);
        else if (a == "--topics") topicsPath = v;
        else if (a == "--vocab") vocabDir = v;
        else return usage(("unknown option " + a).c_str());
    }
    if (out.empty()) return usage("--out DIR is required");

    std::string error;
    io::SourceFile topics;
    if (!io::readFile(topicsPath, topics, error)) return std::fprintf(stderr, "papertide-gen: %s\n", error.c_str()), 2;
    synth::Vocabulary vocabulary = synth::Vocabulary::builtin();
    if (!builtinVocab) {
        std::vector<std::string> ioErrors, texts;
        for (io::SourceFile& f : io::readCorpusDirectory(vocabDir, ioErrors))
            if (f.name.find("/digests/") != std::string::npos) texts.push_back(std::move(f.bytes));
        if (texts.empty()) std::fprintf(stderr, "papertide-gen: no digests in %s; using the built-in vocabulary\n", vocabDir.c_str());
        else vocabulary = synth::Vocabulary::fromTexts(texts);
    }

    // Refuse to mix with real digests; replace an earlier synthetic corpus.
    fs::path digests = fs::path(out) / "digests";
    std::error_code ec;
    fs::create_directories(digests, ec);
    if (ec) return std::fprintf(stderr, "papertide-gen: cannot create %s: %s\n", digests.c_str(), ec.message().c_str()), 2;
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(digests)) {
        std::string name = entry.path().filename().string();
        if (name.size() < 5 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
        if (name.find("-synth-") == std::string::npos)
            return std::fprintf(stderr, "papertide-gen: %s holds non-synthetic digests (%s); refusing to write there\n",
                                digests.c_str(), name.c_str()), 2;
        stale.push_back(entry.path());
    }
    for (const fs::path& p : stale) fs::remove(p, ec);

    auto start = std::chrono::steady_clock::now();
    synth::Stats stats;
    bool ok = synth::generate(
        options, topics.bytes, vocabulary,
        [&](const std::string& path, std::string&& bytes) {
            fs::path target = fs::path(out) / path;
            std::FILE* f = std::fopen(target.c_str(), "wb");
            if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
                std::fprintf(stderr, "papertide-gen: cannot write %s: %s\n", target.c_str(), std::strerror(errno));
                std::exit(2);
            }
            std::fclose(f);
        },
        stats, error);
    if (!ok) return std::fprintf(stderr, "papertide-gen: %s\n", error.c_str()), 2;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("papertide-gen: %s: %llu digests, %llu papers, %llu appearances, %.1f MB in %.1f s (seed %llu)\n",
                out.c_str(), (unsigned long long)stats.digests, (unsigned long long)stats.papers,
                (unsigned long long)stats.appearances, stats.bytes / 1e6, seconds, (unsigned long long)options.seed);
    return 0;
}
