// Shared plumbing of the subcommands: argument scanning, loading the corpus, printing diagnostics.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/model.h"
#include "core/paper_filter.h"

namespace papertide::cli {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

// argv after the subcommand, consumed option by option.
class ArgScanner {
public:
    ArgScanner(int argc, char** argv, int first);
    bool done() const { return pos_ >= args_.size(); }
    const std::string& peek() const { return args_[pos_]; }
    std::string take() { return args_[pos_++]; }
    // For "--name VALUE" and "--name=VALUE"; returns false if the current argument is not --name.
    bool option(const std::string& name, std::string& value, std::string& error);
    bool flag(const std::string& name);

private:
    std::vector<std::string> args_;
    size_t pos_ = 0;
};

struct LoadedCorpus {
    core::Corpus corpus;
    std::vector<core::Diagnostic> diagnostics;
    std::vector<std::string> ioErrors;
};

// Reads DIR (topics.json + digests/), optionally replacing the digests with explicit files.
LoadedCorpus loadForCli(const std::string& dataDir, const std::vector<std::string>& digestFiles);
// One line on stderr when digests were skipped, so stats/search never hide lost data.
void reportSkipped(const LoadedCorpus& loaded);
int usageError(const std::string& command, const std::string& message);
// For commands whose only options are --data DIR and --json: kExitOk, or the usage error's exit code.
int takeDataAndJson(ArgScanner& args, const std::string& command, std::string& dataDir, bool& json);

// The filter options search and export share: --topic --from --to --author --digest --sort --min-picks;
// a bare word adds to the query. Returns false when the argument is not one of them (nothing consumed).
bool takeFilterArgument(ArgScanner& args, core::PaperFilter& filter, core::SortOrder& sort, std::string& error);
// Checks ids against the corpus; an error message for the first unknown topic or digest.
std::string checkFilterIds(const core::Corpus& corpus, const core::PaperFilter& filter);

int runValidate(ArgScanner& args, const std::string& defaultDataDir);
int runStats(ArgScanner& args, const std::string& defaultDataDir);
int runSearch(ArgScanner& args, const std::string& defaultDataDir);
int runRelated(ArgScanner& args, const std::string& defaultDataDir);
int runInfer(ArgScanner& args, const std::string& defaultDataDir);
int runTopics(ArgScanner& args, const std::string& defaultDataDir);
int runExport(ArgScanner& args, const std::string& defaultDataDir);
int runExportHtml(ArgScanner& args, const std::string& defaultDataDir);
int runPack(ArgScanner& args, const std::string& defaultDataDir);
int runImport(ArgScanner& args, const std::string& defaultDataDir);

}  // namespace papertide::cli
