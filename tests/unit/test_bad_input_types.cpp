// The bad-input matrix (bad_input_test_support.h), the document's shape: wrong types at the root, in every top-level
// field, inside news, sections, references and links and in every paper field, and missing required fields.
#include <algorithm>
#include <string>
#include <vector>

#include "bad_input_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::bad_input;

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
