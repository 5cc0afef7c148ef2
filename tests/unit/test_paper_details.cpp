// Related papers and BibTeX entries of a paper card (core/paper_details.h).
#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "core/paper_details.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

constexpr const char* kArxivId = "arxiv:2112.10752";

// 2022-03-b: q4 [diffusion, vision], q5 [diffusion], q7 [language-models]
// 2022-06-a: P = arxiv:2112.10752 [diffusion, vision], q2 [diffusion, vision], q3 [diffusion], q6 [rl]
// 2022-09-c: q8 [vision], q4 again
Loaded makeDetailsCorpus() {
    ojson a = digestJson(
        "2022-06-a", "2022-06",
        {paperJson(kArxivId, "High-Resolution {Image} Synthesis with 100% Latent_Diffusion & #1 $x$",
                   {"Robin Rombach", "Andreas Blattmann"}, {"diffusion", "vision"},
                   {{"authors_truncated", true},
                    {"links",
                     {{"code", "https://github.com/CompVis/latent-diffusion"},
                      {"pdf", "https://arxiv.org/pdf/2112.10752.pdf"},
                      {"arxiv", "https://arxiv.org/abs/2112.10752"}}}}),
         paperJson("q2", "Tiny_{Model} Paper", {"Ann Lee", "Bob_{X} 100%"}, {"diffusion", "vision"},
                   {{"links", {{"code", "https://github.com/x/y"}, {"project", "https://example.org/tiny"}}}}),
         paperJson("q3", "Accented Authors", {"José Ángel García"}, {"diffusion"}),
         paperJson("q6", "Reward Models", {"Carol King"}, {"rl"})});
    ojson b = digestJson("2022-03-b", "2022-03",
                         {paperJson("q4", "Earlier Vision Diffusion", {"Dan Brown"}, {"diffusion", "vision"}),
                          paperJson("q5", "Chinese Author Paper", {"张伟"}, {"diffusion"},
                                    {{"links", {{"code", "https://github.com/z/w"}}}}),
                          paperJson("q7", "Language Model Paper", {"Eve Adams"}, {"language-models"})});
    ojson c = digestJson("2022-09-c", "2022-09",
                         {paperJson("q8", "Later Vision Paper", {"Frank Moore"}, {"vision"}),
                          paperJson("q4", "Earlier Vision Diffusion", {"Dan Brown"}, {"diffusion", "vision"})});
    Loaded l = loadSynthetic({a, b, c});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    return l;
}

const Corpus& detailsCorpus() {
    static const Loaded loaded = makeDetailsCorpus();
    return loaded.corpus;
}

PaperIndex indexOf(const Corpus& c, const std::string& id) {
    auto it = c.paperById.find(id);
    REQUIRE_MESSAGE(it != c.paperById.end(), "no paper " << id);
    return it->second;
}

Ids relatedIds(const Corpus& c, const std::vector<RelatedPaper>& related) {
    Ids ids;
    for (const RelatedPaper& r : related) ids.push_back(c.papers[r.paper].id);
    return ids;
}

bool shareDigest(const Corpus& c, PaperIndex a, PaperIndex b) {
    for (AppearanceIndex x : c.papers[a].appearances)
        for (AppearanceIndex y : c.papers[b].appearances)
            if (c.appearances[x].digest == c.appearances[y].digest) return true;
    return false;
}

// The value of `field = {...}` on its own line, or "" when absent.
std::string field(const std::string& entry, const std::string& name) {
    std::string prefix = "\n  " + name + " = {";
    size_t start = entry.find(prefix);
    if (start == std::string::npos) return "";
    start += prefix.size();
    size_t end = entry.find("},\n", start);
    if (end == std::string::npos) end = entry.find("}\n}", start);
    return entry.substr(start, end - start);
}

std::string citationKeyOf(const std::string& entry) {
    size_t open = entry.find('{');
    size_t comma = entry.find(",\n");
    return entry.substr(open + 1, comma - open - 1);
}

// Unescaped braces must balance, and never close more than they opened.
bool bracesBalanced(const std::string& s) {
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '{') ++depth;
        if (s[i] == '}' && --depth < 0) return false;
    }
    return depth == 0;
}

// Every BibTeX special character in `s` is preceded by a backslash.
bool specialsEscaped(const std::string& s) {
    for (size_t i = 0; i < s.size(); ++i)
        if (std::string_view("{}%&#$_").find(s[i]) != std::string_view::npos && (i == 0 || s[i - 1] != '\\')) return false;
    return true;
}

}  // namespace

TEST_CASE("relatedPapers: shared topics first, then the same digest, then the newest") {
    const Corpus& c = detailsCorpus();
    PaperIndex p = indexOf(c, kArxivId);
    std::vector<RelatedPaper> related = relatedPapers(c, p);
    // q2 and q4 share two topics (q2 in the same digest); q3, q8 and q5 share one (q3 in the same digest,
    // then q8 recommended later than q5). q6 and q7 share no topic.
    CHECK(relatedIds(c, related) == Ids{"q2", "q4", "q3", "q8", "q5"});
    REQUIRE(related.size() == 5);
    CHECK(related[0].sharedTopics == 2);
    CHECK(related[0].sameDigest);
    CHECK(related[1].sharedTopics == 2);
    CHECK_FALSE(related[1].sameDigest);
    CHECK(related[2].sharedTopics == 1);
    CHECK(related[2].sameDigest);
    CHECK(related[3].sharedTopics == 1);
    CHECK_FALSE(related[3].sameDigest);
    CHECK(related[4].sharedTopics == 1);
    CHECK_FALSE(related[4].sameDigest);

    // Same digest through a second appearance: q4 is in 2022-03-b and 2022-09-c, like q8 and q5.
    std::vector<RelatedPaper> ofQ4 = relatedPapers(c, indexOf(c, "q4"));
    CHECK(relatedIds(c, ofQ4) == Ids{kArxivId, "q2", "q8", "q5", "q3"});
    CHECK(ofQ4[2].sameDigest);
    CHECK(ofQ4[3].sameDigest);
    CHECK_FALSE(ofQ4[4].sameDigest);

    // A paper whose only topic no other paper has: nothing related, even within its digest.
    CHECK(relatedPapers(c, indexOf(c, "q7")).empty());
    CHECK(relatedPapers(c, indexOf(c, "q6")).empty());
}

TEST_CASE("relatedPapers respects the limit and keeps the strongest") {
    const Corpus& c = detailsCorpus();
    PaperIndex p = indexOf(c, kArxivId);
    Ids all = relatedIds(c, relatedPapers(c, p, std::numeric_limits<size_t>::max()));
    REQUIRE(all.size() == 5);
    for (size_t limit = 0; limit <= 6; ++limit) {
        CAPTURE(limit);
        Ids some = relatedIds(c, relatedPapers(c, p, limit));
        CHECK(some.size() == std::min(limit, all.size()));
        CHECK(some == Ids(all.begin(), all.begin() + some.size()));
    }
}

TEST_CASE("relatedPapers on every seed paper") {
    const Corpus& c = seed().corpus;
    REQUIRE(!c.papers.empty());
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        CAPTURE(c.papers[p].id);
        std::vector<RelatedPaper> everything = relatedPapers(c, p, c.papers.size());
        size_t sharing = 0;
        for (PaperIndex q = 0; q < c.papers.size(); ++q) sharing += q != p && (c.papers[p].topics & c.papers[q].topics) != 0;
        CHECK(everything.size() == sharing);
        std::set<PaperIndex> seen;
        for (size_t i = 0; i < everything.size(); ++i) {
            const RelatedPaper& r = everything[i];
            CHECK(r.paper != p);
            CHECK(seen.insert(r.paper).second);
            CHECK(r.sharedTopics == __builtin_popcountll(c.papers[p].topics & c.papers[r.paper].topics));
            CHECK(r.sharedTopics >= 1);
            CHECK(r.sameDigest == shareDigest(c, p, r.paper));
            if (i > 0) {
                const RelatedPaper& prev = everything[i - 1];
                CHECK(prev.sharedTopics >= r.sharedTopics);
                if (prev.sharedTopics == r.sharedTopics) {
                    CHECK((prev.sameDigest || !r.sameDigest));
                    if (prev.sameDigest == r.sameDigest) CHECK(c.papers[prev.paper].lastMonth >= c.papers[r.paper].lastMonth);
                }
            }
        }
        std::vector<RelatedPaper> limited = relatedPapers(c, p);  // the default limit of 8
        CHECK(limited.size() == std::min<size_t>(8, everything.size()));
        for (size_t i = 0; i < limited.size(); ++i) CHECK(limited[i].paper == everything[i].paper);
    }
}

TEST_CASE("bibtexEntry of an arXiv paper") {
    const Corpus& c = detailsCorpus();
    std::string entry = bibtexEntry(c, indexOf(c, kArxivId));
    INFO(entry);
    CHECK(entry.rfind("@misc{", 0) == 0);
    CHECK(entry.size() > 4);
    CHECK(entry.substr(entry.size() - 4) == "}\n}\n");  // the note closes, then the entry
    CHECK(field(entry, "title") == "{High-Resolution \\{Image\\} Synthesis with 100\\% Latent\\_Diffusion \\& \\#1 \\$x\\$}");
    CHECK(field(entry, "author") == "Robin Rombach and Andreas Blattmann and others");
    CHECK(field(entry, "year") == "2021");  // from the arXiv id, not the digest (2022-06)
    CHECK(field(entry, "eprint") == "2112.10752");
    CHECK(field(entry, "archivePrefix") == "arXiv");
    CHECK(field(entry, "url") == "https://arxiv.org/abs/2112.10752");  // arxiv is preferred over pdf and code
    CHECK(field(entry, "note") == "Recommended in 测试摘要 2022-06-a (2022-06)");
    CHECK(bracesBalanced(entry));

    std::string key = citationKeyOf(entry);
    CHECK(key == "rombach2021highresolution");
    // Stable: the same entry every time, and for the same data loaded again.
    CHECK(bibtexEntry(c, indexOf(c, kArxivId)) == entry);
    Loaded again = makeDetailsCorpus();
    CHECK(bibtexEntry(again.corpus, indexOf(again.corpus, kArxivId)) == entry);
}

TEST_CASE("bibtexEntry of a slug paper") {
    const Corpus& c = detailsCorpus();
    std::string entry = bibtexEntry(c, indexOf(c, "q2"));
    INFO(entry);
    CHECK(entry.rfind("@misc{", 0) == 0);
    CHECK_FALSE(contains(entry, "eprint"));
    CHECK_FALSE(contains(entry, "archivePrefix"));
    CHECK(field(entry, "title") == "{Tiny\\_\\{Model\\} Paper}");
    CHECK(field(entry, "author") == "Ann Lee and Bob\\_\\{X\\} 100\\%");  // not truncated: no "others"
    CHECK(field(entry, "year") == "2022");                                 // the digest's year
    CHECK(field(entry, "url") == "https://example.org/tiny");              // project before code
    CHECK(bracesBalanced(entry));
    std::string key = citationKeyOf(entry);
    CHECK(key.rfind("lee2022", 0) == 0);
    CHECK(key.size() > 7);

    // Only a code link: that is the url. No links at all: no url field.
    std::string q5 = bibtexEntry(c, indexOf(c, "q5"));
    CHECK(field(q5, "url") == "https://github.com/z/w");
    std::string q3 = bibtexEntry(c, indexOf(c, "q3"));
    CHECK_FALSE(contains(q3, "url ="));
    CHECK(field(q3, "author") == "José Ángel García");  // UTF-8 kept as is
}

TEST_CASE("citation keys: folded ASCII surname, year, then a word of the title") {
    const Corpus& c = detailsCorpus();
    auto keyOf = [&](const std::string& id) { return citationKeyOf(bibtexEntry(c, indexOf(c, id))); };
    CHECK(keyOf("q3").rfind("garcia2022", 0) == 0);  // accents folded away
    CHECK(keyOf("q5").rfind("paper2022", 0) == 0);   // no Latin letters in the name
    CHECK(keyOf("q4").rfind("brown2022", 0) == 0);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        std::string key = citationKeyOf(bibtexEntry(c, p));
        CAPTURE(key);
        CHECK(!key.empty());
        CHECK(std::all_of(key.begin(), key.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); }));
    }
}

TEST_CASE("bibtexEntry on every seed paper") {
    const Corpus& c = seed().corpus;
    size_t arxivPapers = 0, truncated = 0;
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        const Paper& paper = c.papers[p];
        std::string entry = bibtexEntry(c, p);
        CAPTURE(entry);
        CHECK(entry.rfind("@misc{", 0) == 0);
        CHECK(entry.substr(entry.size() - 4) == "}\n}\n");
        CHECK(bracesBalanced(entry));
        std::string title = field(entry, "title");
        REQUIRE(title.size() >= 2);
        CHECK(specialsEscaped(title.substr(1, title.size() - 2)));
        CHECK(specialsEscaped(field(entry, "author")));
        std::string key = citationKeyOf(entry);
        CHECK(std::all_of(key.begin(), key.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); }));
        CHECK(bibtexEntry(c, p) == entry);
        bool arxiv = paper.id.rfind("arxiv:", 0) == 0;
        if (arxiv) {
            ++arxivPapers;
            CHECK(field(entry, "eprint") == paper.id.substr(6));
            CHECK(field(entry, "archivePrefix") == "arXiv");
            CHECK(field(entry, "year") == "20" + paper.id.substr(6, 2));
        } else {
            CHECK_FALSE(contains(entry, "eprint"));
            CHECK(field(entry, "year") == std::to_string(paper.firstMonth / 12));
        }
        std::string authors = field(entry, "author");
        bool endsWithOthers = authors.size() >= 6 && authors.substr(authors.size() - 6) == "others";
        CHECK(endsWithOthers == paper.authorsTruncated);
        truncated += paper.authorsTruncated;
        if (!paper.links.empty()) CHECK_FALSE(field(entry, "url").empty());
    }
    CHECK(arxivPapers > 0);
    CHECK(truncated > 0);

    // The seed's Gato paper, exactly.
    std::string gato = bibtexEntry(c, indexOf(c, "arxiv:2205.06175"));
    CHECK(field(gato, "title") == "{A Generalist Agent}");
    CHECK(field(gato, "author") == "Scott Reed and Konrad Żołna and Emilio Parisotto and others");
    CHECK(field(gato, "year") == "2022");
    CHECK(field(gato, "url") == "https://arxiv.org/abs/2205.06175");
    CHECK(citationKeyOf(gato).rfind("reed2022", 0) == 0);
}
