// The positioned JSON DOM (core/json_document.h) and the location plumbing of core/diagnostics.h.
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_document.h"
#include "core/json_reader.h"
#include "test_support.h"

using namespace papertide::core;
using papertide::test::contains;

namespace {

// Parses `text`; on failure returns the formatted diagnostic ("f.json:L:C: /ptr: message"), else "".
std::string parseError(std::string_view text, const JsonLimits& limits = {}) {
    JsonDocument doc;
    JsonParseError error;
    if (doc.parse(text, error, limits)) return "";
    return formatDiagnostic(describeParseError("f.json", text, error));
}

std::vector<std::string> childKeys(const JsonDocument& doc, const JsonNode& n) {
    std::vector<std::string> keys;
    for (const JsonNode& c : doc.children(n)) keys.push_back(c.key);
    return keys;
}

}  // namespace

TEST_SUITE("json_document") {

TEST_CASE("parse builds a tree with kinds, values, keys and child order") {
    std::string text = R"({"s": "语言\n\"q\"", "i": -42, "u": 18446744073709551615, "f": 2.5, "b": true, "n": null,
 "a": [1, "two", {"k": false}], "o": {}})";
    JsonDocument doc;
    JsonParseError error;
    REQUIRE(doc.parse(text, error));
    const JsonNode& root = doc.root();
    CHECK(root.kind == JsonKind::Object);
    CHECK(root.childCount == 8);
    CHECK(childKeys(doc, root) == std::vector<std::string>{"s", "i", "u", "f", "b", "n", "a", "o"});

    const JsonNode* s = doc.member(root, "s");
    REQUIRE(s);
    CHECK(s->kind == JsonKind::String);
    CHECK(s->text == "语言\n\"q\"");
    CHECK(doc.member(root, "i")->kind == JsonKind::Integer);
    CHECK(doc.member(root, "i")->integer == -42);
    CHECK(doc.member(root, "i")->number == -42.0);
    // Beyond int64: kept as a number, not wrapped around.
    CHECK(doc.member(root, "u")->kind == JsonKind::Float);
    CHECK(doc.member(root, "u")->number > 1.8e19);
    CHECK(doc.member(root, "f")->kind == JsonKind::Float);
    CHECK(doc.member(root, "f")->number == 2.5);
    CHECK(doc.member(root, "b")->kind == JsonKind::Bool);
    CHECK(doc.member(root, "b")->boolean);
    CHECK(doc.member(root, "n")->kind == JsonKind::Null);
    CHECK(doc.member(root, "missing") == nullptr);

    const JsonNode* a = doc.member(root, "a");
    REQUIRE(a);
    CHECK(a->kind == JsonKind::Array);
    CHECK(a->childCount == 3);
    std::vector<JsonKind> kinds;
    for (const JsonNode& c : doc.children(*a)) kinds.push_back(c.kind);
    CHECK(kinds == std::vector<JsonKind>{JsonKind::Integer, JsonKind::String, JsonKind::Object});
    CHECK(doc.member(*a, "k") == nullptr);  // member() only looks into objects
    const JsonNode* o = doc.member(root, "o");
    REQUIRE(o);
    CHECK(o->childCount == 0);
    CHECK(o->firstChild == kNoNode);
    CHECK(doc.nodeCount() == 13);
}

TEST_CASE("every value remembers the byte offset where it starts, and members where their key starts") {
    std::string text = "{\n  \"title\": \"Gato\",\n  \"list\" : [ 10 , \"x\",{\"k\":1} ],\n  \"n\":7}";
    JsonDocument doc;
    JsonParseError error;
    REQUIRE(doc.parse(text, error));
    const JsonNode& root = doc.root();
    CHECK(root.offset == 0);
    const JsonNode* title = doc.member(root, "title");
    REQUIRE(title);
    CHECK(title->offset == text.find("\"Gato\""));
    CHECK(title->keyOffset == text.find("\"title\""));
    const JsonNode* list = doc.member(root, "list");
    REQUIRE(list);
    CHECK(list->offset == text.find('['));
    CHECK(list->keyOffset == text.find("\"list\""));
    std::vector<uint32_t> offsets;
    for (const JsonNode& c : doc.children(*list)) offsets.push_back(c.offset);
    CHECK(offsets == std::vector<uint32_t>{uint32_t(text.find("10")), uint32_t(text.find("\"x\"")),
                                           uint32_t(text.find("{\"k\""))});
    const JsonNode* n = doc.member(root, "n");
    REQUIRE(n);
    CHECK(n->offset == text.find('7'));
    CHECK(n->keyOffset == text.find("\"n\""));

    LineIndex lines(text);
    int line = 0, column = 0;
    lines.locate(title->offset, line, column);
    CHECK(line == 2);
    CHECK(column == 12);
    lines.locate(n->offset, line, column);
    CHECK(line == 4);
    CHECK(column == 7);
}

TEST_CASE("a UTF-8 byte order mark at the start is accepted and offsets still point at the values") {
    std::string text = "\xEF\xBB\xBF{\"a\": [1]}";
    JsonDocument doc;
    JsonParseError error;
    REQUIRE(doc.parse(text, error));
    CHECK(doc.root().kind == JsonKind::Object);
    CHECK(doc.root().offset == 3);
    const JsonNode* a = doc.member(doc.root(), "a");
    REQUIRE(a);
    CHECK(a->offset == text.find('['));
    CHECK(a->keyOffset == text.find("\"a\""));
}

TEST_CASE("syntax errors: truncated, empty, trailing garbage, bad literals - located where parsing stopped") {
    CHECK(parseError("{\"a\": ") == "f.json:1:7: /a: invalid JSON: unexpected end of input (truncated file?)");
    CHECK(parseError("{\"a\": [1, 2") == "f.json:1:12: /a/2: invalid JSON: unexpected end of input (truncated file?)");
    CHECK(parseError("{\n  \"papers\": [\n    {\"id\": \"x\"") ==
          "f.json:3:15: /papers/0: invalid JSON: unexpected end of input (truncated file?)");
    CHECK(parseError("") == "f.json:1:1: /: invalid JSON: unexpected end of input (truncated file?)");
    CHECK(parseError("   \n  ") == "f.json:2:3: /: invalid JSON: unexpected end of input (truncated file?)");
    CHECK(parseError("{} x") == "f.json:1:4: /: invalid JSON: invalid literal; expected end of input");
    CHECK(parseError("{}\n{}") == "f.json:2:1: /: invalid JSON: unexpected '{'; expected end of input");
    CHECK(parseError("[1,]") == "f.json:1:4: /1: invalid JSON: unexpected ']'; expected '[', '{', or a literal");
    CHECK(parseError("{\"a\":1,}") == "f.json:1:8: /: invalid JSON: unexpected '}'; expected string literal");
    CHECK(parseError("{\"a\": tru}") == "f.json:1:10: /a: invalid JSON: invalid literal");
    CHECK(parseError("{\"a\": 01}") == "f.json:1:8: /: invalid JSON: unexpected number literal; expected '}'");
    CHECK(parseError("{\"a/b~c\": [tru]}") == "f.json:1:15: /a~1b~0c/0: invalid JSON: invalid literal");
    CHECK(parseError("\xEF\xBB\xBF") == "f.json:1:1: /: invalid JSON: unexpected end of input (truncated file?)");
}

TEST_CASE("syntax error messages do not leak parser internals or the offending bytes") {
    std::string e = parseError("[1e999]");
    CHECK(contains(e, "f.json:1:"));
    CHECK(contains(e, "/0: invalid JSON: "));
    CHECK(contains(e, "number overflow"));
    CHECK_FALSE(contains(e, "json.exception"));
    CHECK_FALSE(contains(parseError("{\"a\": \"x\xFFy\"}"), "\xFF"));
    CHECK_FALSE(contains(parseError("{\"a\": tru}"), "last read"));
}

TEST_CASE("column numbers count characters, not bytes") {
    // 语言 are 6 bytes but 2 columns: the bad literal is at column 12, not 16.
    CHECK(parseError("{\"语言\": [1, x]}") == "f.json:1:12: /语言/1: invalid JSON: invalid literal");
    CHECK(parseError("{\"t\": \"语言模型\", \"a\": tru}") == "f.json:1:23: /a: invalid JSON: invalid literal");
}

TEST_CASE("invalid UTF-8 and bad escapes inside strings are rejected at the offending byte") {
    CHECK(parseError("{\"a\": \"x\xFFy\"}") == "f.json:1:9: /a: invalid JSON: invalid string: ill-formed UTF-8 byte");
    CHECK(parseError("{\"a\":\n  [\"ok\", \"\xC3\"]}") == "f.json:2:12: /a/1: invalid JSON: invalid string: ill-formed UTF-8 byte");
    CHECK(parseError("{\"a\": \"\xED\xA0\x80\"}") == "f.json:1:9: /a: invalid JSON: invalid string: ill-formed UTF-8 byte");
    CHECK(parseError("{\"a\": \"\xC0\xAF\"}") == "f.json:1:8: /a: invalid JSON: invalid string: ill-formed UTF-8 byte");
    CHECK(parseError("{\"a\":\"\\ud800\"}") ==
          "f.json:1:13: /a: invalid JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
    CHECK(parseError("{\"a\":\"\\udc00x\"}") ==
          "f.json:1:12: /a: invalid JSON: invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
    CHECK(parseError("{\"a\":\"\x01\"}") ==
          "f.json:1:7: /a: invalid JSON: invalid string: control character U+0001 (SOH) must be escaped to \\u0001");
    // A valid surrogate pair is one code point.
    JsonDocument doc;
    JsonParseError error;
    REQUIRE(doc.parse("{\"a\":\"\\ud83d\\ude00\"}", error));
    CHECK(doc.member(doc.root(), "a")->text == "\xF0\x9F\x98\x80");
}

TEST_CASE("duplicate keys are an error at the later key, with the pointer of the duplicate") {
    CHECK(parseError("{\"format\": 1, \"format\": 1}") ==
          "f.json:1:15: /format: duplicate key \"format\" (a later value would silently replace an earlier one)");
    CHECK(parseError("{\"a\":1, \"b\": {\"c\": 2, \"c\": 3}}") ==
          "f.json:1:23: /b/c: duplicate key \"c\" (a later value would silently replace an earlier one)");
    CHECK(parseError("[{\"x\":1},{\"x\":2,\"y\":1,\"x\":3}]") ==
          "f.json:1:23: /1/x: duplicate key \"x\" (a later value would silently replace an earlier one)");
    CHECK(parseError("{\"papers\": [\n  {\"id\": \"a\",\n   \"title\": \"T\",\n   \"id\": \"b\"}]}") ==
          "f.json:4:4: /papers/0/id: duplicate key \"id\" (a later value would silently replace an earlier one)");
    // The same key in different objects is fine.
    CHECK(parseError("[{\"x\":1},{\"x\":2}]") == "");
}

TEST_CASE("100,000 levels of nesting are an error, not a stack overflow") {
    std::string arrays(100000, '[');
    std::string e = parseError(arrays);
    CHECK(contains(e, "f.json:1:65: /0/0/0/"));
    CHECK(contains(e, ": nesting deeper than 64 levels"));

    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    e = parseError(objects);
    CHECK(contains(e, "f.json:1:"));
    CHECK(contains(e, "/a/a/a/"));
    CHECK(contains(e, "nesting deeper than 64 levels"));

    // Balanced and deep (closed properly) is rejected the same way.
    std::string balanced = std::string(5000, '[') + std::string(5000, ']');
    CHECK(contains(parseError(balanced), "nesting deeper than 64 levels"));
    // 64 levels are fine.
    CHECK(parseError(std::string(64, '[') + std::string(64, ']')) == "");
    CHECK(contains(parseError(std::string(65, '[') + std::string(65, ']')), "f.json:1:65: "));
}

TEST_CASE("limits: bytes, nodes and depth are configurable") {
    JsonLimits small;
    small.maxBytes = 10;
    CHECK(contains(parseError("[1, 2, 3, 4, 5]", small), "larger than"));
    JsonLimits fewNodes;
    fewNodes.maxNodes = 3;
    CHECK(parseError("[1, 2]", fewNodes) == "");
    CHECK(parseError("[1, 2, 3]", fewNodes) == "f.json:1:8: /2: too many values (more than 3)");
    JsonLimits shallow;
    shallow.maxDepth = 2;
    CHECK(parseError("[[1]]", shallow) == "");
    CHECK(parseError("{\"a\": [[1]]}", shallow) == "f.json:1:8: /a/0: nesting deeper than 2 levels");
}

TEST_CASE("a failed parse leaves no partial tree behind and the document can be reused") {
    JsonDocument doc;
    JsonParseError error;
    CHECK_FALSE(doc.parse("[1, 2, x", error));
    CHECK(doc.nodeCount() == 0);
    REQUIRE(doc.parse("[true]", error));
    CHECK(doc.nodeCount() == 2);
    CHECK(doc.root().kind == JsonKind::Array);
}

TEST_CASE("a 10 MB string parses and keeps its length") {
    std::string big(10u << 20, 'x');
    std::string text = "{\"s\": \"" + big + "\", \"after\": 1}";
    JsonDocument doc;
    JsonParseError error;
    REQUIRE(doc.parse(text, error));
    CHECK(doc.member(doc.root(), "s")->text.size() == big.size());
    CHECK(doc.member(doc.root(), "after")->offset == text.size() - 2);
}

TEST_CASE("describeKind names kinds for messages") {
    CHECK(std::string(describeKind(JsonKind::String)) == "a string");
    CHECK(std::string(describeKind(JsonKind::Integer)) == "a number");
    CHECK(std::string(describeKind(JsonKind::Float)) == "a number");
    CHECK(std::string(describeKind(JsonKind::Array)) == "an array");
    CHECK(std::string(describeKind(JsonKind::Object)) == "an object");
    CHECK(std::string(describeKind(JsonKind::Bool)) == "a boolean");
    CHECK(std::string(describeKind(JsonKind::Null)) == "null");
}

}  // TEST_SUITE

TEST_SUITE("diagnostics") {

TEST_CASE("LineIndex maps byte offsets to 1-based line and code-point column") {
    std::string text = "ab\n语言x\n\nz";
    LineIndex lines(text);
    int line = 0, column = 0;
    lines.locate(0, line, column);
    CHECK((line == 1 && column == 1));
    lines.locate(2, line, column);  // the newline itself ends line 1
    CHECK((line == 1 && column == 3));
    lines.locate(3, line, column);
    CHECK((line == 2 && column == 1));
    lines.locate(text.find('x'), line, column);
    CHECK((line == 2 && column == 3));
    lines.locate(text.find("\n\n") + 1, line, column);
    CHECK((line == 3 && column == 1));
    lines.locate(text.find('z'), line, column);
    CHECK((line == 4 && column == 1));
    lines.locate(text.size() + 100, line, column);  // clamped to the end
    CHECK((line == 4 && column == 2));
}

TEST_CASE("appendPointer escapes ~ and / as RFC 6901 requires") {
    CHECK(appendPointer("", "papers") == "/papers");
    CHECK(appendPointer("/papers", size_t(3)) == "/papers/3");
    CHECK(appendPointer("/links", "a/b") == "/links/a~1b");
    CHECK(appendPointer("/links", "~x") == "/links/~0x");
    CHECK(appendPointer("", "~/") == "/~0~1");
    CHECK(appendPointer("", "") == "/");
}

TEST_CASE("formatDiagnostic: FILE:LINE:COL: POINTER: message, with warnings marked") {
    Diagnostic d;
    d.file = "data/digests/x.json";
    d.line = 41;
    d.column = 18;
    d.pointer = "/papers/2/section";
    d.message = "section \"others\" is not declared in /sections";
    CHECK(formatDiagnostic(d) == "data/digests/x.json:41:18: /papers/2/section: section \"others\" is not declared in /sections");
    d.severity = Severity::Warning;
    d.message = "unknown field \"summery\" is ignored (a typo?)";
    CHECK(formatDiagnostic(d) == "data/digests/x.json:41:18: /papers/2/section: warning: unknown field \"summery\" is ignored (a typo?)");
    Diagnostic whole;
    whole.file = "topics.json";
    whole.message = "cannot read";
    CHECK(formatDiagnostic(whole) == "topics.json: /: cannot read");
    CHECK(countErrors({d, whole, whole}) == 2);
    CHECK(countErrors({}) == 0);
}

}  // TEST_SUITE
