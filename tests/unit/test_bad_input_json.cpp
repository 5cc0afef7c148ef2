// The bad-input matrix (bad_input_test_support.h), bytes and JSON: empty and truncated files, not-quite-JSON, invalid
// UTF-8 and BOMs, and inputs past the limits (huge strings, deep nesting, a million tiny entries, the file size).
#include <string>
#include <vector>

#include "bad_input_test_support.h"
#include "core/diagnostics.h"
#include "core/digest_parser.h"
#include "core/json_reader.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::bad_input;

TEST_CASE("bad input: the template itself is valid and loads beside the seed") {
    Outcome o = loadWithSeed("template", kTemplate);
    CHECK_MESSAGE(o.mine.empty(), dump(o.mine));
    checkSeedIntact(o, 1);
    CHECK(o.corpus.findDigest("2099-01-bad") != nullptr);
    CHECK(o.corpus.papers.size() == baseline().papers + 1);
}

TEST_CASE("bad input: empty and truncated files") {
    checkCases({
        {"empty", "", {"/", {"invalid JSON", "unexpected end of input (truncated file?)"}, 1, 1}},
        {"whitespace", " \n\t\r\n ", {"/", {"unexpected end of input"}, 3, 2}},
        {"nul-bytes", std::string(16, '\0'), {"/", {"invalid JSON"}, 1, 1}},
        {"binary-png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), {"/", {"invalid JSON"}, 1, 1}},
        {"one-brace", "{", {"/", {"unexpected end of input"}, 1, 2}},
    });
    // Cut the template after every line and in the middle of a multi-byte character: always a located
    // "truncated" error at the end, never a crash, never a partial digest.
    std::vector<size_t> cuts;
    for (size_t i = 0; i + 1 < kTemplate.size(); ++i)  // the last '\n' follows the complete document
        if (kTemplate[i] == '\n') cuts.push_back(i);
    cuts.push_back(kTemplate.find("坏") + 1);
    CorpusInput input = splitCorpusFiles(seedFiles());
    for (size_t cut : cuts) input.digests.push_back({"bad/cut-" + std::to_string(cut) + ".json", kTemplate.substr(0, cut)});
    Outcome o;
    o.corpus = loadCorpus(input, o.diagnostics);
    for (size_t cut : cuts) {
        std::string file = "bad/cut-" + std::to_string(cut) + ".json";
        CAPTURE(file);
        std::vector<Diagnostic> mine;
        for (const Diagnostic& d : o.diagnostics)
            if (d.file == file) mine.push_back(d);
        REQUIRE(mine.size() == 1);
        CHECK(contains(mine[0].message, "invalid JSON"));
        CHECK((contains(mine[0].message, "truncated file?") || contains(mine[0].message, "UTF-8")));
        CHECK(mine[0].line >= 1);
    }
    checkSeedIntact(o, 0);
    // Cut before a member: the pointer names the innermost open value, the position is the end of the file.
    checkCase("truncated-in-papers", kTemplate.substr(0, kTemplate.find("      \"summary\"")),
              {"/papers/0", {"unexpected end of input (truncated file?)"}, 25, 1});
}

TEST_CASE("bad input: not JSON, or JSON that is not quite JSON") {
    checkCases({
        {"comment", t("  \"format\": 1,", "  // comment\n  \"format\": 1,"), {"/", {"invalid JSON", "invalid literal"}, 2, 3}},
        {"trailing-comma", t("\"见解\"\n", "\"见解\",\n"), {"/papers/0", {"invalid JSON", "expected string literal"}, 28, 5}},
        {"single-quotes", t("\"Test\"", "'Test'"), {"/source", {"invalid JSON", "invalid literal"}, 7, 13}},
        {"nan", t("\"format\": 1", "\"format\": NaN"), {"/format", {"invalid JSON", "invalid literal"}, 2, 13}},
        {"two-documents", kTemplate + "{}", {"/", {"invalid JSON", "expected end of input"}, 32, 1}},
        {"duplicate-key", t("  \"source\": \"Test\",", "  \"source\": \"Test\",\n  \"source\": \"Other\","),
         {"/source", {"duplicate key \"source\""}, 8, 3}},
        {"unescaped-control", t("\"介绍\"", "\"介\x01绍\""), {"/intro", {"invalid JSON", "control character"}, 12, 0}},
        {"bad-escape", t("\"介绍\"", "\"介\\x绍\""), {"/intro", {"invalid JSON", "forbidden character after backslash"}, 12, 15}},
        {"number-overflow", t("\"format\": 1", "\"format\": 1e999"), {"/format", {"invalid JSON", "number overflow"}, 2, 0}},
        {"huge-integer", t("\"format\": 1", "\"format\": 99999999999999999999999"), {"/format", {"expected an integer, got a number"}, 2, 13}},
        {"negative-format", t("\"format\": 1", "\"format\": -1"), {"/format", {"unsupported format -1"}, 2, 13}},
    });
}

TEST_CASE("bad input: invalid UTF-8, in values and in keys, and BOMs") {
    checkCases({
        {"utf8-raw-ff", t("\"坏的摘要\"", "\"坏的\xFF摘要\""), {"/title", {"invalid JSON", "ill-formed UTF-8"}, 6, 0}},
        {"utf8-overlong", t("\"坏的摘要\"", "\"\xC0\xAF\""), {"/title", {"invalid JSON", "UTF-8"}, 6, 0}},
        {"utf8-surrogate-bytes", t("\"坏的摘要\"", "\"\xED\xA0\x80\""), {"/title", {"invalid JSON", "UTF-8"}, 6, 0}},
        {"utf8-cut-sequence", t("\"坏的摘要\"", "\"\xE5\x9D\""), {"/title", {"invalid JSON", "UTF-8"}, 6, 0}},
        {"utf8-latin1", t("\"Test\"", "\"Caf\xE9\""), {"/source", {"invalid JSON", "UTF-8"}, 7, 0}},
        {"utf8-in-key", t("\"source\": \"Test\"", "\"sou\xFFrce\": \"Test\""), {"/", {"invalid JSON", "UTF-8"}, 7, 0}},
        {"utf8-in-paper-key", t("\"why\": \"原因\"", "\"wh\xC3y\": \"原因\""), {"/papers/0", {"invalid JSON", "UTF-8"}, 26, 0}},
        {"escaped-lone-surrogate", t("\"坏的摘要\"", "\"\\ud800\""), {"/title", {"invalid JSON", "surrogate"}, 6, 0}},
        {"escaped-nul", t("\"坏的摘要\"", "\"a\\u0000b\""), {"/title", {"NUL character"}, 6, 12}},
        {"utf16-bom", "\xFF\xFE{\0}\0", {"/", {"invalid JSON"}, 1, 1}},
        {"bom-twice", "\xEF\xBB\xBF\xEF\xBB\xBF" + kTemplate, {"/", {"invalid JSON"}, 1, 0}},
        {"bom-inside", t("  \"format\": 1,", "\xEF\xBB\xBF  \"format\": 1,"), {"/", {"invalid JSON"}, 2, 1}},
    });
    // A UTF-8 BOM at the start is tolerated (editors add it); positions still count from the first character.
    Outcome o = loadWithSeed("bom", "\xEF\xBB\xBF" + kTemplate);
    CHECK_MESSAGE(o.mine.empty(), dump(o.mine));
    checkSeedIntact(o, 1);
    checkCase("bom-then-bad-month", "\xEF\xBB\xBF" + t("\"month\": \"2099-01\"", "\"month\": \"2099-13\""), {"/month", {"expected a month"}, 4, 12});
}

TEST_CASE("bad input: huge strings, deep nesting, a million tiny entries") {
    const size_t tenMB = 10u << 20;
    SUBCASE("10 MB summary") {
        std::string big(tenMB, 'x');
        checkCase("huge-summary", t("\"summary\": \"摘要\"", "\"summary\": \"" + big + "\""),
                  {"/papers/0/summary", {"text is 10485760 bytes long", "the limit here is 262144"}, 25, 18});
    }
    SUBCASE("1 MB title of Chinese text") {
        std::string big;
        while (big.size() < (1u << 20)) big += "论文";
        checkCase("huge-title", t("\"坏的摘要\"", "\"" + big + "\""), {"/title", {"bytes long", "the limit here is 1024"}, 6, 12});
    }
    SUBCASE("1 MB unknown key: a short warning, the digest loads") {
        std::string key(1u << 20, 'k');
        checkCase("huge-key", t("  \"format\": 1,", "  \"" + key + "\": 0,\n  \"format\": 1,"),
                  {"/" + std::string(kMaxPointerBytes - 1, 'k') + "…", {"unknown field \"kkkk", "…\" is ignored"}, 2, 3, Severity::Warning});
    }
    SUBCASE("1 MB link name") {
        std::string key(1u << 20, 'l');
        checkCase("huge-link-name", t("{\"arxiv\": \"https://arxiv.org/abs/2205.06175\"}", "{\"" + key + "\": \"https://arxiv.org/abs/2205.06175\"}"),
                  {boundedPointer("/papers/0/links/" + key), {"link names are lowercase letters"}, 23, 17});
    }
    SUBCASE("100000-deep arrays") {
        std::string deep = std::string(100000, '[') + std::string(100000, ']');
        std::string pointer = "/intro";
        for (int i = 0; i < 63; ++i) pointer += "/0";
        checkCase("deep-arrays", t("\"介绍\"", deep), {pointer, {"nesting deeper than 64 levels"}, 12, 75});
    }
    SUBCASE("100000-deep objects") {
        std::string deep;
        for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
        deep += "1" + std::string(100000, '}');
        Outcome o = loadWithSeed("deep-objects", t("\"介绍\"", deep));
        REQUIRE(o.mine.size() == 1);
        CHECK(contains(o.mine[0].message, "nesting deeper than 64 levels"));
        CHECK(o.mine[0].pointer.rfind("/intro/a/a/a", 0) == 0);
        checkSeedIntact(o, 0);
    }
    SUBCASE("1000000 tiny papers: the papers limit") {
        std::string papers = "[{}";
        for (int i = 1; i < 1000000; ++i) papers += ",{}";
        papers += "]";
        checkCase("million-papers", without("", "papers").insert(1, "\n  \"papers\": " + papers + ","),
                  {"/papers", {"list has 1000000 items; the limit is 100000"}, 2, 13});
    }
    SUBCASE("20000 broken papers on one line: linear time, 200 problems shown, then a count") {
        // Before the fix, locating each problem counted characters from the start of the (single) line:
        // this took 26 s, and 100,000 papers (a 900 KB file) several minutes.
        std::string papers = "[{\"id\":1}";
        for (int i = 1; i < 20000; ++i) papers += ",{\"id\":1}";
        papers += "]";
        std::string minified = ojson::parse(kTemplate).dump();
        minified = replaced(minified, minified.substr(minified.find("\"papers\":") + 9, minified.find(",\"references\"") - minified.find("\"papers\":") - 9), papers);
        Outcome o = loadWithSeed("many-broken-papers", minified);
        REQUIRE(o.mine.size() == JsonReader::kMaxReported + 1);
        CHECK(o.mine.front().line == 1);
        CHECK(o.mine.back().severity == Severity::Error);
        CHECK(contains(o.mine.back().message, std::to_string(20000 * 4 - JsonReader::kMaxReported) + " more problem(s) from here on are not shown"));
        CHECK(o.mine.back().column > 100);  // where the first problem not shown is
        checkSeedIntact(o, 0);
    }
    SUBCASE("10001 references and 5001 authors: the list limits") {
        std::string refs = "[{\"text\":\"x\"}";
        for (int i = 1; i < 10001; ++i) refs += ",{\"text\":\"x\"}";
        refs += "]";
        std::string authors = "[\"a\"";
        for (int i = 1; i < 5001; ++i) authors += ",\"a\"";
        authors += "]";
        checkCases({
            {"many-references", t(R"([{"label": "[1]", "text": "参考", "url": "https://example.com/ref"}])", refs),
             {"/references", {"list has 10001 items; the limit is 10000"}, 30, 17}},
            {"many-authors", t(R"(["Ada Lovelace"])", authors), {"/papers/0/authors", {"list has 5001 items; the limit is 5000"}, 21, 18}},
        });
    }
    SUBCASE("the JSON node limit") {
        // The node limit follows the papers limit: maxPapers * 40 + 100,000 values (4,100,000 by default; see
        // docs/ROBUSTNESS.md for what that costs). Checked here with a small papers limit, so it stays fast.
        std::string values = "[0";
        for (int i = 1; i < 200'000; ++i) values += ",0";
        values += "]";
        DigestLimits limits;
        limits.maxPapers = 1000;
        std::vector<Diagnostic> diagnostics;
        CHECK_FALSE(parseDigest("bad/node-limit.json", t("\"介绍\"", values), testLookup(), diagnostics, limits).has_value());
        REQUIRE(diagnostics.size() == 1);
        CHECK(formatDiagnostic(diagnostics[0]).rfind("bad/node-limit.json:12:", 0) == 0);
        CHECK(contains(diagnostics[0].message, "too many values (more than 140000)"));
        CHECK(diagnostics[0].pointer.rfind("/intro/", 0) == 0);
    }
    SUBCASE("a file over the size limit") {
        std::string huge = kTemplate;
        huge.resize((64u << 20) + 1, ' ');  // valid JSON, padded: refused before parsing
        checkCase("over-64-mib", huge, {"/", {"file is larger than 64 MiB"}, 1, 1});
    }
}
