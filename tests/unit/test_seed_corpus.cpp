// The bundled corpus (data/): it loads cleanly and its content is what the digests say.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/json_reader.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

const Paper& paper(std::string_view id) {
    const Paper* p = seed().corpus.findPaper(id);
    REQUIRE_MESSAGE(p != nullptr, "paper not in the seed corpus: " << id);
    return *p;
}

const Paper& paperByTitle(std::string_view title) {
    const Corpus& c = seed().corpus;
    for (const Paper& p : c.papers)
        if (p.title == title) return p;
    FAIL("no paper titled " << title);
    return c.papers.front();
}

std::vector<std::string> digestsOf(const Paper& p) {
    const Corpus& c = seed().corpus;
    std::vector<std::string> ids;
    for (AppearanceIndex a : p.appearances) ids.push_back(c.digests[c.appearances[a].digest].id);
    return ids;
}

std::vector<std::string> firstAuthors(const Paper& p, size_t n) {
    std::vector<std::string> names = authorNames(seed().corpus, p);
    if (names.size() > n) names.resize(n);
    return names;
}

// Every text of the corpus a reader sees, labelled with where it comes from.
std::vector<std::pair<std::string, std::string>> allTexts(const Corpus& c) {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const Digest& d : c.digests) {
        texts.push_back({d.id + " title", d.title});
        texts.push_back({d.id + " source", d.source});
        texts.push_back({d.id + " intro", d.intro});
        for (const NewsItem& n : d.news) texts.push_back({d.id + " news", n.text});
        for (const Reference& r : d.references) texts.push_back({d.id + " reference", r.text});
        for (const Section& s : d.sections) texts.push_back({d.id + " section", s.title});
    }
    for (const Paper& p : c.papers) texts.push_back({p.id + " title", p.title});
    for (const Author& a : c.authors) texts.push_back({"author", a.name});
    for (const Appearance& a : c.appearances) {
        std::string where = c.papers[a.paper].id + " in " + c.digests[a.digest].id;
        texts.push_back({where + " title_zh", a.titleZh});
        texts.push_back({where + " summary", a.summary});
        texts.push_back({where + " why", a.why});
        texts.push_back({where + " insight", a.insight});
    }
    return texts;
}

}  // namespace

TEST_SUITE("seed corpus") {

TEST_CASE("the bundled corpus loads with no errors and no warnings") {
    const SeedCorpus& s = seed();
    INFO("data dir: " << dataDir());
    INFO(dump(s.diagnostics));
    CHECK(s.ioErrors.empty());
    CHECK(s.digestFiles == 5);
    CHECK(countErrors(s.diagnostics) == 0);
    CHECK(s.diagnostics.empty());
    CHECK(s.corpus.topics.size() == 22);
}

TEST_CASE("5 digests, 77 entries, 75 unique papers, 17 months from 2021-11 to 2023-03") {
    const Corpus& c = seed().corpus;
    REQUIRE(c.digests.size() == 5);
    std::map<std::string, size_t> entries;
    for (const Digest& d : c.digests) entries[formatMonth(d.month)] = d.appearances.size();
    CHECK(entries == std::map<std::string, size_t>{{"2021-11", 10}, {"2021-12", 37}, {"2022-04", 10}, {"2022-06", 10}, {"2023-03", 10}});
    CHECK(c.appearances.size() == 77);
    CHECK(c.papers.size() == 75);
    CHECK(c.paperById.size() == 75);
    CHECK(formatMonth(c.firstMonth) == "2021-11");
    CHECK(formatMonth(c.lastMonth) == "2023-03");
    CHECK(c.monthCount() == 17);
    std::vector<std::string> ids;
    for (const Digest& d : c.digests) ids.push_back(d.id);
    CHECK(ids == std::vector<std::string>{"2021-11-deephub-ten-papers", "2021-12-jiqizhixin-7-papers-radios",
                                          "2022-04-iclr-2022-ten-papers", "2022-06-zeta-alpha-trends", "2023-03-ten-papers"});
    for (const Digest& d : c.digests) {
        CAPTURE(d.id);
        CHECK(d.origin == Origin::Bundled);
        CHECK(d.language == "zh-Hans");
        // The file name is the digest id (docs/corpus-format.md).
        CHECK(d.file.size() > d.id.size() + 5);
        CHECK(d.file.substr(d.file.size() - d.id.size() - 6) == "/" + d.id + ".json");
        CHECK(d.id.substr(0, 7) == formatMonth(d.month));
    }
}

TEST_CASE("papers picked twice: across digests and within one digest") {
    const Corpus& c = seed().corpus;
    const Paper& limits = paperByTitle("Exploring the Limits of Large Scale Pre-training");
    CHECK(limits.id == "arxiv:2110.02095");  // one id in both digests, so the two entries merge
    CHECK(appearanceMonths(c, limits) == std::vector<std::string>{"2021-11", "2022-04"});
    CHECK(limits.digestCount == 2);
    CHECK(formatMonth(limits.firstMonth) == "2021-11");
    CHECK(firstAuthors(limits, 4) == std::vector<std::string>{"Samira Abnar", "Mostafa Dehghani", "Behnam Neyshabur", "Hanie Sedghi"});
    CHECK(linkUrl(limits, "openreview") == "https://openreview.net/forum?id=V3C8p78sDa");

    const Paper& retro = paper("arxiv:2112.04426");
    CHECK(retro.appearances.size() == 2);
    CHECK(retro.digestCount == 1);
    CHECK(digestsOf(retro) == std::vector<std::string>{"2021-12-jiqizhixin-7-papers-radios", "2021-12-jiqizhixin-7-papers-radios"});
    const Digest& weekly = *c.findDigest("2021-12-jiqizhixin-7-papers-radios");
    CHECK(weekly.sections[c.appearances[retro.appearances[0]].section].id == "main");
    CHECK(weekly.sections[c.appearances[retro.appearances[1]].section].id == "radio-nlp");
    // Both entries abbreviate the author list, so the first one is kept.
    CHECK(firstAuthors(retro, 1) == std::vector<std::string>{"Sebastian Borgeaud"});
    CHECK(retro.authorsTruncated);

    size_t multi = 0;
    for (const Paper& p : c.papers) multi += p.appearances.size() > 1;
    CHECK(multi == 2);
}

TEST_CASE("2021-11 (Deephub): titles, authors, sections") {
    const Corpus& c = seed().corpus;
    const Digest& d = *c.findDigest("2021-11-deephub-ten-papers");
    CHECK(d.source == "Deephub Imba");
    CHECK(d.sections.size() == 2);
    const Paper& first = c.papers[c.appearances[d.appearances.front()].paper];
    CHECK(first.title == "Recursively Summarizing Books with Human Feedback");
    CHECK(authorNames(c, first) == std::vector<std::string>{"OpenAI"});
    CHECK(first.authorsTruncated);
    const Paper& t0 = paper("arxiv:2110.08207");
    CHECK(firstAuthors(t0, 2) == std::vector<std::string>{"Victor Sanh", "Albert Webson"});
    const Paper& adop = paper("arxiv:2110.06635");
    CHECK(adop.title == "ADOP: Approximate Differentiable One-Pixel Point Rendering");
    CHECK(firstAuthors(adop, 1) == std::vector<std::string>{"Darius Rückert"});
    const Paper& delphi = paper("arxiv:2110.07574");
    CHECK(delphi.authors.empty());
    // Its summary is about Delphi alone: the sentence before it introduces both ethics papers of "其他".
    CHECK(c.appearances[delphi.appearances[0]].summary.rfind("《Delphi: Towards Machine Ethics and Norms》", 0) == 0);
    CHECK(d.sections[c.appearances[delphi.appearances[0]].section].id == "others");
    CHECK(topicIds(c, delphi.topics) == std::vector<std::string>{"safety-ethics"});
}

TEST_CASE("2021-12 (机器之心 7 Papers & Radios): the Gopher paper and the radio lists") {
    const Corpus& c = seed().corpus;
    const Digest& d = *c.findDigest("2021-12-jiqizhixin-7-papers-radios");
    CHECK(d.source == "机器之心");
    CHECK(d.published == "2021-12-12");
    CHECK(d.sections.size() == 4);
    CHECK(d.editors.size() > 0);
    const Paper& gopher = paper("arxiv:2112.11446");
    CHECK(gopher.title == "Scaling Language Models: Methods, Analysis & Insights from Training Gopher");
    CHECK(firstAuthors(gopher, 2) == std::vector<std::string>{"Jack W. Rae", "Sebastian Borgeaud"});
    CHECK(appearanceMonths(c, gopher) == std::vector<std::string>{"2021-12"});
    CHECK(contains(linkUrl(gopher, "pdf"), "Training%20Gopher.pdf"));  // the page's PDF wins over the derived one
    CHECK(linkUrl(gopher, "arxiv") == "https://arxiv.org/abs/2112.11446");
    CHECK(contains(c.appearances[gopher.appearances[0]].summary, "Gopher"));
    const Paper& action = paper("arxiv:2110.12543");
    CHECK(action.title == "Understanding the World Through Action");
    CHECK(authorNames(c, action) == std::vector<std::string>{"Sergey Levine"});
    CHECK(linkUrl(action, "arxiv") == "https://arxiv.org/abs/2110.12543");
    // Radio entries are list-only: no summary.
    const Paper& dr3 = paper("arxiv:2112.04716");
    CHECK(d.sections[c.appearances[dr3.appearances[0]].section].id == "radio-ml");
    CHECK(c.appearances[dr3.appearances[0]].summary.empty());
    CHECK(firstAuthors(dr3, 2) == std::vector<std::string>{"Aaron Courville", "Sergey Levine"});
}

TEST_CASE("2022-04 (ICLR 2022): OpenReview links and complete author lists") {
    const Corpus& c = seed().corpus;
    const Digest& d = *c.findDigest("2022-04-iclr-2022-ten-papers");
    // A repost: the page states no date and prints the overfit.cn address as the original article's.
    CHECK(d.published.empty());
    CHECK(d.url.empty());
    const Paper& ardm = paper("arxiv:2110.02037");
    CHECK(ardm.title == "Autoregressive Diffusion Models");
    CHECK(authorNames(c, ardm) == std::vector<std::string>{"Emiel Hoogeboom", "Alexey A. Gritsenko", "Jasmijn Bastings", "Ben Poole",
                                                          "Rianne van den Berg", "Tim Salimans"});
    CHECK_FALSE(ardm.authorsTruncated);
    CHECK(linkUrl(ardm, "openreview") == "https://openreview.net/forum?id=Lm8T39vLDTE");
    CHECK(appearanceMonths(c, ardm) == std::vector<std::string>{"2022-04"});
    const Paper& poison = paper("arxiv:2106.09667");
    CHECK(authorNames(c, poison) == std::vector<std::string>{"Nicholas Carlini", "Andreas Terzis"});
    for (AppearanceIndex a : d.appearances) CHECK_FALSE(linkUrl(c.papers[c.appearances[a].paper], "openreview").empty());
}

TEST_CASE("2022-06 (Zeta Alpha): A Generalist Agent and Imagen") {
    const Corpus& c = seed().corpus;
    const Paper& gato = paper("arxiv:2205.06175");
    CHECK(gato.title == "A Generalist Agent");
    CHECK(firstAuthors(gato, 3) == std::vector<std::string>{"Scott Reed", "Konrad Żołna", "Emilio Parisotto"});
    CHECK(gato.authorsTruncated);
    CHECK(linkUrl(gato, "arxiv") == "https://arxiv.org/abs/2205.06175");
    CHECK(linkUrl(gato, "pdf") == "https://arxiv.org/pdf/2205.06175.pdf");
    CHECK(appearanceMonths(c, gato) == std::vector<std::string>{"2022-06"});
    CHECK(topicIds(c, gato.topics) == std::vector<std::string>{"multimodal", "reinforcement-learning"});
    const Paper& imagen = paper("arxiv:2205.11487");
    CHECK(imagen.title == "Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding");
    CHECK(firstAuthors(imagen, 1) == std::vector<std::string>{"Chitwan Saharia"});
    CHECK(linkUrl(imagen, "project") == "https://imagen.research.google");
    const Paper& planning = paper("arxiv:2205.09991");
    CHECK(c.appearances[planning.appearances[0]].titleZh == "灵活行为合成的扩散规划");
    const Digest& d = *c.findDigest("2022-06-zeta-alpha-trends");
    CHECK(d.news.size() == 3);
    CHECK(d.references.size() == 10);
}

TEST_CASE("2023-03: LLaMA, PaLM-E, Consistency Models and the titles as published") {
    const Corpus& c = seed().corpus;
    const Paper& llama = paper("arxiv:2302.13971");
    CHECK(llama.title == "LLaMA: Open and Efficient Foundation Language Models");
    CHECK(firstAuthors(llama, 2) == std::vector<std::string>{"Hugo Touvron", "Thibaut Lavril"});
    CHECK(llama.authors.size() == 14);
    CHECK(authorNames(c, llama).back() == "Guillaume Lample");
    CHECK(linkUrl(llama, "arxiv") == "https://arxiv.org/abs/2302.13971");
    CHECK(appearanceMonths(c, llama) == std::vector<std::string>{"2023-03"});
    CHECK(digestsOf(llama) == std::vector<std::string>{"2023-03-ten-papers"});
    CHECK(c.digests[c.appearances[llama.appearances[0]].digest].appearances.front() == llama.appearances[0]);  // first in the list
    const Paper& palme = paper("arxiv:2303.03378");
    CHECK(palme.title == "PaLM-E: An Embodied Multimodal Language Model");
    CHECK(palme.authors.size() == 22);
    CHECK(topicIds(c, palme.topics) == std::vector<std::string>{"language-models", "multimodal", "robotics-embodied"});
    const Paper& consistency = paper("arxiv:2303.01469");
    CHECK(firstAuthors(consistency, 4) == std::vector<std::string>{"Yang Song", "Prafulla Dhariwal", "Mark Chen", "Ilya Sutskever"});
    CHECK(linkUrl(consistency, "code") == "https://github.com/cloneofsimo/consistency_models");
    CHECK(linkUrl(consistency, "arxiv") == "https://arxiv.org/abs/2303.01469");  // derived from the certain id
    CHECK(paper("arxiv:2302.06675").title == "Symbolic Discovery of Optimization Algorithms");
    CHECK(paper("arxiv:2302.14691").title == "In-Context Instruction Learning");
    CHECK(c.findDigest("2023-03-ten-papers")->url.empty());  // the overfit.cn address is the original article's
}

TEST_CASE("every paper has curated topics, at most 3, and arXiv papers link to their arXiv page") {
    const Corpus& c = seed().corpus;
    for (const Paper& p : c.papers) {
        CAPTURE(p.id);
        CHECK(p.topics != 0);
        CHECK(__builtin_popcountll(p.topics) <= 3);
        CHECK_FALSE(p.topicsInferred);
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.appearances.empty());
        for (const Link& l : p.links) CHECK(isSafeHttpUrl(l.url));
        if (p.id.rfind("arxiv:", 0) == 0) CHECK(linkUrl(p, "arxiv") == "https://arxiv.org/abs/" + p.id.substr(6));
    }
    // Every topic of the taxonomy is used by at least one paper.
    TopicMask used = 0;
    for (const Paper& p : c.papers) used |= p.topics;
    CHECK(topicIds(c, used).size() == c.topics.size());
}

TEST_CASE("papers whose arXiv id is certain carry it: no arXiv link under a slug id") {
    const Corpus& c = seed().corpus;
    // The ids an audit of the corpus named as certain.
    for (const char* id : {"arxiv:2112.11446", "arxiv:2112.04426", "arxiv:2303.01469", "arxiv:2107.14795", "arxiv:2110.02095"})
        CHECK_MESSAGE(c.findPaper(id) != nullptr, id);
    size_t arxiv = 0;
    for (const Paper& p : c.papers) {
        CAPTURE(p.id);
        bool hasArxivId = p.id.rfind("arxiv:", 0) == 0;
        arxiv += hasArxivId;
        // A link to arxiv.org names the id: the paper must be filed under it, or another digest's entry
        // with the same id would not merge with this one.
        for (const Link& l : p.links)
            for (const char* prefix : {"https://arxiv.org/abs/", "https://arxiv.org/pdf/"})
                if (l.url.rfind(prefix, 0) == 0) {
                    std::string id = l.url.substr(std::string_view(prefix).size());
                    if (id.size() > 4 && id.substr(id.size() - 4) == ".pdf") id.resize(id.size() - 4);
                    CHECK(p.id == "arxiv:" + id);
                }
        // Every arXiv paper has both derived links (a page's own PDF may take the "pdf" key).
        if (hasArxivId) CHECK_FALSE(linkUrl(p, "pdf").empty());
    }
    MESSAGE(arxiv << " of " << c.papers.size() << " papers have an arXiv id");
    CHECK(arxiv >= 60);
}

TEST_CASE("no page chrome is left in any text") {
    // Unambiguous page furniture of WeChat / CSDN style pages.
    const char* chrome[] = {"关注公众号", "国家自然科学基金", "外链图片", "图片转存失败", "点击上方", "扫码", "二维码", "阅读原文",
                            "评论区", "发表评论", "条评论", "写评论", "上一篇", "下一篇", "转载请", "点赞", "在看", "分享到",
                            "![", "<img", "<br", "&nbsp;", "\r"};
    size_t checked = 0;
    std::vector<std::string> problems;
    for (const auto& [where, text] : allTexts(seed().corpus)) {
        if (text.empty()) continue;
        ++checked;
        for (const char* marker : chrome)
            if (contains(text, marker)) problems.push_back(where + ": contains \"" + marker + "\"");
        // "评论" alone on a line is a comment widget ("电影评论" inside a sentence is content).
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = trim(std::string_view(text).substr(start, end - start));
            if (contains(line, "评论") && countCodePoints(line) <= 12) problems.push_back(where + ": short line \"" + line + "\"");
            start = end + 1;
        }
        // Paragraphs are joined with a single newline, never a blank line; no text starts or ends with whitespace.
        if (contains(text, "\n\n")) problems.push_back(where + ": blank line");
        if (trim(text) != text) problems.push_back(where + ": leading or trailing whitespace");
        if (findInvalidUtf8(text) != std::string::npos) problems.push_back(where + ": invalid UTF-8");
    }
    std::string report;
    for (const std::string& p : problems) report += p + "\n";
    INFO(report);
    CHECK(problems.empty());
    CHECK(checked > 200);
}

TEST_CASE("authors are interned: one entry per folded name, each listing its papers") {
    const Corpus& c = seed().corpus;
    std::set<std::string> folded;
    for (const Author& a : c.authors) {
        CAPTURE(a.name);
        CHECK(folded.insert(foldForSearch(a.name)).second);
        CHECK_FALSE(a.papers.empty());
    }
    size_t levine = 0;
    for (const Author& a : c.authors)
        if (a.name == "Sergey Levine") levine = a.papers.size();
    CHECK(levine >= 4);  // Understanding the World Through Action, DR3, Planning with Diffusion, PaLM-E, ...
}

}  // TEST_SUITE
