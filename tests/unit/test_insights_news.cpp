// News links (linkNews, core/insights.h): the papers and topics a digest's news items name, on synthetic digests with
// known answers and on the seed corpus, with titles from the search index or folded anew.
#include <string>
#include <vector>

#include "core/insights.h"
#include "core/text.h"
#include "synthetic_test_support.h"

using namespace papertide::core;
using namespace papertide::test;

TEST_CASE("linkNews: papers by arXiv id or full title, topics by clear keyword hits") {
    ojson d1 = digestJson("2022-01-news", "2022-01",
                          {paperJson("arxiv:2201.00001", "Denoising Diffusion Probabilistic Fields", {"Ann Author"}, {"diffusion"}),
                           paperJson("gato", "Gato", {"Bob Builder"}, {"rl"}),
                           paperJson("rewarding-vision-agents", "Rewarding Vision Agents", {"Cy Coder"}, {"rl", "vision"})});
    d1["news"] = ojson::array({
        {{"text", "新论文 2201.00001 值得一读。"}},                                                  // arXiv id
        {{"text", "We read DENOISING diffusion probabilistic fields today."}},                     // title, any case
        {{"text", "Gato 又来了。"}},                                                                // title too short
        {{"text", "一篇新论文"}, {"links", ojson::array({{{"label", "arXiv"}, {"url", "https://arxiv.org/abs/2201.00001"}}})}},
        {{"text", "machine learning, machine learning, machine learning"}},                       // "general" never counts
        {{"text", "An image."}},                                                                   // one hit: not clear
        {{"text", "强化学习 and reward; rewarding vision agents and vision"}},
    });
    ojson d2 = digestJson("2022-02-news", "2022-02", {paperJson("other", "Some Other Paper Title", {"Dee Dee"}, {"vision"})});
    d2["news"] = ojson::array({{{"text", "Denoising Diffusion Probabilistic Fields, again, and 2201.00001"}}});
    Loaded l = loadSynthetic({d2, d1});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    const Corpus& c = l.corpus;
    REQUIRE(c.digests[0].id == "2022-01-news");

    auto links = linkNews(c, SearchIndex(c));
    REQUIRE(links.size() == 8);
    for (size_t i = 0; i < 7; ++i) {
        CHECK(links[i].digest == 0);
        CHECK(links[i].item == i);
    }
    CHECK(links[7].digest == 1);
    CHECK(links[7].item == 0);

    const Ids arxiv{"arxiv:2201.00001"};
    CHECK(paperIds(c, links[0].papers) == arxiv);
    CHECK(paperIds(c, links[1].papers) == arxiv);
    CHECK(topicIds(c, links[1].topics) == Ids{"diffusion"});  // "denoising" + "diffusion"
    CHECK(links[2].papers.empty());
    CHECK(paperIds(c, links[3].papers) == arxiv);             // through the link's URL
    CHECK(links[4].papers.empty());
    CHECK(links[4].topics == 0);
    CHECK(links[5].topics == 0);
    CHECK(paperIds(c, links[6].papers) == Ids{"rewarding-vision-agents"});
    CHECK(topicIds(c, links[6].topics) == Ids{"rl", "vision"});
    CHECK(paperIds(c, links[7].papers) == arxiv);  // title and id both: listed once
}

TEST_CASE("linkNews on the seed corpus: no news item names a paper; four point to a topic") {
    const Corpus& c = seed().corpus;
    auto links = linkNews(c, SearchIndex(c));
    // 6 news items in 2021-11, 3 in 2022-06, none elsewhere.
    REQUIRE(links.size() == 9);
    Ids got;
    for (const NewsLink& l : links) {
        CHECK(l.item < c.digests[l.digest].news.size());
        CHECK_MESSAGE(l.papers.empty(), c.digests[l.digest].id << " #" << l.item);
        std::string topics;
        for (const std::string& t : topicIds(c, l.topics)) topics += (topics.empty() ? "" : ",") + t;
        got.push_back(c.digests[l.digest].id + "#" + std::to_string(l.item) + ":" + topics);
    }
    CHECK(got == Ids{
                     "2021-11-deephub-ten-papers#0:",
                     "2021-11-deephub-ten-papers#1:reinforcement-learning",  // MuJoCo, twice
                     "2021-11-deephub-ten-papers#2:scaling-pretraining",  // a 530B-parameter model: 万亿 twice, 规模
                     "2021-11-deephub-ten-papers#3:",  // the State of AI report (www.stateof.ai)
                     "2021-11-deephub-ten-papers#4:vision",  // Scenic: 计算机视觉, Vision Transformer
                     "2021-11-deephub-ten-papers#5:",
                     "2022-06-zeta-alpha-trends#0:speech-audio",  // Neutone: 音频
                     "2022-06-zeta-alpha-trends#1:",
                     "2022-06-zeta-alpha-trends#2:",
                 });
    // The stateof.ai item: its link is there, and it still names no paper.
    const Digest& d = c.digests[links[3].digest];
    REQUIRE(d.news[3].links.size() == 1);
    CHECK(d.news[3].links[0].url == "https://www.stateof.ai");
}

TEST_CASE("linkNews: a digest's Chinese title names its paper; titles read from the index match titles folded anew") {
    ojson d1 = digestJson("2022-03-zh", "2022-03",
                          {paperJson("arxiv:2203.00002", "Scaling Laws For Sparse Mixture Models", {"Ann Author"}, {"language-models"},
                                     {{"title_zh", "稀疏混合专家模型的规模定律研究"}}),
                           paperJson("two-spaces", "  Tabs\tand   Spaces In   A Long Title ", {"Bob Builder"}, {"rl"}),
                           paperJson("short-zh", "Another Rather Long English Title", {"Cy Coder"}, {"vision"},
                                     {{"title_zh", "短标题"}})});
    d1["news"] = ojson::array({
        {{"text", "本月最受关注：稀疏混合专家模型的规模定律研究，值得细读。"}},  // the Chinese title (14 code points)
        {{"text", "tabs and spaces in a long title, folded"}},                     // the title's spacing folded
        {{"text", "短标题 too short to count"}},
    });
    Loaded l = loadSynthetic({d1});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    const Corpus& c = l.corpus;
    const SearchIndex index(c);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {  // the index's zone starts with the title as folding writes it
        std::string_view zone = index.foldedTitles(p);
        CHECK(zone.substr(0, zone.find(" \x1f")) == foldForSearch(c.papers[p].title));
    }
    auto links = linkNews(c, index);
    REQUIRE(links.size() == 3);
    CHECK(paperIds(c, links[0].papers) == Ids{"arxiv:2203.00002"});
    CHECK(paperIds(c, links[1].papers) == Ids{"two-spaces"});
    CHECK(links[2].papers.empty());
    // Without a usable index (another corpus's, here an empty one) every title is folded here: the same links.
    auto folded = linkNews(c, SearchIndex{});
    REQUIRE(folded.size() == links.size());
    for (size_t i = 0; i < links.size(); ++i) CHECK(folded[i].papers == links[i].papers);
}

TEST_CASE("linkNews on the seed corpus: the index's titles and titles folded anew give the same links") {
    const Corpus& c = seed().corpus;
    const SearchIndex index(c);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        std::string_view zone = index.foldedTitles(p);
        CHECK(zone.substr(0, zone.find(" \x1f")) == foldForSearch(c.papers[p].title));
    }
    auto fromIndex = linkNews(c, index), foldedAnew = linkNews(c, SearchIndex{});
    REQUIRE(fromIndex.size() == foldedAnew.size());
    for (size_t i = 0; i < fromIndex.size(); ++i) {
        CHECK(fromIndex[i].papers == foldedAnew[i].papers);
        CHECK(fromIndex[i].topics == foldedAnew[i].topics);
    }
}
