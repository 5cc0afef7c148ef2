// Where paper entries start: numbered runs, label lines, titles followed by authors or links, and the
// header lines before each ❓Why block. A table of contents that repeats later titles is not a start.
#include "import/entry_starts.h"

#include <unordered_map>

#include "import/entry_extract.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

bool isPaperLinkKey(const std::string& key) {
    return key == "arxiv" || key == "pdf" || key == "openreview" || key == "code" || key == "doi";
}

bool lineHasPaperLink(const ArticleLine& line, const LineInfo& info) {
    for (const ArticleLink& l : line.links)
        if (isPaperLinkKey(linkKeyFor(l.url, l.label))) return true;
    size_t b = 0, e = 0;
    return findUrl(info.rest, 0, b, e) && isPaperLinkKey(linkKeyFor(info.rest.substr(b, e - b), ""));
}

// The title part of a numbered item or heading: before "(from …)", before a flattened paragraph.
std::string itemTitle(std::string_view rest) {
    std::string t(rest);
    size_t from = t.rfind("(from ");
    if (from != std::string::npos && from > 0) t.resize(from);
    size_t cjk = firstCjk(t);
    if (cjk != std::string::npos && cjk > 0 && gluedHeader(std::string_view(t).substr(0, cjk), t.size())) t.resize(cjk);
    std::string glued, authors;
    if (!hasCjk(t) && splitGluedAuthors(t, glued, authors)) t = glued;
    return splitTitles(t).english;
}

}  // namespace

std::string leadingLinkTitle(const ArticleLine& line) {
    if (line.links.empty()) return "";
    const ArticleLink& first = line.links.front();
    if (!isPaperLinkKey(linkKeyFor(first.url, first.label)) || first.label.size() < 8) return "";
    if (!startsWith(line.text, first.label) && !startsWith(line.text, "“" + first.label) && !startsWith(line.text, "\"" + first.label))
        return "";
    return isTitleLike(first.label, true) ? first.label : "";
}

bool evidenceAfter(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t i, size_t end) {
    if (infos[i].rest.find("(from ") != std::string::npos || !arxivIdInText(infos[i].rest).empty() ||
        lineHasPaperLink(lines[i], infos[i]))
        return true;
    for (size_t j = i + 1; j < end && j <= i + 4; ++j) {
        LineKind k = infos[j].kind;
        if (k == LineKind::Number) return false;
        if (k == LineKind::AuthorLabel || k == LineKind::LinkLabel || k == LineKind::Why || k == LineKind::BareUrl)
            return true;
        if (j == i + 1 && k == LineKind::Text && isAuthorLike(lines[j].text)) return true;
        if (j == i + 1 && k == LineKind::Text && isTitleLike(lines[j].text) && hasCjk(infos[i].rest)) return true;
    }
    return false;
}

std::vector<bool> markTableOfContents(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t end) {
    std::vector<bool> toc(lines.size(), false);
    // Where each numbered title last occurs: one pass, so long pages stay linear.
    std::vector<std::string> slugs(end);
    std::unordered_map<std::string, size_t> lastSeen;
    for (size_t k = 0; k < end; ++k)
        if (infos[k].kind == LineKind::Number) {
            slugs[k] = slugify(itemTitle(infos[k].rest));
            if (!slugs[k].empty()) lastSeen[slugs[k]] = k;
        }
    for (size_t i = 0; i < end; ++i) {
        if (infos[i].kind == LineKind::TocMarker) {
            for (size_t j = i + 1; j < end && infos[j].kind == LineKind::Number && infos[j].number == int(j - i); ++j)
                toc[j] = true;
            continue;
        }
        // A run of bare numbered titles whose titles come back later as entries is a table of contents.
        if (infos[i].kind != LineKind::Number || infos[i].number != 1 || toc[i]) continue;
        size_t j = i;
        while (j < end && infos[j].kind == LineKind::Number && infos[j].number == int(j - i + 1)) ++j;
        if (j - i < 3) continue;
        size_t repeated = 0;
        for (size_t k = i; k < j; ++k) {
            auto it = slugs[k].empty() ? lastSeen.end() : lastSeen.find(slugs[k]);
            repeated += it != lastSeen.end() && it->second >= j;
        }
        if (repeated * 2 >= j - i)
            for (size_t k = i; k < j; ++k) toc[k] = true;
        i = j - 1;
    }
    return toc;
}

std::vector<bool> findEntryStarts(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t end,
                                  const std::vector<bool>& toc) {
    std::vector<bool> start(lines.size(), false);
    // 1. Numbered runs (1, 2, 3, … in order): entries when most items carry a title or evidence.
    std::vector<std::vector<size_t>> runs;
    for (size_t i = 0; i < end; ++i) {
        if (infos[i].kind != LineKind::Number || toc[i]) continue;
        if (!runs.empty() && infos[runs.back().back()].number + 1 == infos[i].number) runs.back().push_back(i);
        else runs.push_back({i});
    }
    for (const std::vector<size_t>& run : runs) {
        size_t titled = 0, evidenced = 0, shortItems = 0;
        for (size_t i : run) {
            std::string title = itemTitle(infos[i].rest);
            titled += !title.empty() && isTitleLike(title, true);
            evidenced += evidenceAfter(lines, infos, i, end);
            shortItems += infos[i].rest.size() < 200 || infos[i].rest.size() > 300;
        }
        size_t k = run.size();
        bool accept = (titled * 10 >= k * 6 && (k >= 2 || evidenced >= 1)) ||
                      (evidenced * 10 >= k * 6 && shortItems == k);
        if (accept)
            for (size_t i : run) start[i] = true;
    }
    // 2. Label lines, titled headings and bare titles confirmed by the line after them.
    auto recentStart = [&](size_t i, size_t back) {
        for (size_t j = i; j-- > 0 && i - j <= back;)
            if (start[j]) return true;
        return false;
    };
    for (size_t i = 0; i < end; ++i) {
        if (start[i] || toc[i]) continue;
        const LineInfo& info = infos[i];
        if (info.kind == LineKind::TitleLabel) {
            if (!recentStart(i, 2)) start[i] = true;
            continue;
        }
        if (info.kind != LineKind::Text) continue;
        if (!leadingLinkTitle(lines[i]).empty()) {  // "<a href=arxiv…>Title</a>: what it does"
            start[i] = true;
            continue;
        }
        std::string title = splitTitles(lines[i].text).english;
        bool titled = !title.empty() && isTitleLike(title, true) && (!hasCjk(lines[i].text) || lines[i].heading > 0);
        if (!titled) continue;
        if (lines[i].heading > 0 && evidenceAfter(lines, infos, i, end)) {
            start[i] = true;
            continue;
        }
        if (hasCjk(lines[i].text) || !isTitleLike(lines[i].text)) continue;
        if (lineHasPaperLink(lines[i], info)) {
            start[i] = true;
            continue;
        }
        if (i + 1 >= end) continue;
        const LineInfo& next = infos[i + 1];
        bool confirmed = next.kind == LineKind::AuthorLabel ||
                         (next.kind == LineKind::Text && lines[i + 1].heading == 0 && isAuthorLike(lines[i + 1].text)) ||
                         ((next.kind == LineKind::LinkLabel || next.kind == LineKind::BareUrl) &&
                          lineHasPaperLink(lines[i + 1], next));
        if (confirmed && !recentStart(i, 1)) start[i] = true;
    }
    // 3. Each ❓Why block belongs to one paper: a second Why since the last start opens a new entry at
    // the header lines just above it (author line, then a numbered or titled line).
    bool whySeen = false;
    bool anyStart = false;
    for (size_t i = 0; i < end; ++i) {
        if (start[i]) {
            whySeen = false;
            anyStart = true;
        }
        if (infos[i].kind != LineKind::Why) continue;
        if (anyStart && !whySeen) {
            whySeen = true;
            continue;
        }
        size_t s = i;
        auto headerLine = [&](size_t j) {
            const LineInfo& in = infos[j];
            return !start[j] && !toc[j] && lines[j].text.size() < 300 &&
                   (in.kind == LineKind::Text || in.kind == LineKind::AuthorLabel || in.kind == LineKind::Number ||
                    in.kind == LineKind::TitleLabel);
        };
        if (s > 0 && headerLine(s - 1)) {
            --s;
            if (s > 0 && headerLine(s - 1) &&
                (infos[s - 1].kind == LineKind::Number || lines[s - 1].heading > 0 || isTitleLike(lines[s - 1].text) ||
                 infos[s - 1].kind == LineKind::TitleLabel))
                --s;
        }
        start[s] = true;
        anyStart = true;
        whySeen = true;
    }
    return start;
}

}  // namespace papertide::import
