// An article as lines of verbatim text: decoding its bytes (UTF-8/UTF-16, refusing GBK and binary) and
// splitting plain text and Markdown into lines; HTML is turned into the same lines by html/html_lines.h.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace papertide::import {

struct ArticleLink {
    std::string label;  // the anchor text, verbatim
    std::string url;
};

struct ArticleLine {
    std::string text;                // verbatim, trimmed, never empty
    int heading = 0;                 // 1-6 for HTML <h1>-<h6> and Markdown "#" lines, else 0
    int listNumber = 0;              // position in an HTML <ol> (the number is not part of `text`)
    std::vector<ArticleLink> links;  // anchors of the line (HTML <a href>, Markdown [text](url))
};

// Converts the article to UTF-8 without BOM and "\n" line ends. On failure returns false with a message
// that says what the bytes look like and what to do (e.g. GBK -> "convert it to UTF-8 first").
bool decodeArticle(std::string_view bytes, std::string& text, std::string& error);

std::vector<ArticleLine> linesFromText(std::string_view text);
// Markdown: "#" headings, [label](url) links and **emphasis** markers become plain text and ArticleLinks.
std::vector<ArticleLine> linesFromMarkdown(std::string_view text);

// Removes broken-image placeholders ("[外链图片转存失败...(url)]", "[image]") from a line, keeping the rest.
std::string stripImagePlaceholders(std::string_view line);
// A page flattened onto a few very long lines ("1、Title... 2、Title..."): splits such lines before the
// items of an ascending numbered sequence, before bracketed reference labels and around bare URLs.
std::vector<ArticleLine> unflattenLines(std::vector<ArticleLine> lines);

}  // namespace papertide::import
