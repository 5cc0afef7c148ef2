#include "cli/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "cli/cli_common.h"
#include "io/corpus_files.h"

namespace papertide::cli {

namespace {

constexpr const char* kUsage =
    "usage: papertide [--data DIR] [--state '#hash'] [--font FILE]       open the explorer window\n"
    "       papertide validate [--data DIR] [FILE...]                    check the corpus (or the given digest files)\n"
    "       papertide stats [--data DIR] [--json]                        counts and the topic x month matrix\n"
    "       papertide search [QUERY] [--topic ID]... [--from YYYY-MM] [--to YYYY-MM]\n"
    "                        [--author TEXT] [--digest ID] [--sort ORDER] [--exact] [--data DIR] [--json]\n"
    "                                                                    (--exact: no cross-language expansion)\n"
    "       papertide related ID [--limit N] [--data DIR] [--json]      papers related by content, with reasons\n"
    "       papertide infer [--data DIR] [--json]                        topic inference vs curated topics\n"
    "       papertide topics [--data DIR] [--window N] [--json]          topic lifecycles: first, peak, latest, trend\n"
    "       papertide export --format bibtex|csv|json|md [QUERY] [search filters] [--min-picks N]\n"
    "                        [--reading-list FILE] [--out FILE] [--data DIR]   the filtered papers (or a list's bookmarks)\n"
    "       papertide export-html [--data DIR] --out FILE                the corpus as one plain HTML page (- for stdout)\n"
    "       papertide pack [--data DIR] --out FILE                       the corpus and its index as one snapshot file\n"
    "       papertide pack --check FILE                                  would the app use this snapshot? (exit 1: refused)\n"
    "       papertide import ARTICLE [--month YYYY-MM] [--source NAME] [--title TITLE] [--id ID]\n"
    "                        [--data DIR] [--out FILE]   draft a digest from an article (.txt/.md/.html; - for stdin)\n"
    "exit codes: 0 ok, 1 invalid data, 2 usage or I/O error\n";

}  // namespace

ArgScanner::ArgScanner(int argc, char** argv, int first) {
    for (int i = first; i < argc; ++i) args_.emplace_back(argv[i]);
}

bool ArgScanner::option(const std::string& name, std::string& value, std::string& error) {
    if (done()) return false;
    const std::string& a = args_[pos_];
    if (a == name) {
        if (pos_ + 1 >= args_.size()) {
            error = name + " needs a value";
            ++pos_;
            return true;
        }
        value = args_[pos_ + 1];
        pos_ += 2;
        return true;
    }
    if (a.rfind(name + "=", 0) == 0) {
        value = a.substr(name.size() + 1);
        ++pos_;
        return true;
    }
    return false;
}

bool ArgScanner::flag(const std::string& name) {
    if (done() || args_[pos_] != name) return false;
    ++pos_;
    return true;
}

LoadedCorpus loadForCli(const std::string& dataDir, const std::vector<std::string>& digestFiles) {
    LoadedCorpus loaded;
    core::CorpusInput input;
    std::string error;
    if (!io::readFile(dataDir + "/topics.json", input.taxonomy, error)) loaded.ioErrors.push_back(error);
    if (digestFiles.empty()) {
        std::vector<io::SourceFile> files = io::readCorpusDirectory(dataDir, loaded.ioErrors);
        core::CorpusInput split = core::splitCorpusFiles(std::move(files));
        input.digests = std::move(split.digests);
        input.glossary = std::move(split.glossary);
    } else {
        for (const std::string& path : digestFiles) {
            io::SourceFile f;
            if (io::readFile(path, f, error)) input.digests.push_back(std::move(f));
            else loaded.ioErrors.push_back(error);
        }
    }
    // readCorpusDirectory may report topics.json again; keep each I/O problem once.
    std::sort(loaded.ioErrors.begin(), loaded.ioErrors.end());
    loaded.ioErrors.erase(std::unique(loaded.ioErrors.begin(), loaded.ioErrors.end()), loaded.ioErrors.end());
    loaded.corpus = core::loadCorpus(input, loaded.diagnostics);
    return loaded;
}

void reportSkipped(const LoadedCorpus& loaded) {
    for (const std::string& e : loaded.ioErrors) std::fprintf(stderr, "papertide: %s\n", e.c_str());
    size_t errors = core::countErrors(loaded.diagnostics);
    if (errors > 0)
        std::fprintf(stderr, "papertide: warning: %zu problem(s) in the corpus; affected digests are left out "
                             "(run `papertide validate` for details)\n", errors);
}

int usageError(const std::string& command, const std::string& message) {
    std::fprintf(stderr, "papertide %s: %s\n%s", command.c_str(), message.c_str(), kUsage);
    return kExitUsage;
}

int takeDataAndJson(ArgScanner& args, const std::string& command, std::string& dataDir, bool& json) {
    std::string error, value;
    while (!args.done()) {
        if (args.flag("--json")) json = true;
        else if (args.option("--data", value, error)) {
            if (!error.empty()) return usageError(command, error);
            dataDir = value;
        } else return usageError(command, "unexpected argument " + args.peek());
    }
    return kExitOk;
}

bool isCommand(int argc, char** argv) {
    if (argc < 2) return false;
    for (const char* c : {"validate", "stats", "search", "related", "infer", "topics", "export", "export-html", "import", "pack", "help", "--help", "-h", "--version"})
        if (std::strcmp(argv[1], c) == 0) return true;
    return false;
}

int run(int argc, char** argv, const std::string& defaultDataDir) {
    std::string command = argc >= 2 ? argv[1] : "help";
    ArgScanner args(argc, argv, 2);
    if (command == "validate") return runValidate(args, defaultDataDir);
    if (command == "stats") return runStats(args, defaultDataDir);
    if (command == "search") return runSearch(args, defaultDataDir);
    if (command == "related") return runRelated(args, defaultDataDir);
    if (command == "infer") return runInfer(args, defaultDataDir);
    if (command == "topics") return runTopics(args, defaultDataDir);
    if (command == "export") return runExport(args, defaultDataDir);
    if (command == "export-html") return runExportHtml(args, defaultDataDir);
    if (command == "pack") return runPack(args, defaultDataDir);
    if (command == "import") return runImport(args, defaultDataDir);
    if (command == "--version") {
        std::printf("papertide 0.1.0\n");
        return kExitOk;
    }
    std::fputs(kUsage, stdout);
    return kExitOk;
}

}  // namespace papertide::cli
