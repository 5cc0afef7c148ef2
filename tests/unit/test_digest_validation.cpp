// Validation of digest files, topics.json and the corpus loader: every problem located as
// FILE:LINE:COL: /pointer: message, bad digests skipped while the rest still load.
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/digest_parser.h"
#include "core/json_reader.h"
#include "core/month.h"
#include "core/taxonomy.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

// Lines 1-8 of the test digest; the papers list starts on line 9.
const std::string kHead = R"({
  "format": 1,
  "id": "2022-06-test",
  "month": "2022-06",
  "title": "测试摘要",
  "source": "Test",
  "language": "zh-Hans",
  "sections": [{"id": "main", "title": "本月论文"}],
)";

// Lines 10-18: one paper entry.
const std::string kPaper = R"(    {
      "id": "arxiv:2205.06175",
      "section": "main",
      "title": "A Generalist Agent",
      "authors": ["Scott Reed", "Konrad Żołna"],
      "links": {"arxiv": "https://arxiv.org/abs/2205.06175"},
      "topics": ["rl"],
      "summary": "加托是一个通用智能体。"
    })";

std::string digestText(const std::string& head = kHead, const std::string& paper = kPaper) {
    return head + "  \"papers\": [\n" + paper + "\n  ]\n}\n";
}

// `text` with `from` (which must occur exactly once) replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the test document: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "ambiguous in the test document: " << from);
    return text.replace(at, from.size(), to);
}

struct Result {
    bool ok = false;
    std::optional<DigestRecord> record;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> lines;
    size_t errors = 0;
};

Result validate(const std::string& text, const std::string& file = "t.json") {
    Result r;
    r.record = parseDigest(file, text, testLookup(), r.diagnostics);
    r.ok = r.record.has_value();
    r.lines = formatted(r.diagnostics);
    r.errors = countErrors(r.diagnostics);
    return r;
}

// The paper entry with `from` replaced, inside an otherwise valid digest.
Result validatePaper(const std::string& from, const std::string& to) { return validate(digestText(kHead, replaced(kPaper, from, to))); }
Result validateHead(const std::string& from, const std::string& to) { return validate(digestText(replaced(kHead, from, to))); }

// Exactly one diagnostic, and it is `expected`.
void expectOnly(const Result& r, const std::string& expected) {
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == expected);
}

}  // namespace

TEST_SUITE("validation") {

TEST_CASE("the test digest itself is valid and parses into a record") {
    Result r = validate(digestText());
    INFO(dump(r.diagnostics));
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    const DigestRecord& d = *r.record;
    CHECK(d.digest.id == "2022-06-test");
    CHECK(d.digest.month == month("2022-06"));
    CHECK(d.digest.title == "测试摘要");
    CHECK(d.digest.language == "zh-Hans");
    CHECK(d.digest.file == "t.json");
    REQUIRE(d.digest.sections.size() == 1);
    CHECK(d.digest.sections[0].title == "本月论文");
    REQUIRE(d.papers.size() == 1);
    const PaperEntry& p = d.papers[0];
    CHECK(p.id == "arxiv:2205.06175");
    CHECK(p.title == "A Generalist Agent");
    CHECK(p.authors == std::vector<std::string>{"Scott Reed", "Konrad Żołna"});
    CHECK_FALSE(p.authorsTruncated);
    REQUIRE(p.links.size() == 1);
    CHECK(p.links[0].name == "arxiv");
    CHECK(p.links[0].url == "https://arxiv.org/abs/2205.06175");
    CHECK(p.topics == (TopicMask(1) << 2));  // "rl" is the third test topic
    CHECK(p.summary == "加托是一个通用智能体。");
    CHECK(p.where.line == 10);
    CHECK(p.where.column == 5);
    CHECK(p.where.pointer == "/papers/0");
}

TEST_CASE("not JSON at all: truncated, empty, trailing garbage") {
    std::string full = digestText();
    expectOnly(validate(full.substr(0, full.find("\"topics\""))),
               "t.json:16:7: /papers/0: invalid JSON: unexpected end of input (truncated file?)");
    expectOnly(validate(""), "t.json:1:1: /: invalid JSON: unexpected end of input (truncated file?)");
    expectOnly(validate(full + "}"), "t.json:21:1: /: invalid JSON: unexpected '}'; expected end of input");
    expectOnly(validate(full + "garbage"), "t.json:21:1: /: invalid JSON: invalid literal; expected end of input");
}

TEST_CASE("wrong types at every level are located at the offending value") {
    expectOnly(validate("[]"), "t.json:1:1: /: expected an object, got an array");
    expectOnly(validate("\"digest\""), "t.json:1:1: /: expected an object, got a string");
    expectOnly(validate(kHead + "  \"papers\": {\"id\": \"x\"}\n}"), "t.json:9:13: /papers: expected an array, got an object");
    expectOnly(validate(kHead + "  \"papers\": [\"arxiv:2205.06175\"]\n}"),
               "t.json:9:14: /papers/0: expected an object, got a string");
    expectOnly(validatePaper("\"title\": \"A Generalist Agent\"", "\"title\": 42"),
               "t.json:13:16: /papers/0/title: expected a string, got a number");
    expectOnly(validatePaper("\"title\": \"A Generalist Agent\"", "\"title\": null"),
               "t.json:13:16: /papers/0/title: expected a string, got null");
    expectOnly(validatePaper("[\"Scott Reed\", \"Konrad Żołna\"]", "\"Scott Reed\""),
               "t.json:14:18: /papers/0/authors: expected an array, got a string");
    expectOnly(validatePaper("\"Konrad Żołna\"]", "7]"), "t.json:14:33: /papers/0/authors/1: expected a string, got a number");
    expectOnly(validatePaper("{\"arxiv\": \"https://arxiv.org/abs/2205.06175\"}", "[\"https://arxiv.org/abs/2205.06175\"]"),
               "t.json:15:16: /papers/0/links: expected an object, got an array");
    expectOnly(validatePaper("[\"rl\"]", "\"rl\""), "t.json:16:17: /papers/0/topics: expected an array, got a string");
    expectOnly(validatePaper("[\"rl\"]", "[3]"), "t.json:16:18: /papers/0/topics/0: expected a string, got a number");
    expectOnly(validatePaper("\"summary\": \"加托是一个通用智能体。\"", "\"authors_truncated\": \"yes\""),
               "t.json:17:28: /papers/0/authors_truncated: expected a boolean, got a string");
    expectOnly(validatePaper("\"summary\": \"加托是一个通用智能体。\"", "\"summary\": [\"加托\"]"),
               "t.json:17:18: /papers/0/summary: expected a string, got an array");
    expectOnly(validateHead("\"title\": \"测试摘要\"", "\"title\": {\"zh\": \"测试摘要\"}"),
               "t.json:5:12: /title: expected a string, got an object");
    expectOnly(validateHead("\"id\": \"2022-06-test\"", "\"id\": 202206"), "t.json:3:9: /id: expected a string, got a number");
}

TEST_CASE("sections of the wrong type: the type error comes first") {
    Result r = validateHead("[{\"id\": \"main\", \"title\": \"本月论文\"}]", "{\"main\": \"本月论文\"}");
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.lines.empty());
    CHECK(r.lines[0] == "t.json:8:15: /sections: expected an array, got an object");
}

TEST_CASE("format must be the integer 1") {
    expectOnly(validateHead("\"format\": 1", "\"format\": 2"), "t.json:2:13: /format: unsupported format 2; this version reads format 1");
    expectOnly(validateHead("\"format\": 1", "\"format\": 0"), "t.json:2:13: /format: unsupported format 0; this version reads format 1");
    expectOnly(validateHead("\"format\": 1", "\"format\": \"1\""), "t.json:2:13: /format: expected an integer, got a string");
    expectOnly(validateHead("\"format\": 1", "\"format\": 1.5"), "t.json:2:13: /format: expected an integer, got a number");
    expectOnly(validateHead("  \"format\": 1,\n", "\n"), "t.json:1:1: /: missing required field \"format\"");
}

TEST_CASE("missing required fields are reported at the object that lacks them, one line each") {
    expectOnly(validateHead("  \"month\": \"2022-06\",\n", "\n"), "t.json:1:1: /: missing required field \"month\"");
    expectOnly(validatePaper("      \"title\": \"A Generalist Agent\",\n", ""), "t.json:10:5: /papers/0: missing required field \"title\"");
    expectOnly(validatePaper("      \"section\": \"main\",\n", ""), "t.json:10:5: /papers/0: missing required field \"section\"");
    expectOnly(validatePaper("      \"authors\": [\"Scott Reed\", \"Konrad Żołna\"],\n", ""),
               "t.json:10:5: /papers/0: missing required field \"authors\"");

    Result r = validate("{}");
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    std::vector<std::string> expected;
    for (const char* key : {"format", "id", "month", "title", "source", "language", "sections", "papers"})
        expected.push_back(std::string("t.json:1:1: /: missing required field \"") + key + "\"");
    CHECK(r.lines == expected);

    Result empty = validate(digestText(kHead, "    {}"));
    INFO(dump(empty.diagnostics));
    CHECK(empty.lines == std::vector<std::string>{"t.json:10:5: /papers/0: missing required field \"id\"",
                                                  "t.json:10:5: /papers/0: missing required field \"section\"",
                                                  "t.json:10:5: /papers/0: missing required field \"title\"",
                                                  "t.json:10:5: /papers/0: missing required field \"authors\""});
}

TEST_CASE("empty lists and empty text") {
    expectOnly(validate(kHead + "  \"papers\": []\n}"), "t.json:9:13: /papers: expected at least one paper");
    Result noSections = validateHead("[{\"id\": \"main\", \"title\": \"本月论文\"}]", "[]");
    CHECK(noSections.lines == std::vector<std::string>{"t.json:8:15: /sections: expected at least one section",
                                                       "t.json:12:18: /papers/0/section: section \"main\" is not declared in /sections"});
    expectOnly(validatePaper("\"A Generalist Agent\"", "\"\""), "t.json:13:16: /papers/0/title: expected non-empty text");
    expectOnly(validatePaper("\"A Generalist Agent\"", "\" \\n \""), "t.json:13:16: /papers/0/title: expected non-empty text");
    expectOnly(validatePaper("\"Konrad Żołna\"", "\"\""), "t.json:14:33: /papers/0/authors/1: expected non-empty text");
    // An empty author list is allowed (the page names nobody).
    Result noAuthors = validatePaper("[\"Scott Reed\", \"Konrad Żołna\"]", "[]");
    INFO(dump(noAuthors.diagnostics));
    CHECK(noAuthors.ok);
    CHECK(noAuthors.diagnostics.empty());
}

TEST_CASE("months must be YYYY-MM with a real month") {
    for (const char* bad : {"2022-13", "2022-6", "22-06", "2022/06", "2022-00", "2022-06-01", "June 2022", "２０２２-06"}) {
        CAPTURE(std::string(bad));
        expectOnly(validateHead("\"month\": \"2022-06\"", std::string("\"month\": \"") + bad + "\""),
                   std::string("t.json:4:12: /month: expected a month as \"YYYY-MM\" (e.g. \"2022-06\"), got \"") + bad + "\"");
    }
    expectOnly(validateHead("\"month\": \"2022-06\"", "\"month\": \"\""), "t.json:4:12: /month: expected non-empty text");
    Result ok = validateHead("\"month\": \"2022-06\"", "\"month\": \"1999-12\"");
    CHECK(ok.ok);
}

TEST_CASE("published dates must be real calendar days") {
    auto withDate = [](const std::string& date) {
        return validateHead("\"source\": \"Test\",", "\"source\": \"Test\", \"published\": \"" + date + "\",");
    };
    for (const char* bad : {"2022-02-30", "2022-02-29", "2021-04-31", "2022-06-00", "2022-13-01", "2022-6-1", "2022-06-1"}) {
        CAPTURE(std::string(bad));
        expectOnly(withDate(bad), std::string("t.json:6:34: /published: expected a date as \"YYYY-MM-DD\", got \"") + bad + "\"");
    }
    for (const char* good : {"2024-02-29", "2000-02-29", "2022-12-31", "2022-06-01"}) {
        CAPTURE(std::string(good));
        Result r = withDate(good);
        INFO(dump(r.diagnostics));
        CHECK(r.ok);
        CHECK(r.record->digest.published == good);
    }
    CHECK_FALSE(withDate("1900-02-29").ok);  // not a leap year
}

TEST_CASE("invalid UTF-8 inside a string is a located error; a BOM at the start is accepted") {
    expectOnly(validatePaper("\"A Generalist Agent\"", "\"A Generalist \xFF Agent\""),
               "t.json:13:30: /papers/0/title: invalid JSON: invalid string: ill-formed UTF-8 byte");
    expectOnly(validatePaper("\"加托是一个通用智能体。\"", "\"加托\xE6\x98\""),
               "t.json:17:22: /papers/0/summary: invalid JSON: invalid string: ill-formed UTF-8 byte");
    Result bom = validate("\xEF\xBB\xBF" + digestText());
    INFO(dump(bom.diagnostics));
    CHECK(bom.ok);
    CHECK(bom.diagnostics.empty());
    // NUL characters are rejected even when escaped.
    expectOnly(validatePaper("\"A Generalist Agent\"", "\"A\\u0000B\""), "t.json:13:16: /papers/0/title: text contains a NUL character");
}

TEST_CASE("duplicate keys are reported where the second one starts") {
    expectOnly(validatePaper("      \"section\": \"main\",\n", "      \"section\": \"main\",\n      \"title\": \"Gato\",\n"),
               "t.json:14:7: /papers/0/title: duplicate key \"title\" (a later value would silently replace an earlier one)");
    expectOnly(validateHead("  \"source\": \"Test\",\n", "  \"source\": \"Test\",\n  \"month\": \"2022-07\",\n"),
               "t.json:7:3: /month: duplicate key \"month\" (a later value would silently replace an earlier one)");
}

TEST_CASE("section ids are unique and papers may only use declared sections") {
    expectOnly(validateHead("[{\"id\": \"main\", \"title\": \"本月论文\"}]",
                            "[{\"id\": \"main\", \"title\": \"本月论文\"}, {\"id\": \"main\", \"title\": \"重复\"}]"),
               "t.json:8:56: /sections/1/id: duplicate section id \"main\"");
    expectOnly(validatePaper("\"section\": \"main\"", "\"section\": \"others\""),
               "t.json:12:18: /papers/0/section: section \"others\" is not declared in /sections");
    expectOnly(validatePaper("\"section\": \"main\"", "\"section\": \"Main\""),
               "t.json:12:18: /papers/0/section: expected an id of lowercase letters, digits and '-' (e.g. \"language-models\"), got \"Main\"");
    expectOnly(validateHead("{\"id\": \"main\", \"title\": \"本月论文\"}", "{\"id\": \"main\"}"),
               "t.json:8:16: /sections/0: missing required field \"title\"");
}

TEST_CASE("topics must exist in topics.json, at most 3, each once; an empty list is a warning") {
    expectOnly(validatePaper("[\"rl\"]", "[\"rl\", \"llm\"]"), "t.json:16:24: /papers/0/topics/1: unknown topic \"llm\" (not in topics.json)");
    expectOnly(validatePaper("[\"rl\"]", "[\"rl\", \"rl\"]"), "t.json:16:24: /papers/0/topics/1: topic \"rl\" is listed twice");
    expectOnly(validatePaper("[\"rl\"]", "[\"rl\", \"vision\", \"diffusion\", \"general\"]"),
               "t.json:16:17: /papers/0/topics: a paper has 1-3 topics, most relevant first; got 4");
    Result three = validatePaper("[\"rl\"]", "[\"rl\", \"vision\", \"diffusion\"]");
    INFO(dump(three.diagnostics));
    CHECK(three.ok);
    CHECK(three.record->papers[0].topics == ((TopicMask(1) << 1) | (TopicMask(1) << 2) | (TopicMask(1) << 3)));

    Result empty = validatePaper("[\"rl\"]", "[]");
    INFO(dump(empty.diagnostics));
    CHECK(empty.ok);
    CHECK(empty.lines == std::vector<std::string>{"t.json:16:17: /papers/0/topics: warning: empty topic list; topics will be inferred from the text"});
    CHECK(empty.record->papers[0].topics == 0);
}

TEST_CASE("URLs must be plain http(s) URLs") {
    const std::string from = "\"https://arxiv.org/abs/2205.06175\"";
    for (const char* bad : {"javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "http://", "https://",
                            "https://arxiv.org/abs/2205 06175", "https://arxiv.org/abs/\\t1", "http://user@evil.example/x",
                            "https://user:pass@arxiv.org/", "ftp://arxiv.org/x", "//arxiv.org/abs/1", "arxiv.org/abs/1",
                            "https://arxiv.org:99999/", "https://-arxiv.org/", "http:/arxiv.org", " https://arxiv.org/"}) {
        CAPTURE(std::string(bad));
        Result r = validatePaper(from, std::string("\"") + bad + "\"");
        INFO(dump(r.diagnostics));
        CHECK_FALSE(r.ok);
        REQUIRE(r.lines.size() == 1);
        CHECK(contains(r.lines[0], "t.json:15:26: /papers/0/links/arxiv: expected an http:// or https:// URL, got \""));
        CHECK(contains(r.lines[0], "(only http and https links are allowed)"));
    }
    for (const char* good : {"http://example.com", "https://arxiv.org/pdf/2205.06175.pdf", "HTTPS://Example.com/a?b=c#d",
                             "https://example.com:8080/x", "https://例子.中国/论文"}) {
        CAPTURE(std::string(good));
        Result r = validatePaper(from, std::string("\"") + good + "\"");
        INFO(dump(r.diagnostics));
        CHECK(r.ok);
    }
    expectOnly(validatePaper("{\"arxiv\":", "{\"ArXiv\":"),
               "t.json:15:17: /papers/0/links/ArXiv: link names are lowercase letters, digits and '-' (e.g. \"arxiv\", \"code\")");
    // The digest's own URL and reference URLs follow the same rule.
    expectOnly(validateHead("\"source\": \"Test\",", "\"source\": \"Test\", \"url\": \"javascript:void(0)\","),
               "t.json:6:28: /url: expected an http:// or https:// URL, got \"javascript:void(0)\" (only http and https links are allowed)");
}

TEST_CASE("isSafeHttpUrl and isArxivId") {
    CHECK(isSafeHttpUrl("https://arxiv.org/abs/2205.06175"));
    CHECK(isSafeHttpUrl("http://a.b"));
    CHECK_FALSE(isSafeHttpUrl("https://a.b/" + std::string(3000, 'x')));
    CHECK_FALSE(isSafeHttpUrl("https://a.b/\x7f"));
    CHECK_FALSE(isSafeHttpUrl("https://a.b/\"onmouseover"));
    CHECK_FALSE(isSafeHttpUrl("https://a.b/<script>"));
    CHECK_FALSE(isSafeHttpUrl("https://:80/"));
    CHECK_FALSE(isSafeHttpUrl("https://a.b:/"));
    CHECK(isArxivId("2205.06175"));
    CHECK(isArxivId("0704.0001"));
    CHECK(isArxivId("1412.9999"));
    CHECK(isArxivId("1501.00001"));
    CHECK_FALSE(isArxivId("1501.0001"));   // 4-digit numbers end with 1412
    CHECK_FALSE(isArxivId("1412.00001"));  // 5-digit numbers start with 1501
    CHECK_FALSE(isArxivId("0612.0001"));   // before the new scheme (April 2007)
    CHECK_FALSE(isArxivId("2213.06175"));  // month 13
    CHECK_FALSE(isArxivId("2200.06175"));
    CHECK_FALSE(isArxivId("2205.0617"  "55"));
    CHECK_FALSE(isArxivId("2205.06175v2"));
    CHECK_FALSE(isArxivId("hep-th/9901001"));
    CHECK_FALSE(isArxivId("2205-06175"));
}

TEST_CASE("paper ids: arxiv:NNNN.NNNNN or a lowercase slug of at most 120 characters") {
    for (const char* bad : {"Arxiv:2205.06175", "arxiv:2205.6175", "arxiv:2213.06175", "arxiv:2205.06175v1", "arXiv:2205.06175",
                            "a generalist agent", "-generalist", "generalist_agent", "Generalist"}) {
        CAPTURE(std::string(bad));
        expectOnly(validatePaper("\"arxiv:2205.06175\"", std::string("\"") + bad + "\""),
                   std::string("t.json:11:13: /papers/0/id: expected \"arxiv:NNNN.NNNNN\" or an id of lowercase letters, digits and '-', got \"") +
                       bad + "\"");
    }
    CHECK(validatePaper("\"arxiv:2205.06175\"", "\"a-generalist-agent\"").ok);
    CHECK(validatePaper("\"arxiv:2205.06175\"", "\"arxiv:0704.0001\"").ok);
    CHECK(validatePaper("\"arxiv:2205.06175\"", "\"" + std::string(120, 'a') + "\"").ok);
    expectOnly(validatePaper("\"arxiv:2205.06175\"", "\"" + std::string(121, 'a') + "\""),
               "t.json:11:13: /papers/0/id: text is 121 bytes long; the limit here is 120");
    expectOnly(validateHead("\"id\": \"2022-06-test\"", "\"id\": \"2022_06\""),
               "t.json:3:9: /id: expected an id of lowercase letters, digits and '-' (e.g. \"language-models\"), got \"2022_06\"");
}

TEST_CASE("huge strings: over the 256 KiB text limit, a 10 MB summary, an over-long title") {
    std::string over(256 * 1024 + 1, 'x');
    expectOnly(validatePaper("\"加托是一个通用智能体。\"", "\"" + over + "\""),
               "t.json:17:18: /papers/0/summary: text is 262145 bytes long; the limit here is 262144");
    CHECK(validatePaper("\"加托是一个通用智能体。\"", "\"" + std::string(256 * 1024, 'x') + "\"").ok);
    std::string huge(10u << 20, 'y');
    expectOnly(validatePaper("\"加托是一个通用智能体。\"", "\"" + huge + "\""),
               "t.json:17:18: /papers/0/summary: text is 10485760 bytes long; the limit here is 262144");
    expectOnly(validatePaper("\"A Generalist Agent\"", "\"" + std::string(1025, 't') + "\""),
               "t.json:13:16: /papers/0/title: text is 1025 bytes long; the limit here is 1024");
    // Long text in Chinese: the limit counts bytes; the message never dumps the text.
    Result r = validatePaper("\"加托是一个通用智能体。\"", "\"" + std::string(300 * 1024 / 3 * 3, 'z') + "\"");
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].size() < 200);
}

TEST_CASE("deep nesting inside a digest is a located error, not a crash") {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Result r = validatePaper("\"加托是一个通用智能体。\"", deep);
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    REQUIRE(r.lines.size() == 1);
    CHECK(contains(r.lines[0], "t.json:17:"));
    CHECK(contains(r.lines[0], " /papers/0/summary/0/0/"));
    CHECK(contains(r.lines[0], ": nesting deeper than 64 levels"));
}

TEST_CASE("unknown fields are warnings at the key; the digest still loads") {
    Result r = validatePaper("\"summary\": \"加托是一个通用智能体。\"", "\"summery\": \"加托是一个通用智能体。\"");
    INFO(dump(r.diagnostics));
    REQUIRE(r.ok);
    CHECK(r.errors == 0);
    CHECK(r.lines == std::vector<std::string>{"t.json:17:7: /papers/0/summery: warning: unknown field \"summery\" is ignored (a typo?)"});
    CHECK(r.record->papers[0].summary.empty());

    Result top = validateHead("  \"language\": \"zh-Hans\",\n", "  \"language\": \"zh-Hans\",\n  \"edtors\": [\"x\"],\n");
    INFO(dump(top.diagnostics));
    REQUIRE(top.ok);
    CHECK(top.lines == std::vector<std::string>{"t.json:8:3: /edtors: warning: unknown field \"edtors\" is ignored (a typo?)"});

    Result schema = validateHead("{\n", "{\n  \"$schema\": \"../schema/digest.schema.json\",\n");
    CHECK(schema.ok);
    CHECK(schema.diagnostics.empty());
}

TEST_CASE("every problem is reported, not just the first") {
    std::string paper = replaced(replaced(replaced(kPaper, "\"title\": \"A Generalist Agent\"", "\"title\": 42"),
                                          "\"section\": \"main\"", "\"section\": \"others\""),
                                 "[\"rl\"]", "[\"llm\"]");
    Result r = validate(digestText(replaced(kHead, "\"2022-06\"", "\"2022-13\""), paper));
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    CHECK(r.lines == std::vector<std::string>{
                         "t.json:4:12: /month: expected a month as \"YYYY-MM\" (e.g. \"2022-06\"), got \"2022-13\"",
                         "t.json:12:18: /papers/0/section: section \"others\" is not declared in /sections",
                         "t.json:13:16: /papers/0/title: expected a string, got a number",
                         "t.json:16:18: /papers/0/topics/0: unknown topic \"llm\" (not in topics.json)"});

    // Three distinct errors in three different papers -> three diagnostics.
    std::string second = replaced(kPaper, "\"title\": \"A Generalist Agent\"", "\"title\": []");
    std::string third = replaced(kPaper, "\"topics\": [\"rl\"]", "\"topics\": [\"nope\"]");
    std::string fourth = replaced(kPaper, "\"https://arxiv.org/abs/2205.06175\"", "\"data:,x\"");
    Result three = validate(digestText(kHead, kPaper + ",\n" + second + ",\n" + third + ",\n" + fourth));
    INFO(dump(three.diagnostics));
    CHECK(three.errors == 3);
    REQUIRE(three.lines.size() == 3);
    CHECK(contains(three.lines[0], ":22:16: /papers/1/title: expected a string, got an array"));
    CHECK(contains(three.lines[1], ":34:18: /papers/2/topics/0: unknown topic \"nope\""));
    CHECK(contains(three.lines[2], ":42:26: /papers/3/links/arxiv: expected an http:// or https:// URL"));
}

TEST_CASE("news, references and editors are validated too") {
    std::string head = replaced(kHead, "  \"language\": \"zh-Hans\",\n",
                                "  \"language\": \"zh-Hans\",\n"
                                "  \"editors\": [\"杜伟\", \"\"],\n"
                                "  \"news\": [{\"text\": \"新闻\", \"links\": [{\"url\": \"https://example.com\"}]}, {\"links\": []}],\n"
                                "  \"references\": [{\"label\": \"[1]\"}, {\"text\": \"引用\", \"url\": \"mailto:a@b.c\"}],\n");
    Result r = validate(digestText(head));
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    CHECK(r.lines == std::vector<std::string>{
                         "t.json:8:21: /editors/1: expected non-empty text",
                         "t.json:9:37: /news/0/links/0: missing required field \"label\"",
                         "t.json:9:71: /news/1: missing required field \"text\"",
                         "t.json:10:18: /references/0: missing required field \"text\"",
                         "t.json:10:58: /references/1/url: expected an http:// or https:// URL, got \"mailto:a@b.c\" (only http and https links are allowed)"});

    std::string good = replaced(kHead, "  \"language\": \"zh-Hans\",\n",
                                "  \"language\": \"zh-Hans\",\n"
                                "  \"news\": [{\"text\": \"新闻\", \"links\": [{\"label\": \"博客\", \"url\": \"https://example.com\"}]}],\n"
                                "  \"references\": [{\"label\": \"[1]\", \"text\": \"引用\", \"url\": \"https://example.com/r\"}],\n");
    Result ok = validate(digestText(good));
    INFO(dump(ok.diagnostics));
    REQUIRE(ok.ok);
    REQUIRE(ok.record->digest.news.size() == 1);
    REQUIRE(ok.record->digest.news[0].links.size() == 1);
    CHECK(ok.record->digest.news[0].links[0].name == "博客");
    REQUIRE(ok.record->digest.references.size() == 1);
    CHECK(ok.record->digest.references[0].url == "https://example.com/r");
}

TEST_CASE("months and dates: parseMonth, formatMonth, isValidDate") {
    CHECK(parseMonth("2022-06") == 2022 * 12 + 5);
    CHECK(*parseMonth("2022-07") - *parseMonth("2022-06") == 1);
    CHECK(*parseMonth("2023-01") - *parseMonth("2022-12") == 1);
    CHECK(formatMonth(*parseMonth("2021-11")) == "2021-11");
    CHECK(formatMonth(*parseMonth("2023-03")) == "2023-03");
    CHECK_FALSE(parseMonth("2022-13"));
    CHECK_FALSE(parseMonth("2022-6"));
    CHECK_FALSE(parseMonth("22-06"));
    CHECK_FALSE(parseMonth("1899-12"));
    CHECK_FALSE(parseMonth("2200-01"));
    CHECK_FALSE(parseMonth("2022-0a"));
    CHECK_FALSE(parseMonth("+022-06"));
    CHECK(isValidDate("2024-02-29"));
    CHECK_FALSE(isValidDate("2023-02-29"));
    CHECK_FALSE(isValidDate("2100-02-29"));
    CHECK(isValidDate("2000-02-29"));
    CHECK_FALSE(isValidDate("2022-11-31"));
    CHECK(isValidDate("2022-12-31"));
    CHECK_FALSE(isValidDate("2022-12-32"));
    CHECK_FALSE(isValidDate("2022-12-3x"));
    CHECK_FALSE(isValidDate("2022-12-031"));
}

}  // TEST_SUITE

TEST_SUITE("taxonomy") {

TEST_CASE("the test taxonomy parses; keywords are folded") {
    std::vector<Topic> topics = testTopics();
    CHECK(topics[0].id == "language-models");
    CHECK(topics[0].labelZh == "语言模型");
    CHECK(topics[0].color == 0x4e79a7u);
    CHECK(topics[0].keywordsEn == std::vector<std::string>{"language model", "llm", "gpt"});
    std::vector<Diagnostic> out;
    auto upper = parseTaxonomy("topics.json", R"({"format": 1, "topics": [
  {"id": "x", "label_en": "X", "label_zh": "叉", "color": "#ABCDEF", "keywords_en": ["GPT", "Ｄｉｆｆｕｓｉｏｎ"]}]})", out);
    INFO(dump(out));
    REQUIRE(upper.size() == 1);
    CHECK(upper[0].color == 0xabcdefu);
    CHECK(upper[0].keywordsEn == std::vector<std::string>{"gpt", "diffusion"});
}

TEST_CASE("bad topics are reported and left out; good ones are kept") {
    std::vector<Diagnostic> out;
    auto topics = parseTaxonomy("topics.json", R"({"format": 1, "topics": [
  {"id": "a", "label_en": "A", "label_zh": "甲", "color": "4e79a7"},
  {"id": "b", "label_en": "B", "label_zh": "乙", "color": "#000000"},
  {"id": "b", "label_en": "B2", "label_zh": "乙2", "color": "#000001"},
  {"id": "C", "label_en": "C", "label_zh": "丙", "color": "#000002"},
  {"id": "d", "label_zh": "丁", "color": "#000003", "colour": "#fff"}
]})", out);
    CHECK(formatted(out) == std::vector<std::string>{
                                "topics.json:2:58: /topics/0/color: expected a colour as \"#rrggbb\", got \"4e79a7\"",
                                "topics.json:4:3: /topics/2/id: duplicate topic id \"b\"",
                                "topics.json:5:10: /topics/3/id: expected an id of lowercase letters, digits and '-' (e.g. \"language-models\"), got \"C\"",
                                "topics.json:6:52: /topics/4/colour: warning: unknown field \"colour\" is ignored (a typo?)",
                                "topics.json:6:3: /topics/4: missing required field \"label_en\""});
    REQUIRE(topics.size() == 1);
    CHECK(topics[0].id == "b");
    CHECK(topics[0].labelEn == "B");
}

TEST_CASE("a taxonomy without usable topics, or of the wrong format, is an error") {
    std::vector<Diagnostic> out;
    CHECK(parseTaxonomy("topics.json", R"({"format": 1, "topics": []})", out).empty());
    CHECK(formatted(out) == std::vector<std::string>{"topics.json:1:25: /topics: the taxonomy defines no usable topic"});
    out.clear();
    parseTaxonomy("topics.json", R"({"format": 2, "topics": [{"id": "a", "label_en": "A", "label_zh": "甲", "color": "#000000"}]})", out);
    CHECK(formatted(out) == std::vector<std::string>{"topics.json:1:12: /format: unsupported format 2; this version reads format 1"});
    out.clear();
    parseTaxonomy("topics.json", "", out);
    CHECK(formatted(out) == std::vector<std::string>{"topics.json:1:1: /: invalid JSON: unexpected end of input (truncated file?)"});
}

}  // TEST_SUITE

TEST_SUITE("loader") {

TEST_CASE("a bad digest is skipped while the others still load; errors name only the bad file") {
    CorpusInput input;
    input.taxonomy = {"topics.json", kTestTaxonomy};
    input.digests.push_back({"digests/2022-06-test.json", digestText()});
    std::string bad = replaced(digestText(), "\"2022-06-test\"", "\"2022-07-bad\"");
    bad = replaced(bad, "\"title\": \"A Generalist Agent\"", "\"title\": 42");
    input.digests.push_back({"digests/2022-07-bad.json", bad});
    std::vector<Diagnostic> out;
    Corpus c = loadCorpus(input, out);
    INFO(dump(out));
    REQUIRE(c.digests.size() == 1);
    CHECK(c.digests[0].id == "2022-06-test");
    CHECK(c.papers.size() == 1);
    REQUIRE(out.size() == 1);
    CHECK(formatDiagnostic(out[0]) == "digests/2022-07-bad.json:13:16: /papers/0/title: expected a string, got a number");
    for (const Diagnostic& d : out) CHECK(d.file == "digests/2022-07-bad.json");
    CHECK(c.findDigest("2022-07-bad") == nullptr);
}

TEST_CASE("a file that is not JSON is skipped like any other bad digest") {
    CorpusInput input;
    input.taxonomy = {"topics.json", kTestTaxonomy};
    input.digests.push_back({"digests/a.json", "{\"format\": 1,"});
    input.digests.push_back({"digests/2022-06-test.json", digestText()});
    input.digests.push_back({"digests/c.json", std::string(100000, '[')});
    std::vector<Diagnostic> out;
    Corpus c = loadCorpus(input, out);
    INFO(dump(out));
    CHECK(c.digests.size() == 1);
    REQUIRE(out.size() == 2);
    CHECK(out[0].file == "digests/a.json");
    CHECK(out[1].file == "digests/c.json");
    CHECK(contains(out[1].message, "nesting deeper than 64 levels"));
}

TEST_CASE("duplicate digest ids across files: the first file keeps the id, the second is skipped with a located error") {
    CorpusInput input;
    input.taxonomy = {"topics.json", kTestTaxonomy};
    input.digests.push_back({"digests/first.json", digestText()});
    std::string second = replaced(digestText(), "\"arxiv:2205.06175\"", "\"another-paper\"");
    input.digests.push_back({"digests/second.json", second});
    std::vector<Diagnostic> out;
    Corpus c = loadCorpus(input, out);
    INFO(dump(out));
    REQUIRE(c.digests.size() == 1);
    CHECK(c.digests[0].file == "digests/first.json");
    CHECK(c.findPaper("arxiv:2205.06175") != nullptr);
    CHECK(c.findPaper("another-paper") == nullptr);
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == Severity::Error);
    CHECK(formatDiagnostic(out[0]) ==
          "digests/second.json:3:9: /id: duplicate digest id \"2022-06-test\" (already used by digests/first.json); this digest is skipped");
}

TEST_CASE("a missing or broken taxonomy: digests whose topics cannot resolve are reported") {
    CorpusInput input;
    input.taxonomy = {"topics.json", ""};
    input.digests.push_back({"digests/2022-06-test.json", digestText()});
    std::vector<Diagnostic> out;
    Corpus c = loadCorpus(input, out);
    INFO(dump(out));
    CHECK(c.topics.empty());
    CHECK(c.digests.empty());
    REQUIRE(out.size() == 2);
    CHECK(out[0].file == "topics.json");
    CHECK(formatDiagnostic(out[1]) == "digests/2022-06-test.json:16:18: /papers/0/topics/0: unknown topic \"rl\" (not in topics.json)");
}

TEST_CASE("splitCorpusFiles picks topics.json by base name") {
    CorpusInput input = splitCorpusFiles({{"data/digests/b.json", "B"}, {"data/topics.json", "T"}, {"data/digests/a.json", "A"}});
    CHECK(input.taxonomy.name == "data/topics.json");
    CHECK(input.taxonomy.bytes == "T");
    REQUIRE(input.digests.size() == 2);
    CHECK(input.digests[0].name == "data/digests/b.json");
    CHECK(input.digests[1].name == "data/digests/a.json");
    CorpusInput none = splitCorpusFiles({{"x.json", "X"}});
    CHECK(none.taxonomy.name == "topics.json");
    CHECK(none.taxonomy.bytes.empty());
}

}  // TEST_SUITE
