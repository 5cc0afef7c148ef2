// papertide validate: every problem in the corpus, one line each, FILE:LINE:COL: POINTER: message.
#include <cstdio>

#include "cli/cli_common.h"

namespace papertide::cli {

int runValidate(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, error;
    std::vector<std::string> files;
    while (!args.done()) {
        std::string value;
        if (args.option("--data", value, error)) {
            if (!error.empty()) return usageError("validate", error);
            dataDir = value;
        } else if (args.peek().rfind("--", 0) == 0) {
            return usageError("validate", "unknown option " + args.peek());
        } else {
            files.push_back(args.take());
        }
    }
    LoadedCorpus loaded = loadForCli(dataDir, files);
    for (const std::string& e : loaded.ioErrors) std::printf("%s\n", e.c_str());
    for (const core::Diagnostic& d : loaded.diagnostics) std::printf("%s\n", core::formatDiagnostic(d).c_str());
    size_t errors = core::countErrors(loaded.diagnostics);
    size_t warnings = loaded.diagnostics.size() - errors;
    std::fprintf(stderr, "%zu digest(s), %zu paper(s) loaded; %zu error(s), %zu warning(s)%s\n",
                 loaded.corpus.digests.size(), loaded.corpus.papers.size(), errors, warnings,
                 loaded.ioErrors.empty() ? "" : ", and files that could not be read");
    if (!loaded.ioErrors.empty()) return kExitUsage;
    return errors > 0 ? kExitInvalid : kExitOk;
}

}  // namespace papertide::cli
