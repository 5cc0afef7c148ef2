// papertide export: the filtered papers, or a reading list's bookmarks, as BibTeX, CSV, JSON or Markdown.
#include <cstdio>

#include "cli/cli_common.h"
#include "core/exporters.h"
#include "core/reading_list.h"
#include "io/corpus_files.h"

namespace papertide::cli {

int runExport(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, error, value, outPath, listPath;
    std::optional<core::ExportFormat> format;
    core::PaperFilter filter;
    core::SortOrder sort = core::SortOrder::Relevance;
    while (!args.done()) {
        if (args.option("--format", value, error)) {
            format = core::parseExportFormat(value);
            if (!format && error.empty()) error = "--format expects bibtex, csv, json or md";
        } else if (args.option("--data", value, error)) dataDir = value;
        else if (args.option("--out", value, error)) outPath = value;
        else if (args.option("--reading-list", value, error)) listPath = value;
        else if (!takeFilterArgument(args, filter, sort, error)) return usageError("export", "unknown option " + args.peek());
        if (!error.empty()) return usageError("export", error);
    }
    if (!format) return usageError("export", "--format is required");
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    const core::Corpus& c = loaded.corpus;
    if (std::string bad = checkFilterIds(c, filter); !bad.empty()) return usageError("export", bad);

    core::ReaderMarks marks;
    if (!listPath.empty()) {
        io::SourceFile list;
        if (!io::readFile(listPath, list, error)) return usageError("export", error);
        core::MergeReport report;
        if (!core::mergeReadingList(list.bytes, marks, report, error)) return usageError("export", listPath + ": " + error);
        filter.bookmarkedOnly = true;
    }
    core::SearchIndex index(c);
    std::vector<core::PaperIndex> papers = core::filterPapers(c, index, filter, marks);
    core::sortPapers(c, index, core::searchQueryOf(c, filter), sort, papers);
    std::string text = core::exportPapers(c, papers, *format);
    if (outPath.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
        std::FILE* f = std::fopen(outPath.c_str(), "wb");
        bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
        if (f) ok = std::fclose(f) == 0 && ok;
        if (!ok) return usageError("export", "cannot write " + outPath);
        std::fprintf(stderr, "papertide export: %zu paper(s) written to %s\n", papers.size(), outPath.c_str());
    }
    return kExitOk;
}

}  // namespace papertide::cli
