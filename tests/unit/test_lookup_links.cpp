// Look-up links (core/lookup_links.h): which papers get title searches, and their exact, encoded URLs.
#include <string>
#include <vector>

#include "core/json_reader.h"
#include "core/lookup_links.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

Paper paper(const std::string& id, const std::string& title, std::vector<Link> links = {}) {
    Paper p;
    p.id = id;
    p.title = title;
    p.links = std::move(links);
    return p;
}

}  // namespace

TEST_CASE("lookupLinks: three labelled title searches, every reserved character encoded") {
    std::vector<LookupLink> links = lookupLinks(paper("consistency-models", "A+B & C: 扩散/模型?\n  #1"));
    REQUIRE(links.size() == 3);
    const std::string q = "A%2BB%20%26%20C%3A%20%E6%89%A9%E6%95%A3%2F%E6%A8%A1%E5%9E%8B%3F%20%231";
    CHECK(links[0].label == "Search arXiv");
    CHECK(links[0].key == "search-arxiv");
    CHECK(links[0].url == "https://arxiv.org/search/?query=" + q + "&searchtype=title");
    CHECK(links[1].label == "Search Semantic Scholar");
    CHECK(links[1].url == "https://www.semanticscholar.org/search?q=" + q);
    CHECK(links[2].label == "Search Google Scholar");
    CHECK(links[2].url == "https://scholar.google.com/scholar?q=" + q);
    for (const LookupLink& l : links) {
        CHECK(isSafeHttpUrl(l.url));
        CHECK(l.label.rfind("Search ", 0) == 0);  // labelled as a search, never as the paper
    }
    CHECK(encodeQueryValue("a-b_c.d~e") == "a-b_c.d~e");
}

TEST_CASE("lookupLinks: only for papers without a link to the paper itself") {
    CHECK(lookupLinks(paper("x", "Title", {{"code", "https://github.com/a/b"}, {"project", "https://example.org"}})).size() == 3);
    for (const char* name : {"arxiv", "pdf", "paper", "openreview", "doi"}) {
        CAPTURE(name);
        CHECK(lookupLinks(paper("x", "Title", {{name, "https://example.org/p"}})).empty());
        CHECK(hasPaperLink(paper("x", "Title", {{name, "https://example.org/p"}})));
    }
    CHECK(lookupLinks(paper("arxiv:2112.04426", "Title")).empty());  // an arXiv id is a link
    CHECK(lookupLinks(paper("x", "  ")).empty());                    // no title, nothing to search for
    // The seed corpus: look-up links exactly where no paper link is.
    const Corpus& c = seed().corpus;
    size_t without = 0;
    for (const Paper& p : c.papers) {
        CAPTURE(p.id);
        CHECK(lookupLinks(p).empty() == hasPaperLink(p));
        without += !hasPaperLink(p);
    }
    MESSAGE(without << " of " << c.papers.size() << " seed papers get look-up links");
}
