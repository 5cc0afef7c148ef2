// Validation of a digest's structure (core/digest_parser.h): JSON syntax, types, format, required fields, empty
// lists, keys, nesting, every problem reported and located as FILE:LINE:COL: /pointer: message.
#include <string>
#include <vector>

#include "core/digest_parser.h"
#include "digest_validation_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::digest_validation;

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

}  // TEST_SUITE
