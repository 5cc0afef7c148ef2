// Validation of a digest's field values (core/digest_parser.h, core/json_reader.h, core/month.h): months and dates,
// sections, topics, URLs, paper ids and text lengths, each problem located as FILE:LINE:COL: /pointer: message.
#include <string>
#include <vector>

#include "core/digest_parser.h"
#include "core/json_reader.h"
#include "core/month.h"
#include "digest_validation_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::digest_validation;

TEST_SUITE("validation") {

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
