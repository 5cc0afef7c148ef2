// `papertide import ARTICLE`: drafts a digest from an article file with the import library and prints its
// warnings; the JSON goes to stdout or, only on success, to --out (written to a temporary file, then renamed).
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/cli_common.h"
#include "import/article_import.h"

namespace papertide::cli {

namespace {

// Reads at most kMaxArticleBytes + 1 bytes, so a huge file is refused without holding it in memory.
bool readArticle(const std::string& path, std::string& bytes, std::string& error) {
    const size_t limit = import::kMaxArticleBytes + 1;
    bytes.clear();
    if (path == "-") {
        char buffer[65536];
        size_t n = 0;
        while (bytes.size() < limit && (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) bytes.append(buffer, n);
        if (bytes.size() > limit) bytes.resize(limit);
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    bytes.resize(limit);
    in.read(bytes.data(), std::streamsize(limit));
    bytes.resize(size_t(in.gcount()));
    if (in.bad()) {
        error = "cannot read " + path;
        return false;
    }
    return true;
}

bool writeViaTemporary(const std::string& path, const std::string& text, std::string& error) {
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = "cannot write " + tmp;
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = "cannot write " + path;
        return false;
    }
    return true;
}

std::string currentMonth() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", utc.tm_year + 1900, utc.tm_mon + 1);
    return buffer;
}

}  // namespace

int runImport(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, outPath, article, value, error;
    import::ImportOptions options;
    while (!args.done()) {
        if (args.option("--month", options.month, error) || args.option("--source", options.source, error) ||
            args.option("--title", options.title, error) || args.option("--id", options.id, error) ||
            args.option("--data", dataDir, error) || args.option("--out", outPath, error)) {
            if (!error.empty()) return usageError("import", error);
        } else if (args.peek().rfind("--", 0) == 0) {
            return usageError("import", "unknown option " + args.peek());
        } else if (article.empty()) {
            article = args.take();
        } else {
            return usageError("import", "unexpected argument " + args.peek() + " (one article at a time)");
        }
    }
    if (article.empty()) return usageError("import", "which article? papertide import ARTICLE (- for stdin)");
    options.today = currentMonth();

    std::string bytes;
    if (!readArticle(article, bytes, error)) {
        std::fprintf(stderr, "papertide import: %s\n", error.c_str());
        return kExitUsage;
    }
    LoadedCorpus loaded = loadForCli(dataDir, {});
    if (!loaded.ioErrors.empty())
        std::fprintf(stderr, "papertide import: warning: corpus %s not read (%s): no ids reused, no topics inferred\n",
                     dataDir.c_str(), loaded.ioErrors.front().c_str());
    else reportSkipped(loaded);

    import::ImportDraft draft =
        import::draftDigest(bytes, article == "-" ? "stdin" : article, import::ArticleKind::Auto, options, loaded.corpus);
    if (!draft.ok) {
        std::fprintf(stderr, "papertide import: %s\nnothing written\n", draft.error.c_str());
        return kExitInvalid;
    }
    size_t uncertain = 0;
    for (bool u : draft.uncertain) uncertain += u;
    for (const import::ImportWarning& w : draft.warnings) {
        if (w.entry >= 0) std::fprintf(stderr, "%s: warning: /papers/%d: %s\n", article.c_str(), w.entry, w.message.c_str());
        else std::fprintf(stderr, "%s: warning: %s\n", article.c_str(), w.message.c_str());
    }
    if (outPath.empty() || outPath == "-") {
        std::fwrite(draft.json.data(), 1, draft.json.size(), stdout);
    } else if (!writeViaTemporary(outPath, draft.json, error)) {
        std::fprintf(stderr, "papertide import: %s\n", error.c_str());
        return kExitUsage;
    }
    std::fprintf(stderr, "papertide import: %zu paper(s) drafted as %s, %zu uncertain, %zu warning(s)%s%s\n",
                 draft.paperCount, draft.digestId.c_str(), uncertain, draft.warnings.size(),
                 outPath.empty() ? "" : "; written to ", outPath.c_str());
    return kExitOk;
}

}  // namespace papertide::cli
