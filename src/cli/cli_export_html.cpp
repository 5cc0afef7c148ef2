// papertide export-html: the whole corpus as one plain, script-free HTML page (build/web/papers.html):
// every digest (title, month, source, intro, news, references) and every paper it lists (titles,
// authors, links, topics, the digest's own text). It is the web site's fallback without WebGL2 or
// WebAssembly, and what screen readers and search engines read. All corpus text is escaped; the output
// is deterministic (no dates), so an unchanged corpus gives byte-identical files.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_common.h"
#include "core/lookup_links.h"

namespace papertide::cli {

namespace {

// Text and attribute values: & < > " ' escaped; C0 controls (but tab and newline) and DEL dropped,
// since HTML forbids them and the corpus format does not use them.
void appendEscaped(std::string& out, std::string_view text) {
    for (char ch : text) {
        switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
            if ((static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t') || ch == 0x7F) break;
            out += ch;
        }
    }
}

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    appendEscaped(out, text);
    return out;
}

// "a\nb" -> <p>a</p><p>b</p> (the corpus joins paragraphs with one newline); empty lines are skipped.
void appendParagraphs(std::string& out, std::string_view text, std::string_view cls = {}) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            out += cls.empty() ? "<p>" : "<p class=\"" + std::string(cls) + "\">";
            appendEscaped(out, line);
            out += "</p>\n";
        }
        start = end + 1;
    }
}

void appendLink(std::string& out, const std::string& url, std::string_view label) {
    out += "<a href=\"";
    appendEscaped(out, url);
    out += "\">";
    appendEscaped(out, label);
    out += "</a>";
}

std::string digestAnchor(const core::Digest& d) { return "digest-" + d.id; }
std::string paperAnchor(const core::Digest& d, const core::Appearance& a) {
    return "p-" + d.id + "-" + std::to_string(a.rank + 1);
}

constexpr const char* kStyle = R"css(
  :root { color-scheme: light dark; }
  body { margin: 0 auto; max-width: 52em; padding: 1em 1.2em 3em; line-height: 1.6;
         font-family: system-ui, "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
  header, nav, footer { border-bottom: 1px solid #8884; padding-bottom: 0.6em; margin-bottom: 1em; }
  footer { border: 0; border-top: 1px solid #8884; padding-top: 0.6em; font-size: 0.9em; }
  .note { display: none; border: 1px solid #c96; border-radius: 6px; padding: 0.5em 0.8em; }
  .note:target { display: block; }
  .meta, .authors, .links, .also { margin: 0.2em 0; font-size: 0.92em; opacity: 0.85; }
  .digest { margin-top: 2.5em; }
  .paper { margin: 1.2em 0 1.6em; padding-left: 0.8em; border-left: 3px solid #8886; }
  .paper h4 { margin: 0.2em 0; font-size: 1.05em; }
  .title-zh { margin: 0; }
  .label { font-weight: 600; }
  a { overflow-wrap: anywhere; }
)css";

std::string renderPage(const core::Corpus& c) {
    std::string out;
    out.reserve(1 << 20);
    const std::string firstMonth = c.digests.empty() ? "" : core::formatMonth(c.firstMonth);
    const std::string lastMonth = c.digests.empty() ? "" : core::formatMonth(c.lastMonth);
    const std::string counts = std::to_string(c.digests.size()) + " 期摘要 · " + std::to_string(c.papers.size()) +
                               " 篇论文" + (c.digests.empty() ? "" : " · " + firstMonth + " – " + lastMonth);

    out += "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           // No scripts at all; the inline <style> below is the only exception to 'self'.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src 'self' data:; base-uri 'none'; form-action 'none'\">\n"
           "<title>Papertide 论文潮 · 全部论文 (All papers)</title>\n"
           "<meta name=\"description\" content=\"";
    appendEscaped(out, "论文潮：中文 AI 研究月度摘要中的全部论文（" + counts +
                           "）。Every paper of Papertide's Chinese AI-research digests.");
    out += "\">\n<link rel=\"icon\" href=\"data:,\">\n<style>";
    out += kStyle;
    out += "</style>\n</head>\n<body>\n<header>\n<h1>Papertide 论文潮 · 全部论文</h1>\n<p>";
    appendEscaped(out, counts);
    out += "。这是语料的纯 HTML 版本，适用于屏幕阅读器、搜索引擎和无法运行交互式浏览器的环境。"
           "<br><span lang=\"en\">The plain-HTML version of the corpus: every digest and every paper it lists.</span></p>\n"
           "<p><a href=\"index.html\">打开交互式浏览器 · Open the interactive explorer</a></p>\n"
           "<p class=\"note\" id=\"unsupported\">此浏览器无法运行交互式浏览器（需要 WebAssembly 和 WebGL 2），"
           "以下是同样的内容。<br><span lang=\"en\">This browser cannot run the interactive explorer "
           "(it needs WebAssembly and WebGL 2); here is the same content.</span></p>\n</header>\n";

    // Contents.
    out += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">目录 · Contents</h2>\n<ol>\n";
    for (const core::Digest& d : c.digests) {
        out += "<li><a href=\"#";
        appendEscaped(out, digestAnchor(d));
        out += "\">";
        appendEscaped(out, core::formatMonth(d.month) + " · " + d.title);
        out += "</a> (" + std::to_string(d.appearances.size()) + " 篇)</li>\n";
    }
    out += "</ol>\n</nav>\n<main>\n";

    for (const core::Digest& d : c.digests) {
        out += "<article class=\"digest\" id=\"";
        appendEscaped(out, digestAnchor(d));
        out += "\"";
        if (!d.language.empty()) {
            out += " lang=\"";
            appendEscaped(out, d.language);
            out += "\"";
        }
        out += ">\n<h2>";
        appendEscaped(out, d.title);
        out += "</h2>\n<p class=\"meta\">月份 ";
        appendEscaped(out, core::formatMonth(d.month));
        if (!d.published.empty()) out += " · 发布 " + esc(d.published);
        out += " · 来源 " + esc(d.source);
        if (!d.author.empty()) out += " · 作者 " + esc(d.author);
        for (size_t i = 0; i < d.editors.size(); ++i) out += (i == 0 ? " · 编辑 " : "、") + esc(d.editors[i]);
        if (!d.url.empty()) {
            out += " · ";
            appendLink(out, d.url, "原文 (source page)");
        }
        out += "</p>\n";
        appendParagraphs(out, d.intro, "intro");

        if (!d.news.empty()) {
            out += "<h3>新闻 · News</h3>\n<ul>\n";
            for (const core::NewsItem& n : d.news) {
                out += "<li>";
                appendEscaped(out, n.text);
                for (const core::Link& l : n.links) {
                    out += " ";
                    appendLink(out, l.url, l.name.empty() ? l.url : l.name);
                }
                out += "</li>\n";
            }
            out += "</ul>\n";
        }

        // Papers, grouped by the digest's sections in the digest's own order.
        for (uint32_t s = 0; s < d.sections.size(); ++s) {
            bool any = false;
            for (core::AppearanceIndex ai : d.appearances) any = any || c.appearances[ai].section == s;
            if (!any) continue;
            out += "<section>\n<h3>";
            appendEscaped(out, d.sections[s].title);
            out += "</h3>\n";
            for (core::AppearanceIndex ai : d.appearances) {
                const core::Appearance& a = c.appearances[ai];
                if (a.section != s) continue;
                const core::Paper& p = c.papers[a.paper];
                out += "<article class=\"paper\" id=\"";
                appendEscaped(out, paperAnchor(d, a));
                out += "\">\n<h4 lang=\"en\">";
                appendEscaped(out, p.title);
                out += "</h4>\n";
                if (!a.titleZh.empty()) {
                    out += "<p class=\"title-zh\">";
                    appendEscaped(out, a.titleZh);
                    out += "</p>\n";
                }
                out += "<p class=\"authors\"><span class=\"label\">作者 · Authors:</span> ";
                if (p.authors.empty()) out += "—";
                for (size_t i = 0; i < p.authors.size(); ++i) {
                    if (i) out += ", ";
                    appendEscaped(out, c.authors[p.authors[i]].name);
                }
                if (p.authorsTruncated) out += " 等 (et al.)";
                out += "</p>\n<p class=\"meta\">月份 ";
                appendEscaped(out, core::formatMonth(a.month));
                out += " · 主题 · Topics: ";
                bool first = true;
                for (core::TopicIndex t = 0; t < c.topics.size(); ++t) {
                    if (!(p.topics & (core::TopicMask(1) << t))) continue;
                    out += first ? "" : ", ";
                    first = false;
                    appendEscaped(out, c.topics[t].labelZh + " (" + c.topics[t].labelEn + ")");
                }
                if (first) out += "—";
                if (p.topicsInferred) out += " (推断 · inferred)";
                out += " · <code>";
                appendEscaped(out, p.id);
                out += "</code></p>\n";
                if (!p.links.empty()) {
                    out += "<p class=\"links\"><span class=\"label\">链接 · Links:</span> ";
                    for (size_t i = 0; i < p.links.size(); ++i) {
                        if (i) out += " · ";
                        appendLink(out, p.links[i].url, p.links[i].name);
                    }
                    out += "</p>\n";
                }
                // No link to the paper itself: title searches, labelled as searches (not as the paper).
                if (std::vector<core::LookupLink> lookup = core::lookupLinks(p); !lookup.empty()) {
                    out += "<p class=\"links lookup\"><span class=\"label\">查找 · Look up (title search):</span> ";
                    for (size_t i = 0; i < lookup.size(); ++i) {
                        if (i) out += " · ";
                        appendLink(out, lookup[i].url, lookup[i].label);
                    }
                    out += "</p>\n";
                }
                appendParagraphs(out, a.summary);
                if (!a.why.empty()) {
                    out += "<p><span class=\"label\">为什么 · Why:</span></p>\n";
                    appendParagraphs(out, a.why);
                }
                if (!a.insight.empty()) {
                    out += "<p><span class=\"label\">关键见解 · Key insight:</span></p>\n";
                    appendParagraphs(out, a.insight);
                }
                // The other digests that picked the same paper.
                std::string also;
                for (core::AppearanceIndex other : p.appearances) {
                    if (other == ai) continue;
                    const core::Appearance& o = c.appearances[other];
                    const core::Digest& od = c.digests[o.digest];
                    also += also.empty() ? "" : " · ";
                    also += "<a href=\"#" + esc(paperAnchor(od, o)) + "\">" +
                            esc(core::formatMonth(od.month) + " " + od.title) + "</a>";
                }
                if (!also.empty()) out += "<p class=\"also\"><span class=\"label\">也见于 · Also in:</span> " + also + "</p>\n";
                out += "</article>\n";
            }
            out += "</section>\n";
        }

        if (!d.references.empty()) {
            out += "<h3>参考文献 · References</h3>\n<ul>\n";
            for (const core::Reference& r : d.references) {
                out += "<li>";
                if (!r.label.empty()) out += esc(r.label) + " ";
                appendEscaped(out, r.text);
                if (!r.url.empty()) {
                    out += " ";
                    appendLink(out, r.url, r.url);
                }
                out += "</li>\n";
            }
            out += "</ul>\n";
        }
        out += "</article>\n";
    }

    out += "</main>\n<footer>\n<p>由 <code>papertide export-html</code> 从语料生成 · Generated by "
           "<code>papertide export-html</code> from the corpus. <a href=\"index.html\">Papertide 论文潮</a></p>\n"
           "</footer>\n</body>\n</html>\n";
    return out;
}

// Writes via a temporary file and a rename, so readers never see half a page.
bool writeFile(const std::string& path, const std::string& text, std::string& error) {
    if (path == "-") {
        if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
            error = "cannot write to stdout";
            return false;
        }
        return true;
    }
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = "cannot write " + tmp;
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace

int runExportHtml(ArgScanner& args, const std::string& defaultDataDir) {
    std::string dataDir = defaultDataDir, out, error;
    while (!args.done()) {
        std::string value;
        if (args.option("--data", value, error)) dataDir = value;
        else if (args.option("--out", value, error)) out = value;
        else return usageError("export-html", "unexpected argument " + args.peek());
        if (!error.empty()) return usageError("export-html", error);
    }
    if (out.empty()) return usageError("export-html", "--out FILE is required (- for stdout)");
    LoadedCorpus loaded = loadForCli(dataDir, {});
    reportSkipped(loaded);
    if (!loaded.ioErrors.empty() && loaded.corpus.digests.empty()) return kExitUsage;
    if (!writeFile(out, renderPage(loaded.corpus), error)) {
        std::fprintf(stderr, "papertide export-html: %s\n", error.c_str());
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace papertide::cli
