// One entry's fields from its lines: title(s), authors, links in the header; ❓Why, 💡insight, summary below.
#include <algorithm>

#include "core/text.h"
#include "import/entry_extract.h"
#include "import/entry_starts.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Characters a Latin title run may contain (besides letters and digits).
bool isTitleRunChar(char32_t cp) {
    if (cp < 0x80) return cp != '(' && cp != ')' ? (cp >= 0x20) : true;
    return core::isWordChar(cp) || cp == 0x2019 || cp == 0x2013 || cp == 0x2014;
}

std::string trimPunct(std::string s) {
    std::string t = trimSpace(s);
    auto unbalancedClose = [](const std::string& x) {
        return !x.empty() && x.back() == ')' && std::count(x.begin(), x.end(), '(') < std::count(x.begin(), x.end(), ')');
    };
    while (!t.empty() && (std::string_view(",:;-|(").find(t.back()) != std::string_view::npos || unbalancedClose(t)))
        t = trimSpace(t.substr(0, t.size() - 1));
    while (!t.empty() && std::string_view(",:;-|)").find(t.front()) != std::string_view::npos) t = trimSpace(t.substr(1));
    for (std::string_view wide : {"：", "，", "（", "）", "、", "—"}) {
        while (endsWith(t, wide)) t = trimSpace(std::string_view(t).substr(0, t.size() - wide.size()));
        while (startsWith(t, wide)) t = trimSpace(std::string_view(t).substr(wide.size()));
    }
    return t;
}

std::string unquote(std::string t) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"《", "》"}, {"“", "”"}, {"\"", "\""}, {"「", "」"}})
        if (startsWith(t, open) && endsWith(t, close) && t.size() > open.size() + close.size())
            return trimSpace(std::string_view(t).substr(open.size(), t.size() - open.size() - close.size()));
    return t;
}

size_t wordCount(std::string_view s) {
    size_t words = 0;
    bool inWord = false;
    for (char c : s) {
        bool space = c == ' ';
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

void appendParagraph(std::string& field, std::string_view text) {
    if (text.empty()) return;
    if (!field.empty()) field += '\n';
    field += text;
}

// The header line's own text: "(from …)" authors, arXiv ids, the title parts.
void takeHeaderText(std::string_view text, DraftEntry& entry) {
    std::string t = trimSpace(text);
    size_t from = t.rfind("(from ");
    if (from == std::string::npos) from = t.rfind("（from ");
    if (from != std::string::npos && from > 0) {
        ParsedAuthors a = parseAuthors(std::string_view(t).substr(from));
        entry.authors = a.names;
        entry.authorsTruncated = true;  // a weekly's "(from …)" names only some authors
        t = trimSpace(std::string_view(t).substr(0, from));
    }
    std::string id = arxivIdInText(t);
    if (!id.empty()) {
        if (entry.arxivId.empty()) addLink(entry, "arxiv", "https://arxiv.org/abs/" + id);
        // "Title (arXiv:2303.08774)": the id is not part of the title.
        size_t at = t.find(id);
        size_t cut = t.rfind(' ', at);
        size_t open = t.rfind('(', at);
        if (open != std::string::npos && (cut == std::string::npos || open > cut || at - open <= 8)) cut = open;
        size_t close = at + id.size();
        while (close < t.size() && (t[close] == ')' || t[close] == 'v' || (t[close] >= '0' && t[close] <= '9'))) ++close;
        if (cut != std::string::npos && cut > 0) {
            // Text after the id stays a word of its own ("… arXiv:2303.08774us: …" must not glue "us:" on).
            std::string right = t.substr(close);
            t = trimSpace(t.substr(0, cut) + (right.empty() || right[0] == ' ' ? "" : " ") + right);
        }
    }
    std::string gluedTitle, gluedAuthors;
    if (!hasCjk(t) && entry.authors.empty() && splitGluedAuthors(t, gluedTitle, gluedAuthors)) {
        ParsedAuthors a = parseAuthors(gluedAuthors);
        entry.authors = a.names;
        entry.authorsTruncated = a.truncated;
        t = gluedTitle;
    }
    TitleParts parts = splitTitles(t);
    if (entry.title.empty()) entry.title = parts.english;
    if (entry.titleZh.empty()) entry.titleZh = parts.chinese;
}

void takeLineLinks(const ArticleLine& line, DraftEntry& entry) {
    for (const ArticleLink& link : line.links) addLink(entry, linkKeyFor(link.url, link.label), link.url);
}

void takeUrls(std::string_view text, std::string_view label, DraftEntry& entry) {
    size_t b = 0, e = 0;
    for (size_t from = 0; findUrl(text, from, b, e); from = e) {
        std::string url(text.substr(b, e - b));
        addLink(entry, linkKeyFor(url, label), url);
    }
}

}  // namespace

bool gluedHeader(std::string_view latinPrefix, size_t lineSize) {
    std::string prefix = trimSpace(latinPrefix), title, authors;
    if (prefix.empty() || hasCjk(prefix)) return false;
    return lineSize > 300 || endsWith(prefix, ".") || splitGluedAuthors(prefix, title, authors);
}

std::string bulletTitle(std::string_view bullet) {
    std::string t = trimSpace(bullet);
    for (std::string_view b : {"- ", "• ", "* ", "· ", "● ", "▪ ", "◆ ", "•", "●"})
        if (startsWith(t, b)) {
            t = trimSpace(std::string_view(t).substr(b.size()));
            break;
        }
    size_t cut = std::min({t.find(" ("), t.find(" http"), t.find(" - "), t.find(" — "), t.find("（"), firstCjk(t)});
    if (cut != std::string::npos) t = trimSpace(std::string_view(t).substr(0, cut));
    return isTitleLike(t, true) ? t : "";
}

void addLink(DraftEntry& entry, std::string key, const std::string& url) {
    if (isImageUrl(url) || !isBareUrl(url)) return;
    for (const DraftLink& l : entry.links)
        if (l.url == url) return;
    if (key.empty()) {
        key = "link";
        entry.warnings.push_back("kept the unlabelled link " + url + " as \"link\"");
    }
    std::string id = arxivIdFromUrl(url);
    if (!id.empty()) {
        if (entry.arxivId.empty()) entry.arxivId = id;
        else if (entry.arxivId != id) entry.warnings.push_back("two arXiv ids: " + entry.arxivId + " and " + id);
    }
    auto has = [&](std::string_view k) {
        for (const DraftLink& l : entry.links)
            if (l.key == k) return true;
        return false;
    };
    std::string unique = key;
    for (int n = 2; has(unique); ++n) unique = key + "-" + std::to_string(n);
    entry.links.push_back({unique, url});
    // The format adds the abs/pdf pair of a certain arXiv id.
    if (!id.empty() && id == entry.arxivId) {
        if (!has("arxiv")) entry.links.push_back({"arxiv", "https://arxiv.org/abs/" + id});
        if (!has("pdf")) entry.links.push_back({"pdf", "https://arxiv.org/pdf/" + id + ".pdf"});
    }
}

TitleParts splitTitles(std::string_view text) {
    TitleParts parts;
    std::string t = trimSpace(text);
    size_t bar = t.find(" | ");
    if (bar == std::string::npos) bar = t.find('|');
    if (bar != std::string::npos && bar > 0) t = trimSpace(std::string_view(t).substr(0, bar));
    t = unquote(trimPunct(t));
    if (!hasCjk(t)) {
        if (endsWith(t, ".") && !endsWith(t, "al.") && !endsWith(t, "..")) t.pop_back();
        parts.english = trimSpace(t);
        return parts;
    }
    // The longest run of Latin text is the English title when it is more than a word or two.
    size_t bestBegin = 0, bestEnd = 0;
    for (size_t pos = 0; pos < t.size();) {
        size_t start = pos;
        char32_t cp = core::decodeUtf8(t, pos);
        if (!isTitleRunChar(cp) || !(core::isWordChar(cp))) continue;
        size_t end = pos;
        while (end < t.size()) {
            size_t next = end;
            char32_t c = core::decodeUtf8(t, next);
            if (!isTitleRunChar(c)) break;
            end = next;
        }
        if (end - start > bestEnd - bestBegin) bestBegin = start, bestEnd = end;
        pos = end;
    }
    std::string run = trimPunct(t.substr(bestBegin, bestEnd - bestBegin));
    size_t words = wordCount(run);
    if (words >= 3 || (words == 2 && run.find(':') != std::string::npos)) {
        parts.english = unquote(run);
        std::string rest = t.substr(0, bestBegin) + t.substr(bestEnd);
        for (std::string_view empty : {"()", "（）", "《》", "“”", "[]", "【】"})
            for (size_t at = rest.find(empty); at != std::string::npos; at = rest.find(empty)) rest.erase(at, empty.size());
        parts.chinese = unquote(trimPunct(rest));
        if (!hasCjk(parts.chinese)) parts.chinese.clear();
    } else {
        parts.chinese = t;
    }
    return parts;
}

bool splitGluedAuthors(std::string_view header, std::string& title, std::string& authors) {
    std::string h = trimSpace(header);
    for (size_t p = 1; p < h.size(); ++p) {
        if (!(isUpper(h[p]) && (isLower(h[p - 1]) || h[p - 1] == ')' || h[p - 1] == '?'))) continue;
        std::string_view rest = std::string_view(h).substr(p);
        if (rest.find(',') == std::string_view::npos && rest.find(" and ") == std::string_view::npos &&
            rest.find('&') == std::string_view::npos)
            continue;
        if (!isAuthorLike(rest)) continue;
        title = trimSpace(std::string_view(h).substr(0, p));
        authors = std::string(rest);
        return wordCount(title) >= 1;
    }
    return false;
}

void fillEntry(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t begin, size_t end,
               DraftEntry& entry) {
    entry.line = begin;
    bool header = true;
    enum { None, InInsight } mode = None;
    for (size_t j = begin; j < end; ++j) {
        const ArticleLine& line = lines[j];
        const LineInfo& info = infos[j];
        if (info.kind == LineKind::Chrome) continue;
        if (header) {
            size_t headerIndex = j - begin;
            bool nextIsWhy = j + 1 < end && infos[j + 1].kind == LineKind::Why;
            if (j == begin && (info.kind == LineKind::Number || info.kind == LineKind::TitleLabel)) {
                std::string rest = info.rest;
                size_t cjk = firstCjk(rest);
                // A flattened page glues "Title + authors + first paragraph" into one long item.
                if (cjk != std::string::npos && cjk > 0 && gluedHeader(rest.substr(0, cjk), rest.size())) {
                    takeHeaderText(rest.substr(0, cjk), entry);
                    appendParagraph(entry.summary, trimSpace(std::string_view(rest).substr(cjk)));
                    header = false;
                } else {
                    takeHeaderText(rest, entry);
                }
                takeLineLinks(line, entry);
                continue;
            }
            if (j == begin && info.kind == LineKind::Bullet) {  // an item of an "others" list
                takeLineLinks(line, entry);
                takeUrls(line.text, "", entry);
                std::string_view text = line.text;
                size_t open = text.find("《"), close = text.find("》");
                std::string titleText = open != std::string_view::npos && close != std::string_view::npos && close > open
                                            ? std::string(text.substr(open, close + 3 - open))
                                            : bulletTitle(text);
                TitleParts p = splitTitles(titleText);
                entry.title = p.english;
                entry.titleZh = p.chinese;
                appendParagraph(entry.summary, line.text);
                header = false;
                continue;
            }
            if (j == begin && info.kind == LineKind::Text) {
                takeLineLinks(line, entry);
                if (std::string linked = leadingLinkTitle(line); !linked.empty()) {
                    takeHeaderText(linked, entry);
                    appendParagraph(entry.summary, line.text);  // the line is also the digest's words about it
                    continue;
                }
                if (isTitleLike(line.text, true) && !(nextIsWhy && isAuthorLike(line.text))) {
                    takeHeaderText(line.text, entry);
                } else if (isAuthorLike(line.text) || (nextIsWhy && line.text.size() < 300)) {
                    ParsedAuthors a = parseAuthors(line.text);
                    entry.authors = a.names;
                    entry.authorsTruncated = a.truncated;
                } else {
                    std::string inner = line.text;
                    size_t open = inner.find("《"), close = inner.find("》");
                    if (open != std::string::npos && close != std::string::npos && close > open) {
                        TitleParts p = splitTitles(inner.substr(open, close + 3 - open));
                        entry.title = p.english;
                        entry.titleZh = p.chinese;
                        appendParagraph(entry.summary, line.text);
                        header = false;
                    } else {
                        takeHeaderText(line.text, entry);
                    }
                }
                continue;
            }
            if (info.kind == LineKind::AuthorLabel && entry.authors.empty()) {
                ParsedAuthors a = parseAuthors(info.rest);
                entry.authors = a.names;
                entry.authorsTruncated = a.truncated;
                continue;
            }
            if (info.kind == LineKind::TitleLabel) {
                takeHeaderText(info.rest, entry);
                continue;
            }
            if (info.kind == LineKind::LinkLabel || info.kind == LineKind::BareUrl) {
                if (!line.links.empty()) takeLineLinks(line, entry);
                else takeUrls(info.rest, info.kind == LineKind::LinkLabel ? info.label : "paper", entry);
                continue;
            }
            if (info.kind == LineKind::Text && headerIndex <= 2 && entry.authors.empty() &&
                (isAuthorLike(line.text) || (nextIsWhy && line.text.size() < 300 && !isTitleLike(line.text)))) {
                ParsedAuthors a = parseAuthors(line.text);
                entry.authors = a.names;
                entry.authorsTruncated = a.truncated;
                continue;
            }
            if (info.kind == LineKind::Text && headerIndex == 1 && entry.title.empty() && isTitleLike(line.text)) {
                takeHeaderText(line.text, entry);
                continue;
            }
            header = false;
        }
        switch (info.kind) {
            case LineKind::Why:
                if (entry.why.empty()) entry.why = info.rest;
                else appendParagraph(entry.summary, line.text);
                mode = None;
                break;
            case LineKind::Insight:
                if (entry.insight.empty()) {
                    entry.insight = info.rest;
                    mode = InInsight;
                } else {
                    appendParagraph(entry.summary, line.text);
                }
                break;
            case LineKind::Bullet:
                appendParagraph(mode == InInsight ? entry.insight : entry.summary, line.text);
                break;
            case LineKind::LinkLabel:
            case LineKind::BareUrl:
                if (!line.links.empty()) takeLineLinks(line, entry);
                else takeUrls(info.rest, info.kind == LineKind::LinkLabel ? info.label : "", entry);
                break;
            default:
                appendParagraph(entry.summary, line.text);
                mode = None;
                break;
        }
    }
}

}  // namespace papertide::import
