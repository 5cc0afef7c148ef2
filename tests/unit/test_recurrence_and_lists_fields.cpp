// Recurrence (minPicks), shared lists (paperIds) and the "what changed" month as fields: how PaperFilter applies
// them, their URL keys (picks, list, cm) and their JSON fields (minPicks, list, changesMonth).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/paper_filter.h"
#include "core/view_state.h"
#include "recurrence_test_support.h"
#include "synthetic_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::recurrence;

namespace {

Ids filtered(const PaperFilter& f, const ReaderMarks& marks = {}) {
    const Corpus& c = picksCorpus().corpus;
    SearchIndex index(c);
    return sorted(paperIds(c, filterPapers(c, index, f, marks)));
}

}  // namespace

// --- PaperFilter ---------------------------------------------------------------------------------------

TEST_CASE("PaperFilter.minPicks keeps papers recommended at least that often; 0 and 1 filter nothing") {
    PaperFilter f;
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p4", "p5"});
    f.minPicks = 1;
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p4", "p5"});
    CHECK_FALSE(f.active());
    f.minPicks = 2;
    CHECK(f.active());
    CHECK(filtered(f) == Ids{"p1", "p2"});
    f.minPicks = 3;
    CHECK(filtered(f) == Ids{"p1"});
    f.minPicks = 4;
    CHECK(filtered(f).empty());
    // Combined with other filters.
    f.minPicks = 2;
    f.topics = {"vision"};
    CHECK(filtered(f) == Ids{"p1"});
    f.topics.clear();
    f.query = "survey";
    CHECK(filtered(f) == Ids{"p2"});
}

TEST_CASE("PaperFilter.paperIds keeps only the listed papers; unknown ids match nothing") {
    PaperFilter f;
    f.paperIds = {"p5", "p2", "nope"};
    CHECK(f.active());
    CHECK(filtered(f) == Ids{"p2", "p5"});
    f.minPicks = 2;
    CHECK(filtered(f) == Ids{"p2"});
    f.minPicks = 0;
    f.topics = {"vision"};
    CHECK(filtered(f) == Ids{"p5"});
    f.topics.clear();
    f.paperIds = {"nope"};
    CHECK(filtered(f).empty());
    f.paperIds = {"p3"};
    ReaderMarks marks;
    marks.read.insert("p3");
    f.unreadOnly = true;
    CHECK(filtered(f, marks).empty());
    f.paperIds.clear();
    f.unreadOnly = false;
    CHECK_FALSE(f.active());
}

TEST_CASE("--min-picks 2 on the seed corpus: the two papers recommended twice") {
    const Corpus& c = seed().corpus;
    SearchIndex index(c);
    PaperFilter f;
    f.minPicks = 2;
    CHECK(sorted(paperIds(c, filterPapers(c, index, f, {}))) ==
          Ids{"arxiv:2110.02095", "arxiv:2112.04426"});  // Exploring the Limits (2 digests), RETRO (twice in one)
    f.minPicks = 3;
    CHECK(filterPapers(c, index, f, {}).empty());
}

// --- view state: URL ---------------------------------------------------------------------------------

TEST_CASE("URL keys picks, list and cm") {
    ViewState s;
    s.filter.minPicks = 2;
    CHECK(encodeViewState(s) == "#picks=2");
    s.filter.minPicks = 1;
    CHECK(encodeViewState(s) == "");  // no filter, no key
    s.filter.minPicks = 0;
    s.filter.paperIds = {"arxiv:2205.06175", "consistency-models"};
    CHECK(encodeViewState(s) == "#list=arxiv:2205.06175,consistency-models");
    s.filter.paperIds.clear();
    s.changesMonth = month("2022-06");
    s.view = View::Changes;
    CHECK(encodeViewState(s) == "#v=changes&cm=2022-06");

    std::vector<std::string> warnings;
    ViewState d = decodeViewState("#picks=3&list=a,b,,c&cm=2022-06&order=faded", &warnings);
    CHECK(warnings.empty());
    CHECK(d.filter.minPicks == 3);
    CHECK(d.filter.paperIds == Ids{"a", "b", "c"});
    REQUIRE(d.changesMonth.has_value());
    CHECK(formatMonth(*d.changesMonth) == "2022-06");
    CHECK(d.topicOrder == TopicOrder::Faded);
    CHECK(decodeViewState("#order=newest").topicOrder == TopicOrder::Newest);
    CHECK(decodeViewState("#v=changes").view == View::Changes);

    SUBCASE("picks 0 and 1 mean no filter; malformed values warn and are skipped") {
        CHECK(decodeViewState("#picks=1").filter.minPicks == 0);
        CHECK(decodeViewState("#picks=0").filter.minPicks == 0);
        CHECK(decodeViewState("#picks=0002").filter.minPicks == 2);
        for (const char* bad : {"#picks=x", "#picks=-2", "#picks=12345", "#picks=", "#picks=2.5"}) {
            std::vector<std::string> w;
            ViewState v = decodeViewState(bad, &w);
            CHECK_MESSAGE(v.filter.minPicks == 0, bad);
            CHECK_MESSAGE(w.size() == 1, bad);
        }
        std::vector<std::string> w;
        ViewState v = decodeViewState("#cm=2022-13", &w);
        CHECK_FALSE(v.changesMonth.has_value());
        REQUIRE(w.size() == 1);
        CHECK(contains(w[0], "cm"));
    }
    SUBCASE("a shared list: percent-decoded, cleaned, at most 1000 ids") {
        CHECK(decodeViewState("#list=arxiv%3A2205.06175%2Cconsistency-models").filter.paperIds ==
              Ids{"arxiv:2205.06175", "consistency-models"});
        std::string many = "#list=";
        for (int i = 0; i < 1500; ++i) many += (i ? "," : "") + std::string("p") + std::to_string(i);
        ViewState v = decodeViewState(many);
        REQUIRE(v.filter.paperIds.size() == 1000);
        CHECK(v.filter.paperIds.front() == "p0");
        CHECK(v.filter.paperIds.back() == "p999");
        for (const std::string& id : decodeViewState("#list=a%0Ab,c%00").filter.paperIds)
            for (unsigned char ch : id) CHECK(ch >= 0x20);
    }
}

TEST_CASE("picks, list and cm round-trip through the URL together with everything else") {
    ViewState s;
    s.filter.query = "扩散";
    s.filter.topics = {"vision"};
    s.filter.minPicks = 2;
    s.filter.paperIds = {"arxiv:2205.06175", "consistency-models", "exploring-the-limits-of-large-scale-pre-training"};
    s.view = View::Changes;
    s.topicOrder = TopicOrder::Newest;
    s.changesMonth = month("2021-12");
    std::string hash = encodeViewState(s);
    CHECK(hash == "#v=changes&q=%E6%89%A9%E6%95%A3&t=vision&picks=2"
                  "&list=arxiv:2205.06175,consistency-models,exploring-the-limits-of-large-scale-pre-training"
                  "&order=newest&cm=2021-12");
    std::vector<std::string> warnings;
    CHECK(decodeViewState(hash, &warnings) == s);
    CHECK(warnings.empty());
    // Each new field alone makes states differ.
    ViewState other = s;
    other.filter.minPicks = 3;
    CHECK_FALSE(other == s);
    other = s;
    other.filter.paperIds.pop_back();
    CHECK_FALSE(other == s);
    other = s;
    other.changesMonth.reset();
    CHECK_FALSE(other == s);
}

// --- view state: JSON --------------------------------------------------------------------------------

TEST_CASE("JSON fields minPicks, list and changesMonth") {
    ViewState s;
    nlohmann::json j;
    viewStateToJson(s, j);
    CHECK(j["minPicks"] == 0);
    CHECK(j["list"] == nlohmann::json::array());
    CHECK(j["changesMonth"].is_null());

    s.filter.minPicks = 3;
    s.filter.paperIds = {"p1", "p2"};
    s.changesMonth = month("2022-06");
    viewStateToJson(s, j);
    CHECK(j["minPicks"] == 3);
    CHECK(j["list"] == nlohmann::json::array({"p1", "p2"}));
    CHECK(j["changesMonth"] == "2022-06");

    ViewState back;
    std::string error;
    REQUIRE(applyViewStateJson(back, j.dump(), error));
    CHECK(back == s);

    SUBCASE("partial updates and resets") {
        ViewState t = s;
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":null,"list":[]})", error));
        CHECK_FALSE(t.changesMonth.has_value());
        CHECK(t.filter.paperIds.empty());
        CHECK(t.filter.minPicks == 3);  // untouched
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":"2021-11","minPicks":0})", error));
        CHECK(formatMonth(*t.changesMonth) == "2021-11");
        CHECK(t.filter.minPicks == 0);
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":""})", error));
        CHECK_FALSE(t.changesMonth.has_value());
    }
    SUBCASE("bad values are rejected and leave the state unchanged") {
        for (const char* bad : {R"({"minPicks":-1})", R"({"minPicks":"3"})", R"({"minPicks":5000})", R"({"minPicks":2.5})",
                                R"({"list":"p1"})", R"({"list":[1,2]})", R"({"list":["p1",null]})", R"({"changesMonth":"2022-13"})",
                                R"({"changesMonth":202206})", R"({"minPicks":2,"list":{}})"}) {
            ViewState t = s;
            std::string e;
            CHECK_MESSAGE(!applyViewStateJson(t, bad, e), bad);
            CHECK_MESSAGE(!e.empty(), bad);
            CHECK_MESSAGE(t == s, bad);
        }
    }
    SUBCASE("list ids are cleaned and bounded") {
        ViewState t;
        nlohmann::json many = {{"list", nlohmann::json::array()}};
        for (int i = 0; i < 1200; ++i) many["list"].push_back("p" + std::to_string(i));
        many["list"][0] = std::string(300, 'x');
        many["list"][1] = "a\nb";
        REQUIRE(applyViewStateJson(t, many.dump(), error));
        REQUIRE(t.filter.paperIds.size() == 1000);
        CHECK(t.filter.paperIds[0].size() <= 128);
        CHECK(t.filter.paperIds[1] == "a b");
    }
}
