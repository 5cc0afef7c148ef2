// Damaged stored values (bookmarks, read marks, settings): each is corrupted in turn (truncated, foreign JSON,
// wrong version, binary garbage, ...) and must be ignored with a warning naming its key, while the OTHER
// values are restored intact and never overwritten, not even when the reader changes something afterwards.
//
// restore()/persist() below mirror Application::Impl::restoreReaderData()/persistChanges() in
// src/ui/application.cpp (the UI layer is not linked into the unit tests): keep them in step. The browser
// variant (real localStorage) lives in tests/web.
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/reader_data.h"
#include "core/reading_list.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using IdSet = std::unordered_set<std::string>;

// A key-value store standing in for localStorage (web) or the native state file.
struct Store {
    std::map<std::string, std::string> values;
    std::vector<std::string> warnings;
    std::optional<std::string> load(std::string_view key) const {
        auto it = values.find(std::string(key));
        if (it == values.end()) return std::nullopt;
        return it->second;
    }
};

struct Session {
    Explorer ex;
    uint64_t marksRevision = 0, settingsRevision = 0;
};

void restorePaperSet(Store& store, std::string_view key, IdSet& target) {
    auto stored = store.load(key);
    if (!stored) return;
    std::string warning;
    if (!decodePaperSet(key, *stored, target, warning)) {
        std::string backupKey = std::string(key) + ".damaged";
        if (!store.load(backupKey)) store.values[backupKey] = *stored;
    }
    if (!warning.empty()) store.warnings.push_back(warning);
}

void restore(Store& store, Session& s) {
    ReaderMarks marks;
    restorePaperSet(store, kBookmarksKey, marks.bookmarked);
    restorePaperSet(store, kReadKey, marks.read);
    s.ex.setMarks(std::move(marks));
    if (auto stored = store.load(kSettingsKey)) {
        Settings settings;
        std::string warning;
        if (decodeSettings(*stored, settings, warning)) s.ex.setSettings(settings);
        else store.warnings.push_back(warning);
    }
    s.marksRevision = s.ex.marksRevision();
    s.settingsRevision = s.ex.settingsRevision();
}

void persist(Store& store, Session& s) {
    if (s.ex.marksRevision() != s.marksRevision) {
        store.values[std::string(kBookmarksKey)] = encodePaperSet(s.ex.marks().bookmarked);
        store.values[std::string(kReadKey)] = encodePaperSet(s.ex.marks().read);
        s.marksRevision = s.ex.marksRevision();
    }
    if (s.ex.settingsRevision() != s.settingsRevision) {
        store.values[std::string(kSettingsKey)] = encodeSettings(s.ex.settings());
        s.settingsRevision = s.ex.settingsRevision();
    }
}

struct Good {
    IdSet bookmarks, read;
    Settings settings;
};

// Real paper ids of the seed corpus, so the bookmark filter shows what was restored.
const Good& good() {
    static const Good g = [] {
        Good out;
        const Corpus& c = seed().corpus;
        REQUIRE(c.papers.size() >= 6);
        out.bookmarks = {c.papers[0].id, c.papers[1].id, c.papers[2].id};
        out.read = {c.papers[3].id, c.papers[4].id};
        out.settings.theme = Theme::Dark;
        out.settings.language = Language::Chinese;
        return out;
    }();
    return g;
}

Store goodStore() {
    Store store;
    store.values[std::string(kBookmarksKey)] = encodePaperSet(good().bookmarks);
    store.values[std::string(kReadKey)] = encodePaperSet(good().read);
    store.values[std::string(kSettingsKey)] = encodeSettings(good().settings);
    return store;
}

// A new explorer, as after a page load (with the seed corpus when the test needs its filters).
Session& freshSession(std::unique_ptr<Session>& holder, bool withCorpus = false) {
    holder = std::make_unique<Session>();
    if (withCorpus) holder->ex.setCorpus(seed().corpus, {});
    return *holder;
}

struct Damage {
    std::string name;
    std::string value;
};

// Damaged versions of a good stored value `v`.
std::vector<Damage> damagesOf(const std::string& v) {
    std::mt19937 rng(20240601);
    std::string garbage(512, '\0');
    for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
    std::string utf16;
    for (char c : v) {
        utf16 += c;
        utf16 += '\0';
    }
    return {
        {"empty", ""},
        {"whitespace", "  \n"},
        {"truncated-half", v.substr(0, v.size() / 2)},
        {"truncated-last-byte", v.substr(0, v.size() - 1)},
        {"truncated-first-byte", v.substr(1)},
        {"binary-garbage", garbage},
        {"nul-bytes", std::string(64, '\0')},
        {"utf16", "\xFF\xFE" + utf16},
        {"invalid-utf8", "{\"version\":1,\"papers\":[\"\xC3\x28\"],\"theme\":\"\xFF\"}"},
        {"foreign-object", R"({"foo":"bar","list":[1,2,3]})"},
        {"foreign-array", R"(["arxiv:2205.06175","arxiv:2302.13971"])"},
        {"foreign-string", "\"dark\""},
        {"foreign-number", "42"},
        {"foreign-null", "null"},
        {"foreign-true", "true"},
        {"view-state-json", R"({"query":"gpt","topics":["vision"],"view":"papers"})"},
        {"version-2", R"({"version":2,"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"version-0", R"({"version":0,"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"version-string", R"({"version":"1","papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"version-float", R"({"version":1.5,"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"version-null", R"({"version":null,"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"version-huge", R"({"version":1e400,"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"no-version", R"({"papers":["arxiv:2205.06175"],"theme":"dark","language":"zh"})"},
        {"deep-nesting", std::string(100000, '[') + std::string(100000, ']')},
        {"huge-garbage", std::string(4u << 20, '{')},
    };
}

// A paper set holding exactly `expected`, as decoded from the store.
IdSet storedSet(const Store& store, std::string_view key) {
    IdSet out;
    std::string warning;
    auto v = store.load(key);
    REQUIRE(v.has_value());
    REQUIRE(decodePaperSet(key, *v, out, warning));
    return out;
}

Settings storedSettings(const Store& store) {
    Settings out;
    std::string warning;
    auto v = store.load(kSettingsKey);
    REQUIRE(v.has_value());
    REQUIRE(decodeSettings(*v, out, warning));
    return out;
}

}  // namespace

TEST_CASE("stored state: good values are restored by the explorer") {
    Store store = goodStore();
    std::unique_ptr<Session> holder;
    Session& s = freshSession(holder, true);
    restore(store, s);
    CHECK(store.warnings.empty());
    CHECK(s.ex.marks().bookmarked == good().bookmarks);
    CHECK(s.ex.marks().read == good().read);
    CHECK(s.ex.settings() == good().settings);
    for (const std::string& id : good().bookmarks) CHECK(s.ex.isBookmarked(id));
    for (const std::string& id : good().read) CHECK(s.ex.isRead(id));
    s.ex.setBookmarkedOnly(true);
    CHECK(s.ex.visiblePapers().size() == good().bookmarks.size());
}

TEST_CASE("stored state: each damaged value is ignored with a warning; the others survive") {
    Store reference = goodStore();
    for (std::string_view key : {kBookmarksKey, kReadKey, kSettingsKey}) {
        for (const Damage& damage : damagesOf(reference.values[std::string(key)])) {
            CAPTURE(key);
            CAPTURE(damage.name);
            Store store = goodStore();
            store.values[std::string(key)] = damage.value;
            std::unique_ptr<Session> holder;
            Session& s = freshSession(holder);
            restore(store, s);

            // The damaged value: ignored (its default), with exactly one warning that names it.
            REQUIRE(store.warnings.size() == 1);
            CHECK(store.warnings[0].rfind(std::string(key) + ": stored value ignored (", 0) == 0);
            CHECK(findInvalidUtf8(store.warnings[0]) == std::string::npos);
            CHECK(store.warnings[0].size() < 200);
            // The others: exactly as stored.
            if (key != kBookmarksKey) CHECK(s.ex.marks().bookmarked == good().bookmarks);
            else CHECK(s.ex.marks().bookmarked.empty());
            if (key != kReadKey) CHECK(s.ex.marks().read == good().read);
            else CHECK(s.ex.marks().read.empty());
            if (key != kSettingsKey) CHECK(s.ex.settings() == good().settings);
            else CHECK(s.ex.settings() == Settings{});
            // Nothing was written back yet: the damaged value is still there, and a copy is kept aside.
            persist(store, s);
            CHECK(store.values[std::string(key)] == damage.value);
            if (key != kSettingsKey) CHECK(store.values[std::string(key) + ".damaged"] == damage.value);

            // The reader changes the damaged kind of value: only that one is rewritten; the others stay.
            if (key == kSettingsKey) {
                Settings light;
                light.theme = Theme::Light;
                s.ex.setSettings(light);
            } else if (key == kBookmarksKey) {
                s.ex.toggleBookmark("arxiv:2205.06175");
            } else {
                s.ex.setRead("arxiv:2205.06175", true);
            }
            persist(store, s);
            if (key == kSettingsKey) {
                CHECK(storedSettings(store).theme == Theme::Light);
                CHECK(store.values[std::string(kBookmarksKey)] == reference.values[std::string(kBookmarksKey)]);
                CHECK(store.values[std::string(kReadKey)] == reference.values[std::string(kReadKey)]);
            } else {
                std::string_view other = key == kBookmarksKey ? kReadKey : kBookmarksKey;
                CHECK(storedSet(store, key) == IdSet{"arxiv:2205.06175"});
                CHECK(storedSet(store, other) == (other == kBookmarksKey ? good().bookmarks : good().read));
                CHECK(store.values[std::string(kSettingsKey)] == reference.values[std::string(kSettingsKey)]);
                CHECK(store.values[std::string(key) + ".damaged"] == damage.value);  // the old value, kept aside
            }

            // Next visit: everything reads back cleanly.
            Store next = store;
            next.warnings.clear();
            std::unique_ptr<Session> nextHolder;
            Session& again = freshSession(nextHolder);
            restore(next, again);
            CHECK(next.warnings.empty());
        }
    }
}

TEST_CASE("stored state: partly damaged paper sets keep their good entries") {
    Store store = goodStore();
    store.values[std::string(kReadKey)] = R"({"version":1,"papers":["arxiv:2205.06175",5,null,")" + std::string(300, 'x') +
                                          R"(",{"id":"x"},"arxiv:2302.13971"]})";
    std::unique_ptr<Session> holder;
    Session& s = freshSession(holder);
    restore(store, s);
    REQUIRE(store.warnings.size() == 1);
    CHECK(store.warnings[0] == "papertide.read: 4 damaged entries ignored");
    CHECK(s.ex.marks().read == IdSet{"arxiv:2205.06175", "arxiv:2302.13971"});
    CHECK(s.ex.marks().bookmarked == good().bookmarks);
    CHECK(s.ex.settings() == good().settings);
    CHECK_FALSE(store.load(std::string(kReadKey) + ".damaged").has_value());  // readable: no backup needed
}

TEST_CASE("stored state: values written by a newer version are left alone until the reader changes them") {
    Store store = goodStore();
    std::string newer = R"({"version":2,"papers":{"arxiv:2205.06175":{"tags":["x"]}}})";
    store.values[std::string(kBookmarksKey)] = newer;
    std::unique_ptr<Session> holder;
    Session& s = freshSession(holder);
    restore(store, s);
    REQUIRE(store.warnings.size() == 1);
    CHECK(store.warnings[0] == "papertide.bookmarks: stored value ignored (written by a newer version)");
    persist(store, s);
    CHECK(store.values[std::string(kBookmarksKey)] == newer);
    // A second damaged load never overwrites the first backup.
    store.values[std::string(kBookmarksKey)] = "garbage";
    store.warnings.clear();
    std::unique_ptr<Session> holder2;
    Session& s2 = freshSession(holder2);
    restore(store, s2);
    CHECK(store.values[std::string(kBookmarksKey) + ".damaged"] == newer);
}

TEST_CASE("stored state: a damaged reading-list file never changes the marks") {
    ReaderMarks marks;
    marks.bookmarked = good().bookmarks;
    marks.read = good().read;
    for (const Damage& damage : damagesOf(trim(encodeReadingList(marks)))) {
        CAPTURE(damage.name);
        ReaderMarks target = marks;
        MergeReport report;
        std::string error;
        bool ok = mergeReadingList(damage.value, target, report, error);
        CHECK_FALSE(ok);
        CHECK_FALSE(error.empty());
        CHECK(target.bookmarked == marks.bookmarked);
        CHECK(target.read == marks.read);
    }
    // "format" present but not a string used to throw (nlohmann's value() with a string default): found by
    // fuzz_reader_data; an uncaught exception aborts the web build.
    for (std::string file : {R"({"format":1,"version":1,"bookmarks":["a"]})", R"({"format":null})", R"({"format":["papertide-reading-list"]})"}) {
        ReaderMarks target = marks;
        MergeReport report;
        std::string error;
        CHECK_FALSE(mergeReadingList(file, target, report, error));
        CHECK(contains(error, "not a Papertide reading list"));
        CHECK(target.bookmarked == marks.bookmarked);
    }
}
