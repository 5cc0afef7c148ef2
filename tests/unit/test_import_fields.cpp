// Import: the scanners for one field at a time (titles, authors, links, ids, dates, outlets).
#include "import/draft_meta.h"
#include "import/entry_extract.h"
#include "import/line_classify.h"
#include "import/text_scan.h"
#include "test_import_support.h"

using namespace papertide::import;

TEST_CASE("import fields: English and Chinese titles side by side") {
    CHECK(splitTitles("LLaMA: Open and Efficient Foundation Language Models").english ==
          "LLaMA: Open and Efficient Foundation Language Models");
    TitleParts zhFirst = splitTitles("直接偏好优化(Direct Preference Optimization: Your Language Model is Secretly a Reward Model)");
    CHECK(zhFirst.english == "Direct Preference Optimization: Your Language Model is Secretly a Reward Model");
    CHECK(zhFirst.chinese == "直接偏好优化");
    TitleParts enFirst = splitTitles("Segment Anything Model for Everything:分割一切");
    CHECK(enFirst.english == "Segment Anything Model for Everything");
    CHECK(enFirst.chinese == "分割一切");
    TitleParts zhOnly = splitTitles("灵活行为合成的扩散规划 | 项目页面 | 代码 | Colab 笔记本");
    CHECK(zhOnly.english.empty());
    CHECK(zhOnly.chinese == "灵活行为合成的扩散规划");
    CHECK(splitTitles("《Delphi: Towards Machine Ethics and Norms》").english == "Delphi: Towards Machine Ethics and Norms");
    CHECK(splitTitles("Learning to Select the Next Reasonable Mention for Entity Linking.").english ==
          "Learning to Select the Next Reasonable Mention for Entity Linking");
    CHECK(splitTitles("用于 GPT 的提示方法").english.empty());  // one Latin word is a term, not a title
}

TEST_CASE("import fields: author lists in the forms digests print them") {
    ParsedAuthors by = parseAuthors("By Victor Sanh, Albert Webson, Colin Raffel, Stephen H. Bach. et al.");
    CHECK(by.names == std::vector<std::string>{"Victor Sanh", "Albert Webson", "Colin Raffel", "Stephen H. Bach"});
    CHECK(by.truncated);
    ParsedAuthors and_ = parseAuthors("Samira Abnar, Mostafa Dehghani, Behnam Neyshabur and Hanie Sedghi.");
    CHECK(and_.names.size() == 4);
    CHECK_FALSE(and_.truncated);
    ParsedAuthors zh = parseAuthors("作者:Jack W. Rae, Sebastian Borgeaud, Trevor Cai 等");
    CHECK(zh.names == std::vector<std::string>{"Jack W. Rae", "Sebastian Borgeaud", "Trevor Cai"});
    CHECK(zh.truncated);
    ParsedAuthors from = parseAuthors("(from Oriol Vinyals, Simon Osindero)");
    CHECK(from.names == std::vector<std::string>{"Oriol Vinyals", "Simon Osindero"});
    ParsedAuthors translit = parseAuthors("斯科特·里德、康拉德·żołna、埃米利奥·帕里索托等人");
    CHECK(translit.names.size() == 3);
    CHECK(translit.truncated);
    CHECK(isAuthorLike("Hugo Touvron, Thibaut Lavril, Gautier Izacard"));
    CHECK_FALSE(isAuthorLike("The film had a superb plot, enhanced by the excellent work."));
    CHECK_FALSE(isAuthorLike("机器之心联合由楚航、罗若天发起的ArXiv Weekly Radiostation,在 7 Papers 的基础上"));
}

TEST_CASE("import fields: a title glued to its author list is split at the name boundary") {
    std::string title, authors;
    REQUIRE(splitGluedAuthors("Perceiver IO: A General Architecture for Structured Inputs & OutputsAndrew Jaegle, Sebastian Borgeaud.",
                              title, authors));
    CHECK(title == "Perceiver IO: A General Architecture for Structured Inputs & Outputs");
    CHECK(authors == "Andrew Jaegle, Sebastian Borgeaud.");
    CHECK_FALSE(splitGluedAuthors("PolyViT: Co-training Vision Transformers on Images, Videos and Audio", title, authors));
}

TEST_CASE("import fields: URLs, link keys and arXiv ids") {
    size_t b = 0, e = 0;
    std::string s = "来源:https://arxiv.org/pdf/2205.06175.pdf。下一句 (see https://x.org/a_(b)).";
    REQUIRE(findUrl(s, 0, b, e));
    CHECK(s.substr(b, e - b) == "https://arxiv.org/pdf/2205.06175.pdf");
    REQUIRE(findUrl(s, e, b, e));
    CHECK(s.substr(b, e - b) == "https://x.org/a_(b)");
    CHECK_FALSE(findUrl("来源:https://imagen . research . Google", 0, b, e));  // a damaged URL is not taken
    CHECK(arxivIdFromUrl("https://arxiv.org/abs/2205.06175v2") == "2205.06175");
    CHECK(arxivIdFromUrl("https://arxiv.org/pdf/2302.13971") == "2302.13971");
    CHECK(arxivIdFromUrl("https://arxiv.org/abs/2205.061751") == "");
    CHECK(arxivIdInText("GPT-4 Technical Report (arXiv:2303.08774)") == "2303.08774");
    CHECK(arxivIdInText("see arXiv 1501.00001 too") == "1501.00001");
    CHECK(arxivIdInText("version 2023.12345") == "");
    CHECK(linkKeyFor("https://openreview.net/forum?id=x", "") == "openreview");
    CHECK(linkKeyFor("https://github.com/a/b", "") == "code");
    CHECK(linkKeyFor("https://doi.org/10.1/x", "") == "doi");
    CHECK(linkKeyFor("https://example.org/x", "项目主页") == "project");
    CHECK(linkKeyFor("https://example.org/x.pdf", "论文地址") == "pdf");
    CHECK(linkKeyFor("https://example.org/x", "") == "");
    CHECK(isImageUrl("http://images.overfit.cn/upload/a.png"));
    CHECK(slugify("Systematic Inequalities in Language Technology Performance across the World’s Languages") ==
          "systematic-inequalities-in-language-technology-performance-across-the-worlds-languages");
    CHECK(slugify("A Generalist Agent — Gato!") == "a-generalist-agent-gato");
}

TEST_CASE("import fields: dates, months and the outlet in the head of the page") {
    FoundDate d;
    REQUIRE(findDate("2021 年 12 月 12 日 机器之心", d));
    CHECK((d.year == 2021 && d.month == 12 && d.day == 12));
    REQUIRE(findDate("2021年11月推荐阅读的10篇论文", d));
    CHECK((d.year == 2021 && d.month == 11 && d.day == 0));
    REQUIRE(findDate("Published 2022-06-15 by us", d));
    CHECK((d.month == 6 && d.day == 15));
    REQUIRE(findDate("Trends in AI — August 2022 Edition", d));
    CHECK((d.year == 2022 && d.month == 8));
    CHECK_FALSE(findDate("version 2022.06 of the tool, 10 papers", d));
    CHECK(findBareMonth("4月25日(星期一)至4月29日") == 4);
    CHECK(findYear("ICLR 2022的10篇论文推荐") == 2022);
    CHECK(monthOfNewestArxivId({"2205.06175", "2206.00272", "2202.05780"}) == "2022-06");
    CHECK(findSource("0\n点击上方“Deephub Imba”,关注公众号\n") == "Deephub Imba");
    CHECK(findSource("标题\n2021 年 12 月 12 日 机器之心\n") == "机器之心");
    CHECK(findSource("nothing here\n") == "");
}

TEST_CASE("import fields: line kinds") {
    auto kind = [](const std::string& text) { return classifyLine(ArticleLine{text, 0, 0, {}}).kind; };
    CHECK(kind("论文 3:Probing topological spin liquids") == LineKind::Number);
    CHECK(kind("3、LLaMA: Open and Efficient") == LineKind::Number);
    CHECK(kind("Paper #4 - Something New") == LineKind::Number);
    CHECK(kind("2.5B parameters are enough") == LineKind::Text);
    CHECK(kind("• 作者:Sergey Levine") == LineKind::AuthorLabel);
    CHECK(kind("论文地址:https://arxiv.org/abs/2106.02634") == LineKind::LinkLabel);
    CHECK(kind("Title: Scaling Laws") == LineKind::TitleLabel);
    CHECK(kind("❓Why → because") == LineKind::Why);
    CHECK(kind("💡关键见解 → insight") == LineKind::Insight);
    CHECK(kind("[3] A reference. 2021.") == LineKind::Reference);
    CHECK(kind("【4】《火烈鸟》") == LineKind::Reference);
    CHECK(kind("点击上方“机器之心”关注") == LineKind::Chrome);
    CHECK(kind("©\xC2\xA0THE END") == LineKind::EndMarker);
    CHECK(kind("参考文献") == LineKind::ReferencesMarker);
    CHECK(kind("目录:") == LineKind::TocMarker);
    CHECK(kind("https://openreview.net/forum?id=abc") == LineKind::BareUrl);
    CHECK(isTitleLike("Improving language models by retrieving from trillions of tokens"));
    CHECK_FALSE(isTitleLike("We propose a new method. It works well."));
    CHECK_FALSE(isTitleLike("model = AutoModelForSeq2SeqLM.from_pretrained(\"x\")"));
    CHECK(isOthersHeading("其他"));
    CHECK(isOthersHeading("Other papers:"));
}
