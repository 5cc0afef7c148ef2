#include "core/paper_details.h"

#include <algorithm>

#include "core/text.h"

namespace papertide::core {

namespace {

// Escapes the characters BibTeX treats specially; keeps UTF-8 as is (biber and modern bibtex read it).
std::string bibtexEscape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '{' || c == '}' || c == '%' || c == '&' || c == '#' || c == '$' || c == '_') out += '\\';
        if (c == '\n' || c == '\r') c = ' ';
        out += c;
    }
    return out;
}

std::string citationKey(const Corpus& corpus, const Paper& p, int year) {
    std::string key;
    if (!p.authors.empty()) {
        std::string name = foldForSearch(corpus.authors[p.authors.front()].name);
        size_t space = name.find_last_of(' ');
        for (char c : name.substr(space == std::string::npos ? 0 : space + 1))
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    }
    if (key.empty()) key = "paper";
    key += std::to_string(year);  // the entry's year field, so key and year agree
    for (char c : foldForSearch(p.title)) {
        if (c >= 'a' && c <= 'z') key += c;
        else if (!key.empty() && key.back() != '-' && c == ' ' && key.size() > 8) break;
    }
    return key;
}

}  // namespace

std::string bibtexEntry(const Corpus& corpus, PaperIndex paper) {
    const Paper& p = corpus.papers[paper];
    bool arxiv = p.id.rfind("arxiv:", 0) == 0;
    std::string authors;
    for (AuthorIndex a : p.authors) authors += (authors.empty() ? "" : " and ") + bibtexEscape(corpus.authors[a].name);
    if (p.authorsTruncated) authors += authors.empty() ? "others" : " and others";
    std::string url;
    for (const char* preferred : {"arxiv", "openreview", "pdf", "project", "code"})
        for (const Link& l : p.links)
            if (url.empty() && l.name == preferred) url = l.url;
    if (url.empty() && !p.links.empty()) url = p.links.front().url;
    // arXiv ids start with the submission year; otherwise the digest's year is the best we know.
    int year = arxiv && p.id.size() > 8 ? 2000 + (p.id[6] - '0') * 10 + (p.id[7] - '0') : p.firstMonth / 12;
    std::string out = "@misc{" + citationKey(corpus, p, year) + ",\n";
    out += "  title = {{" + bibtexEscape(p.title) + "}},\n";
    if (!authors.empty()) out += "  author = {" + authors + "},\n";
    out += "  year = {" + std::to_string(year) + "},\n";
    if (arxiv) {
        out += "  eprint = {" + p.id.substr(6) + "},\n";
        out += "  archivePrefix = {arXiv},\n";
    }
    if (!url.empty()) out += "  url = {" + url + "},\n";
    out += "  note = {Recommended in " + bibtexEscape(corpus.digests[corpus.appearances[p.appearances.front()].digest].title) +
           " (" + formatMonth(p.firstMonth) + ")}\n}\n";
    return out;
}

}  // namespace papertide::core
