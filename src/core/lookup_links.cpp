// Look-up links: which papers need them, and the search URLs built from the title.
#include "core/lookup_links.h"

#include <algorithm>

namespace papertide::core {

namespace {

// Link keys that name the paper itself (its abstract page, PDF, review page or publisher page).
constexpr std::string_view kPaperLinkNames[] = {"acl",   "acm",       "arxiv",   "biorxiv",     "doi",     "ieee",
                                                "journal", "medrxiv", "nature",  "openreview",  "paper",   "pdf",
                                                "pmlr",  "proceedings", "publisher", "science", "springer"};

}  // namespace

bool hasPaperLink(const Paper& paper) {
    if (paper.id.rfind("arxiv:", 0) == 0) return true;
    return std::any_of(paper.links.begin(), paper.links.end(), [](const Link& l) {
        return std::find(std::begin(kPaperLinkNames), std::end(kPaperLinkNames), l.name) != std::end(kPaperLinkNames);
    });
}

std::string encodeQueryValue(std::string_view text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::vector<LookupLink> lookupLinks(const Paper& paper) {
    // Whitespace runs (line breaks in a title) become single spaces, so the query reads as typed.
    std::string title;
    bool space = false;
    for (char c : paper.title) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !title.empty();
            continue;
        }
        if (space) title += ' ';
        space = false;
        title += c;
    }
    if (hasPaperLink(paper) || title.empty()) return {};
    const std::string q = encodeQueryValue(title);
    return {
        {"search-arxiv", "Search arXiv", "https://arxiv.org/search/?query=" + q + "&searchtype=title"},
        {"search-semantic-scholar", "Search Semantic Scholar", "https://www.semanticscholar.org/search?q=" + q},
        {"search-google-scholar", "Search Google Scholar", "https://scholar.google.com/scholar?q=" + q},
    };
}

}  // namespace papertide::core
