// draftDigest: article bytes -> lines -> entries -> a format-1 digest that the core validator accepts.
#include <algorithm>

#include "core/digest_parser.h"
#include "core/month.h"
#include "import/article_import.h"
#include "import/draft_meta.h"
#include "import/draft_papers.h"
#include "import/entry_extract.h"
#include "import/html/html_lines.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

std::string lowerExtension(std::string_view name) {
    size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || name.find('/', dot) != std::string_view::npos) return "";
    std::string ext(name.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
    return ext;
}

bool isHtmlExtension(const std::string& ext) { return ext == "html" || ext == "htm" || ext == "xhtml"; }
bool isMarkdownExtension(const std::string& ext) { return ext == "md" || ext == "markdown"; }

ArticleKind resolveKind(ArticleKind kind, std::string_view fileName, std::string_view text) {
    if (kind != ArticleKind::Auto) return kind;
    std::string ext = lowerExtension(fileName);
    if (isHtmlExtension(ext)) return ArticleKind::Html;
    if (isMarkdownExtension(ext)) return ArticleKind::Markdown;
    std::string head = trimSpace(text.substr(0, 2048));
    for (char& c : head)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (startsWith(head, "<!doctype html") || startsWith(head, "<html") || startsWith(head, "<?xml") ||
        (startsWith(head, "<") && (head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos ||
                                   head.find("<div") != std::string::npos)))
        return ArticleKind::Html;
    return ArticleKind::Text;
}

std::string stem(std::string_view fileName) {
    size_t slash = fileName.find_last_of("/\\");
    std::string_view base = slash == std::string_view::npos ? fileName : fileName.substr(slash + 1);
    size_t dot = base.rfind('.');
    return trimSpace(dot == std::string_view::npos || dot == 0 ? base : base.substr(0, dot));
}

std::string hostOf(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#:"));
    if (startsWith(host, "www.")) host.remove_prefix(4);
    return std::string(host);
}

std::string twoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

void guessMonth(const ImportOptions& options, const ExtractedArticle& article, const std::string& title,
                std::string& month, std::string& published, std::vector<ImportWarning>& warnings) {
    FoundDate d;
    if (!options.month.empty()) {
        month = options.month;
    } else if (findDate(title, d) || findDate(article.head, d)) {
        month = std::to_string(d.year) + "-" + twoDigits(d.month);
        if (d.day > 0) published = month + "-" + twoDigits(d.day);
        if (!core::isValidDate(published)) published.clear();
        warnings.push_back({-1, "month " + month + " taken from a date on the page; check it is the month the digest covers"});
    } else if (int year = findYear(title), m = findBareMonth(article.head); year > 0 && m > 0) {
        month = std::to_string(year) + "-" + twoDigits(m);
        warnings.push_back({-1, "month " + month + " guessed from the year in the title and a day in the text"});
    } else {
        std::vector<std::string> ids;
        for (const DraftEntry& e : article.entries)
            if (!e.arxivId.empty()) ids.push_back(e.arxivId);
        month = monthOfNewestArxivId(ids);
        if (!month.empty()) warnings.push_back({-1, "month " + month + " guessed from the newest arXiv id; pass --month if wrong"});
        else if (!options.today.empty()) {
            month = options.today;
            warnings.push_back({-1, "no date on the page: month set to the current month " + month + "; pass --month"});
        }
    }
}

}  // namespace

bool isArticleFileName(std::string_view fileName) {
    const std::string ext = lowerExtension(fileName);
    return ext == "txt" || ext == "text" || isHtmlExtension(ext) || isMarkdownExtension(ext);
}

ImportDraft draftDigest(std::string_view bytes, std::string_view fileName, ArticleKind kind, const ImportOptions& options,
                        const core::Corpus& corpus) {
    std::string name(fileName.empty() ? "the article" : fileName);
    std::string text, error;
    ImportDraft refused;
    if (!decodeArticle(bytes, text, error)) {
        refused.error = name + " " + error;
        return refused;
    }
    std::vector<ArticleLine> lines;
    if (resolveKind(kind, fileName, text) == ArticleKind::Html) {
        if (!htmlToLines(text, lines, error)) {
            refused.error = name + " " + error;
            return refused;
        }
    } else if (resolveKind(kind, fileName, text) == ArticleKind::Markdown) {
        lines = linesFromMarkdown(text);
    } else {
        lines = linesFromText(text);
    }
    return draftDigestFromLines(std::move(lines), fileName, options, corpus);
}

ImportDraft draftDigestFromLines(std::vector<ArticleLine> lines, std::string_view fileName, const ImportOptions& options,
                                 const core::Corpus& corpus) {
    ImportDraft draft;
    std::string name(fileName.empty() ? "the article" : fileName);
    ExtractedArticle article = extractArticle(unflattenLines(std::move(lines)));
    if (article.entries.empty()) {
        draft.error = name + ": no paper entries found (import looks for numbered titles, 论文/Paper/Title lines, "
                             "English titles followed by authors or links, and ❓Why blocks; see docs/IMPORT.md)";
        return draft;
    }
    if (article.entries.size() >= kMaxEntries)
        draft.warnings.push_back({-1, "more than " + std::to_string(kMaxEntries) + " entries: the rest were left out"});

    std::string title = options.title.empty() ? article.titleCandidate : options.title;
    std::string month, published;
    guessMonth(options, article, title, month, published, draft.warnings);
    if (!core::parseMonth(month)) {
        draft.error = month.empty() ? name + ": no month found on the page; pass --month YYYY-MM"
                                    : "--month \"" + month + "\" is not a month YYYY-MM";
        return draft;
    }
    if (title.empty()) {
        title = month.substr(0, 4) + "年" + std::to_string((month[5] - '0') * 10 + (month[6] - '0')) + "月论文推荐";
        draft.warnings.push_back({-1, "no title found on the page: using \"" + title + "\"; pass --title"});
    }
    std::string source = options.source.empty() ? findSource(article.head) : options.source;
    if (source.empty() && !article.pageUrl.empty()) {
        source = hostOf(article.pageUrl);
        draft.warnings.push_back({-1, "source taken from the page address: \"" + source + "\"; pass --source"});
    }
    if (source.empty()) {
        source = stem(name).empty() ? "unknown" : stem(name);
        draft.warnings.push_back({-1, "no source found on the page: using \"" + source + "\"; pass --source"});
    }
    std::string id = options.id;
    if (id.empty()) {
        std::string s = slugify(source, 24), t = slugify(title, 30);
        id = slugify(month + "-" + (s.empty() ? "import" : s) + (t.empty() ? "" : "-" + t), 72);
        std::string base = id;
        for (int n = 2; corpus.findDigest(id); ++n) id = base + "-" + std::to_string(n);
    } else if (corpus.findDigest(id)) {
        draft.warnings.push_back({-1, "digest id \"" + id + "\" is already in the corpus: adding both is an error"});
    }
    size_t cjk = 0, latin = 0;
    for (const DraftEntry& e : article.entries) {
        ScriptCounts c = countScripts(e.summary + e.why + e.insight + e.titleZh);
        cjk += c.cjk, latin += c.latin;
    }
    ScriptCounts introCounts = countScripts(article.intro);
    cjk += introCounts.cjk, latin += introCounts.latin;

    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["$schema"] = "../schema/digest.schema.json";
    doc["format"] = 1;
    doc["id"] = id;
    doc["month"] = month;
    if (!published.empty()) doc["published"] = published;
    doc["title"] = title;
    doc["source"] = source;
    if (!article.signOff.empty()) doc["author"] = article.signOff;
    doc["language"] = cjk * 4 >= latin ? "zh-Hans" : "en";
    // A URL after the entries is often the original article a repost links to, not the page's own address:
    // it is reported, and "url" is left for the maintainer to set.
    if (!article.pageUrl.empty())
        draft.warnings.push_back({-1, "the article ends with the URL " + article.pageUrl +
                                          " (not kept: set \"url\" if it is this page's own address)"});
    if (!article.intro.empty()) doc["intro"] = clip(article.intro, 200 * 1024);
    if (!article.news.empty()) {
        doc["news"] = nlohmann::ordered_json::array();
        for (const std::string& n : article.news) doc["news"].push_back({{"text", n}});
    }
    // Sections that hold papers, in page order.
    std::vector<std::string> sectionIds(article.sections.size());
    doc["sections"] = nlohmann::ordered_json::array();
    std::vector<bool> used(article.sections.size(), false);
    for (const DraftEntry& e : article.entries) used[e.section] = true;
    for (size_t s = 0; s < article.sections.size(); ++s) {
        if (!used[s]) continue;
        sectionIds[s] = article.sections[s].id;
        std::string sectionTitle = article.sections[s].title.empty() ? (cjk * 4 >= latin ? "论文" : "Papers") : article.sections[s].title;
        doc["sections"].push_back({{"id", sectionIds[s]}, {"title", sectionTitle}});
    }
    CorpusIndex index(corpus);
    doc["papers"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < article.entries.size(); ++i) {
        nlohmann::ordered_json paper;
        bool uncertain = paperJson(article.entries[i], i, sectionIds[article.entries[i].section], id, index, paper, draft.warnings);
        doc["papers"].push_back(std::move(paper));
        draft.uncertain.push_back(uncertain);
    }
    if (!article.references.empty()) {
        doc["references"] = nlohmann::ordered_json::array();
        for (const DraftReference& r : article.references) {
            if (r.text.empty()) continue;
            nlohmann::ordered_json ref = {{"label", r.label}, {"text", r.text}};
            if (!r.url.empty()) ref["url"] = r.url;
            doc["references"].push_back(std::move(ref));
        }
    }
    for (const std::string& w : article.warnings) draft.warnings.push_back({-1, w});

    draft.json = doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    // The draft must pass the same validation as a hand-written digest; anything else is a bug here.
    std::vector<core::Diagnostic> diagnostics;
    if (!core::parseDigest(id + ".json", draft.json, corpus.topicById, diagnostics)) {
        draft.error = name + ": internal error, the draft does not validate:";
        for (const core::Diagnostic& d : diagnostics) draft.error += "\n  " + core::formatDiagnostic(d);
        draft.json.clear();
        return draft;
    }
    draft.ok = true;
    draft.digestId = id;
    draft.paperCount = article.entries.size();
    return draft;
}

}  // namespace papertide::import
