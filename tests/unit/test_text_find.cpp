// core::findAllFolded: the paper card's find bar (byte ranges of the original text, folded comparison).
#include <string>
#include <vector>

#include "core/text_find.h"
#include "test_support.h"

using namespace papertide::core;

namespace {

std::vector<std::string> pieces(std::string_view text, std::string_view query) {
    std::vector<std::string> out;
    for (const TextRange& r : findAllFolded(text, query)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
    return out;
}

}  // namespace

TEST_CASE("find: Chinese substrings, byte ranges of the original text") {
    const std::string text = "扩散模型已经被证明对图像合成非常有用，扩散过程";
    auto ranges = findAllFolded(text, "扩散");
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].begin == 0);
    CHECK(ranges[0].end == 6);
    CHECK(text.substr(ranges[1].begin, 6) == "扩散");
    CHECK(findAllFolded(text, "扩散模型").size() == 1);
    CHECK(findAllFolded(text, "不存在").empty());
}

TEST_CASE("find: case-, width- and accent-insensitive, keeping the text's own spelling") {
    CHECK(pieces("Diffusion models; DIFFUSION; diffusion", "diffusion") ==
          std::vector<std::string>{"Diffusion", "DIFFUSION", "diffusion"});
    CHECK(pieces("ＧＰＴ-3 and GPT-4", "gpt") == std::vector<std::string>{"ＧＰＴ", "GPT"});
    CHECK(pieces("Żołna et al.", "zoł") == std::vector<std::string>{"Żoł"});
}

TEST_CASE("find: occurrences do not overlap; empty queries find nothing") {
    CHECK(findAllFolded("aaaa", "aa").size() == 2);
    CHECK(findAllFolded("aaa", "aa").size() == 1);
    CHECK(findAllFolded("text", "").empty());
    CHECK(findAllFolded("a b", " ").empty());
    CHECK(findAllFolded("", "x").empty());
    CHECK(findAllFolded("ab", "abc").empty());
}

TEST_CASE("find: malformed UTF-8 neither crashes nor matches across bad bytes") {
    const std::string bad = std::string("a\xff") + "扩散\xe6";
    auto ranges = findAllFolded(bad, "扩散");
    REQUIRE(ranges.size() == 1);
    CHECK(ranges[0].begin == 2);
}
