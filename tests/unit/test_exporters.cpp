// BibTeX, CSV, JSON and Markdown exports of a list of papers (core/exporters.h): parsed back and compared
// field by field, on a synthetic corpus full of awkward characters and on the seed corpus.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/exporters.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;
using Row = std::vector<std::string>;

// 2022-01-x: p1 (quotes, commas, newlines, a formula-like author), p2 (Markdown's special characters),
//            p3 (a title starting with '+', an author with '-')
// 2022-03-y: p1 again (an insight), p4 (an '=' inside the title, not leading)
const Loaded& awkwardCorpus() {
    static const Loaded loaded = [] {
        ojson p1 = paperJson("arxiv:2201.00002", "Commas, \"Quotes\" and more", {"=HYPERLINK(\"http://evil\")", "Plain Person"},
                             {"rl"},
                             {{"why", "Because \"quoted\""},
                              {"summary", "第一行\n第二行, with a comma"},
                              {"links", {{"arxiv", "https://arxiv.org/abs/2201.00002"}, {"code", "https://github.com/example/repo"}}}});
        ojson p2 = paperJson("markdown-chars", "Stars *and* _under_ [brackets] <tags> #hash |pipe| `tick` back\\slash",
                             {"@handle", "Ünïcode Nâme"}, {"vision", "diffusion"},
                             {{"authors_truncated", true}, {"summary", "**bold** and <b>html</b>\n# not a heading"}});
        ojson p3 = paperJson("plus-title", "+1 is all you need", {"-Dash Person"}, {"language-models"});
        ojson x = digestJson("2022-01-x", "2022-01", {p1, p2, p3});
        x["title"] = "Digest_one [x]";
        ojson p1again = paperJson("arxiv:2201.00002", "Commas, \"Quotes\" and more",
                                  {"=HYPERLINK(\"http://evil\")", "Plain Person"}, {"rl"}, {{"insight", "Second look"}});
        ojson p4 = paperJson("plain", "A Plain Title = fine", {"Zed"}, {"general"});
        ojson y = digestJson("2022-03-y", "2022-03", {p1again, p4});
        Loaded l = loadSynthetic({y, x});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 4);
        return l;
    }();
    return loaded;
}

PaperIndex indexOf(const Corpus& c, const std::string& id) {
    auto it = c.paperById.find(id);
    REQUIRE_MESSAGE(it != c.paperById.end(), "no paper " << id);
    return it->second;
}

std::vector<PaperIndex> byIds(const Corpus& c, const Ids& ids) {
    std::vector<PaperIndex> out;
    for (const std::string& id : ids) out.push_back(indexOf(c, id));
    return out;
}

std::vector<PaperIndex> everything(const Corpus& c) {
    std::vector<PaperIndex> all(c.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

// A strict RFC 4180 reader: records end with CRLF, a quoted field doubles its quotes and may hold commas,
// CR and LF. `ok` turns false on anything else (a stray quote, a bare LF between records, a missing CRLF).
std::vector<Row> parseCsv(std::string_view s, bool& ok) {
    ok = true;
    std::vector<Row> rows;
    Row row;
    std::string field;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '"') {
            ++i;
            for (;;) {
                if (i >= s.size()) { ok = false; return rows; }
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') { field += '"'; i += 2; continue; }
                    ++i;
                    break;
                }
                field += s[i++];
            }
        } else {
            while (i < s.size() && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
                if (s[i] == '"') { ok = false; return rows; }
                field += s[i++];
            }
        }
        row.push_back(std::move(field));
        field.clear();
        if (i < s.size() && s[i] == ',') { ++i; continue; }
        if (s.substr(i, 2) != "\r\n") { ok = false; return rows; }
        i += 2;
        rows.push_back(std::move(row));
        row.clear();
    }
    return rows;
}

size_t countOf(std::string_view haystack, std::string_view needle) {
    size_t n = 0;
    for (size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("parseExportFormat, exportExtension and exportMimeType") {
    CHECK(parseExportFormat("bibtex") == ExportFormat::BibTeX);
    CHECK(parseExportFormat("bib") == ExportFormat::BibTeX);
    CHECK(parseExportFormat("csv") == ExportFormat::Csv);
    CHECK(parseExportFormat("json") == ExportFormat::Json);
    CHECK(parseExportFormat("md") == ExportFormat::Markdown);
    CHECK(parseExportFormat("markdown") == ExportFormat::Markdown);
    for (const char* bad : {"", "CSV", "Json", "xml", "html", "md ", "bibtex2"}) CHECK_FALSE(parseExportFormat(bad).has_value());

    CHECK(std::string(exportExtension(ExportFormat::BibTeX)) == ".bib");
    CHECK(std::string(exportExtension(ExportFormat::Csv)) == ".csv");
    CHECK(std::string(exportExtension(ExportFormat::Json)) == ".json");
    CHECK(std::string(exportExtension(ExportFormat::Markdown)) == ".md");
    CHECK(std::string(exportMimeType(ExportFormat::BibTeX)) == "application/x-bibtex");
    CHECK(std::string(exportMimeType(ExportFormat::Csv)) == "text/csv");
    CHECK(std::string(exportMimeType(ExportFormat::Json)) == "application/json");
    CHECK(std::string(exportMimeType(ExportFormat::Markdown)) == "text/markdown");
}

TEST_CASE("JSON export parses back with every field of every paper, in the order given") {
    const Corpus& c = awkwardCorpus().corpus;
    std::string text = exportPapers(c, byIds(c, {"plain", "arxiv:2201.00002", "markdown-chars"}), ExportFormat::Json);
    CHECK(text.back() == '\n');
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["format"] == "papertide-export");
    CHECK(j["version"] == 1);
    REQUIRE(j["papers"].is_array());
    REQUIRE(j["papers"].size() == 3);
    const auto& papers = j["papers"];
    CHECK(papers[0]["id"] == "plain");
    CHECK(papers[1]["id"] == "arxiv:2201.00002");
    CHECK(papers[2]["id"] == "markdown-chars");

    const auto& p1 = papers[1];
    CHECK(p1["title"] == "Commas, \"Quotes\" and more");
    CHECK(p1["authors"] == nlohmann::json::array({"=HYPERLINK(\"http://evil\")", "Plain Person"}));
    CHECK(p1["authors_truncated"] == false);
    CHECK(p1["months"] == nlohmann::json::array({"2022-01", "2022-03"}));
    CHECK(p1["topics"] == nlohmann::json::array({"rl"}));
    CHECK(p1["links"] == nlohmann::json({{"arxiv", "https://arxiv.org/abs/2201.00002"}, {"code", "https://github.com/example/repo"}}));
    REQUIRE(p1["appearances"].size() == 2);
    CHECK(p1["appearances"][0] == nlohmann::json({{"digest", "2022-01-x"}, {"month", "2022-01"}, {"section", "main"},
                                                  {"why", "Because \"quoted\""}, {"insight", ""},
                                                  {"summary", "第一行\n第二行, with a comma"}}));
    CHECK(p1["appearances"][1] == nlohmann::json({{"digest", "2022-03-y"}, {"month", "2022-03"}, {"section", "main"},
                                                  {"why", ""}, {"insight", "Second look"}, {"summary", ""}}));

    const auto& p2 = papers[2];
    CHECK(p2["title"] == "Stars *and* _under_ [brackets] <tags> #hash |pipe| `tick` back\\slash");
    CHECK(p2["authors"] == nlohmann::json::array({"@handle", "Ünïcode Nâme"}));
    CHECK(p2["authors_truncated"] == true);
    CHECK(p2["topics"] == nlohmann::json::array({"diffusion", "vision"}));  // taxonomy order
    CHECK(p2["links"] == nlohmann::json::object());
    CHECK(papers[0]["topics"] == nlohmann::json::array({"general"}));

    // Every paper object has exactly the documented keys.
    for (const auto& p : papers) {
        Ids keys;
        for (auto& [k, v] : p.items()) keys.push_back(k);
        CHECK(sorted(keys) == Ids{"appearances", "authors", "authors_truncated", "id", "links", "months", "title", "topics"});
    }

    nlohmann::json none = nlohmann::json::parse(exportPapers(c, {}, ExportFormat::Json));
    CHECK(none["papers"] == nlohmann::json::array());
}

TEST_CASE("CSV export is RFC 4180: a header, one record per paper, quotes doubled, commas and newlines kept") {
    const Corpus& c = awkwardCorpus().corpus;
    std::string text = exportPapers(c, byIds(c, {"arxiv:2201.00002", "markdown-chars", "plus-title", "plain"}), ExportFormat::Csv);
    bool ok = false;
    std::vector<Row> rows = parseCsv(text, ok);
    REQUIRE(ok);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == Row{"id", "title", "authors", "months", "topics", "digests", "links", "summary"});
    for (const Row& r : rows) CHECK(r.size() == 8);
    CHECK(text.rfind("id,title,authors,months,topics,digests,links,summary\r\n", 0) == 0);
    // Every data field is quoted, the doubled quotes are in the raw text.
    CHECK(contains(text, "\"Commas, \"\"Quotes\"\" and more\""));
    CHECK(contains(text, "\r\n\"arxiv:2201.00002\",\""));

    const Row& p1 = rows[1];
    CHECK(p1[0] == "arxiv:2201.00002");
    CHECK(p1[1] == "Commas, \"Quotes\" and more");
    CHECK(p1[2] == "'=HYPERLINK(\"http://evil\"); Plain Person");  // formula guard
    CHECK(p1[3] == "2022-01; 2022-03");
    CHECK(p1[4] == "rl");
    CHECK(p1[5] == "2022-01-x; 2022-03-y");
    CHECK(p1[6] == "arxiv https://arxiv.org/abs/2201.00002; code https://github.com/example/repo");
    CHECK(p1[7] == "Because \"quoted\"\n第一行\n第二行, with a comma\n\nSecond look");

    const Row& p2 = rows[2];
    CHECK(p2[1] == "Stars *and* _under_ [brackets] <tags> #hash |pipe| `tick` back\\slash");  // no Markdown escaping
    CHECK(p2[2] == "'@handle; Ünïcode Nâme");
    CHECK(p2[4] == "diffusion; vision");
    CHECK(p2[6] == "");

    const Row& p3 = rows[3];
    CHECK(p3[1] == "'+1 is all you need");
    CHECK(p3[2] == "'-Dash Person");
    CHECK(p3[7] == "");

    const Row& p4 = rows[4];
    CHECK(p4[1] == "A Plain Title = fine");  // '=' inside a field is left alone
    CHECK(p4[2] == "Zed");
    CHECK(p4[3] == "2022-03");

    bool emptyOk = false;
    std::vector<Row> header = parseCsv(exportPapers(c, {}, ExportFormat::Csv), emptyOk);
    CHECK(emptyOk);
    CHECK(header.size() == 1);
}

TEST_CASE("Markdown export escapes titles, names and the digests' text") {
    const Corpus& c = awkwardCorpus().corpus;
    std::string md = exportPapers(c, byIds(c, {"markdown-chars", "arxiv:2201.00002", "plus-title"}), ExportFormat::Markdown);
    CHECK(md.rfind("# Papertide export\n\n3 papers.\n", 0) == 0);
    CHECK(countOf(md, "\n## ") == 3);

    const std::string p2 =
        "\n## Stars \\*and\\* \\_under\\_ \\[brackets\\] \\<tags\\> \\#hash \\|pipe\\| \\`tick\\` back\\\\slash\n\n"
        "- Authors: @handle, Ünïcode Nâme et al.\n"
        "- Months: 2022-01\n"
        "- Topics: diffusion, vision\n"
        "\n> **Digest\\_one \\[x\\]** (2022-01)\n>\n"
        "> \\*\\*bold\\*\\* and \\<b\\>html\\</b\\>\n"
        "> \\# not a heading\n";
    CHECK_MESSAGE(contains(md, p2), md);

    const std::string p1 =
        "\n## Commas, \"Quotes\" and more\n\n"
        "- Authors: =HYPERLINK(\"http://evil\"), Plain Person\n"
        "- Months: 2022-01, 2022-03\n"
        "- Topics: rl\n"
        "- arxiv: <https://arxiv.org/abs/2201.00002>\n"
        "- code: <https://github.com/example/repo>\n"
        "\n> **Digest\\_one \\[x\\]** (2022-01)\n>\n"
        "> Because \"quoted\"\n> 第一行\n> 第二行, with a comma\n"
        "\n> **测试摘要 2022-03-y** (2022-03)\n>\n"
        "> Second look\n";
    CHECK_MESSAGE(contains(md, p1), md);

    // A paper without summaries: no quote; the papers come in the order given.
    CHECK(contains(md, "\n## +1 is all you need\n\n- Authors: -Dash Person\n- Months: 2022-01\n- Topics: language-models\n"));
    CHECK(md.find("## Stars") < md.find("## Commas"));
    CHECK(md.find("## Commas") < md.find("## +1"));
    // Nothing from a digest escapes its quote: every line after a quote header starts with '>' until a blank line.
    CHECK_FALSE(contains(md, "\n# not a heading"));
    CHECK_FALSE(contains(md, "<b>"));

    CHECK(exportPapers(c, {}, ExportFormat::Markdown) == "# Papertide export\n\n0 papers.\n");
    CHECK(exportPapers(c, {0}, ExportFormat::Markdown).rfind("# Papertide export\n\n1 paper.\n", 0) == 0);
}

TEST_CASE("BibTeX export: one entry per paper") {
    const Corpus& c = awkwardCorpus().corpus;
    std::string bib = exportPapers(c, everything(c), ExportFormat::BibTeX);
    CHECK(countOf(bib, "@misc{") == 4);
    CHECK(bib.rfind("@misc{", 0) == 0);
    CHECK(countOf(bib, "\n}\n\n") == 4);  // each entry closed and followed by a blank line
    CHECK(contains(bib, "eprint = {2201.00002}"));
    CHECK(countOf(bib, "eprint = {") == 1);
    std::string one = exportPapers(c, byIds(c, {"plain"}), ExportFormat::BibTeX);
    CHECK(countOf(one, "@misc{") == 1);
    CHECK(contains(one, "author = {Zed}"));
    CHECK(exportPapers(c, {}, ExportFormat::BibTeX).empty());
}

TEST_CASE("exports of the whole seed corpus") {
    const Corpus& c = seed().corpus;
    std::vector<PaperIndex> all = everything(c);
    REQUIRE(all.size() == 75);

    nlohmann::json j = nlohmann::json::parse(exportPapers(c, all, ExportFormat::Json), nullptr, false);
    REQUIRE_FALSE(j.is_discarded());
    REQUIRE(j["papers"].size() == 75);
    Ids ids;
    for (size_t i = 0; i < all.size(); ++i) {
        const auto& p = j["papers"][i];
        const Paper& paper = c.papers[all[i]];
        CHECK(p["id"] == paper.id);
        CHECK(p["title"] == paper.title);
        CHECK(p["authors"].size() == paper.authors.size());
        CHECK(p["appearances"].size() == paper.appearances.size());
        CHECK(p["topics"].get<Ids>() == topicIds(c, paper.topics));
        ids.push_back(p["id"].get<std::string>());
    }
    const auto& twice = j["papers"][size_t(indexOf(c, "arxiv:2112.04426"))];
    CHECK(twice["appearances"].size() == 2);  // listed twice in the 2021-12 digest
    CHECK(twice["months"] == nlohmann::json::array({"2021-12"}));
    const auto& gato = j["papers"][size_t(indexOf(c, "arxiv:2205.06175"))];
    CHECK(gato["links"]["arxiv"] == "https://arxiv.org/abs/2205.06175");

    bool ok = false;
    std::vector<Row> rows = parseCsv(exportPapers(c, all, ExportFormat::Csv), ok);
    REQUIRE(ok);
    CHECK(rows.size() == 76);
    Ids csvIds;
    for (size_t i = 1; i < rows.size(); ++i) csvIds.push_back(rows[i][0]);
    CHECK(csvIds == ids);

    std::string md = exportPapers(c, all, ExportFormat::Markdown);
    CHECK(contains(md, "\n75 papers.\n"));
    CHECK(countOf(md, "\n## ") == 75);

    CHECK(countOf(exportPapers(c, all, ExportFormat::BibTeX), "@misc{") == 75);
}
