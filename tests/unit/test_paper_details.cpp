// BibTeX entries of a paper card (core/paper_details.h).
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
