// The application model below the UI (src/app): corpus assembly with the reader's digests, persistence, URL
// sync, commands and navigation, feedback, pointer actions, the screen-reader mirror and the page API, driven
// through a fake AppServices that records what the host was asked to do.
#include <map>

#include "app/app_model.h"
#include "app/card_find.h"
#include "app/paper_text.h"
#include "app/strings.h"
#include "app_test_support.h"

namespace papertide::test {
namespace {

std::string readerDigest(const std::string& id, const std::string& paperId) {
    return digestJson(id, "2023-05", {paperJson(paperId, "A Reader's Own Paper", {"Rea Der"}, {"general"})}).dump();
}

struct Fixture {
    RecordingServices services;
    app::AppModel model{services};
    Fixture() { model.loadCorpus(bundledTestFiles()); }
    core::Explorer& ex() { return model.explorer(); }
    nlohmann::json state() { return nlohmann::json::parse(model.stateJson(7)); }
};

}  // namespace

TEST_CASE("app model: the bundled files make the corpus; errors are reported and the rest still loads") {
    Fixture f;
    CHECK(f.ex().corpus().digests.size() == 2);
    CHECK(f.ex().corpus().papers.size() == 3);
    CHECK(f.services.warnings.empty());
    RecordingServices services;
    app::AppModel model(services);
    std::vector<SourceFile> files = bundledTestFiles();
    files.push_back({"digests/broken.json", "{\"format\": 1,"});
    model.loadCorpus(std::move(files));
    CHECK(model.explorer().corpus().digests.size() == 2);
    REQUIRE(services.warnings.size() == 1);
    CHECK(contains(services.warnings[0], "digests/broken.json:1:"));
}

TEST_CASE("app model: a reader's digest is judged by the loader's rules, kept, and removed by a command") {
    Fixture f;
    f.model.receiveFile("/home/me/mine.json", readerDigest("reader-1", "reader-paper"));
    CHECK(f.ex().corpus().digests.size() == 3);
    CHECK(f.model.userDigests() == std::vector<std::string>{"mine.json"});
    CHECK(f.services.kept.count("mine.json") == 1);  // kept under its base name
    CHECK(f.ex().corpus().findPaper("reader-paper") != nullptr);
    CHECK(f.state()["userDigests"] == nlohmann::json::array({"mine.json"}));

    SUBCASE("a digest id of a bundled digest is refused with the loader's message, and nothing else changes") {
        f.model.receiveFile("clash.json", readerDigest("2023-01-a", "other-paper"));
        CHECK(f.ex().corpus().digests.size() == 3);
        CHECK(f.services.kept.count("clash.json") == 0);
        REQUIRE(f.model.fileProblems().size() == 1);
        CHECK(formatDiagnostic(f.model.fileProblems()[0]).rfind("clash.json:", 0) == 0);
        CHECK(contains(f.model.fileProblems()[0].message, "duplicate digest id \"2023-01-a\""));
        CHECK(f.model.feedbackVisible());
        CHECK(f.model.feedback().text() == "✕ clash.json");
    }
    SUBCASE("invalid JSON is refused with its location") {
        f.model.receiveFile("bad.json", "{\"format\": 1, \"id\": ");
        CHECK(f.ex().corpus().digests.size() == 3);
        REQUIRE(!f.model.fileProblems().empty());
        CHECK(formatDiagnostic(f.model.fileProblems()[0]).rfind("bad.json:1:", 0) == 0);
    }
    SUBCASE("a file of the same name replaces the earlier version") {
        f.model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper-v2"));
        CHECK(f.model.userDigests() == std::vector<std::string>{"mine.json"});
        CHECK(f.ex().corpus().findPaper("reader-paper") == nullptr);
        CHECK(f.ex().corpus().findPaper("reader-paper-v2") != nullptr);
    }
    SUBCASE("removal waits for the end of the frame, then forgets the kept file") {
        f.model.execute(app::RemoveDigest{"mine.json"});
        CHECK(f.ex().corpus().digests.size() == 3);  // panels may still be drawing from this corpus
        f.model.endFrame();
        CHECK(f.ex().corpus().digests.size() == 2);
        CHECK(f.model.userDigests().empty());
        CHECK(f.services.kept.empty());
    }
    SUBCASE("the view survives a corpus rebuild") {
        f.ex().openPaper("arxiv:2301.00001");
        f.model.receiveFile("second.json", readerDigest("reader-2", "reader-paper-2"));
        CHECK(f.ex().state().paper == "arxiv:2301.00001");
    }
}

TEST_CASE("app model: kept digests are restored in one build without being stored again; bad ones are refused") {
    Fixture f;
    std::vector<SourceFile> kept{{"a.json", readerDigest("reader-a", "paper-a")},
                                 {"b.json", readerDigest("reader-a", "paper-b")},  // same digest id as a.json
                                 {"c.json", "not json"}};
    f.model.restoreUserDigests(std::move(kept));
    CHECK(f.model.userDigests() == std::vector<std::string>{"a.json"});
    CHECK(f.services.kept.empty());
    CHECK(f.ex().corpus().findPaper("paper-a") != nullptr);
    CHECK(f.ex().corpus().findPaper("paper-b") == nullptr);
    std::vector<std::string> problems;
    for (const Diagnostic& d : f.model.fileProblems()) problems.push_back(d.file);
    CHECK(std::count(problems.begin(), problems.end(), "b.json") == 1);
    CHECK(std::count(problems.begin(), problems.end(), "c.json") == 1);
}

TEST_CASE("app model: a reading list file is merged into the marks, never read as a digest") {
    Fixture f;
    f.model.receiveFile("list.json", R"({"format": "papertide-reading-list", "version": 1, "bookmarks": ["arxiv:2301.00002"], "read": []})");
    CHECK(f.ex().isBookmarked("arxiv:2301.00002"));
    CHECK(f.model.userDigests().empty());
    CHECK(f.model.feedback().text().rfind("✓ list.json", 0) == 0);
}

TEST_CASE("app model: marks and settings are restored from storage and saved when they change") {
    RecordingServices services;
    services.values["papertide.bookmarks"] = R"({"version":1,"papers":["arxiv:2301.00002"]})";
    services.values["papertide.read"] = "{damaged";
    services.values["papertide.settings"] = R"({"version":1,"theme":"light","language":"zh"})";
    app::AppModel model(services);
    model.loadCorpus(bundledTestFiles());
    CHECK(model.explorer().isBookmarked("arxiv:2301.00002"));
    CHECK(model.lang() == app::Lang::Chinese);
    CHECK_FALSE(model.darkTheme());
    CHECK(services.values["papertide.read.damaged"] == "{damaged");  // set aside, not lost
    CHECK(!services.warnings.empty());
    const std::string before = services.values["papertide.bookmarks"];
    model.endFrame();
    CHECK(services.values["papertide.read"] == "{damaged");  // nothing changed: nothing written
    model.execute(app::ToggleBookmark{"arxiv:2301.00001"});
    model.execute(app::SetRead{"arxiv:2301.00001", true});
    model.endFrame();
    CHECK(services.values["papertide.bookmarks"] != before);
    CHECK(contains(services.values["papertide.bookmarks"], "arxiv:2301.00001"));
    CHECK(contains(services.values["papertide.read"], "arxiv:2301.00001"));
}

TEST_CASE("app model: the theme follows the system when it is \"System\"") {
    Fixture f;
    f.services.dark = false;
    CHECK_FALSE(f.model.darkTheme());
    f.services.dark = true;
    CHECK(f.model.darkTheme());
    core::Settings s = f.ex().settings();
    s.theme = core::Theme::Light;
    f.ex().setSettings(s);
    CHECK_FALSE(f.model.darkTheme());
}

TEST_CASE("app model: the URL hash and the view state stay in step") {
    Fixture f;
    f.model.applyLocationHash("#v=papers&q=diffusion");
    CHECK(f.ex().state().filter.query == "diffusion");
    f.model.endFrame();
    CHECK(f.services.hashes.empty());  // arrived from the URL: not written back
    f.model.execute(app::OpenPaper{"arxiv:2301.00001"});
    f.model.endFrame();
    REQUIRE(f.services.hashes.size() == 1);
    CHECK(contains(f.services.hashes[0].first, "p=arxiv:2301.00001"));
    CHECK(f.services.hashes[0].second);  // opening a paper is navigation: a history entry
    f.ex().setQuery("diffusion models");
    f.model.endFrame();
    REQUIRE(f.services.hashes.size() == 2);
    CHECK_FALSE(f.services.hashes[1].second);  // typing replaces the entry
    f.model.endFrame();
    CHECK(f.services.hashes.size() == 2);
    f.model.applyLocationHash("#v=timeline&q=%");  // a bad part is reported, the rest applies
    CHECK(f.ex().state().view == core::View::Timeline);
}

TEST_CASE("app model: keyboard navigation moves through the visible papers and opens them") {
    Fixture f;
    const auto& rows = f.ex().visiblePapers();
    REQUIRE(rows.size() == 3);
    f.model.execute(app::MoveSelection{1});
    CHECK(f.ex().selectedRow() == 0);
    CHECK(f.model.takeSelectionMoved());
    CHECK_FALSE(f.model.takeSelectionMoved());
    f.model.execute(app::MoveSelection{1});
    f.model.execute(app::MoveSelection{1});
    f.model.execute(app::MoveSelection{1});  // stays on the last row
    CHECK(f.ex().selectedRow() == 2);
    f.model.execute(app::MoveSelection{-1});
    CHECK(f.ex().selectedRow() == 1);
    f.model.execute(app::ClosePaper{});
    CHECK(f.ex().selectedPaper() == nullptr);
    f.model.execute(app::OpenSelection{});  // Enter reopens the cursor's paper
    CHECK(f.ex().selectedRow() == 1);
}

TEST_CASE("app model: feedback lasts one fixed time and keeps the app rendering while it shows") {
    Fixture f;
    f.model.beginFrame(10.0);
    f.model.flash("Copied");
    CHECK(f.model.feedbackVisible());
    f.model.beginFrame(10.0 + app::Feedback::kSeconds - 0.01);
    CHECK(f.model.feedbackVisible());
    f.model.beginFrame(10.0 + app::Feedback::kSeconds);
    CHECK_FALSE(f.model.feedbackVisible());
    f.model.execute(app::BookmarkAll{{"arxiv:2301.00001", "arxiv:2301.00002", "arxiv:2301.00001"}});
    CHECK(f.model.feedback().text() == "★ +2");
}

TEST_CASE("app model: pointer actions are published only when they change; a popup hides the rest") {
    app::PointerActions actions;
    actions.beginFrame();
    actions.offer({app::PointerAction::Kind::Open, 1, 2, 3, 4, "https://arxiv.org/abs/2301.00001"}, false);
    actions.offer({app::PointerAction::Kind::Copy, 5, 6, 7, 8, "text"}, true);
    auto first = actions.changes(false);
    REQUIRE(first.has_value());
    CHECK(first->size() == 2);
    actions.beginFrame();
    actions.offer({app::PointerAction::Kind::Open, 1, 2, 3, 4, "https://arxiv.org/abs/2301.00001"}, false);
    actions.offer({app::PointerAction::Kind::Copy, 5, 6, 7, 8, "text"}, true);
    CHECK_FALSE(actions.changes(false).has_value());
    auto inPopup = actions.changes(true);
    REQUIRE(inPopup.has_value());
    REQUIRE(inPopup->size() == 1);
    CHECK(inPopup->at(0).payload == "text");
    actions.beginFrame();
    auto none = actions.changes(false);
    REQUIRE(none.has_value());
    CHECK(none->empty());
}

TEST_CASE("app model: the screen-reader mirror lists the rows on screen and the open card") {
    Fixture f;
    auto first = f.model.accessibleView().changes(f.ex(), app::Lang::English, 0, 1);
    REQUIRE(first.has_value());
    nlohmann::json j = nlohmann::json::parse(*first);
    CHECK(j["count"] == 3);
    CHECK(j["rows"].size() == 2);
    CHECK(j["card"].is_null());
    CHECK_FALSE(f.model.accessibleView().changes(f.ex(), app::Lang::English, 0, 1).has_value());
    f.ex().openPaper("arxiv:2301.00001");
    auto card = f.model.accessibleView().changes(f.ex(), app::Lang::Chinese, 0, 1);
    REQUIRE(card.has_value());
    j = nlohmann::json::parse(*card);
    CHECK(j["card"]["title"] == "Denoising Diffusion Everywhere");
    CHECK(j["card"]["authors"] == nlohmann::json::array({"Ada One"}));
    CHECK(j["card"]["topics"] == nlohmann::json::array({"扩散"}));
    CHECK(j["card"]["appearances"].size() == 2);  // both digests that picked it
    CHECK(j["label"] == app::tr(app::Lang::Chinese, app::Str::Papers));
    CHECK(contains(j["rows"][0]["href"].get<std::string>(), "p="));
    // At most 50 rows are mirrored.
    CHECK(nlohmann::json::parse(app::AccessibleView::build(f.ex(), app::Lang::English, 0, 1000))["rows"].size() == 3);
}

TEST_CASE("app model: the page API reports the model and applies state, theme and language") {
    Fixture f;
    nlohmann::json s = f.state();
    CHECK(s["framesRendered"] == 7);
    CHECK(s["papers"] == 3);
    CHECK(s["digests"] == 2);
    CHECK(s["visibleCount"] == 3);
    CHECK(s["theme"] == "auto");
    CHECK(s["language"] == "en");
    CHECK(f.model.applyStateJson(R"({"query": "diffusion", "theme": "dark", "language": "zh"})"));
    s = f.state();
    CHECK(s["query"] == "diffusion");
    CHECK(s["theme"] == "dark");
    CHECK(s["language"] == "zh");
    CHECK(s["visibleCount"] == 1);
    CHECK_FALSE(f.model.applyStateJson("{not json"));
    CHECK(!f.services.warnings.empty());
    CHECK(f.ex().state().filter.query == "diffusion");  // a refused call changes nothing
}

TEST_CASE("card find: matches in display order, stepping wraps, another paper starts over") {
    Fixture f;
    const core::Corpus& c = f.ex().corpus();
    app::CardFind find;
    find.open();
    find.setQuery("DIFFUSION");
    find.update(c, c.findPaper("arxiv:2301.00001"));
    REQUIRE(find.matches().size() == 1);  // the title, case-insensitively
    CHECK(find.matches()[0].block == 0);
    CHECK(find.current() == 0);
    find.setQuery("e");
    find.update(c, c.findPaper("arxiv:2301.00001"));
    const int n = int(find.matches().size());
    REQUIRE(n > 2);
    find.step(-1);
    CHECK(find.current() == n - 1);
    find.step(1);
    CHECK(find.current() == 0);
    find.update(c, c.findPaper("arxiv:2302.00003"));
    CHECK(find.current() == 0);
    find.setQuery("zzz");
    find.update(c, c.findPaper("arxiv:2302.00003"));
    CHECK(find.current() == -1);
    CHECK(app::cardTextBlocks(c, *c.findPaper("arxiv:2301.00001")).size() == 1 + 4 * 2);
}

TEST_CASE("paper text: labels, author and month summaries in the reader's language") {
    Fixture f;
    const core::Corpus& c = f.ex().corpus();
    const core::Paper& p = *c.findPaper("arxiv:2301.00001");
    CHECK(app::paperMonths(c, p) == "2023-01 · 2023-02");
    CHECK(app::authorSummary(app::Lang::English, c, p, 3) == "Ada One");
    CHECK(app::authorSummary(app::Lang::English, c, p, 0) == app::tr(app::Lang::English, app::Str::EtAl));
    CHECK(std::string(app::topicLabel(app::Lang::Chinese, c.topics[1])) == "扩散");
}

TEST_CASE("counts read \"1 paper\", not \"1 papers\"; Chinese has no plural") {
    using app::Lang;
    using app::Str;
    CHECK(std::string(app::trCount(Lang::English, Str::PapersCount, 1)) == "%d paper");
    CHECK(std::string(app::trCount(Lang::English, Str::PapersCount, 0)) == "%d papers");
    CHECK(std::string(app::trCount(Lang::English, Str::PapersCount, 2)) == "%d papers");
    CHECK(std::string(app::trCount(Lang::English, Str::PapersThisCell, 1)) == "%d paper — click to filter");
    CHECK(std::string(app::trCount(Lang::English, Str::SharedList, 1)) == "Shared reading list: %d paper");
    CHECK(std::string(app::trCount(Lang::Chinese, Str::PapersCount, 1)) == app::tr(Lang::Chinese, Str::PapersCount));
    CHECK(std::string(app::trCount(Lang::English, Str::Papers, 1)) == "Papers");  // no singular: as it is
    CHECK(app::countText(Lang::English, Str::PapersCount, 1) == "1 paper");
    CHECK(app::countText(Lang::English, Str::PapersCount, 100000) == "100000 papers");
    CHECK(app::countText(Lang::Chinese, Str::PapersCount, 1) == "1 篇论文");
}

}  // namespace papertide::test
