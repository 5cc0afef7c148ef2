#include "core/exporters.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/paper_details.h"

namespace papertide::core {

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
    if (name == "bibtex" || name == "bib") return ExportFormat::BibTeX;
    if (name == "csv") return ExportFormat::Csv;
    if (name == "json") return ExportFormat::Json;
    if (name == "md" || name == "markdown") return ExportFormat::Markdown;
    return std::nullopt;
}

const char* exportExtension(ExportFormat format) {
    switch (format) {
        case ExportFormat::BibTeX: return ".bib";
        case ExportFormat::Csv: return ".csv";
        case ExportFormat::Json: return ".json";
        case ExportFormat::Markdown: return ".md";
    }
    return ".txt";
}

const char* exportMimeType(ExportFormat format) {
    switch (format) {
        case ExportFormat::BibTeX: return "application/x-bibtex";
        case ExportFormat::Csv: return "text/csv";
        case ExportFormat::Json: return "application/json";
        case ExportFormat::Markdown: return "text/markdown";
    }
    return "text/plain";
}

namespace {

struct PaperFields {
    std::vector<std::string> authors, months, topics, digests, summaries;
};

PaperFields fieldsOf(const Corpus& c, const Paper& p) {
    PaperFields f;
    for (AuthorIndex a : p.authors) f.authors.push_back(c.authors[a].name);
    for (AppearanceIndex ai : p.appearances) {
        const Appearance& a = c.appearances[ai];
        std::string m = formatMonth(a.month);
        if (f.months.empty() || f.months.back() != m) f.months.push_back(m);
        const std::string& digest = c.digests[a.digest].id;  // a paper listed twice in one digest names it once
        if (std::find(f.digests.begin(), f.digests.end(), digest) == f.digests.end()) f.digests.push_back(digest);
        std::string text;
        for (const std::string* s : {&a.why, &a.insight, &a.summary})
            if (!s->empty()) text += (text.empty() ? "" : "\n") + *s;
        f.summaries.push_back(text);
    }
    for (TopicIndex t = 0; t < c.topics.size(); ++t)
        if (p.topics >> t & 1) f.topics.push_back(c.topics[t].id);
    return f;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : std::string(separator)) + s;
    return out;
}

// RFC 4180: quote every field, double the quotes. A leading =, +, -, @, tab or CR is prefixed with ' so that a
// spreadsheet does not run it as a formula.
std::string csvField(std::string_view s) {
    std::string out = "\"";
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) out += '\'';
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

// Markdown: escape what would change the meaning of inline text.
std::string mdText(std::string_view s) {
    std::string out;
    for (char ch : s) {
        if (std::string_view("\\`*_[]<>#|").find(ch) != std::string_view::npos) out += '\\';
        out += ch == '\n' ? ' ' : ch;
    }
    return out;
}

std::string toCsv(const Corpus& c, const std::vector<PaperIndex>& papers) {
    std::string out = "id,title,authors,months,topics,digests,links,summary\r\n";
    for (PaperIndex pi : papers) {
        const Paper& p = c.papers[pi];
        PaperFields f = fieldsOf(c, p);
        std::vector<std::string> links;
        for (const Link& l : p.links) links.push_back(l.name + " " + l.url);
        out += csvField(p.id) + "," + csvField(p.title) + "," + csvField(join(f.authors, "; ")) + "," +
               csvField(join(f.months, "; ")) + "," + csvField(join(f.topics, "; ")) + "," +
               csvField(join(f.digests, "; ")) + "," + csvField(join(links, "; ")) + "," +
               csvField(join(f.summaries, "\n\n")) + "\r\n";
    }
    return out;
}

std::string toJson(const Corpus& c, const std::vector<PaperIndex>& papers) {
    nlohmann::ordered_json out = {{"format", "papertide-export"}, {"version", 1}, {"papers", nlohmann::ordered_json::array()}};
    for (PaperIndex pi : papers) {
        const Paper& p = c.papers[pi];
        PaperFields f = fieldsOf(c, p);
        nlohmann::ordered_json links = nlohmann::ordered_json::object(), appearances = nlohmann::ordered_json::array();
        for (const Link& l : p.links) links[l.name] = l.url;
        for (AppearanceIndex ai : p.appearances) {
            const Appearance& a = c.appearances[ai];
            const Digest& d = c.digests[a.digest];
            appearances.push_back({{"digest", d.id}, {"month", formatMonth(a.month)},
                                   {"section", d.sections.empty() ? "" : d.sections[a.section].id},
                                   {"why", a.why}, {"insight", a.insight}, {"summary", a.summary}});
        }
        out["papers"].push_back({{"id", p.id}, {"title", p.title}, {"authors", f.authors},
                                 {"authors_truncated", p.authorsTruncated}, {"months", f.months}, {"topics", f.topics},
                                 {"links", links}, {"appearances", appearances}});
    }
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string toMarkdown(const Corpus& c, const std::vector<PaperIndex>& papers) {
    std::string out = "# Papertide export\n\n" + std::to_string(papers.size()) + (papers.size() == 1 ? " paper.\n" : " papers.\n");
    for (PaperIndex pi : papers) {
        const Paper& p = c.papers[pi];
        PaperFields f = fieldsOf(c, p);
        out += "\n## " + mdText(p.title) + "\n\n";
        if (!f.authors.empty()) out += "- Authors: " + mdText(join(f.authors, ", ")) + (p.authorsTruncated ? " et al." : "") + "\n";
        out += "- Months: " + join(f.months, ", ") + "\n";
        out += "- Topics: " + join(f.topics, ", ") + "\n";
        for (const Link& l : p.links) out += "- " + mdText(l.name) + ": <" + l.url + ">\n";
        for (size_t i = 0; i < p.appearances.size(); ++i) {
            const Appearance& a = c.appearances[p.appearances[i]];
            if (f.summaries[i].empty()) continue;
            out += "\n> **" + mdText(c.digests[a.digest].title) + "** (" + formatMonth(a.month) + ")\n>\n";
            // The digest's own text is inline text too: escaped line by line, every line kept in the quote.
            const std::string& text = f.summaries[i];
            std::string quoted;
            for (size_t start = 0;;) {
                size_t end = text.find('\n', start);
                std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? text.npos : end - start);
                quoted += (start ? "\n> " : "") + mdText(line);
                if (end == std::string::npos) break;
                start = end + 1;
            }
            out += "> " + quoted + "\n";
        }
    }
    return out;
}

}  // namespace

std::string exportPapers(const Corpus& corpus, const std::vector<PaperIndex>& papers, ExportFormat format) {
    switch (format) {
        case ExportFormat::BibTeX: {
            std::string out;
            for (PaperIndex p : papers) out += bibtexEntry(corpus, p) + "\n";
            return out;
        }
        case ExportFormat::Csv: return toCsv(corpus, papers);
        case ExportFormat::Json: return toJson(corpus, papers);
        case ExportFormat::Markdown: return toMarkdown(corpus, papers);
    }
    return {};
}

}  // namespace papertide::core
