// Reading-list files (core/reading_list.h): encoding, round trips, merging as a union with exact counts,
// and foreign or malformed files rejected without touching the reader's marks.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/reading_list.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

Ids sortedSet(const std::unordered_set<std::string>& s) { return sorted(Ids(s.begin(), s.end())); }

ReaderMarks marksOf(Ids bookmarks, Ids read) {
    ReaderMarks m;
    m.bookmarked.insert(bookmarks.begin(), bookmarks.end());
    m.read.insert(read.begin(), read.end());
    return m;
}

std::string listFile(const nlohmann::json& bookmarks, const nlohmann::json& read) {
    return nlohmann::json({{"format", "papertide-reading-list"}, {"version", 1}, {"bookmarks", bookmarks}, {"read", read}}).dump();
}

}  // namespace

TEST_CASE("encodeReadingList: the documented format, ids sorted") {
    ReaderMarks m = marksOf({"arxiv:2205.06175", "consistency-models", "arxiv:2106.02634"}, {"zeta", "alpha"});
    std::string text = encodeReadingList(m);
    CHECK(text.back() == '\n');
    nlohmann::json j = nlohmann::json::parse(text);
    CHECK(j["format"] == "papertide-reading-list");
    CHECK(j["version"] == 1);
    CHECK(j["bookmarks"].get<Ids>() == Ids{"arxiv:2106.02634", "arxiv:2205.06175", "consistency-models"});
    CHECK(j["read"].get<Ids>() == Ids{"alpha", "zeta"});
    // "format" comes first, so a reader of the raw file sees what it is.
    CHECK(text.find("\"format\"") < text.find("\"bookmarks\""));
    // The same marks always give the same bytes.
    CHECK(encodeReadingList(marksOf({"consistency-models", "arxiv:2106.02634", "arxiv:2205.06175"}, {"alpha", "zeta"})) == text);

    nlohmann::json empty = nlohmann::json::parse(encodeReadingList(ReaderMarks{}));
    CHECK(empty["bookmarks"] == nlohmann::json::array());
    CHECK(empty["read"] == nlohmann::json::array());
}

TEST_CASE("a reading list round-trips into empty marks, with counts") {
    ReaderMarks original = marksOf({"arxiv:2205.06175", "consistency-models", "改良-id"}, {"arxiv:2302.13971"});
    ReaderMarks restored;
    MergeReport report;
    std::string error;
    REQUIRE(mergeReadingList(encodeReadingList(original), restored, report, error));
    CHECK(error.empty());
    CHECK(restored.bookmarked == original.bookmarked);
    CHECK(restored.read == original.read);
    CHECK(report.bookmarksAdded == 3);
    CHECK(report.readAdded == 1);
    CHECK(report.alreadyPresent == 0);
    CHECK(report.skipped == 0);
    CHECK(describeMerge(report) == "3 bookmark(s) and 1 read mark(s) added");

    // Merging the same file again adds nothing.
    REQUIRE(mergeReadingList(encodeReadingList(original), restored, report, error));
    CHECK(report.bookmarksAdded == 0);
    CHECK(report.readAdded == 0);
    CHECK(report.alreadyPresent == 4);
    CHECK(describeMerge(report) == "0 bookmark(s) and 0 read mark(s) added, 4 already present");
    CHECK(restored.bookmarked == original.bookmarked);
}

TEST_CASE("merging is a union: existing marks stay, new ones are added, counts are exact") {
    ReaderMarks marks = marksOf({"a", "b"}, {"r1"});
    MergeReport report;
    std::string error;
    REQUIRE(mergeReadingList(listFile({"b", "c", "c"}, {"r1", "r2"}), marks, report, error));
    CHECK(sortedSet(marks.bookmarked) == Ids{"a", "b", "c"});  // "a" is not in the file and stays
    CHECK(sortedSet(marks.read) == Ids{"r1", "r2"});
    CHECK(report.bookmarksAdded == 1);
    CHECK(report.readAdded == 1);
    CHECK(report.alreadyPresent == 3);  // b, the second c, r1
    CHECK(report.skipped == 0);

    SUBCASE("a file with only bookmarks, or only read marks, or neither") {
        MergeReport r;
        REQUIRE(mergeReadingList(R"({"format":"papertide-reading-list","version":1,"bookmarks":["d"]})", marks, r, error));
        CHECK(r.bookmarksAdded == 1);
        CHECK(r.readAdded == 0);
        REQUIRE(mergeReadingList(R"({"format":"papertide-reading-list","version":1,"read":["r3"]})", marks, r, error));
        CHECK(r.readAdded == 1);
        CHECK(r.bookmarksAdded == 0);  // the report is per merge
        REQUIRE(mergeReadingList(R"({"format":"papertide-reading-list","version":1})", marks, r, error));
        CHECK(describeMerge(r) == "0 bookmark(s) and 0 read mark(s) added");
        CHECK(sortedSet(marks.bookmarked) == Ids{"a", "b", "c", "d"});
        CHECK(sortedSet(marks.read) == Ids{"r1", "r2", "r3"});
    }
}

TEST_CASE("entries that are not paper ids are skipped and counted") {
    ReaderMarks marks = marksOf({"keep"}, {});
    MergeReport report;
    std::string error;
    std::string tooLong(129, 'x');
    std::string longest(128, 'y');
    nlohmann::json bookmarks = {"ok-1", 42, nullptr, "", tooLong, longest, nlohmann::json::object(), nlohmann::json::array(), true};
    REQUIRE(mergeReadingList(listFile(bookmarks, {"ok-2", 7}), marks, report, error));
    CHECK(sortedSet(marks.bookmarked) == sorted(Ids{"keep", "ok-1", longest}));
    CHECK(sortedSet(marks.read) == Ids{"ok-2"});
    CHECK(report.bookmarksAdded == 2);
    CHECK(report.readAdded == 1);
    CHECK(report.skipped == 8);  // 42, null, "", 129 bytes, {}, [], true; 7
    CHECK(describeMerge(report) == "2 bookmark(s) and 1 read mark(s) added, 8 invalid entries skipped");

    MergeReport one;
    REQUIRE(mergeReadingList(R"({"format":"papertide-reading-list","version":1,"bookmarks":"not-a-list","read":["r"]})", marks,
                             one, error));
    CHECK(one.skipped == 1);  // a whole member of the wrong kind counts once
    CHECK(one.readAdded == 1);
    CHECK(describeMerge(one) == "0 bookmark(s) and 1 read mark(s) added, 1 invalid entry skipped");
}

TEST_CASE("foreign and invalid files are rejected and leave the marks untouched") {
    const ReaderMarks before = marksOf({"a", "b"}, {"r"});
    struct Case {
        const char* name;
        std::string file;
    };
    const std::vector<Case> cases = {
        {"empty file", ""},
        {"not JSON", "bookmarks: a, b"},
        {"truncated JSON", R"({"format":"papertide-reading-list","version":1,"bookmarks":["c")"},
        {"a JSON array", R"(["c", "d"])"},
        {"a JSON string", R"("papertide-reading-list")"},
        {"no format", R"({"version":1,"bookmarks":["c"]})"},
        {"another format", R"({"format":"papertide-export","version":1,"bookmarks":["c"]})"},
        {"a format that is not a string", R"({"format":1,"version":1,"bookmarks":["c"]})"},
        {"a format that is an object", R"({"format":{"x":1},"version":1,"bookmarks":["c"]})"},
        {"a format that is null", R"({"format":null,"version":1,"bookmarks":["c"]})"},
        {"no version", R"({"format":"papertide-reading-list","bookmarks":["c"]})"},
        {"version 2", R"({"format":"papertide-reading-list","version":2,"bookmarks":["c"]})"},
        {"version as text", R"({"format":"papertide-reading-list","version":"1","bookmarks":["c"]})"},
        {"version 1.5", R"({"format":"papertide-reading-list","version":1.5,"bookmarks":["c"]})"},
        {"a view-state JSON", R"({"query":"x","topics":[]})"},
    };
    for (const Case& tc : cases) {
        CAPTURE(tc.name);
        ReaderMarks marks = before;
        MergeReport report;
        std::string error;
        bool ok = true;
        CHECK_NOTHROW(ok = mergeReadingList(tc.file, marks, report, error));
        CHECK_FALSE(ok);
        CHECK_FALSE(error.empty());
        CHECK(marks.bookmarked == before.bookmarked);
        CHECK(marks.read == before.read);
        CHECK(report.bookmarksAdded == 0);
        CHECK(report.readAdded == 0);
    }
    ReaderMarks marks = before;
    MergeReport report;
    std::string error;
    CHECK_FALSE(mergeReadingList(R"({"format":"papertide-export"})", marks, report, error));
    CHECK(contains(error, "papertide-reading-list"));
    CHECK_FALSE(mergeReadingList("{", marks, report, error));
    CHECK(error == "not a JSON file");
    CHECK_FALSE(mergeReadingList(R"({"format":"papertide-reading-list","version":3})", marks, report, error));
    CHECK(contains(error, "version"));
}

TEST_CASE("a reading list of the seed's papers survives encode and merge exactly") {
    ReaderMarks marks;
    for (const Paper& p : seed().corpus.papers) {
        marks.bookmarked.insert(p.id);
        if (p.id.rfind("arxiv:", 0) == 0) marks.read.insert(p.id);
    }
    ReaderMarks restored;
    MergeReport report;
    std::string error;
    REQUIRE(mergeReadingList(encodeReadingList(marks), restored, report, error));
    CHECK(report.bookmarksAdded == 75);
    CHECK(report.readAdded == marks.read.size());
    CHECK(restored.bookmarked == marks.bookmarked);
    CHECK(restored.read == marks.read);
}
