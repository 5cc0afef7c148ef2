// Import: the draft as a whole: valid format 1, ids reused from the corpus, nothing invented, options win,
// warnings point at entries, and articles without papers are refused.
#include <set>

#include "core/digest_parser.h"
#include "test_import_support.h"

using namespace papertide::test;

namespace {

const char* kTwoPapers =
    "2022年5月论文推荐\n\n"
    "1、A Generalist Agent\nScott Reed, Konrad Zolna, Emilio Parisotto\nhttps://arxiv.org/abs/2205.06175\n这是一个通用智能体。\n"
    "2、Exploring the Limits of Large Scale Pre-training\nSamira Abnar, Mostafa Dehghani\n研究规模与下游任务的关系。\n"
    "3、A Brand New Vision Paper\nAnn Lee, Bo Chen\nhttps://arxiv.org/abs/2205.99999\n图像分割的新方法,视觉模型。\n";

// Every URL of the draft is in the article, or is the abs/pdf URL of an arXiv id the article gives.
void checkNothingInvented(const nlohmann::json& d, const std::string& article) {
    for (const auto& p : d["papers"]) {
        if (!p.contains("links")) continue;
        for (const auto& [key, url] : p["links"].items()) {
            std::string u = url.get<std::string>();
            bool derived = false;
            for (const char* prefix : {"https://arxiv.org/abs/", "https://arxiv.org/pdf/"}) {
                if (u.rfind(prefix, 0) != 0) continue;
                std::string id = u.substr(std::string(prefix).size());
                if (id.size() > 4 && id.substr(id.size() - 4) == ".pdf") id.resize(id.size() - 4);
                derived = article.find(id) != std::string::npos;
            }
            CHECK_MESSAGE((article.find(u) != std::string::npos || derived), key << " = " << u);
        }
    }
}

}  // namespace

TEST_CASE("import draft: the JSON is format 1 and passes the core validator with no error") {
    papertide::import::ImportDraft draft = draftText(kTwoPapers);
    nlohmann::json d = draftJson(draft);
    CHECK(d["format"] == 1);
    CHECK(d["$schema"] == "../schema/digest.schema.json");
    CHECK(d["id"] == draft.digestId);
    std::vector<Diagnostic> diagnostics;
    auto record = parseDigest(draft.digestId + ".json", draft.json, importTestCorpus().topicById, diagnostics);
    CHECK_MESSAGE(record.has_value(), dump(diagnostics));
    CHECK(countErrors(diagnostics) == 0);
    CHECK(draft.paperCount == 3);
    CHECK(draft.uncertain.size() == 3);
    checkNothingInvented(d, kTwoPapers);
}

TEST_CASE("import draft: ids of papers already in the corpus are reused (arXiv id first, then title)") {
    nlohmann::json d = draftJson(draftText(kTwoPapers));
    CHECK(d["papers"][0]["id"] == "arxiv:2205.06175");
    CHECK(d["papers"][1]["id"] == "exploring-the-limits-of-large-scale-pre-training");  // slug id kept
    CHECK(d["papers"][2]["id"] == "arxiv:2205.99999");
    // Topics: curated ones of a known paper, inferred for a new one.
    CHECK(d["papers"][1]["topics"] == std::vector<std::string>{"vision"});
    CHECK(d["papers"][2]["topics"][0] == "vision");
    // Without the corpus the second paper gets the format's slug rule and the same id.
    nlohmann::json alone = draftJson(draftText(kTwoPapers, "a.txt", {}, false));
    CHECK(alone["papers"][1]["id"] == "exploring-the-limits-of-large-scale-pre-training");
}

TEST_CASE("import draft: options override what the page says; a taken digest id gets a suffix") {
    papertide::import::ImportOptions options;
    options.month = "2021-01";
    options.title = "我的标题";
    options.source = "我的来源";
    nlohmann::json d = draftJson(draftText(kTwoPapers, "a.txt", options));
    CHECK(d["month"] == "2021-01");
    CHECK(d["title"] == "我的标题");
    CHECK(d["source"] == "我的来源");
    options.id = "2022-01-known";  // already in the test corpus
    papertide::import::ImportDraft clash = draftText(kTwoPapers, "a.txt", options);
    CHECK(clash.ok);
    CHECK(warningsOf(clash).find("already in the corpus") != std::string::npos);
    options.month = "2021-13";
    CHECK_FALSE(draftText(kTwoPapers, "a.txt", options).ok);
}

TEST_CASE("import draft: month, source and title are guessed with a warning when the page lacks them") {
    papertide::import::ImportDraft draft = draftText("1、A Paper About Things\nAnn Lee, Bo Chen\n正文。\n", "note.txt");
    nlohmann::json d = draftJson(draft);
    CHECK(d["month"] == "2030-01");  // the caller's clock, last resort
    CHECK(d["source"] == "note");
    std::string w = warningsOf(draft);
    CHECK(w.find("current month") != std::string::npos);
    CHECK(w.find("no source") != std::string::npos);
    CHECK(w.find("no title") != std::string::npos);
    papertide::import::ImportOptions noClock;
    noClock.today = "";
    papertide::import::ImportDraft refused =
        papertide::import::draftDigest("1、A Paper About Things\nAnn Lee, Bo Chen\n", "x.txt", papertide::import::ArticleKind::Text,
                                       noClock, importTestCorpus());
    CHECK_FALSE(refused.ok);
    CHECK(refused.error.find("--month") != std::string::npos);
}

TEST_CASE("import draft: warnings name their entry, and every warned entry is marked uncertain") {
    papertide::import::ImportDraft draft = draftText(kTwoPapers + std::string("4、第四篇只有中文标题\n作者:张三、李四\n❓Why →理由。\n"));
    REQUIRE(draft.ok);
    REQUIRE(draft.uncertain.size() == 4);
    std::set<int> warned;
    for (const auto& w : draft.warnings) {
        CHECK(w.entry < int(draft.paperCount));
        if (w.entry >= 0) warned.insert(w.entry);
    }
    for (int i = 0; i < 4; ++i) CHECK(draft.uncertain[size_t(i)] == (warned.count(i) == 1));
    CHECK(draft.uncertain[3]);
    CHECK(warningsOf(draft).find("3: no English title") != std::string::npos);
}

TEST_CASE("import draft: an article without papers is refused, nothing drafted") {
    for (const char* text : {"今天天气很好。\n我们去公园散步。\n", "1. 买菜\n2. 做饭\n3. 洗碗\n", "Just a sentence.\n"}) {
        papertide::import::ImportDraft draft = draftText(text);
        CHECK_FALSE(draft.ok);
        CHECK(draft.json.empty());
        CHECK(draft.error.find("no paper entries found") != std::string::npos);
    }
}

TEST_CASE("import draft: a 3 MB article of repeated entries finishes and keeps the entry cap") {
    std::string big;
    for (int i = 0; big.size() < 3 * 1024 * 1024; ++i)
        big += std::to_string(i % 900 + 1) + "、Paper Number " + std::to_string(i) + " About Models\nAnn Lee, Bo Chen\n说明文字。\n";
    papertide::import::ImportDraft draft = draftText(big);
    REQUIRE(draft.ok);
    CHECK(draft.paperCount <= papertide::import::kMaxEntries);
    CHECK(warningsOf(draft).find("more than") != std::string::npos);
}
