// "New digest from article…" in the application model (app/article_draft.h, AppModel): the draft comes from the
// importer, the reader's corrections re-run it, dropped entries leave the JSON, and the result is added as one of
// the reader's own digests (kept, removable) or downloaded; files are routed to the draft while it is open.
#include <algorithm>
#include <map>

#include "app/app_model.h"
#include "import/article_import.h"
#include "import/html/html_lines.h"
#include "app_test_support.h"

namespace papertide::test {
namespace {

struct Fixture {
    RecordingServices services;
    app::AppModel model{services};
    double now = 0;
    Fixture() {
        std::vector<SourceFile> files = {
            {"topics.json", kTestTaxonomy},
            digestFile(digestJson("2023-01-a", "2023-01",
                                  {paperJson("arxiv:2301.00001", "Denoising Diffusion Everywhere", {"Ada One"}, {"diffusion"})}))};
        model.loadCorpus(std::move(files));
    }
    // One frame: the draft is refreshed, queued commands (adding) run.
    void frame() {
        model.beginFrame(now += 0.1);
        model.endFrame();
    }
    const app::ArticleDraft& draft() { return model.articleDraft(); }
    nlohmann::json state() { return nlohmann::json::parse(model.stateJson(1))["draft"]; }
    nlohmann::json finalJson() {
        std::string why;
        std::string json = draft().finalJson(why);
        REQUIRE_MESSAGE(!json.empty(), why);
        return nlohmann::json::parse(json);
    }
    void paste(const std::string& text) {
        model.execute(app::OpenArticleDraft{});
        model.execute(app::SetArticleText{text, ""});
        frame();
    }
};

std::string englishArticle() { return readText(sourceDir() + "/tests/import/english_digest.txt"); }

size_t entryNamed(const app::ArticleDraft& d, std::string_view prefix) {
    for (size_t i = 0; i < d.entries().size(); ++i)
        if (d.entries()[i].title.rfind(prefix, 0) == 0) return i;
    FAIL("no entry titled " << prefix);
    return 0;
}

}  // namespace

TEST_CASE("article draft: a pasted article is drafted by the importer and listed with its fields") {
    Fixture f;
    CHECK_FALSE(f.draft().isOpen());
    CHECK(f.state() == nlohmann::json{{"open", false}});
    f.paste(englishArticle());
    REQUIRE(f.draft().ok());
    REQUIRE(f.draft().entries().size() == 3);
    const app::DraftEntryView& first = f.draft().entries()[0];
    CHECK(first.title == "Emergent Abilities of Large Language Models");
    CHECK(first.authors == std::vector<std::string>{"Jason Wei", "Yi Tay", "Rishi Bommasani"});
    CHECK(first.authorsTruncated);
    CHECK(first.id == "arxiv:2206.07682");
    CHECK_FALSE(first.uncertain);
    CHECK(std::find(first.topics.begin(), first.topics.end(), "language-models") != first.topics.end());
    bool arxivLink = false;
    for (const auto& link : first.links) arxivLink |= link.second == "https://arxiv.org/abs/2206.07682";
    CHECK(arxivLink);
    // The "Other papers" bullet may not be a paper: marked, with the importer's reason.
    const app::DraftEntryView& other = f.draft().entries()[entryNamed(f.draft(), "Beyond neural scaling laws")];
    CHECK(other.uncertain);
    CHECK_FALSE(other.warnings.empty());
    CHECK(f.draft().field(app::DraftField::Month) == "2022-08");
    CHECK_FALSE(f.draft().digestWarnings().empty());
    // The command line's "pass --source" reads as the field to correct here.
    for (const std::string& w : f.draft().digestWarnings()) CHECK(w.find("--") == std::string::npos);
    bool sourceHint = false;
    for (const std::string& w : f.draft().digestWarnings()) sourceHint |= w.find("correct the source above") != std::string::npos;
    CHECK(sourceHint);

    nlohmann::json s = f.state();
    CHECK(s["open"] == true);
    CHECK(s["ok"] == true);
    CHECK(s["pasted"] == true);
    CHECK(s["entries"].size() == 3);
    CHECK(s["month"] == "2022-08");
    CHECK(s["kept"] == 3);
    CHECK(s["fileName"] == f.draft().digestId() + ".json");
}

TEST_CASE("article draft: the reader's month, title and source re-run the importer and change the JSON") {
    Fixture f;
    f.paste(englishArticle());
    const std::string before = f.draft().digestId();
    f.model.execute(app::SetDraftField{app::DraftField::Month, "2022-09"});
    f.model.execute(app::SetDraftField{app::DraftField::Title, "My August reading"});
    f.model.execute(app::SetDraftField{app::DraftField::Source, "Trends Weekly"});
    f.frame();
    nlohmann::json d = f.finalJson();
    CHECK(d["month"] == "2022-09");
    CHECK(d["title"] == "My August reading");
    CHECK(d["source"] == "Trends Weekly");
    CHECK(f.draft().digestId() != before);
    CHECK(f.draft().digestId().rfind("2022-09-", 0) == 0);  // the id follows the month
    CHECK(f.state()["month"] == "2022-09");

    SUBCASE("a month being typed is not passed on: the last good draft stays, with a message") {
        f.model.execute(app::SetDraftField{app::DraftField::Month, "2022-1"});
        f.frame();
        CHECK(f.draft().fieldError().find("YYYY-MM") != std::string::npos);
        CHECK(f.finalJson()["month"] == "2022-08");  // what the page says, until the month is whole
    }
    SUBCASE("an emptied field goes back to what the page says") {
        f.model.execute(app::SetDraftField{app::DraftField::Title, ""});
        f.frame();
        CHECK(f.finalJson()["title"] != "My August reading");
        CHECK(f.draft().field(app::DraftField::Title) == f.finalJson()["title"].get<std::string>());
    }
}

TEST_CASE("article draft: a dropped entry leaves the JSON (and its emptied section); keeping it brings it back") {
    Fixture f;
    f.paste(englishArticle());
    const size_t other = entryNamed(f.draft(), "Beyond neural scaling laws");
    const std::string otherSection = f.finalJson()["papers"][other]["section"];
    f.model.execute(app::DropDraftEntry{other, true});
    CHECK(f.draft().entries()[other].dropped);
    CHECK(f.draft().keptCount() == 2);
    nlohmann::json d = f.finalJson();
    REQUIRE(d["papers"].size() == 2);
    for (const auto& p : d["papers"]) CHECK(p["title"].get<std::string>().rfind("Beyond", 0) != 0);
    for (const auto& s : d["sections"]) CHECK(s["id"] != otherSection);
    // Corrections re-draft the same article: the entry stays dropped.
    f.model.execute(app::SetDraftField{app::DraftField::Month, "2022-09"});
    f.frame();
    CHECK(f.draft().entries()[other].dropped);
    CHECK(f.finalJson()["papers"].size() == 2);
    CHECK(f.state()["entries"][other]["dropped"] == true);
    f.model.execute(app::DropDraftEntry{other, false});
    CHECK(f.finalJson()["papers"].size() == 3);
}

TEST_CASE("article draft: added, it is one of the reader's digests: in every view, kept and removable") {
    Fixture f;
    f.paste(englishArticle());
    f.model.execute(app::SetDraftField{app::DraftField::Month, "2022-09"});
    f.frame();
    f.model.execute(app::DropDraftEntry{entryNamed(f.draft(), "Beyond neural scaling laws"), true});
    const std::string name = f.draft().fileName();
    const size_t digests = f.model.explorer().corpus().digests.size();
    f.model.execute(app::AddDraftToDigests{});
    CHECK(f.model.explorer().corpus().digests.size() == digests);  // queued: the corpus changes after the frame
    f.frame();
    CHECK(f.model.explorer().corpus().digests.size() == digests + 1);
    CHECK(f.model.userDigests() == std::vector<std::string>{name});
    REQUIRE(f.services.kept.count(name) == 1);
    CHECK(nlohmann::json::parse(f.services.kept[name])["papers"].size() == 2);
    CHECK(f.draft().addedAs() == name);
    CHECK(f.state()["addedAs"] == name);
    const core::Digest* digest = f.model.explorer().corpus().findDigest(f.draft().digestId());
    REQUIRE(digest != nullptr);
    CHECK(core::formatMonth(digest->month) == "2022-09");
    f.model.explorer().setQuery("textual inversion");
    CHECK(f.model.explorer().visiblePapers().size() == 1);
    f.model.explorer().setQuery("");

    f.model.execute(app::RemoveDigest{name});
    f.frame();
    CHECK(f.model.explorer().corpus().digests.size() == digests);
    CHECK(f.services.kept.empty());
}

TEST_CASE("article draft: an empty, refused or paperless article says why and adds nothing") {
    Fixture f;
    const size_t digests = f.model.explorer().corpus().digests.size();
    f.model.execute(app::OpenArticleDraft{});
    f.frame();
    CHECK_FALSE(f.draft().ok());
    f.model.execute(app::AddDraftToDigests{});
    f.frame();
    REQUIRE(f.draft().addProblems().size() == 1);
    CHECK(f.draft().addProblems()[0].find("paste an article") != std::string::npos);

    f.paste("Just a note about the weather.\nNothing else here.\n");
    CHECK_FALSE(f.draft().ok());
    CHECK(f.draft().error().find("no paper entries found") != std::string::npos);
    CHECK(f.draft().entries().empty());
    f.model.execute(app::AddDraftToDigests{});
    f.frame();
    CHECK(f.draft().addProblems()[0].find("no paper entries found") != std::string::npos);

    f.model.receiveFile("scan.txt", std::string("%PDF-1.7\n\x00\x01\x02 binary", 20));
    f.frame();
    CHECK_FALSE(f.draft().ok());
    CHECK(f.draft().error().find("scan.txt") == 0);
    CHECK(f.state()["error"] == f.draft().error());

    f.paste(englishArticle());  // then every entry dropped
    for (size_t i = 0; i < f.draft().entries().size(); ++i) f.model.execute(app::DropDraftEntry{i, true});
    f.model.execute(app::AddDraftToDigests{});
    f.frame();
    CHECK(f.draft().addProblems()[0].find("every entry is dropped") != std::string::npos);
    CHECK(f.model.explorer().corpus().digests.size() == digests);
    CHECK(f.services.kept.empty());
    CHECK(f.model.userDigests().empty());
}

TEST_CASE("article draft: files go to the draft while it is open, and articles open it") {
    Fixture f;
    const std::string digest = digestJson("reader-1", "2023-05", {paperJson("reader-paper", "A Reader's Paper", {"Rea Der"}, {"general"})}).dump();
    SUBCASE("closed: a .json file is a digest") {
        f.model.receiveFile("mine.json", digest);
        CHECK(f.model.userDigests() == std::vector<std::string>{"mine.json"});
        CHECK_FALSE(f.draft().isOpen());
    }
    SUBCASE("closed: a .txt / .md / .html file opens the dialog with its draft") {
        f.model.receiveFile("/tmp/Trends.TXT", englishArticle());
        f.frame();
        CHECK(f.draft().isOpen());
        CHECK(f.draft().articleName() == "Trends.TXT");
        CHECK_FALSE(f.draft().pasted());
        CHECK(f.draft().entries().size() == 3);
        CHECK(f.model.userDigests().empty());
    }
    SUBCASE("open: even a .json file is the article, not a digest") {
        f.model.execute(app::OpenArticleDraft{});
        f.model.receiveFile("mine.json", digest);
        f.frame();
        CHECK(f.model.userDigests().empty());
        CHECK(f.draft().articleName() == "mine.json");
        CHECK(f.model.explorer().corpus().findPaper("reader-paper") == nullptr);
    }
    SUBCASE("closing forgets the article; a new one does not keep the dropped entries") {
        f.paste(englishArticle());
        f.model.execute(app::DropDraftEntry{0, true});
        f.model.execute(app::SetArticleText{englishArticle() + "\n", ""});
        f.frame();
        CHECK_FALSE(f.draft().entries()[0].dropped);
        f.model.execute(app::CloseArticleDraft{});
        CHECK_FALSE(f.draft().isOpen());
        CHECK_FALSE(f.draft().hasArticle());
    }
}

TEST_CASE("article draft: Download JSON hands the final digest to the platform") {
    Fixture f;
    f.paste(englishArticle());
    f.model.execute(app::DropDraftEntry{2, true});
    f.model.execute(app::DownloadDraft{});
    const std::string name = f.draft().fileName();
    REQUIRE(f.services.saved.count(name) == 1);
    std::string why;
    CHECK(f.services.saved[name] == f.draft().finalJson(why));
    CHECK(nlohmann::json::parse(f.services.saved[name])["papers"].size() == 2);
    CHECK(f.model.feedback().text().find("Downloads/" + name) != std::string::npos);
}

TEST_CASE("article draft: HTML lines from the browser are drafted like the native parser's") {
    Fixture f;
    // What web/shell/article-lines.js sends for a small page: headings, links with labels, <ol> numbers.
    nlohmann::json lines = nlohmann::json::array({
        {{"text", "AI 论文周报 | 2023 年 7 月 14 日"}, {"heading", 1}},
        {{"text", "Llama 2: Open Foundation and Fine-Tuned Chat Models"}, {"heading", 3}},
        {{"text", "作者:Hugo Touvron, Louis Martin"}},
        {{"text", "论文地址:arXiv"}, {"links", {{{"label", "arXiv"}, {"url", "https://arxiv.org/abs/2307.09288"}}}}},
        {{"text", "Meta 开放了基础模型和对话模型。"}},
        {{"text", "FlashAttention-2: Faster Attention with Better Parallelism"}, {"heading", 3}},
        {{"text", "作者:Tri Dao"}},
        {{"text", "论文地址:https://arxiv.org/abs/2307.08691"},
         {"links", {{{"label", "https://arxiv.org/abs/2307.08691"}, {"url", "https://arxiv.org/abs/2307.08691"}},
                    {{"label", "x"}, {"url", "javascript:alert(1)"}}}}},
        {{"text", "注意力计算的速度又提高了大约一倍。"}},
    });
    f.model.receiveArticleLines("weekly.html", lines.dump());
    f.frame();
    REQUIRE_MESSAGE(f.draft().ok(), f.draft().error());
    REQUIRE(f.draft().entries().size() == 2);
    CHECK(f.draft().entries()[0].id == "arxiv:2307.09288");
    CHECK(f.draft().entries()[1].title == "FlashAttention-2: Faster Attention with Better Parallelism");
    for (const auto& e : f.draft().entries())
        for (const auto& link : e.links) CHECK(link.second.rfind("https://", 0) == 0);  // never javascript:
    CHECK(f.draft().field(app::DraftField::Month) == "2023-07");

    f.model.receiveArticleLines("broken.html", "{\"not\": \"a list\"}");
    f.frame();
    CHECK_FALSE(f.draft().ok());
    CHECK(f.draft().error().find("broken.html") == 0);
}

TEST_CASE("import: lines given as JSON draft exactly as the same lines from the native HTML parser") {
    if (!import::htmlParserAvailable()) return;  // a build without gumbo has nothing to compare with
    const std::string html = readText(sourceDir() + "/tests/import/html_ol.html");
    std::vector<import::ArticleLine> lines;
    std::string error;
    REQUIRE(import::htmlToLines(html, lines, error));
    nlohmann::json list = nlohmann::json::array();
    for (const import::ArticleLine& l : lines) {
        nlohmann::json item = {{"text", l.text}};
        if (l.heading) item["heading"] = l.heading;
        if (l.listNumber) item["list"] = l.listNumber;
        for (const import::ArticleLink& link : l.links) item["links"].push_back({{"label", link.label}, {"url", link.url}});
        list.push_back(item);
    }
    std::vector<import::ArticleLine> back;
    REQUIRE(import::linesFromJson(list.dump(), back, error));
    import::ImportOptions options;
    options.today = "2030-01";
    Loaded corpus = loadSynthetic({});
    import::ImportDraft fromHtml = import::draftDigest(html, "page.html", import::ArticleKind::Auto, options, corpus.corpus);
    import::ImportDraft fromLines = import::draftDigestFromLines(back, "page.html", options, corpus.corpus);
    REQUIRE(fromHtml.ok);
    CHECK(fromLines.json == fromHtml.json);
    CHECK(fromLines.uncertain == fromHtml.uncertain);

    CHECK_FALSE(import::linesFromJson("[{\"text\": \"   \"}]", back = {}, error));
    CHECK(error.find("without text") != std::string::npos);
    CHECK_FALSE(import::linesFromJson(std::string(import::kMaxArticleBytes + 1, ' '), back = {}, error));
}

}  // namespace papertide::test
