// Validation of topics.json (core/taxonomy.h) and of the corpus loader (core/corpus_loader.h): bad topics are left
// out, and a bad digest is skipped with located errors while the others still load.
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/taxonomy.h"
#include "digest_validation_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::digest_validation;

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
