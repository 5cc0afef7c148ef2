// Drafts a format-1 digest from a digest article (plain text, Markdown or HTML): the `papertide import`
// command and the app's "New digest from article…" dialog both call draftDigest(); it reads no files.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "import/article_text.h"

namespace papertide::import {

// Articles larger than this are refused (a digest article is 10-300 KB; 4 MiB keeps memory and time small).
constexpr size_t kMaxArticleBytes = 4 * 1024 * 1024;
// More paper entries than this in one article: the rest are dropped with a warning.
constexpr size_t kMaxEntries = 2000;

enum class ArticleKind { Auto, Text, Markdown, Html };

struct ImportOptions {
    std::string month;    // "YYYY-MM"; empty: found in the article, else guessed (warning)
    std::string source;   // empty: found in the article, else the file name (warning)
    std::string title;    // empty: found in the article
    std::string id;       // empty: derived from month, source and title
    std::string today;    // "YYYY-MM": the last-resort month when the article names none (the caller's clock)
};

struct ImportWarning {
    int entry = -1;  // index into the draft's "papers", or -1 for the digest as a whole
    std::string message;
};

struct ImportDraft {
    bool ok = false;
    std::string error;     // when !ok: why there is no draft (binary file, no papers found, ...)
    std::string digestId;  // the draft's "id" (the file name is <digestId>.json)
    std::string json;      // the format-1 digest, 2-space indented, ending with "\n"
    std::vector<ImportWarning> warnings;
    std::vector<bool> uncertain;  // one per paper entry: the reader should check it
    size_t paperCount = 0;
};

// Whether a file's name says it is an article (.txt, .text, .md, .markdown, .html, .htm, .xhtml), not a digest.
bool isArticleFileName(std::string_view fileName);

// `fileName` names the article in messages and picks the kind when `kind` is Auto (.html/.htm, .md, else
// sniffed). `corpus` supplies paper ids to reuse (arXiv id first, then title), the digest ids already taken,
// and the taxonomy that topics are inferred from (no topics are set when it has none).
ImportDraft draftDigest(std::string_view bytes, std::string_view fileName, ArticleKind kind,
                        const ImportOptions& options, const core::Corpus& corpus);

// The same draft from an article already turned into lines by someone else's HTML parser (the browser's own
// DOMParser: web/shell/article-lines.js, read by linesFromJson). draftDigest ends here too, so both paths
// share one extractor. `fileName` only names the article in messages.
ImportDraft draftDigestFromLines(std::vector<ArticleLine> lines, std::string_view fileName, const ImportOptions& options,
                                 const core::Corpus& corpus);

// Lines as JSON, [{"text": "...", "heading": 0-6, "list": N, "links": [{"label": "...", "url": "..."}]}, ...]
// (heading, list and links optional): what the web shell makes of an HTML page with the browser's DOMParser.
// Texts are trimmed and placeholders removed as for lines of our own; empty ones are skipped. At most
// kMaxArticleBytes of JSON. False with a message when the JSON is not such a list or holds no text.
bool linesFromJson(std::string_view json, std::vector<ArticleLine>& lines, std::string& error);

}  // namespace papertide::import
