// The bad-input matrix for digest files (docs/ROBUSTNESS.md): truncated and empty files, wrong types at every
// level, missing required fields, invalid UTF-8, BOMs, duplicate ids, impossible months, unsafe URLs, huge
// strings, deep nesting, a million tiny entries, unknown fields and topics. Every case is loaded together with
// the real seed corpus through core::loadCorpus and must
//   - report a clear, located problem: "bad/<case>.json:LINE:COL: /pointer: message" with the expected words,
//   - not crash, and stay bounded (diagnostic lines are short, whatever the input),
//   - leave everything else loaded: all seed digests and papers (5 and 75 today), no problem reported in them.
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus_loader.h"
#include "core/json_reader.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

// A valid digest whose every field is on a known line (line numbers are 1-based).
const std::string kTemplate = R"({
  "format": 1,
  "id": "2099-01-bad",
  "month": "2099-01",
  "published": "2099-01-15",
  "title": "坏的摘要",
  "source": "Test",
  "author": "作者",
  "editors": ["编辑"],
  "language": "zh-Hans",
  "url": "https://example.com/digest",
  "intro": "介绍",
  "news": [{"text": "新闻", "links": [{"label": "链接", "url": "https://example.com/news"}]}],
  "sections": [{"id": "main", "title": "本月论文"}],
  "papers": [
    {
      "id": "bad-input-matrix-paper",
      "section": "main",
      "title": "A Paper Only The Bad Input Matrix Has",
      "title_zh": "只有坏输入矩阵才有的论文",
      "authors": ["Ada Lovelace"],
      "authors_truncated": false,
      "links": {"arxiv": "https://arxiv.org/abs/2205.06175"},
      "topics": ["language-models"],
      "summary": "摘要",
      "why": "原因",
      "insight": "见解"
    }
  ],
  "references": [{"label": "[1]", "text": "参考", "url": "https://example.com/ref"}]
}
)";

// `text` with `from` (which must occur exactly once) replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the template: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "ambiguous in the template: " << from);
    return text.replace(at, from.size(), to);
}

// The template with one member removed, via the JSON tree (`path` = parent pointer, `key` = member).
std::string without(const std::string& parent, const std::string& key) {
    ojson j = ojson::parse(kTemplate);
    j[ojson::json_pointer(parent)].erase(key);
    return j.dump(2);
}

// The seed corpus files, read once.
const std::vector<SourceFile>& seedFiles() {
    static const std::vector<SourceFile> files = [] {
        std::vector<std::string> errors;
        std::vector<SourceFile> f = papertide::io::readCorpusDirectory(dataDir(), errors);
        REQUIRE_MESSAGE(errors.empty(), errors.front());
        return f;
    }();
    return files;
}

struct Baseline {
    size_t digests = 0;
    size_t papers = 0;
    std::vector<std::string> digestIds;
};

const Baseline& baseline() {
    static const Baseline b = [] {
        Baseline out;
        std::vector<Diagnostic> diagnostics;
        Corpus c = loadCorpus(splitCorpusFiles(seedFiles()), diagnostics);
        REQUIRE_MESSAGE(countErrors(diagnostics) == 0, dump(diagnostics));
        out.digests = c.digests.size();
        out.papers = c.papers.size();
        for (const Digest& d : c.digests) out.digestIds.push_back(d.id);
        return out;
    }();
    return b;
}

struct Outcome {
    Corpus corpus;
    std::vector<Diagnostic> diagnostics;
    std::vector<Diagnostic> mine;  // the bad file's diagnostics
};

// Loads the seed corpus plus `bytes` as bad/<name>.json (a bundled digest, or a reader's file).
Outcome loadWithSeed(const std::string& name, const std::string& bytes, bool asUserDigest = false) {
    CorpusInput input = splitCorpusFiles(seedFiles());
    SourceFile bad{"bad/" + name + ".json", bytes};
    (asUserDigest ? input.userDigests : input.digests).push_back(std::move(bad));
    Outcome out;
    out.corpus = loadCorpus(input, out.diagnostics);
    for (const Diagnostic& d : out.diagnostics)
        if (d.file == "bad/" + name + ".json") out.mine.push_back(d);
    return out;
}

// Everything but the bad files is there, untouched; every diagnostic is short and readable.
void checkSeedIntact(const Outcome& o, size_t badDigestsLoaded) {
    const Baseline& b = baseline();
    CHECK(b.digests == 5);  // the seed corpus as of this writing; the rest of the checks follow the data
    CHECK(b.papers == 75);
    CHECK(o.corpus.digests.size() == b.digests + badDigestsLoaded);
    for (const std::string& id : b.digestIds) CHECK_MESSAGE(o.corpus.findDigest(id) != nullptr, id);
    if (badDigestsLoaded == 0) CHECK(o.corpus.papers.size() == b.papers);
    else CHECK(o.corpus.papers.size() >= b.papers);
    for (const Diagnostic& d : o.diagnostics) {
        std::string line = formatDiagnostic(d);
        CHECK_MESSAGE(d.file.rfind("bad/", 0) == 0, "a seed file got a diagnostic: " << line.substr(0, 300));
        CHECK_MESSAGE(line.size() < 2000, "diagnostic of " << line.size() << " bytes: " << line.substr(0, 300));
        CHECK_MESSAGE(findInvalidUtf8(line) == std::string::npos, "not UTF-8: " << line.substr(0, 300));
    }
}

struct Expect {
    std::string pointer;                // RFC 6901 pointer as printed ("/" for the root)
    std::vector<std::string> keywords;  // all must occur in the message
    int line = 0, column = 0;           // 0: any (but always >= 1)
    Severity severity = Severity::Error;
};

struct Case {
    std::string name;
    std::string text;
    Expect expect;
};

std::string shortDump(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += formatDiagnostic(d).substr(0, 300) + "\n";
    return out;
}

// The expected diagnostic is among `mine`, located and formatted as "bad/<name>.json:L:C: /pointer: message".
void checkExpected(const std::string& name, const std::vector<Diagnostic>& mine, const Expect& e) {
    CAPTURE(name);
    INFO(shortDump(mine));
    bool found = false;
    for (const Diagnostic& d : mine) {
        std::string shown = d.pointer.empty() ? "/" : d.pointer;
        if (d.severity != e.severity || shown != e.pointer) continue;
        bool words = true;
        for (const std::string& k : e.keywords) words = words && contains(d.message, k);
        if (!words) continue;
        found = true;
        CHECK(d.line >= 1);
        CHECK(d.column >= 1);
        if (e.line) CHECK(d.line == e.line);
        if (e.column) CHECK(d.column == e.column);
        std::string line = formatDiagnostic(d);
        std::string prefix = "bad/" + name + ".json:" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + shown + ": ";
        CHECK(line.rfind(prefix, 0) == 0);
        if (e.severity == Severity::Warning) CHECK(contains(line, ": warning: "));
    }
    CHECK_MESSAGE(found, "expected " << e.pointer.substr(0, 200) << ": " << (e.keywords.empty() ? "" : e.keywords[0]));
}

bool loadedFrom(const Corpus& c, const std::string& file) {
    return std::any_of(c.digests.begin(), c.digests.end(), [&](const Digest& d) { return d.file == file; });
}

// One bad file beside the seed (as a bundled digest, or as a reader's own file).
void checkCase(const std::string& name, const std::string& bytes, const Expect& e, bool asUserDigest = false) {
    Outcome o = loadWithSeed(name, bytes, asUserDigest);
    checkExpected(name, o.mine, e);
    bool loaded = loadedFrom(o.corpus, "bad/" + name + ".json");
    CHECK(loaded == (e.severity == Severity::Warning));
    CHECK(loaded == (countErrors(o.mine) == 0));
    checkSeedIntact(o, loaded ? 1 : 0);
}

// Many bad files at once beside the seed (one load: fast, and the bad files must not disturb each other either).
// All of them must be rejected.
void checkCases(const std::vector<Case>& cases) {
    CorpusInput input = splitCorpusFiles(seedFiles());
    for (const Case& c : cases) {
        REQUIRE(c.expect.severity == Severity::Error);
        input.digests.push_back({"bad/" + c.name + ".json", c.text});
    }
    Outcome o;
    o.corpus = loadCorpus(input, o.diagnostics);
    for (const Case& c : cases) {
        std::string file = "bad/" + c.name + ".json";
        std::vector<Diagnostic> mine;
        for (const Diagnostic& d : o.diagnostics)
            if (d.file == file) mine.push_back(d);
        checkExpected(c.name, mine, c.expect);
        CHECK_MESSAGE(!loadedFrom(o.corpus, file), c.name);
    }
    checkSeedIntact(o, 0);
}

std::string t(const std::string& from, const std::string& to) { return replaced(kTemplate, from, to); }

}  // namespace

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

TEST_CASE("bad input: wrong types at the root and in every top-level field") {
    checkCases({
        {"root-array", "[]", {"/", {"expected an object, got an array"}, 1, 1}},
        {"root-string", "\"digest\"", {"/", {"expected an object, got a string"}, 1, 1}},
        {"root-number", "42", {"/", {"expected an object, got a number"}, 1, 1}},
        {"root-null", "null", {"/", {"expected an object, got null"}, 1, 1}},
        {"root-bool", "true", {"/", {"expected an object, got a boolean"}, 1, 1}},
        {"format-string", t("\"format\": 1", "\"format\": \"1\""), {"/format", {"expected an integer, got a string"}, 2, 13}},
        {"format-float", t("\"format\": 1", "\"format\": 1.5"), {"/format", {"expected an integer, got a number"}, 2, 13}},
        {"format-2", t("\"format\": 1", "\"format\": 2"), {"/format", {"unsupported format 2", "reads format 1"}, 2, 13}},
        {"id-number", t("\"id\": \"2099-01-bad\"", "\"id\": 2099"), {"/id", {"expected a string, got a number"}, 3, 9}},
        {"id-object", t("\"id\": \"2099-01-bad\"", "\"id\": {}"), {"/id", {"expected a string, got an object"}, 3, 9}},
        {"month-number", t("\"month\": \"2099-01\"", "\"month\": 209901"), {"/month", {"expected a string, got a number"}, 4, 12}},
        {"published-bool", t("\"published\": \"2099-01-15\"", "\"published\": true"), {"/published", {"expected a string, got a boolean"}, 5, 16}},
        {"title-array", t("\"title\": \"坏的摘要\"", "\"title\": [\"坏的摘要\"]"), {"/title", {"expected a string, got an array"}, 6, 12}},
        {"source-null", t("\"source\": \"Test\"", "\"source\": null"), {"/source", {"expected a string, got null"}, 7, 13}},
        {"author-number", t("\"author\": \"作者\"", "\"author\": 7"), {"/author", {"expected a string, got a number"}, 8, 13}},
        {"editors-string", t("\"editors\": [\"编辑\"]", "\"editors\": \"编辑\""), {"/editors", {"expected an array, got a string"}, 9, 14}},
        {"editors-item", t("\"editors\": [\"编辑\"]", "\"editors\": [\"编辑\", 5]"), {"/editors/1", {"expected a string, got a number"}, 9, 21}},
        {"language-array", t("\"language\": \"zh-Hans\"", "\"language\": [\"zh\"]"), {"/language", {"expected a string, got an array"}, 10, 15}},
        {"url-number", t("\"url\": \"https://example.com/digest\"", "\"url\": 1"), {"/url", {"expected a string, got a number"}, 11, 10}},
        {"intro-object", t("\"intro\": \"介绍\"", "\"intro\": {\"text\": \"介绍\"}"), {"/intro", {"expected a string, got an object"}, 12, 12}},
        {"news-object", t(R"("news": [{"text": "新闻", "links": [{"label": "链接", "url": "https://example.com/news"}]}])", R"("news": {"text": "新闻"})"),
         {"/news", {"expected an array, got an object"}, 13, 11}},
        {"sections-object", t("\"sections\": [{\"id\": \"main\", \"title\": \"本月论文\"}]", "\"sections\": {\"id\": \"main\"}"),
         {"/sections", {"expected an array, got an object"}, 14, 15}},
        {"papers-string", without("", "papers").insert(1, "\n  \"papers\": \"none\","), {"/papers", {"expected an array, got a string"}, 2, 13}},
        {"references-string", t("\"references\": [{\"label\": \"[1]\", \"text\": \"参考\", \"url\": \"https://example.com/ref\"}]", "\"references\": \"[1] 参考\""),
         {"/references", {"expected an array, got a string"}, 30, 17}},
    });
}

TEST_CASE("bad input: wrong types inside news, sections, references and links") {
    const std::string news = R"("news": [{"text": "新闻", "links": [{"label": "链接", "url": "https://example.com/news"}]}])";
    const std::string refs = R"("references": [{"label": "[1]", "text": "参考", "url": "https://example.com/ref"}])";
    checkCases({
        {"news-item-string", t(news, R"("news": ["新闻"])"), {"/news/0", {"expected an object, got a string"}, 13, 12}},
        {"news-text-number", t(R"({"text": "新闻")", R"({"text": 1)"), {"/news/0/text", {"expected a string, got a number"}, 13, 21}},
        {"news-links-object", t(R"("links": [{"label": "链接", "url": "https://example.com/news"}])", R"("links": {"label": "链接"})"),
         {"/news/0/links", {"expected an array, got an object"}, 13, 36}},
        {"news-link-string", t(R"([{"label": "链接", "url": "https://example.com/news"}])", R"(["https://example.com/news"])"),
         {"/news/0/links/0", {"expected an object, got a string"}, 13, 37}},
        {"news-link-label-number", t(R"("label": "链接")", R"("label": 1)"), {"/news/0/links/0/label", {"expected a string, got a number"}, 13, 47}},
        {"news-link-url-array", t(R"("url": "https://example.com/news")", R"("url": ["https://example.com/news"])"),
         {"/news/0/links/0/url", {"expected a string, got an array"}, 13, 0}},
        {"section-item-number", t(R"([{"id": "main", "title": "本月论文"}])", "[1]"), {"/sections/0", {"expected an object, got a number"}, 14, 16}},
        {"section-id-number", t(R"({"id": "main", "title": "本月论文"})", R"({"id": 1, "title": "本月论文"})"), {"/sections/0/id", {"expected a string, got a number"}, 14, 23}},
        {"section-title-bool", t(R"("title": "本月论文")", R"("title": false)"), {"/sections/0/title", {"expected a string, got a boolean"}, 14, 0}},
        {"reference-item-array", t(refs, R"("references": [["[1]", "参考"]])"), {"/references/0", {"expected an object, got an array"}, 30, 18}},
        {"reference-label-number", t(R"("label": "[1]")", R"("label": 1)"), {"/references/0/label", {"expected a string, got a number"}, 30, 28}},
        {"reference-text-null", t(R"("text": "参考")", R"("text": null)"), {"/references/0/text", {"expected a string, got null"}, 30, 0}},
        {"reference-url-number", t(R"("url": "https://example.com/ref")", R"("url": 404)"), {"/references/0/url", {"expected a string, got a number"}, 30, 0}},
        {"paper-links-array", t(R"("links": {"arxiv": "https://arxiv.org/abs/2205.06175"})", R"("links": ["https://arxiv.org/abs/2205.06175"])"),
         {"/papers/0/links", {"expected an object, got an array"}, 23, 16}},
        {"paper-link-number", t(R"({"arxiv": "https://arxiv.org/abs/2205.06175"})", R"({"arxiv": 2205.06175})"),
         {"/papers/0/links/arxiv", {"expected a string, got a number"}, 23, 26}},
        {"paper-link-bad-name", t(R"({"arxiv": "https://arxiv.org/abs/2205.06175"})", R"({"ArXiv Link": "https://arxiv.org/abs/2205.06175"})"),
         {"/papers/0/links/ArXiv Link", {"link names are lowercase letters"}, 23, 17}},
        {"paper-link-name-with-slash", t(R"({"arxiv": "https://arxiv.org/abs/2205.06175"})", R"({"a/b~c": "https://arxiv.org/abs/2205.06175"})"),
         {"/papers/0/links/a~1b~0c", {"link names are lowercase letters"}, 23, 17}},
    });
}

TEST_CASE("bad input: wrong types in every paper field") {
    checkCases({
        {"papers-item-string", without("", "papers").insert(1, "\n  \"papers\": [\"bad-input-matrix-paper\"],"),
         {"/papers/0", {"expected an object, got a string"}, 2, 14}},
        {"paper-id-number", t(R"("id": "bad-input-matrix-paper")", R"("id": 42)"), {"/papers/0/id", {"expected a string, got a number"}, 17, 13}},
        {"paper-section-array", t(R"("section": "main")", R"("section": ["main"])"), {"/papers/0/section", {"expected a string, got an array"}, 18, 18}},
        {"paper-title-number", t(R"("title": "A Paper Only The Bad Input Matrix Has")", R"("title": 3.14)"), {"/papers/0/title", {"expected a string, got a number"}, 19, 16}},
        {"paper-title-zh-object", t(R"("title_zh": "只有坏输入矩阵才有的论文")", R"("title_zh": {})"), {"/papers/0/title_zh", {"expected a string, got an object"}, 20, 19}},
        {"paper-authors-string", t(R"("authors": ["Ada Lovelace"])", R"("authors": "Ada Lovelace")"), {"/papers/0/authors", {"expected an array, got a string"}, 21, 18}},
        {"paper-authors-item-null", t(R"("authors": ["Ada Lovelace"])", R"("authors": ["Ada Lovelace", null])"), {"/papers/0/authors/1", {"expected a string, got null"}, 21, 35}},
        {"paper-authors-truncated-string", t(R"("authors_truncated": false)", R"("authors_truncated": "yes")"), {"/papers/0/authors_truncated", {"expected a boolean, got a string"}, 22, 28}},
        {"paper-topics-string", t(R"("topics": ["language-models"])", R"("topics": "language-models")"), {"/papers/0/topics", {"expected an array, got a string"}, 24, 17}},
        {"paper-topics-item-number", t(R"("topics": ["language-models"])", R"("topics": [1])"), {"/papers/0/topics/0", {"expected a string, got a number"}, 24, 18}},
        {"paper-summary-number", t(R"("summary": "摘要")", R"("summary": 0)"), {"/papers/0/summary", {"expected a string, got a number"}, 25, 18}},
        {"paper-why-array", t(R"("why": "原因")", R"("why": ["原因"])"), {"/papers/0/why", {"expected a string, got an array"}, 26, 14}},
        {"paper-insight-bool", t(R"("insight": "见解")", R"("insight": true)"), {"/papers/0/insight", {"expected a string, got a boolean"}, 27, 18}},
        {"paper-empty-title", t(R"("title": "A Paper Only The Bad Input Matrix Has")", R"("title": "  　 ")"), {"/papers/0/title", {"expected non-empty text"}, 19, 16}},
        {"paper-bad-id", t(R"("id": "bad-input-matrix-paper")", R"("id": "Bad Input Matrix Paper")"), {"/papers/0/id", {"expected \"arxiv:NNNN.NNNNN\" or an id"}, 17, 13}},
        {"paper-bad-arxiv-id", t(R"("id": "bad-input-matrix-paper")", R"("id": "arxiv:2205.06175v2")"), {"/papers/0/id", {"expected \"arxiv:NNNN.NNNNN\""}, 17, 13}},
        {"paper-section-undeclared", t(R"("section": "main")", R"("section": "others")"), {"/papers/0/section", {"section \"others\" is not declared in /sections"}, 18, 18}},
        {"paper-too-many-topics", t(R"("topics": ["language-models"])", R"("topics": ["language-models", "vision", "graphs", "theory"])"),
         {"/papers/0/topics", {"1-3 topics", "got 4"}, 24, 17}},
        {"paper-topic-twice", t(R"("topics": ["language-models"])", R"("topics": ["vision", "vision"])"), {"/papers/0/topics/1", {"topic \"vision\" is listed twice"}, 24, 28}},
    });
}

TEST_CASE("bad input: missing required fields") {
    struct Missing {
        std::string parent, key, pointer;
    };
    std::vector<Case> cases;
    for (const Missing& m : std::vector<Missing>{
             {"", "format", "/"}, {"", "id", "/"}, {"", "month", "/"}, {"", "title", "/"}, {"", "source", "/"},
             {"", "language", "/"}, {"", "sections", "/"}, {"", "papers", "/"},
             {"/papers/0", "id", "/papers/0"}, {"/papers/0", "section", "/papers/0"}, {"/papers/0", "title", "/papers/0"},
             {"/papers/0", "authors", "/papers/0"}, {"/news/0", "text", "/news/0"}, {"/news/0/links/0", "label", "/news/0/links/0"},
             {"/news/0/links/0", "url", "/news/0/links/0"}, {"/sections/0", "id", "/sections/0"}, {"/sections/0", "title", "/sections/0"},
             {"/references/0", "text", "/references/0"}}) {
        std::string name = "missing-" + (m.parent.empty() ? std::string("root") : m.parent.substr(1)) + "-" + m.key;
        std::replace(name.begin(), name.end(), '/', '-');
        cases.push_back({name, without(m.parent, m.key), {m.pointer, {"missing required field \"" + m.key + "\""}}});
    }
    checkCases(cases);
    // A missing member is reported at the object that lacks it.
    checkCase("missing-title-located", without("", "title"), {"/", {"missing required field \"title\""}, 1, 1});
    checkCases({
        {"empty-sections", t(R"([{"id": "main", "title": "本月论文"}])", "[]"), {"/sections", {"expected at least one section"}, 14, 15}},
        {"empty-papers", without("", "papers").insert(1, "\n  \"papers\": [],"), {"/papers", {"expected at least one paper"}, 2, 13}},
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
