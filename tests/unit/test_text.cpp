// UTF-8 decoding/validation and the search folding of core/text.h.
#include <string>
#include <vector>

#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;

namespace {

struct Decoded {
    std::vector<char32_t> codePoints;
    std::vector<size_t> advances;
};

Decoded decodeAll(std::string_view s) {
    Decoded d;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t before = pos;
        d.codePoints.push_back(decodeUtf8(s, pos));
        d.advances.push_back(pos - before);
    }
    return d;
}

std::string utf8(char32_t cp) {
    std::string s;
    appendUtf8(s, cp);
    return s;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("decodeUtf8 decodes 1- to 4-byte sequences and advances past them") {
    Decoded d = decodeAll("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\xF0\x9D\x84\x9E");  // a é 中 😀 𝄞
    REQUIRE(d.codePoints.size() == 5);
    CHECK(d.codePoints[0] == U'a');
    CHECK(d.codePoints[1] == U'\u00E9');
    CHECK(d.codePoints[2] == U'\u4E2D');
    CHECK(d.codePoints[3] == U'\U0001F600');
    CHECK(d.codePoints[4] == U'\U0001D11E');
    CHECK(d.advances == std::vector<size_t>{1, 2, 3, 4, 4});
}

TEST_CASE("decodeUtf8 decodes the boundary code points of every length") {
    for (char32_t cp : {0x00u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFDu, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
        CAPTURE(static_cast<uint32_t>(cp));
        std::string s = utf8(cp);
        size_t pos = 0;
        CHECK(decodeUtf8(s, pos) == cp);
        CHECK(pos == s.size());
        CHECK(findInvalidUtf8(s) == std::string::npos);
    }
    CHECK(utf8(0x7F).size() == 1);
    CHECK(utf8(0x80).size() == 2);
    CHECK(utf8(0x7FF).size() == 2);
    CHECK(utf8(0x800).size() == 3);
    CHECK(utf8(0xFFFF).size() == 3);
    CHECK(utf8(0x10000).size() == 4);
    CHECK(utf8(0x10FFFF) == "\xF4\x8F\xBF\xBF");
}

TEST_CASE("decodeUtf8 rejects overlong encodings one byte at a time") {
    for (std::string bad : {std::string("\xC0\xAF"), std::string("\xC1\xBF"), std::string("\xE0\x80\xAF"),
                            std::string("\xE0\x9F\xBF"), std::string("\xF0\x80\x80\xAF"), std::string("\xF0\x8F\xBF\xBF")}) {
        CAPTURE(bad.size());
        size_t pos = 0;
        CHECK(decodeUtf8(bad, pos) == kReplacementChar);
        CHECK(pos == 1);
        CHECK(findInvalidUtf8(bad) == 0);
    }
    // An overlong NUL must not sneak a NUL into text.
    std::string overlongNul = "ab\xC0\x80";
    CHECK(findInvalidUtf8(overlongNul) == 2);
}

TEST_CASE("decodeUtf8 rejects UTF-16 surrogates and code points above U+10FFFF") {
    for (std::string bad : {std::string("\xED\xA0\x80"), std::string("\xED\xB0\x80"), std::string("\xED\xBF\xBF"),
                            std::string("\xF4\x90\x80\x80"), std::string("\xF5\x80\x80\x80"), std::string("\xF7\xBF\xBF\xBF")}) {
        size_t pos = 0;
        CHECK(decodeUtf8(bad, pos) == kReplacementChar);
        CHECK(pos == 1);
        CHECK(findInvalidUtf8("ok " + bad) == 3);
    }
    // The code points just outside the surrogate range are fine.
    CHECK(findInvalidUtf8("\xED\x9F\xBF\xEE\x80\x80") == std::string::npos);
}

TEST_CASE("decodeUtf8 rejects stray continuation bytes, invalid lead bytes and truncated sequences") {
    CHECK(findInvalidUtf8("\x80") == 0);
    CHECK(findInvalidUtf8("abc\xBF") == 3);
    CHECK(findInvalidUtf8("\xF8\x88\x80\x80\x80") == 0);  // 5-byte forms do not exist
    CHECK(findInvalidUtf8("\xFF") == 0);
    CHECK(findInvalidUtf8("\xFE") == 0);
    // Truncated at the end of the text.
    CHECK(findInvalidUtf8("\xE4\xB8") == 0);
    CHECK(findInvalidUtf8("中\xE4\xB8") == 3);
    CHECK(findInvalidUtf8("\xF0\x9F\x98") == 0);
    CHECK(findInvalidUtf8("\xC3") == 0);
    // Truncated in the middle: the sequence is cut by an ASCII byte.
    CHECK(findInvalidUtf8("\xE4\xB8" "a") == 0);
    Decoded d = decodeAll("\xE4\xB8" "a");
    CHECK(d.codePoints == std::vector<char32_t>{kReplacementChar, kReplacementChar, U'a'});
    CHECK(d.advances == std::vector<size_t>{1, 1, 1});
}

TEST_CASE("a genuine U+FFFD in the input is valid UTF-8") {
    CHECK(findInvalidUtf8("x\xEF\xBF\xBDy") == std::string::npos);
    CHECK(findInvalidUtf8("") == std::string::npos);
    CHECK(findInvalidUtf8("plain ASCII") == std::string::npos);
    CHECK(findInvalidUtf8("语言模型 Żołna 😀") == std::string::npos);
}

TEST_CASE("findInvalidUtf8 agrees with decoding code point by code point") {
    // The validator checks byte ranges without decoding; the reference decodes (decodeUtf8 reports a malformed
    // sequence as a one-byte U+FFFD). Every one- and two-byte input, every lead byte with each continuation
    // pattern, and long mixed strings (ASCII runs longer than a word, then a bad byte at every offset).
    auto reference = [](std::string_view s) {
        for (size_t pos = 0; pos < s.size();) {
            const size_t start = pos;
            if (decodeUtf8(s, pos) == kReplacementChar && pos == start + 1) return start;
        }
        return std::string_view::npos;
    };
    std::string s;
    for (int a = 0; a < 256; ++a) {
        s.assign(1, char(a));
        CHECK(findInvalidUtf8(s) == reference(s));
        for (int b = 0; b < 256; ++b) {
            s.assign({char(a), char(b)});
            REQUIRE(findInvalidUtf8(s) == reference(s));
        }
    }
    const unsigned char seconds[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    const unsigned char thirds[] = {0x41, 0x80, 0xBF, 0xC0};
    for (int lead = 0xC0; lead < 256; ++lead)
        for (unsigned char b : seconds)
            for (unsigned char c : thirds)
                for (unsigned char d : thirds) {
                    s.assign({'x', char(lead), char(b), char(c), char(d)});
                    REQUIRE(findInvalidUtf8(s) == reference(s));
                }
    const std::string good = "The 12 papers of 2023 \xE8\xAF\xAD\xE8\xA8\x80 ok \xF0\x9F\x98\x80 and Żołna.";
    REQUIRE(findInvalidUtf8(good) == std::string::npos);
    for (size_t at = 0; at <= good.size(); ++at)
        for (const char* bad : {"\x80", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE8\xAF"}) {
            s = good.substr(0, at) + bad + good.substr(at);
            CAPTURE(at);
            REQUIRE(findInvalidUtf8(s) == reference(s));
        }
}

TEST_CASE("countCodePoints counts characters, not bytes") {
    CHECK(countCodePoints("") == 0);
    CHECK(countCodePoints("abc") == 3);
    CHECK(countCodePoints("语言模型") == 4);
    CHECK(countCodePoints("Żołna") == 5);
    CHECK(countCodePoints("😀a") == 2);
}

TEST_CASE("isCjk and isWordChar classify scripts") {
    CHECK(isCjk(U'中'));
    CHECK(isCjk(U'\u3400'));
    CHECK(isCjk(U'\U00020000'));
    CHECK(isCjk(U'か'));
    CHECK(isCjk(U'한'));
    CHECK_FALSE(isCjk(U'a'));
    CHECK_FALSE(isCjk(U'，'));  // full-width punctuation is not a character of a word
    CHECK_FALSE(isCjk(U'\u3000'));

    CHECK(isWordChar(U'a'));
    CHECK(isWordChar(U'Z'));
    CHECK(isWordChar(U'7'));
    CHECK(isWordChar(U'é'));
    CHECK(isWordChar(U'ł'));
    CHECK(isWordChar(U'α'));
    CHECK(isWordChar(U'д'));
    CHECK_FALSE(isWordChar(U'-'));
    CHECK_FALSE(isWordChar(U' '));
    CHECK_FALSE(isWordChar(U'_'));
    CHECK_FALSE(isWordChar(U'×'));
    CHECK_FALSE(isWordChar(U'÷'));
    CHECK_FALSE(isWordChar(U'中'));
    CHECK_FALSE(isWordChar(U'\u2014'));  // em dash
}

TEST_CASE("foldCodePoint: ASCII case, full width, accents, Greek and Cyrillic capitals") {
    CHECK(foldCodePoint(U'A') == U'a');
    CHECK(foldCodePoint(U'z') == U'z');
    CHECK(foldCodePoint(U'@') == U'@');
    CHECK(foldCodePoint(U'Ｇ') == U'g');   // full-width capital folds to ASCII lower case
    CHECK(foldCodePoint(U'ｐ') == U'p');
    CHECK(foldCodePoint(U'５') == U'5');
    CHECK(foldCodePoint(U'（') == U'(');
    CHECK(foldCodePoint(U'\u3000') == U' ');
    CHECK(foldCodePoint(U'\u00A0') == U' ');
    CHECK(foldCodePoint(U'Ż') == U'z');
    CHECK(foldCodePoint(U'ż') == U'z');
    CHECK(foldCodePoint(U'ł') == U'l');
    CHECK(foldCodePoint(U'Ł') == U'l');
    CHECK(foldCodePoint(U'ó') == U'o');
    CHECK(foldCodePoint(U'É') == U'e');
    CHECK(foldCodePoint(U'ü') == U'u');
    CHECK(foldCodePoint(U'ñ') == U'n');
    CHECK(foldCodePoint(U'ç') == U'c');
    CHECK(foldCodePoint(U'ř') == U'r');
    CHECK(foldCodePoint(U'ş') == U's');
    CHECK(foldCodePoint(U'ſ') == U's');  // U+017F, the last entry of the table
    CHECK(foldCodePoint(U'À') == U'a');  // U+00C0, the first
    CHECK(foldCodePoint(U'×') == U'×');
    CHECK(foldCodePoint(U'÷') == U'÷');
    CHECK(foldCodePoint(U'Ω') == U'ω');
    CHECK(foldCodePoint(U'Д') == U'д');
    CHECK(foldCodePoint(U'中') == U'中');
    CHECK(foldCodePoint(U'😀') == U'😀');
}

TEST_CASE("foldForSearch makes case, width and accents irrelevant") {
    CHECK(foldForSearch("GPT-3") == "gpt-3");
    CHECK(foldForSearch("ＧＰＴ") == "gpt");
    CHECK(foldForSearch("ＧＰＴ－３") == "gpt-3");
    CHECK(foldForSearch("ＤＩＦＦＵＳＩＯＮ") == "diffusion");
    CHECK(foldForSearch("Żołna") == "zolna");
    CHECK(foldForSearch("Konrad Żołna") == foldForSearch("konrad zolna"));
    CHECK(foldForSearch("Grégoire Mialon, Roberto Dessì") == "gregoire mialon, roberto dessi");
    CHECK(foldForSearch("Darius Rückert") == "darius ruckert");
    CHECK(foldForSearch("André Susano Pinto") == "andre susano pinto");
    CHECK(foldForSearch("Miguel González-Duque") == "miguel gonzalez-duque");
    CHECK(foldForSearch("ΑΒΓ Для") == "αβγ для");
    CHECK(foldForSearch("扩散模型") == "扩散模型");
    CHECK(foldForSearch("２０２２年") == "2022年");
}

TEST_CASE("foldForSearch collapses whitespace runs and drops leading and trailing whitespace") {
    CHECK(foldForSearch("  a \t\n b  ") == "a b");
    CHECK(foldForSearch("line one\nline two") == "line one line two");
    CHECK(foldForSearch("a\r\n\r\nb") == "a b");
    CHECK(foldForSearch("语言\u3000模型") == "语言 模型");       // ideographic space
    CHECK(foldForSearch("large\u00A0 language") == "large language");  // no-break space + space
    CHECK(foldForSearch(" \t\n ") == "");
    CHECK(foldForSearch("") == "");
    CHECK(foldForSearch("x") == "x");
}

TEST_CASE("foldForSearch replaces malformed bytes with U+FFFD instead of passing them through") {
    std::string folded = foldForSearch("A\xFF" "B");
    CHECK(folded == "a\xEF\xBF\xBD" "b");
    CHECK(findInvalidUtf8(folded) == std::string::npos);
    CHECK(findInvalidUtf8(foldForSearch("\xE4\xB8")) == std::string::npos);
}

TEST_CASE("trim strips ASCII whitespace at both ends only") {
    CHECK(trim("  a b \n") == "a b");
    CHECK(trim("\t\r\n") == "");
    CHECK(trim("") == "");
    CHECK(trim("x") == "x");
    CHECK(trim(" 中 文 ") == "中 文");
}

}  // TEST_SUITE
