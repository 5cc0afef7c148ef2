// Replays the import fuzz target's seeds and regressions (tests/fuzz/{corpus,regressions}/import/) through
// its harness (tests/fuzz/harness_import.cpp); a broken invariant is a failed check here (test_fuzz_regressions.cpp).
#include <filesystem>

#include "../fuzz/harnesses.h"
#include "test_import_support.h"

using namespace papertide::test;

TEST_CASE("import fuzz: the seed corpus and regressions keep every invariant") {
    size_t count = 0;
    for (const char* kind : {"regressions", "corpus"}) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(sourceDir() + "/tests/fuzz/" + kind + "/import", ec)) {
            if (!entry.is_regular_file()) continue;
            CAPTURE(entry.path().string());
            std::string bytes = readText(entry.path().string());
            CHECK(papertide::fuzz::importArticle(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
            ++count;
        }
    }
    CHECK(count >= 4);
}

TEST_CASE("import fuzz: hand-made hostile inputs") {
    std::string nested(5000, '<');
    std::string deep;
    for (int i = 0; i < 3000; ++i) deep += "<div>";
    for (std::string input : {std::string(""), std::string("\0\0\0", 3), std::string("1、"), std::string("❓"), nested, deep + "1. A Paper Title Here",
                              std::string("https://arxiv.org/abs/2205.06175 1、A B C\nD E, F G\n"), std::string("\xFE\xFF\xD8\x00", 4)}) {
        CHECK(papertide::fuzz::importArticle(reinterpret_cast<const uint8_t*>(input.data()), input.size()) == 0);
    }
}
