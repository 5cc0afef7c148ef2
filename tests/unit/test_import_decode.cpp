// Import: article bytes in every encoding a reader may bring, and the refusals (GBK, binary, too large).
#include "import/article_text.h"
#include "test_import_support.h"

using namespace papertide::test;
using papertide::import::decodeArticle;

namespace {

std::string utf16(std::u16string_view s, bool bigEndian, bool bom) {
    std::string out;
    if (bom) out += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t c : s) {
        char hi = char(c >> 8), lo = char(c & 0xFF);
        out += bigEndian ? hi : lo;
        out += bigEndian ? lo : hi;
    }
    return out;
}

}  // namespace

TEST_CASE("import decode: UTF-8 with and without BOM, CRLF and CR line ends become LF") {
    std::string text, error;
    REQUIRE(decodeArticle("\xEF\xBB\xBF论文 1:A Title\r\nsecond\rthird", text, error));
    CHECK(text == "论文 1:A Title\nsecond\nthird");
    REQUIRE(decodeArticle("plain", text, error));
    CHECK(text == "plain");
}

TEST_CASE("import decode: UTF-16 LE/BE with BOM, surrogate pairs, and LE without BOM") {
    std::string text, error;
    std::u16string sample = u"1、LLaMA 论文 😀\n";
    REQUIRE(decodeArticle(utf16(sample, false, true), text, error));
    CHECK(text == "1、LLaMA 论文 😀\n");
    REQUIRE(decodeArticle(utf16(sample, true, true), text, error));
    CHECK(text == "1、LLaMA 论文 😀\n");
    REQUIRE(decodeArticle(utf16(u"Title of a paper\nBy Someone\n", false, false), text, error));
    CHECK(text == "Title of a paper\nBy Someone\n");
    std::string broken = utf16(u"ab", false, true) + std::string("\x00\xD8" "a\x00", 4);  // high surrogate, then 'a'
    CHECK_FALSE(decodeArticle(broken, text, error));
    CHECK(error.find("unpaired surrogate") != std::string::npos);
    CHECK_FALSE(decodeArticle(utf16(u"ab", false, true) + "x", text, error));
    CHECK(error.find("odd number of bytes") != std::string::npos);
}

TEST_CASE("import decode: GBK is refused with a conversion hint, mixed encodings with a position") {
    std::string text, error;
    // "论文推荐" in GBK: C2DB CEC4 CDC6 BCF6
    CHECK_FALSE(decodeArticle("1. \xC2\xDB\xCE\xC4\xCD\xC6\xBC\xF6 and more text", text, error));
    CHECK(error.find("GBK") != std::string::npos);
    CHECK(error.find("iconv") != std::string::npos);
    CHECK(text.empty());
    CHECK_FALSE(decodeArticle("第一行 ok\n第二行 \xFF bad", text, error));
    CHECK(error.find("not valid UTF-8") != std::string::npos);
    CHECK(error.find("2:5") != std::string::npos);  // line 2, the 5th character
}

TEST_CASE("import decode: binary files and empty articles are refused by name") {
    std::string text, error;
    CHECK_FALSE(decodeArticle("%PDF-1.7\n...", text, error));
    CHECK(error.find("PDF") != std::string::npos);
    CHECK_FALSE(decodeArticle(std::string("\x89PNG\r\n\x1A\n\0\0", 10), text, error));
    CHECK(error.find("PNG") != std::string::npos);
    CHECK_FALSE(decodeArticle(std::string("ab\x01\x02\x03\x04\x05\x06\x07\x08", 10), text, error));
    CHECK(error.find("control bytes") != std::string::npos);
    CHECK_FALSE(decodeArticle(" \n\t \xE3\x80\x80\n", text, error));
    CHECK(error.find("empty") != std::string::npos);
}

TEST_CASE("import decode: an article over the size limit is refused before any work") {
    std::string big(papertide::import::kMaxArticleBytes + 1, 'a');
    std::string text, error;
    CHECK_FALSE(decodeArticle(big, text, error));
    CHECK(error.find("MiB") != std::string::npos);
    papertide::import::ImportDraft draft = draftText(big);
    CHECK_FALSE(draft.ok);
    CHECK(draft.json.empty());
    CHECK(draft.error.find("article.txt") == 0);
}
