// Finds the paper entries of an article's lines and their fields, plus the digest's frame: intro, news,
// sections, references, sign-off. Pure std; no ids, topics or JSON yet (draft_builder.cpp does those).
#pragma once
#include <string>
#include <vector>

#include "import/article_text.h"
#include "import/line_classify.h"

namespace papertide::import {

struct DraftLink {
    std::string key;
    std::string url;
};

struct DraftEntry {
    size_t line = 0;     // the entry's first line (index into the article's lines)
    size_t section = 0;  // index into ExtractedArticle::sections
    std::string title;   // English title as printed ("" when the page gives none)
    std::string titleZh;
    std::vector<std::string> authors;
    bool authorsTruncated = false;
    std::vector<DraftLink> links;
    std::string arxivId;
    std::string summary, why, insight;
    std::vector<std::string> warnings;
    bool weak = false;  // found by weak evidence only (e.g. a 《title》 in an "others" paragraph)
};

struct DraftSection {
    std::string id;
    std::string title;  // "" = not named on the page
};

struct DraftReference {
    std::string label, text, url;
};

struct ExtractedArticle {
    std::string titleCandidate;  // the page's own title line, if one was recognised
    std::string head;            // the first lines joined: where dates and outlets are looked for
    std::string intro;
    std::vector<std::string> news;
    std::vector<DraftSection> sections;
    std::vector<DraftEntry> entries;
    std::vector<DraftReference> references;
    std::string signOff;  // "作者:X" after the last entry: the digest's author
    std::string pageUrl;  // a URL after the entries that is no paper's: the page's own address
    std::vector<std::string> warnings;
};

ExtractedArticle extractArticle(const std::vector<ArticleLine>& lines);

// --- steps, exposed for entry_fields.cpp and the unit tests -------------------------------------------
struct TitleParts {
    std::string english, chinese;
};
// "LLaMA: Open and Efficient…", "灵活行为合成的扩散规划 | 项目页面 | 代码", "中文 (English Title)".
TitleParts splitTitles(std::string_view text);
// "Autoregressive Diffusion ModelsEmiel Hoogeboom, Alexey A. Gritsenko." -> title and the glued names,
// or false when no name list is glued to the end.
bool splitGluedAuthors(std::string_view header, std::string& title, std::string& authors);
// Fills one entry from its lines [begin, end): header (title, authors, links) then body.
void fillEntry(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t begin,
               size_t end, DraftEntry& entry);
void addLink(DraftEntry& entry, std::string key, const std::string& url);
// "Title + authors." then the first paragraph on one line (a flattened page): is `latinPrefix`, the text
// before the first Chinese character, such a header?
bool gluedHeader(std::string_view latinPrefix, size_t lineSize);
// The English title leading a bullet item ("- Title (https://…) shows …"), or "".
std::string bulletTitle(std::string_view bullet);

}  // namespace papertide::import
