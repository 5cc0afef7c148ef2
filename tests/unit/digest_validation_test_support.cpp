// The validation tests' test digest, edits and checks (digest_validation_test_support.h).
#include "digest_validation_test_support.h"

namespace papertide::test::digest_validation {

std::string digestText(const std::string& head, const std::string& paper) {
    return head + "  \"papers\": [\n" + paper + "\n  ]\n}\n";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the test document: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "ambiguous in the test document: " << from);
    return text.replace(at, from.size(), to);
}

Result validate(const std::string& text, const std::string& file) {
    Result r;
    r.record = parseDigest(file, text, testLookup(), r.diagnostics);
    r.ok = r.record.has_value();
    r.lines = formatted(r.diagnostics);
    r.errors = countErrors(r.diagnostics);
    return r;
}

Result validatePaper(const std::string& from, const std::string& to) { return validate(digestText(kHead, replaced(kPaper, from, to))); }
Result validateHead(const std::string& from, const std::string& to) { return validate(digestText(replaced(kHead, from, to))); }

void expectOnly(const Result& r, const std::string& expected) {
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.ok);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == expected);
}

}  // namespace papertide::test::digest_validation
