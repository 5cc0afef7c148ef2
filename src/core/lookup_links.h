// Look-up links for a paper the data cannot link to: title searches on arXiv, Semantic Scholar and Google
// Scholar, labelled as searches (never presented as the paper itself; the format never invents paper URLs).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace papertide::core {

struct LookupLink {
    std::string key;    // "search-arxiv", "search-semantic-scholar", "search-google-scholar" (for translated labels)
    std::string label;  // "Search arXiv", ...
    std::string url;
};

// True when the paper has an arXiv id or a link that leads to the paper itself (arxiv, paper, pdf,
// openreview, doi, acl, proceedings, ...): a code or project link alone does not count.
bool hasPaperLink(const Paper& paper);
// The title searches, or nothing when hasPaperLink(paper) or the title is empty.
std::vector<LookupLink> lookupLinks(const Paper& paper);
// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 byte by byte), for a query value.
std::string encodeQueryValue(std::string_view text);

}  // namespace papertide::core
