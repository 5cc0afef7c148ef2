// The view state's URL hash (core/view_state.h): percent-encoding, what encodeViewState writes, round trips, and
// how decodeViewState warns about, cleans and bounds what it is given.
#include <string>
#include <vector>

#include "core/text.h"
#include "core/view_state.h"
#include "view_state_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::view_state;

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += s + "\n";
    return out;
}

bool validUtf8(const std::string& s) { return findInvalidUtf8(s) == std::string::npos; }

bool hasControlChars(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

}  // namespace

TEST_CASE("percentEncode keeps unreserved characters and encodes the rest as upper-case hex") {
    CHECK(percentEncode("") == "");
    CHECK(percentEncode("abcXYZ019-_.~:,") == "abcXYZ019-_.~:,");
    CHECK(percentEncode("a b") == "a%20b");
    CHECK(percentEncode("a+b&c=d#e%f/g?h") == "a%2Bb%26c%3Dd%23e%25f%2Fg%3Fh");
    CHECK(percentEncode("扩散") == "%E6%89%A9%E6%95%A3");
    CHECK(percentEncode(std::string("\0\x7f", 2)) == "%00%7F");
}

TEST_CASE("percentDecode: hex escapes in either case, '+' and %20 are spaces, malformed escapes stay literal") {
    CHECK(percentDecode("%E6%89%A9%E6%95%A3") == "扩散");
    CHECK(percentDecode("%e6%89%a9") == "扩");
    CHECK(percentDecode("a+b") == "a b");
    CHECK(percentDecode("a%20b") == "a b");
    CHECK(percentDecode("%2B") == "+");
    CHECK(percentDecode("%41") == "A");  // an escape that ends the text
    CHECK(percentDecode("x%41") == "xA");
    CHECK(percentDecode("100%") == "100%");
    CHECK(percentDecode("%4") == "%4");
    CHECK(percentDecode("%zz") == "%zz");
    CHECK(percentDecode("%G1%1G") == "%G1%1G");
    CHECK(percentDecode("%%41") == "%A");
    for (std::string s : {"", "plain", "a b+c", "扩散 模型", "a%b&c=d#e", "José García", "arxiv:2205.06175"})
        CHECK(percentDecode(percentEncode(s)) == s);
}

TEST_CASE("encodeViewState: the default state is the empty hash") {
    CHECK(encodeViewState(ViewState{}) == "");
    CHECK(decodeViewState("") == ViewState{});
    CHECK(decodeViewState("#") == ViewState{});
}

TEST_CASE("encodeViewState writes only non-default fields, in a fixed order") {
    ViewState s;
    s.view = View::Papers;
    s.filter.query = "扩散";
    s.filter.topics = {"vision", "diffusion-generation"};
    s.filter.from = month("2022-01");
    s.filter.to = month("2022-06");
    s.paper = "arxiv:2205.06175";
    CHECK(encodeViewState(s) ==
          "#v=papers&q=%E6%89%A9%E6%95%A3&t=vision,diffusion-generation&from=2022-01&to=2022-06&p=arxiv:2205.06175");

    ViewState one;
    one.filter.bookmarkedOnly = true;
    CHECK(encodeViewState(one) == "#bm=1");
    one = ViewState{};
    one.collapseEmptyMonths = true;
    CHECK(encodeViewState(one) == "#collapse=1");
    one = ViewState{};
    one.sort = SortOrder::Title;
    CHECK(encodeViewState(one) == "#sort=title");
    one = ViewState{};
    one.topicOrder = TopicOrder::FirstSeen;
    CHECK(encodeViewState(one) == "#order=first");
}

TEST_CASE("encode/decode round trip of a full state") {
    ViewState s = fullState();
    std::string hash = encodeViewState(s);
    INFO(hash);
    CHECK(hash.front() == '#');
    // Everything outside the unreserved set is escaped: no raw spaces, non-ASCII bytes or extra '#'.
    for (size_t i = 1; i < hash.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(hash[i]);
        CHECK(c > 0x20);
        CHECK(c < 0x7F);
        CHECK(c != '#');
    }
    CHECK(contains(hash, "p=arxiv:2205.06175"));  // ':' stays readable in links
    CHECK(contains(hash, "a=Jos%C3%A9%20%C3%81ngel%20Garc%C3%ADa-P%C3%A9rez"));

    std::vector<std::string> warnings;
    ViewState back = decodeViewState(hash, &warnings);
    CHECK_MESSAGE(warnings.empty(), joined(warnings));
    CHECK(back == s);
    CHECK(back.filter.query == "扩散 模型");
    CHECK(back.filter.topics == Ids{"vision", "diffusion-generation", "language-models"});
    CHECK(back.filter.from == month("2022-01"));
    CHECK(back.filter.to == month("2022-06"));
    CHECK(back.filter.digest == "2022-06-zeta-alpha-trends");
    CHECK(back.filter.author == "José Ángel García-Pérez");
    CHECK(back.filter.bookmarkedOnly);
    CHECK(back.filter.unreadOnly);
    CHECK(back.sort == SortOrder::Recurrence);
    CHECK(back.view == View::Papers);
    CHECK(back.paper == "arxiv:2205.06175");
    CHECK(back.digest == "2023-03-ten-papers");
    CHECK(back.topicOrder == TopicOrder::Label);
    CHECK(back.collapseEmptyMonths);

    // The leading '#' is optional.
    CHECK(decodeViewState(hash.substr(1)) == s);
    // And encoding again is stable.
    CHECK(encodeViewState(back) == hash);
}

TEST_CASE("every view, sort order and topic order survives the hash") {
    for (View v : {View::Timeline, View::Papers, View::Digests})
        for (SortOrder o : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence})
            for (TopicOrder t : {TopicOrder::Total, TopicOrder::FirstSeen, TopicOrder::Label}) {
                ViewState s;
                s.view = v;
                s.sort = o;
                s.topicOrder = t;
                std::vector<std::string> warnings;
                CHECK(decodeViewState(encodeViewState(s), &warnings) == s);
                CHECK(warnings.empty());
            }
}

TEST_CASE("decodeViewState: '+' and %20 are spaces, flags accept 1 and true") {
    ViewState s = decodeViewState("#q=diffusion+models&a=Jane%20Doe");
    CHECK(s.filter.query == "diffusion models");
    CHECK(s.filter.author == "Jane Doe");
    CHECK(decodeViewState("bm=1").filter.bookmarkedOnly);
    CHECK(decodeViewState("bm=true").filter.bookmarkedOnly);
    CHECK_FALSE(decodeViewState("bm=0").filter.bookmarkedOnly);
    CHECK_FALSE(decodeViewState("bm=yes").filter.bookmarkedOnly);
    CHECK(decodeViewState("unread=1").filter.unreadOnly);
    CHECK(decodeViewState("collapse=true").collapseEmptyMonths);
    // Empty pairs and empty list items are skipped.
    ViewState t = decodeViewState("#&&t=vision,,diffusion-generation,&&");
    CHECK(t.filter.topics == Ids{"vision", "diffusion-generation"});
    // A later value of the same key wins.
    CHECK(decodeViewState("q=a&q=b").filter.query == "b");
}

TEST_CASE("decodeViewState: malformed input gives warnings and is skipped, the rest still applies") {
    std::vector<std::string> warnings;
    ViewState s = decodeViewState(
        "#q=%E6%89%A9%zz&from=2022-13&to=June&v=gallery&sort=best&order=random&colour=red&p=arxiv:2205.06175&d=x%",
        &warnings);
    INFO(joined(warnings));
    CHECK(s.filter.query == "扩%zz");  // a malformed escape stays literal
    CHECK_FALSE(s.filter.from.has_value());
    CHECK_FALSE(s.filter.to.has_value());
    CHECK(s.view == View::Timeline);
    CHECK(s.sort == SortOrder::Relevance);
    CHECK(s.topicOrder == TopicOrder::Total);
    CHECK(s.paper == "arxiv:2205.06175");
    CHECK(s.filter.digest == "x%");
    REQUIRE(warnings.size() == 6);
    CHECK(contains(warnings[0], "from"));
    CHECK(contains(warnings[0], "2022-13"));
    CHECK(contains(warnings[1], "to"));
    CHECK(contains(warnings[1], "June"));
    CHECK(contains(warnings[2], "gallery"));
    CHECK(contains(warnings[3], "best"));
    CHECK(contains(warnings[4], "random"));
    CHECK(contains(warnings[5], "colour"));

    // Without a warnings vector it still never fails.
    CHECK(decodeViewState("v=gallery&from=x&zzz") == ViewState{});
    // A key without '=' is an empty value; an empty month is a warning.
    warnings.clear();
    CHECK(decodeViewState("from&v&=x", &warnings) == ViewState{});
    CHECK(warnings.size() == 3);
}

TEST_CASE("decodeViewState cleans control characters and invalid UTF-8") {
    std::vector<std::string> warnings;
    ViewState s = decodeViewState("#q=a%00b%0Ac%1Fd%7Fe&a=%FF%FEbob&p=x%E6%89&d=ok%C3%A9", &warnings);
    CHECK(warnings.empty());
    CHECK(s.filter.query == "a b c d e");
    CHECK(validUtf8(s.filter.author));
    CHECK(contains(s.filter.author, "bob"));
    CHECK_FALSE(hasControlChars(s.filter.author));
    CHECK(validUtf8(s.paper));
    CHECK(s.paper.rfind("x", 0) == 0);
    CHECK(s.filter.digest == "oké");

    // Raw (unescaped) bytes in the hash are cleaned the same way.
    std::string raw = "q=";
    raw += "\x01\xC3\x28\xF0\x9F\x98\x80";
    ViewState r = decodeViewState(raw);
    CHECK(validUtf8(r.filter.query));
    CHECK_FALSE(hasControlChars(r.filter.query));
    CHECK(contains(r.filter.query, "\xF0\x9F\x98\x80"));  // a valid emoji survives

    // Warnings quote cleaned text too.
    warnings.clear();
    decodeViewState("v=%01%FF&k%01%FF=1", &warnings);
    REQUIRE(warnings.size() == 2);
    for (const std::string& w : warnings) {
        CHECK(validUtf8(w));
        CHECK_FALSE(hasControlChars(w));
    }
}

TEST_CASE("decodeViewState bounds very long values") {
    std::string longAscii(100000, 'x');
    ViewState a = decodeViewState("q=" + longAscii + "&a=" + longAscii + "&p=" + longAscii);
    CHECK(a.filter.query.size() <= 500);
    CHECK(a.filter.query.size() >= 400);
    CHECK(a.filter.author.size() <= 500);
    CHECK(a.paper.size() <= 500);

    std::string longCjk;
    for (int i = 0; i < 20000; ++i) longCjk += "%E6%89%A9";
    ViewState c = decodeViewState("q=" + longCjk);
    CHECK(c.filter.query.size() <= 500);
    CHECK(c.filter.query.size() >= 400);
    CHECK(validUtf8(c.filter.query));  // never cut inside a character

    std::string emoji;
    for (int i = 0; i < 20000; ++i) emoji += "%F0%9F%98%80";
    ViewState e = decodeViewState("a=" + emoji);
    CHECK(e.filter.author.size() <= 500);
    CHECK(e.filter.author.size() % 4 == 0);
    CHECK(validUtf8(e.filter.author));

    std::vector<std::string> warnings;
    decodeViewState(longAscii + "=1&v=" + longAscii, &warnings);
    REQUIRE(warnings.size() == 2);
    for (const std::string& w : warnings) CHECK(w.size() < 600);
}
