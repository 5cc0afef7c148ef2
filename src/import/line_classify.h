// What one article line is: an entry's number or label line, an author list, a link, a ❓Why / 💡 block,
// page chrome, a section, reference or end marker, or plain text. Pure functions over one line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "import/article_text.h"

namespace papertide::import {

enum class LineKind {
    Text,
    Chrome,            // "点击上方关注", share prompts, image captions, lone page counters
    EndMarker,         // "© THE END", "相关内容", "上一篇": the article is over
    ReferencesMarker,  // "参考文献", "References", "引用"
    TocMarker,         // "目录", "Contents"
    Number,            // "3、Title", "论文 3:Title", "Paper 3: Title", an HTML <ol> item
    TitleLabel,        // "论文:X", "Title: X"
    AuthorLabel,       // "作者:X", "Authors: X", "By X"
    LinkLabel,         // "论文地址:URL", "代码:URL", "Code: URL", "来源:URL"
    BareUrl,           // the line is one URL
    Why,               // "❓Why → ..."
    Insight,           // "💡关键见解 → ...", "Key insight: ..."
    Bullet,            // "- item", "• item"
    Reference,         // "[3] ...", "【3】..."
};

struct LineInfo {
    LineKind kind = LineKind::Text;
    int number = 0;    // Number: the item's number; Reference: its number
    std::string rest;  // the text after the number, label or marker (the whole text for Text)
    std::string label; // LinkLabel / Reference: the label as printed ("代码", "[3]")
};

LineInfo classifyLine(const ArticleLine& line);

// An English paper title: Latin words, no sentence inside, no code. `allowFinalPeriod` for list items
// such as "Title. (from …)".
bool isTitleLike(std::string_view text, bool allowFinalPeriod = false);
// A list of personal names ("A. Name, B. Name and C. Name", "斯科特·里德、…等人").
bool isAuthorLike(std::string_view text);
// A short line that names a part of the digest ("其他", "Other papers", "本周 10 篇 NLP 精选论文是:").
bool isOthersHeading(std::string_view text);
bool endsWithColon(std::string_view text);

struct ParsedAuthors {
    std::vector<std::string> names;
    bool truncated = false;
};
// "By X, Y and Z et al." / "作者:X、Y 等" / "(from X, Y)" -> names as written.
ParsedAuthors parseAuthors(std::string_view text);

// Link key for a URL: arxiv/pdf/openreview/code/doi by host, else from the label ("代码" -> code), else "".
std::string linkKeyFor(std::string_view url, std::string_view label);
bool isImageUrl(std::string_view url);

}  // namespace papertide::import
