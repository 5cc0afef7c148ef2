// Replays the fuzz targets' inputs through the same harnesses (tests/fuzz/harness_*.cpp) in the ordinary unit
// tests: every file of tests/fuzz/regressions/<target>/ (inputs that once broke something) and of the seed
// corpora tests/fuzz/corpus/<target>/. A broken invariant is a failed check here instead of an abort.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/harness_support.h"
#include "../fuzz/harnesses.h"
#include "core/view_state.h"
#include "test_support.h"

using namespace papertide::test;

namespace papertide::fuzz {

// The unit tests' side of invariant.h: reported at the harness's own file and line, and the replay goes on.
void brokenInvariant(const char* file, int line, const char* condition, const std::string& what) {
    ADD_FAIL_CHECK_AT(file, line, "invariant broken: " << std::string(condition) << "\n  " << what);
}

}  // namespace papertide::fuzz

namespace {

using Harness = int (*)(const uint8_t*, size_t);

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

size_t replay(const std::string& target, Harness harness) {
    size_t count = 0;
    for (const char* kind : {"regressions", "corpus"}) {
        for (const std::string& path : filesIn(sourceDir() + "/tests/fuzz/" + kind + "/" + target)) {
            CAPTURE(path);
            std::string bytes = readText(path);
            CHECK(harness(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("fuzz regressions and seeds replay cleanly") {
    SUBCASE("digest") { CHECK(replay("digest", papertide::fuzz::digest) >= 10); }
    SUBCASE("view_state") { CHECK(replay("view_state", papertide::fuzz::viewState) >= 10); }
    SUBCASE("search") { CHECK(replay("search", papertide::fuzz::search) >= 10); }
    SUBCASE("reader_data") { CHECK(replay("reader_data", papertide::fuzz::readerData) >= 5); }
    SUBCASE("snapshot") { CHECK(replay("snapshot", papertide::fuzz::snapshot) >= 1); }
}

TEST_CASE("fuzz regression: parse errors never echo the input's bytes") {
    // Found by fuzz_digest: the text of a string with an ill-formed UTF-8 byte contained "; expected", which
    // made the message cleaner keep nlohmann's excerpt of the input (invalid UTF-8) in the diagnostic.
    std::string text = "{\"title\": \"a; expected \xFF b\"}";
    std::vector<Diagnostic> diagnostics;
    CHECK_FALSE(parseDigest("x.json", text, testLookup(), diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(formatDiagnostic(diagnostics[0]) == "x.json:1:24: /title: invalid JSON: invalid string: ill-formed UTF-8 byte");
    CHECK(papertide::fuzz::validUtf8(formatDiagnostic(diagnostics[0])));
}

TEST_CASE("fuzz regression: picks=1 survives the URL round trip") {
    // Found by fuzz_view_state: "picks=1" decoded to minPicks 1, which encodes to nothing and decodes to 0.
    ViewState first = decodeViewState("#picks=1");
    CHECK(decodeViewState(encodeViewState(first)) == first);
    CHECK(decodeViewState("#picks=3").filter.minPicks == 3);
    CHECK(encodeViewState(decodeViewState("#picks=3")) == "#picks=3");
}
