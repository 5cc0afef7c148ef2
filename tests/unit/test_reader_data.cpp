// Bookmarks, read marks and settings as stored between visits (core/reader_data.h).
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/reader_data.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using IdSet = std::unordered_set<std::string>;

std::vector<std::string> sortedIds(const IdSet& ids) { return sorted({ids.begin(), ids.end()}); }

const IdSet kSentinel = {"sentinel-a", "sentinel-b"};

}  // namespace

TEST_CASE("storage keys") {
    CHECK(kBookmarksKey == "papertide.bookmarks");
    CHECK(kReadKey == "papertide.read");
    CHECK(kSettingsKey == "papertide.settings");
}

TEST_CASE("encodePaperSet writes a versioned, sorted list") {
    CHECK(encodePaperSet({}) == R"({"papers":[],"version":1})");
    IdSet ids = {"zeta-paper", "arxiv:2205.06175", "alpha-paper", "arxiv:2106.09685", "扩散-paper"};
    std::string stored = encodePaperSet(ids);
    nlohmann::json j = nlohmann::json::parse(stored);
    CHECK(j["version"] == 1);
    REQUIRE(j["papers"].is_array());
    std::vector<std::string> papers = j["papers"].get<std::vector<std::string>>();
    CHECK(papers == std::vector<std::string>{"alpha-paper", "arxiv:2106.09685", "arxiv:2205.06175", "zeta-paper", "扩散-paper"});
    // Insertion order does not matter: the same set always gives the same text.
    IdSet reversed;
    for (auto it = papers.rbegin(); it != papers.rend(); ++it) reversed.insert(*it);
    CHECK(encodePaperSet(reversed) == stored);
}

TEST_CASE("encodePaperSet / decodePaperSet round trip") {
    for (IdSet ids : {IdSet{}, IdSet{"arxiv:2205.06175"}, IdSet{"a", "b", "c", "arxiv:2302.13971", "consistency-models"},
                      IdSet{std::string(128, 'x'), "José"}}) {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kBookmarksKey, encodePaperSet(ids), out, warning));
        CHECK(warning.empty());
        CHECK(out == ids);
    }
    IdSet many;
    for (int i = 0; i < 5000; ++i) many.insert("paper-" + std::to_string(i));
    IdSet out;
    std::string warning;
    CHECK(decodePaperSet(kReadKey, encodePaperSet(many), out, warning));
    CHECK(out == many);
}

TEST_CASE("decodePaperSet refuses damaged values with a warning naming the key and leaves `out` untouched") {
    struct Case {
        std::string stored;
        const char* why;
    };
    std::vector<Case> cases = {
        {"", "not valid JSON"},
        {"not json", "not valid JSON"},
        {R"({"version":1,"papers":["a")", "not valid JSON"},
        {"[\"a\",\"b\"]", "not a Papertide value"},
        {"\"a\"", "not a Papertide value"},
        {"null", "not a Papertide value"},
        {"42", "not a Papertide value"},
        {R"({"papers":["a"]})", "not a Papertide value"},
        {R"({"version":"1","papers":["a"]})", "not a Papertide value"},
        {R"({"version":1.5,"papers":["a"]})", "not a Papertide value"},
        {R"({"version":2,"papers":["a"]})", "newer version"},
        {R"({"version":0,"papers":["a"]})", "newer version"},
        {R"({"version":1})", "no paper list"},
        {R"({"version":1,"papers":"a"})", "no paper list"},
        {R"({"version":1,"papers":{"a":1}})", "no paper list"},
        {R"({"version":1,"papers":null})", "no paper list"},
        {"{\"version\":1,\"papers\":[\"\xFF\"]}", "not valid JSON"},  // invalid UTF-8 in the JSON text itself
    };
    for (const std::string& key : {std::string(kBookmarksKey), std::string(kReadKey)}) {
        for (const Case& c : cases) {
            CAPTURE(key);
            CAPTURE(c.stored);
            IdSet out = kSentinel;
            std::string warning;
            CHECK_FALSE(decodePaperSet(key, c.stored, out, warning));
            CHECK(out == kSentinel);
            CHECK(warning.rfind(key + ":", 0) == 0);
            CHECK(contains(warning, c.why));
        }
    }
}

TEST_CASE("decodePaperSet skips damaged entries, keeps the rest and counts what it ignored") {
    SUBCASE("non-string entries") {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kBookmarksKey, R"({"version":1,"papers":["a",1,null,{"id":"b"},["c"],true,"d"]})", out, warning));
        CHECK(sortedIds(out) == std::vector<std::string>{"a", "d"});
        CHECK(warning == "papertide.bookmarks: 5 damaged entries ignored");
    }
    SUBCASE("over-long ids") {
        IdSet out = kSentinel;
        std::string warning;
        nlohmann::json j = {{"version", 1}, {"papers", {std::string(128, 'k'), std::string(129, 'x'), "ok"}}};
        CHECK(decodePaperSet(kReadKey, j.dump(), out, warning));
        CHECK(out == IdSet{std::string(128, 'k'), "ok"});
        CHECK(warning == "papertide.read: 1 damaged entry ignored");
    }
    SUBCASE("escaped text decodes; a lone surrogate escape makes the whole value unreadable") {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kReadKey, R"({"version":1,"papers":["ok","\u00e9t\u00e9"]})", out, warning));
        CHECK(out == IdSet{"ok", "été"});
        CHECK(warning.empty());
        out = kSentinel;
        CHECK_FALSE(decodePaperSet(kReadKey, R"({"version":1,"papers":["ok","\ud800x"]})", out, warning));
        CHECK(out == kSentinel);
        CHECK(warning.rfind("papertide.read:", 0) == 0);
    }
    SUBCASE("only damaged entries: an empty set, still true") {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kBookmarksKey, R"({"version":1,"papers":[1,2]})", out, warning));
        CHECK(out.empty());
        CHECK(warning == "papertide.bookmarks: 2 damaged entries ignored");
    }
    SUBCASE("duplicates and unknown members are harmless") {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kBookmarksKey, R"({"version":1,"extra":true,"papers":["a","a","b"]})", out, warning));
        CHECK(out == IdSet{"a", "b"});
        CHECK(warning.empty());
    }
    SUBCASE("an empty list replaces the old set") {
        IdSet out = kSentinel;
        std::string warning;
        CHECK(decodePaperSet(kBookmarksKey, R"({"version":1,"papers":[]})", out, warning));
        CHECK(out.empty());
        CHECK(warning.empty());
    }
}

TEST_CASE("settings round trip") {
    for (Theme theme : {Theme::Auto, Theme::Dark, Theme::Light})
        for (Language language : {Language::English, Language::Chinese}) {
            Settings s;
            s.theme = theme;
            s.language = language;
            Settings out;
            out.theme = theme == Theme::Dark ? Theme::Light : Theme::Dark;
            out.language = language == Language::English ? Language::Chinese : Language::English;
            std::string warning;
            CHECK(decodeSettings(encodeSettings(s), out, warning));
            CHECK(warning.empty());
            CHECK(out == s);
        }
    Settings dark;
    dark.theme = Theme::Dark;
    dark.language = Language::Chinese;
    nlohmann::json j = nlohmann::json::parse(encodeSettings(dark));
    CHECK(j == nlohmann::json({{"version", 1}, {"theme", "dark"}, {"language", "zh"}, {"cross_language_search", true}}));
    CHECK(nlohmann::json::parse(encodeSettings(Settings{})) ==
          nlohmann::json({{"version", 1}, {"theme", "auto"}, {"language", "en"}, {"cross_language_search", true}}));
}

TEST_CASE("Settings equality") {
    Settings a, b;
    CHECK(a == b);
    b.theme = Theme::Light;
    CHECK_FALSE(a == b);
    b = a;
    b.language = Language::Chinese;
    CHECK_FALSE(a == b);
}

TEST_CASE("decodeSettings refuses unreadable values and leaves `out` untouched") {
    Settings original;
    original.theme = Theme::Light;
    original.language = Language::Chinese;
    for (std::string stored : {"", "garbage", "[]", "null", "\"dark\"", R"({"theme":"dark"})", R"({"version":2,"theme":"dark"})",
                               R"({"version":"1","theme":"dark"})", R"({"version":null})", "{\"version\":1,\"theme\":\"\xFF\"}",
                               R"({"version":1,"theme":"dark")"}) {
        CAPTURE(stored);
        Settings out = original;
        std::string warning;
        CHECK_FALSE(decodeSettings(stored, out, warning));
        CHECK(out == original);
        CHECK(warning.rfind(std::string(kSettingsKey) + ":", 0) == 0);
    }
}

TEST_CASE("decodeSettings is lenient about damaged fields: defaults for what it cannot read") {
    Settings original;
    original.theme = Theme::Light;
    original.language = Language::Chinese;
    struct Case {
        const char* stored;
        Theme theme;
        Language language;
    };
    for (Case c : std::vector<Case>{
             {R"({"version":1})", Theme::Auto, Language::English},
             {R"({"version":1,"theme":"purple","language":"fr"})", Theme::Auto, Language::English},
             {R"({"version":1,"theme":5,"language":["zh"]})", Theme::Auto, Language::English},
             {R"({"version":1,"theme":"light"})", Theme::Light, Language::English},
             {R"({"version":1,"language":"zh"})", Theme::Auto, Language::Chinese},
             {R"({"version":1,"theme":"DARK","language":"ZH"})", Theme::Auto, Language::English},
             {R"({"version":1,"theme":"dark","language":"zh","extra":{}})", Theme::Dark, Language::Chinese},
         }) {
        CAPTURE(c.stored);
        Settings out = original;
        std::string warning;
        CHECK(decodeSettings(c.stored, out, warning));
        CHECK(out.theme == c.theme);
        CHECK(out.language == c.language);
    }
}
