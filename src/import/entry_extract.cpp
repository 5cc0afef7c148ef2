// extractArticle: cuts the article into its frame (intro, news, sections, references, sign-off) and its
// paper entries, whose fields entry_fields.cpp fills.
#include "import/entry_extract.h"

#include <unordered_map>

#include "import/entry_starts.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

enum class Event { None, Start, Section, References, SignOff };

std::string withoutColon(std::string_view t) {
    std::string s = trimSpace(t);
    while (endsWithColon(s)) s = trimSpace(std::string_view(s).substr(0, s.size() - (endsWith(s, ":") ? 1 : 3)));
    if (endsWith(s, "是")) s = trimSpace(std::string_view(s).substr(0, s.size() - 3));
    return s;
}

std::string sectionIdFor(const std::string& title, std::unordered_map<std::string, int>& taken) {
    std::string base = isOthersHeading(title) ? "others" : slugify(title, 30);
    // Digits alone ("本周 10 篇 NLP 精选论文" -> "10-nlp") name nothing: keep the words.
    std::string words;
    for (size_t at = 0; at < base.size();) {
        size_t dash = base.find('-', at);
        std::string part = base.substr(at, dash == std::string::npos ? std::string::npos : dash - at);
        bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
        if (!digits && !part.empty()) words += (words.empty() ? "" : "-") + part;
        at = dash == std::string::npos ? base.size() : dash + 1;
    }
    if (words.empty()) words = "section";
    int& count = taken[words];
    ++count;
    return count == 1 ? words : words + "-" + std::to_string(count);
}

bool looksLikeTitleLine(std::string_view t) {
    if (t.size() < 6 || t.size() > 200 || endsWith(t, "。") || t.find("->") != std::string_view::npos) return false;
    for (std::string_view k : {"论文", "Paper", "paper", "Radio", "推荐", "精选", "Trends", "Digest", "周报", "月报", "Weekly",
                               "Monthly", "趋势", "必读", "Top "})
        if (t.find(k) != std::string_view::npos) return true;
    return false;
}

std::string cleanTitle(std::string t) {
    t = trimSpace(t);
    while (endsWith(t, "|")) t = trimSpace(std::string_view(t).substr(0, t.size() - 1));
    if (startsWith(t, "[") && t.find(']') != std::string::npos && t.find(']') + 1 < t.size())
        t = trimSpace(std::string_view(t).substr(t.find(']') + 1));
    return t;
}

std::string stripBullet(std::string_view t) {
    for (std::string_view b : {"- ", "• ", "* ", "· ", "● ", "▪ ", "◆ ", "•", "●"})
        if (startsWith(t, b)) return trimSpace(t.substr(b.size()));
    return std::string(t);
}

}  // namespace

ExtractedArticle extractArticle(const std::vector<ArticleLine>& lines) {
    ExtractedArticle out;
    const size_t n = lines.size();
    std::vector<LineInfo> infos(n);
    for (size_t i = 0; i < n; ++i) infos[i] = classifyLine(lines[i]);

    size_t end = n;
    bool evidence = false;
    for (size_t i = 0; i < n && end == n; ++i) {
        LineKind k = infos[i].kind;
        evidence = evidence || k == LineKind::Number || k == LineKind::Why || k == LineKind::AuthorLabel || k == LineKind::LinkLabel;
        if (k == LineKind::EndMarker && evidence) end = i;
    }
    // "[1] Title" followed by its authors or links is a numbered entry, not a reference (until a
    // references heading says otherwise).
    for (size_t i = 0; i + 1 < end; ++i) {
        if (infos[i].kind == LineKind::ReferencesMarker) break;
        const LineInfo& next = infos[i + 1];
        if (infos[i].kind == LineKind::Reference &&
            (next.kind == LineKind::AuthorLabel || next.kind == LineKind::LinkLabel || next.kind == LineKind::BareUrl ||
             next.kind == LineKind::Why || (next.kind == LineKind::Text && isAuthorLike(lines[i + 1].text))))
            infos[i].kind = LineKind::Number;
    }
    std::vector<bool> toc = markTableOfContents(lines, infos, end);
    std::vector<bool> start = findEntryStarts(lines, infos, end, toc);

    for (size_t i = 0; i < n && i < 40 && !start[i]; ++i) out.head += lines[i].text + "\n";

    // Events in line order; sections, references and the sign-off close the entry before them.
    std::vector<Event> events(n, Event::None);
    size_t firstStart = n, lastStart = n;
    for (size_t i = 0; i < end; ++i)
        if (start[i]) {
            events[i] = Event::Start;
            if (firstStart == n) firstStart = i;
            lastStart = i;
        }
    out.sections.push_back({"main", ""});
    std::unordered_map<std::string, int> sectionIds{{"main", 1}};
    bool inOthers = false;
    size_t refsAt = end;
    for (size_t i = 0; i < end; ++i) {
        const LineInfo& info = infos[i];
        if (start[i]) continue;
        if (info.kind == LineKind::ReferencesMarker && i > firstStart) {
            refsAt = i;
            events[i] = Event::References;
            break;
        }
        if (info.kind == LineKind::Reference && info.number == 1 && i > lastStart) {
            refsAt = i;
            events[i] = Event::References;
            break;
        }
        if (info.kind == LineKind::AuthorLabel && lastStart != n && i > lastStart + 3) {
            events[i] = Event::SignOff;
            out.signOff = trimSpace(info.rest);
            while (endsWith(out.signOff, "|")) out.signOff = trimSpace(out.signOff.substr(0, out.signOff.size() - 1));
            end = i;
            break;
        }
        const std::string& t = lines[i].text;
        bool nextStartsList = false;
        for (size_t j = i + 1; j < end && j <= i + 2; ++j)
            if (start[j]) {
                nextStartsList = infos[j].kind == LineKind::Number && infos[j].number == 1;
                break;
            }
        bool others = isOthersHeading(t);
        bool named = t.size() <= 90 && (endsWithColon(t) || lines[i].heading > 0) && nextStartsList;
        if (others || named || (lines[i].heading > 0 && t.size() <= 90 && i + 1 < end && start[i + 1])) {
            if (i < firstStart) {
                out.sections[0].title = withoutColon(t);
                continue;
            }
            std::string title = withoutColon(t);
            out.sections.push_back({sectionIdFor(title, sectionIds), title});
            events[i] = Event::Section;
            inOthers = others;
            continue;
        }
        // In an "others" part, each 《English title》 paragraph is an entry of its own.
        if (inOthers && (info.kind == LineKind::Text || info.kind == LineKind::Bullet)) {
            size_t open = t.find("《"), close = t.find("》");
            bool quoted = open != std::string::npos && close != std::string::npos && close > open &&
                          !splitTitles(t.substr(open, close + 3 - open)).english.empty();
            if (quoted || (info.kind == LineKind::Bullet && !bulletTitle(t).empty())) {
                start[i] = true;
                events[i] = Event::Start;
                lastStart = i;
            }
        }
    }

    // Entries: from each start to the next event.
    size_t section = 0;
    for (size_t i = 0; i < end; ++i) {
        if (events[i] == Event::Section) ++section;
        if (events[i] == Event::References) break;
        if (events[i] != Event::Start) continue;
        size_t stop = i + 1;
        while (stop < end && events[stop] == Event::None) ++stop;
        // A URL that no paper owns just before the sign-off or the references is the page's own address.
        while (stop > i + 1 && (infos[stop - 1].kind == LineKind::BareUrl || infos[stop - 1].kind == LineKind::Chrome) &&
               (stop >= end || events[stop] != Event::Start)) {
            if (infos[stop - 1].kind == LineKind::BareUrl) {
                if (!linkKeyFor(lines[stop - 1].text, "").empty()) break;
                if (out.pageUrl.empty()) out.pageUrl = lines[stop - 1].text;
            }
            --stop;
        }
        DraftEntry entry;
        entry.section = section;
        entry.weak = (infos[i].kind == LineKind::Text && !isTitleLike(lines[i].text, true) &&
                      lines[i].text.find("《") != std::string::npos) ||
                     infos[i].kind == LineKind::Bullet;
        fillEntry(lines, infos, i, stop, entry);
        out.entries.push_back(std::move(entry));
        if (out.entries.size() >= 2000) break;
    }
    std::vector<bool> used(out.sections.size(), false);
    for (const DraftEntry& e : out.entries) used[e.section] = true;
    size_t empty = 0;
    for (size_t s = 1; s < out.sections.size(); ++s)
        if (!used[s] && ++empty <= 5) out.warnings.push_back("section \"" + clip(out.sections[s].title, 60) + "\" has no papers");

    // The frame before the first entry: the page title, intro paragraphs and news bullets.
    size_t frameEnd = std::min(firstStart, refsAt);
    for (size_t i = 0; i < frameEnd; ++i) {
        const ArticleLine& line = lines[i];
        LineKind k = infos[i].kind;
        if (k == LineKind::Chrome || k == LineKind::TocMarker || k == LineKind::EndMarker || toc[i]) continue;
        if (out.titleCandidate.empty() && i < 40 && (line.heading == 1 || (line.heading == 0 && looksLikeTitleLine(line.text)))) {
            out.titleCandidate = cleanTitle(line.text);
            continue;
        }
        if (out.sections[0].title == withoutColon(line.text)) continue;
        if (k == LineKind::Bullet) {
            out.news.push_back(stripBullet(line.text));
            continue;
        }
        bool sentence = line.text.size() >= 60 || endsWith(line.text, "。") || endsWith(line.text, ":") ||
                        endsWith(line.text, "：") || endsWith(line.text, "!") || endsWith(line.text, "?") || endsWith(line.text, ".");
        if (sentence && line.heading == 0) out.intro += (out.intro.empty() ? "" : "\n") + line.text;
    }
    // References: "[N] text" lines; a paper URL right after one is its link.
    for (size_t i = refsAt + (refsAt < end && infos[refsAt].kind == LineKind::ReferencesMarker ? 1 : 0); i < end; ++i) {
        const LineInfo& info = infos[i];
        if (info.kind == LineKind::Reference) {
            out.references.push_back({info.label, info.rest, ""});
        } else if (info.kind == LineKind::BareUrl) {
            std::string url = trimSpace(lines[i].text);
            if (!out.references.empty() && out.references.back().url.empty() && !linkKeyFor(url, "").empty())
                out.references.back().url = url;
            else if (out.pageUrl.empty()) out.pageUrl = url;
        } else if (info.kind == LineKind::AuthorLabel) {
            out.signOff = trimSpace(info.rest);
            while (endsWith(out.signOff, "|")) out.signOff = trimSpace(out.signOff.substr(0, out.signOff.size() - 1));
            break;
        } else if (info.kind != LineKind::Chrome && !out.references.empty() && info.kind == LineKind::Text &&
                   lines[i].text.size() < 400 && out.warnings.size() < 20) {
            out.warnings.push_back("line after the references not kept: \"" + clip(lines[i].text, 60) + "\"");
        }
    }
    return out;
}

}  // namespace papertide::import
