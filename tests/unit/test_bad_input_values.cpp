// The bad-input matrix (bad_input_test_support.h), field values: duplicate ids, impossible months and dates, unsafe
// URLs, unknown fields and topics, and several bad files at once beside a bad topics.json.
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "bad_input_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::bad_input;

TEST_CASE("bad input: duplicate ids within a file and across files") {
    // The same digest id as a seed digest: the seed keeps it, the new file is skipped, wherever it comes from.
    std::string clash = t("\"id\": \"2099-01-bad\"", "\"id\": \"2022-06-zeta-alpha-trends\"");
    for (bool user : {false, true}) {
        CAPTURE(user);
        Outcome o = loadWithSeed("duplicate-digest-id", clash, user);
        REQUIRE(o.mine.size() == 1);
        CHECK(formatDiagnostic(o.mine[0]).rfind("bad/duplicate-digest-id.json:3:9: /id: duplicate digest id \"2022-06-zeta-alpha-trends\" (already used by ", 0) == 0);
        CHECK(contains(o.mine[0].message, "2022-06-zeta-alpha-trends.json); this digest is skipped"));
        checkSeedIntact(o, 0);
        CHECK(o.corpus.findDigest("2022-06-zeta-alpha-trends")->file.rfind("bad/", 0) != 0);
    }
    checkCases({
        {"duplicate-section-id", t(R"([{"id": "main", "title": "本月论文"}])", R"([{"id": "main", "title": "本月论文"}, {"id": "main", "title": "又一个"}])"),
         {"/sections/1/id", {"duplicate section id \"main\""}, 14, 56}},
        {"duplicate-topic-key", t(R"("topics": ["language-models"])", R"("topics": ["language-models"], "topics": ["vision"])"),
         {"/papers/0/topics", {"duplicate key \"topics\""}, 24, 38}},
    });
    // A paper id that a seed digest uses merges with that paper (by design); a different title is a warning.
    Outcome o = loadWithSeed("shared-paper-id", t(R"("id": "bad-input-matrix-paper")", R"("id": "arxiv:2205.06175")"));
    CHECK(countErrors(o.mine) == 0);
    REQUIRE(o.mine.size() == 1);
    CHECK(o.mine[0].pointer == "/papers/0");
    CHECK(contains(o.mine[0].message, "title differs from \"A Generalist Agent\""));
    checkSeedIntact(o, 1);
    CHECK(o.corpus.papers.size() == baseline().papers);  // merged, not added
}

TEST_CASE("bad input: impossible months and dates") {
    std::vector<Case> cases;
    for (const char* m : {"2099-13", "2099-00", "2099-1", "99-01", "1899-12", "2200-01", "2099-01-01", " 2099-01", "２０９９-０１", "2099/01", "2099-1a", "+209-01"}) {
        cases.push_back({std::string("month-") + std::to_string(cases.size()), t("\"month\": \"2099-01\"", std::string("\"month\": \"") + m + "\""),
                         {"/month", {"expected a month as \"YYYY-MM\""}, 4, 12}});
    }
    for (const char* d : {"2099-02-29", "2100-02-29", "2099-04-31", "2099-01-00", "2099-01", "2099-1-15", "15.01.2099"}) {
        cases.push_back({std::string("published-") + std::to_string(cases.size()),
                         t("\"published\": \"2099-01-15\"", std::string("\"published\": \"") + d + "\""),
                         {"/published", {"expected a date as \"YYYY-MM-DD\""}, 5, 16}});
    }
    checkCases(cases);
    // Leap days exist.
    Outcome o = loadWithSeed("leap-day", t("\"published\": \"2099-01-15\"", "\"published\": \"2096-02-29\""));
    CHECK_MESSAGE(o.mine.empty(), dump(o.mine));
}

TEST_CASE("bad input: unsafe and malformed URLs") {
    std::vector<Case> cases;
    for (const std::string& url : std::vector<std::string>{"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
                            "ftp://example.com/x", "//example.com/x", "example.com", "https://", "https:///path", "https://exa mple.com",
                            "https://example.com/a b", "https://example.com/\"onmouseover=", "https://example.com/<script>",
                            "https://user:pass@evil.example/", "https://example.com@evil.example/", "https://example.com:99999/",
                            "https://example.com:/", "https://example.com:8a/", "https://-example.com/", "https://.example.com/",
                            "https://exa_mple.com/", "https://example.com\\@evil/", "https://example.com/\x7F", "https://example.com/\t",
                            "https://example.com/`x`", "http:example.com", std::string("https://example.com/") + std::string(2100, 'a')}) {
        std::string json = nlohmann::json(url).dump();
        cases.push_back({"url-" + std::to_string(cases.size()), t("\"url\": \"https://example.com/digest\"", "\"url\": " + json),
                         {"/url", {"expected an http:// or https:// URL", "only http and https links are allowed"}, 11, 10}});
    }
    cases.push_back({"paper-link-javascript", t("\"https://arxiv.org/abs/2205.06175\"", "\"javascript:alert(document.cookie)\""),
                     {"/papers/0/links/arxiv", {"only http and https links are allowed", "javascript:alert"}, 23, 26}});
    cases.push_back({"news-link-data", t("\"https://example.com/news\"", "\"data:text/html;base64,PHNjcmlwdD4=\""),
                     {"/news/0/links/0/url", {"only http and https links are allowed"}, 13, 0}});
    cases.push_back({"reference-url-file", t("\"https://example.com/ref\"", "\"file:///C:/Windows\""),
                     {"/references/0/url", {"only http and https links are allowed"}, 30, 0}});
    checkCases(cases);
    // Upper-case schemes, ports, IDN hosts, query strings and fragments are fine.
    for (const std::string& url : std::vector<std::string>{"HTTPS://EXAMPLE.COM/A", "http://example.com:8080/x?y=1&z=%20#frag", "https://例子.测试/路径", "https://[::1]/"}) {
        CAPTURE(url);
        Outcome o = loadWithSeed("good-url", t("\"url\": \"https://example.com/digest\"", "\"url\": " + nlohmann::json(url).dump()));
        bool ok = countErrors(o.mine) == 0;
        if (url == "https://[::1]/") CHECK_FALSE(ok);  // IP literals are not accepted: a digest links to named hosts
        else CHECK_MESSAGE(ok, dump(o.mine));
    }
}

TEST_CASE("bad input: unknown fields are warnings; the digest still loads") {
    for (const auto& [name, from, to, pointer, line] : std::vector<std::tuple<std::string, std::string, std::string, std::string, int>>{
             {"unknown-root", "  \"format\": 1,", "  \"format\": 1,\n  \"summery\": \"typo\",", "/summery", 3},
             {"unknown-paper", "      \"why\": \"原因\",", "      \"why\": \"原因\",\n      \"wyh\": 1,", "/papers/0/wyh", 27},
             {"unknown-section", R"({"id": "main", "title": "本月论文"})", R"({"id": "main", "title": "本月论文", "order": 1})", "/sections/0/order", 14},
             {"unknown-news", R"({"text": "新闻",)", R"({"text": "新闻", "date": "2099-01-02",)", "/news/0/date", 13},
             {"unknown-news-link", R"("url": "https://example.com/news"})", R"("url": "https://example.com/news", "rel": "x"})", "/news/0/links/0/rel", 13},
             {"unknown-reference", R"("url": "https://example.com/ref"})", R"("url": "https://example.com/ref", "doi": "10.1/x"})", "/references/0/doi", 30},
             {"unknown-odd-key", "  \"format\": 1,", "  \"format\": 1,\n  \"a/b~c\": null,", "/a~1b~0c", 3},
         }) {
        checkCase(name, t(from, to), {pointer, {"unknown field", "is ignored (a typo?)"}, line, 0, Severity::Warning});
    }
    // "$schema" is always allowed, anywhere.
    Outcome o = loadWithSeed("schema-member", t("\"format\": 1,", "\"$schema\": \"../schema/digest.schema.json\", \"format\": 1,"));
    CHECK_MESSAGE(o.mine.empty(), dump(o.mine));
}

TEST_CASE("bad input: unknown topics") {
    checkCases({
        {"unknown-topic", t(R"(["language-models"])", R"(["language-models", "llm"])"), {"/papers/0/topics/1", {"unknown topic \"llm\" (not in topics.json)"}, 24, 37}},
        {"topic-wrong-case", t(R"(["language-models"])", R"(["Language-Models"])"), {"/papers/0/topics/0", {"unknown topic \"Language-Models\""}, 24, 18}},
        {"topic-label-not-id", t(R"(["language-models"])", R"(["语言模型"])"), {"/papers/0/topics/0", {"unknown topic \"语言模型\""}, 24, 18}},
        {"topic-empty-string", t(R"(["language-models"])", R"([""])"), {"/papers/0/topics/0", {"expected non-empty text"}, 24, 18}},
    });
    // An empty topic list is only a warning: topics are then inferred.
    checkCase("topics-empty-list", t(R"(["language-models"])", "[]"), {"/papers/0/topics", {"empty topic list", "inferred"}, 24, 17, Severity::Warning});
}

TEST_CASE("bad input: several bad files at once, and a bad topics.json") {
    CorpusInput input = splitCorpusFiles(seedFiles());
    input.digests.push_back({"bad/a.json", ""});
    input.digests.push_back({"bad/b.json", "[]"});
    input.userDigests.push_back({"bad/c.json", t("\"month\": \"2099-01\"", "\"month\": \"2099-13\"")});
    input.userDigests.push_back({"bad/d.json", kTemplate});  // a good one among them
    Outcome o;
    o.corpus = loadCorpus(input, o.diagnostics);
    CHECK(countErrors(o.diagnostics) == 3);
    checkSeedIntact(o, 1);
    CHECK(o.corpus.findDigest("2099-01-bad") != nullptr);

    // A broken topics.json: reported, and then every digest that names a topic is rejected (nothing is guessed).
    CorpusInput broken = splitCorpusFiles(seedFiles());
    broken.taxonomy.bytes = broken.taxonomy.bytes.substr(0, broken.taxonomy.bytes.size() / 2);
    std::vector<Diagnostic> diagnostics;
    Corpus c = loadCorpus(broken, diagnostics);
    REQUIRE_FALSE(diagnostics.empty());
    CHECK(contains(formatDiagnostic(diagnostics[0]), "topics.json:"));
    CHECK(contains(diagnostics[0].message, "invalid JSON"));
    CHECK(c.topics.empty());
    CHECK(c.digests.empty());
}
