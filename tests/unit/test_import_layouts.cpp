// Import: each article layout finds exactly its paper entries (fixtures in tests/import/ and inline pages).
#include "import/html/html_lines.h"
#include "test_import_support.h"

using namespace papertide::test;

namespace {

nlohmann::json draftFixture(const std::string& name, papertide::import::ImportOptions options = {}) {
    std::string path = sourceDir() + "/tests/import/" + name;
    return draftJson(draftText(readText(path), name, options, false));
}

}  // namespace

TEST_CASE("import layout: Markdown with numbered headings, labelled links, news bullets and references") {
    nlohmann::json d = draftFixture("markdown_headings.md");
    CHECK(paperTitles(d) == std::vector<std::string>{
                                "QLoRA: Efficient Finetuning of Quantized LLMs",
                                "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
                                "Voyager: An Open-Ended Embodied Agent with Large Language Models",
                                "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
                                "Let's Verify Step by Step"});
    CHECK(d["title"] == "2023年5月值得一读的5篇论文");
    CHECK(d["month"] == "2023-05");
    CHECK(d["source"] == "模型观察");
    const auto& qlora = d["papers"][0];
    CHECK(qlora["id"] == "arxiv:2305.14314");
    CHECK(qlora["links"]["arxiv"] == "https://arxiv.org/abs/2305.14314");
    CHECK(qlora["links"]["code"] == "https://github.com/artidoro/qlora");
    CHECK(qlora["authors"].size() == 4);
    CHECK(qlora["summary"].get<std::string>().find("4 比特") != std::string::npos);
    CHECK(qlora["summary"].get<std::string>().find("论文链接") == std::string::npos);  // link lines go to links
    CHECK(d["papers"][1]["authors_truncated"] == true);
    CHECK(d["papers"][2]["links"]["project"] == "https://voyager.minedojo.org/");
    CHECK(d["papers"][3]["title_zh"] == "直接偏好优化");
    CHECK(d["papers"][3]["links"]["pdf"] == "https://arxiv.org/pdf/2305.18290.pdf");
    CHECK(d["news"].size() == 2);
    CHECK(d["references"].size() == 2);
    CHECK(d["references"][0]["label"] == "[1]");
}

TEST_CASE("import layout: HTML through the parser: <h3> entries, anchors, an <ol> radio list, chrome dropped") {
    if (!papertide::import::htmlParserAvailable()) {
        MESSAGE("this build has no HTML parser");
        return;
    }
    nlohmann::json d = draftFixture("html_ol.html");
    CHECK(paperTitles(d) == std::vector<std::string>{
                                "Llama 2: Open Foundation and Fine-Tuned Chat Models",
                                "Retentive Network: A Successor to Transformer for Large Language Models",
                                "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning",
                                "Diffusion Models Beat GANs on Image Synthesis", "Segment Anything",
                                "DINOv2: Learning Robust Visual Features without Supervision"});
    CHECK(d["published"] == "2023-07-14");
    REQUIRE(d["sections"].size() == 2);
    CHECK(d["sections"][1]["title"] == "本周 3 篇 CV 精选论文");
    CHECK(d["papers"][4]["section"] == d["sections"][1]["id"]);
    CHECK(d["papers"][4]["authors_truncated"] == true);
    CHECK(d["papers"][1]["links"]["code"] == "https://github.com/microsoft/torchscale");
    CHECK(d["papers"][1]["id"] == "arxiv:2307.08621");
    std::string all = d.dump();
    CHECK(all.find("Not A Paper Title") == std::string::npos);  // <script> text is not article text
    CHECK(all.find("figure1.png") == std::string::npos);        // images are not links
    CHECK(all.find("转载请联系") == std::string::npos);           // footer chrome
}

TEST_CASE("import layout: an English digest with ❓Why / 💡Key insight blocks and an \"Other papers\" list") {
    nlohmann::json d = draftFixture("english_digest.txt");
    CHECK(d["language"] == "en");
    CHECK(d["month"] == "2022-08");
    REQUIRE(d["papers"].size() == 3);
    const auto& first = d["papers"][0];
    CHECK(first["title"] == "Emergent Abilities of Large Language Models");
    CHECK(first["why"].get<std::string>().rfind("Scaling keeps surprising us", 0) == 0);
    std::string insight = first["insight"];
    CHECK(insight.find("The authors collect tasks") == 0);
    CHECK(insight.find("\n- Chain-of-thought prompting") != std::string::npos);  // list items continue the insight
    CHECK(first["summary"] == "Whether these jumps are real or an artifact of the metrics remains an open question.");
    CHECK(d["papers"][1]["links"]["project"] == "https://textual-inversion.github.io/");
    CHECK(d["papers"][2]["section"] == "others");
    CHECK(d["papers"][2]["id"] == "arxiv:2206.14486");
}

TEST_CASE("import layout: a plain numbered list with bare arXiv ids; the id is not part of the title") {
    nlohmann::json d = draftFixture("plain_numbered.txt");
    CHECK(paperTitles(d) == std::vector<std::string>{
                                "GPT-4 Technical Report",
                                "Sparks of Artificial General Intelligence: Early experiments with GPT-4",
                                "Alpaca: A Strong, Replicable Instruction-Following Model",
                                "Visual ChatGPT: Talking, Drawing and Editing with Visual Foundation Models"});
    CHECK(d["papers"][0]["id"] == "arxiv:2303.08774");
    CHECK(d["papers"][0]["links"]["arxiv"] == "https://arxiv.org/abs/2303.08774");
    CHECK(d["papers"][2]["links"]["paper"] == "https://crfm.stanford.edu/2023/03/13/alpaca.html");
    CHECK(d["papers"][2]["id"] == "alpaca-a-strong-replicable-instruction-following-model");
}

TEST_CASE("import layout: a weekly with a table of contents, 论文 N blocks with bulleted labels and radio lists") {
    std::string page =
        "7 Papers & Radios | 本周论文\n2021 年 12 月 12 日 机器之心\n目录:\n"
        "1. Alpha Model for Testing\n2. Beta Network Architecture Design\n3. ArXiv Weekly Radiostation:NLP 更多精选论文\n"
        "论文 1:Alpha Model for Testing\n  • 作者:Ann Lee, Bo Chen 等\n  • 论文地址:https://arxiv.org/pdf/2112.00001.pdf\n"
        "摘要: 第一篇论文的摘要。\n推荐: 值得一读。\n"
        "论文 2:Beta Network Architecture Design\n  • 作者:Carl Diaz\n  • 论文地址:https://example.org/beta.pdf\n"
        "摘要: 第二篇论文的摘要。\n"
        "本周 2 篇 NLP 精选论文是:\n1. Gamma Language Understanding. (from Dan Evans)\n"
        "2. Delta Text Generation Methods. (from Eve Fox, Gil Hart)\n© THE END\n相关内容\n1. Not A Paper At All\n";
    nlohmann::json d = draftJson(draftText(page));
    CHECK(paperTitles(d) == std::vector<std::string>{"Alpha Model for Testing", "Beta Network Architecture Design",
                                                     "Gamma Language Understanding", "Delta Text Generation Methods"});
    CHECK(d["papers"][0]["authors"] == std::vector<std::string>{"Ann Lee", "Bo Chen"});
    CHECK(d["papers"][0]["authors_truncated"] == true);
    CHECK(d["papers"][0]["links"]["pdf"] == "https://arxiv.org/pdf/2112.00001.pdf");
    CHECK(d["papers"][1]["links"]["pdf"] == "https://example.org/beta.pdf");
    CHECK(d["papers"][1]["id"] == "beta-network-architecture-design");
    CHECK(d["papers"][3]["authors"] == std::vector<std::string>{"Eve Fox", "Gil Hart"});
    CHECK(d["papers"][2]["section"] != d["papers"][0]["section"]);
    CHECK(d["source"] == "机器之心");
    CHECK(d["published"] == "2021-12-12");
}

TEST_CASE("import layout: a page flattened onto one line: title glued to authors, URLs, references") {
    std::string filler(400, ' ');
    std::string page =
        "[人工智能]ICLR 2022的3篇论文推荐 |\n4月25日至4月29日,ICLR 将在线举行。" + filler + filler +
        " 1、Autoregressive Diffusion ModelsEmiel Hoogeboom, Alexey A. Gritsenko, Tim Salimans. 一个用于离散变量的新模型。"
        " 更多的说明文字。 https://openreview.net/forum?id=Lm8T39vLDTE 2、Poisoning and Backdooring Contrastive "
        "LearningNicholas Carlini, Andreas Terzis. 本文探讨了对手如何毒害训练数据。 [外链图片转存失败,源站可能有防盗链机制("
        "http://images.example.cn/a.png)] 攻击可行。 https://openreview.net/forum?id=iC4UHbQ01Mp 3、Learning Fast, "
        "Learning Slow: A General Continual Learning MethodElahe Arani, Fahad Sarfraz & Bahram Zonooz. 快与慢的学习。"
        " https://openreview.net/forum?id=uxxFrDwrE7Y 引用 [1] “Perceiver” by Andrew Jaegle et al. 2021. [2] “Zero-Shot"
        " Text-to-Image Generation” by Aditya Ramesh et al. 2021. https://www.overfit.cn/post/7faf 作者:Sergi Castella i Sapé |" +
        filler + "\n上一篇文章 下一篇文章\n";
    nlohmann::json d = draftJson(draftText(page));
    CHECK(paperTitles(d) == std::vector<std::string>{"Autoregressive Diffusion Models", "Poisoning and Backdooring Contrastive Learning",
                                                     "Learning Fast, Learning Slow: A General Continual Learning Method"});
    CHECK(d["papers"][0]["authors"] == std::vector<std::string>{"Emiel Hoogeboom", "Alexey A. Gritsenko", "Tim Salimans"});
    CHECK(d["papers"][2]["authors"] == std::vector<std::string>{"Elahe Arani", "Fahad Sarfraz", "Bahram Zonooz"});
    CHECK(d["papers"][0]["links"]["openreview"] == "https://openreview.net/forum?id=Lm8T39vLDTE");
    CHECK(d["papers"][1]["summary"].get<std::string>().find("外链图片") == std::string::npos);
    CHECK(d["references"].size() == 2);
    CHECK_FALSE(d.contains("url"));  // a repost's closing URL may be the original's: reported, not kept
    CHECK(warningsOf(draftText(page)).find("ends with the URL https://www.overfit.cn/post/7faf") != std::string::npos);
    CHECK(d["author"] == "Sergi Castella i Sapé");
    CHECK(d["month"] == "2022-04");
    CHECK(d["title"] == "ICLR 2022的3篇论文推荐");
}

TEST_CASE("import layout: translated digest without titles: entries from ❓Why blocks, 其他 with 《titles》") {
    std::string page =
        "每个月我们都会选出值得一读的论文。\n"
        "斯科特·里德、康拉德·佐尔纳等人\n❓Why →第一篇的理由。\n💡关键见解 →第一篇的见解:\n- 要点一\n- 要点二\n"
        "后面的段落。\n来源:https://arxiv.org/pdf/2205.06175.pdf\n"
        "2。灵活行为合成的扩散规划 | 项目页面 | 代码\n迈克尔·詹纳、杜宜伦。\n❓Why →第二篇的理由。\n💡关键见解 →第二篇的见解。\n"
        "作者:小岛、顾\n❓Why →第三篇的理由。\n"
        "其他\n在伦理方面还有几篇有趣的论文\n《Delphi: Towards Machine Ethics and Norms》 让机器了解是非。\n"
        "参考文献\n[1] Some Reference. 2021.\n";
    papertide::import::ImportDraft draft = draftText(page);
    nlohmann::json d = draftJson(draft);
    REQUIRE(d["papers"].size() == 4);
    // The first paper's title comes from the corpus (same arXiv id): known for sure, not invented.
    CHECK(d["papers"][0]["id"] == "arxiv:2205.06175");
    CHECK(d["papers"][0]["title"] == "A Generalist Agent");
    CHECK(d["papers"][0]["insight"] == "第一篇的见解:\n- 要点一\n- 要点二");
    CHECK(d["papers"][0]["summary"] == "后面的段落。");
    CHECK(d["papers"][1]["title"] == "灵活行为合成的扩散规划");
    CHECK(d["papers"][1]["why"] == "第二篇的理由。");
    CHECK(d["papers"][2]["title"] == "Untitled entry 3");
    CHECK(d["papers"][2]["id"].get<std::string>().rfind("untitled-", 0) == 0);
    CHECK(d["papers"][3]["title"] == "Delphi: Towards Machine Ethics and Norms");
    CHECK(d["papers"][3]["section"] == "others");
    REQUIRE(draft.uncertain.size() == 4);
    CHECK(draft.uncertain[1]);  // Chinese title only
    CHECK(draft.uncertain[2]);  // no title at all
    CHECK(draft.uncertain[3]);  // a 《title》 in a paragraph
    CHECK(d["references"].size() == 1);
    CHECK(d["month"] == "2022-05");  // from the newest arXiv id, with a warning
    CHECK(warningsOf(draft).find("newest arXiv id") != std::string::npos);
}

TEST_CASE("import layout: bracketed and zero-padded numbers, decorated labels") {
    std::string page =
        "本周论文精选\n"
        "[1] Alpha Model for Testing Things\n📄 论文地址:https://arxiv.org/abs/2301.00001\n第一篇。\n"
        "[2] Beta Network Architecture Design\n作者:Carl Diaz, Dana Eve\n第二篇。\n"
        "01 Gamma Language Understanding at Scale\n【代码】:https://github.com/example/gamma\n第三篇。\n"
        "参考文献\n[1] Not an entry. 2020.\n";
    papertide::import::ImportDraft draft = draftText(page);
    nlohmann::json d = draftJson(draft);
    CHECK(paperTitles(d) == std::vector<std::string>{"Alpha Model for Testing Things", "Beta Network Architecture Design",
                                                     "Gamma Language Understanding at Scale"});
    CHECK(d["papers"][0]["id"] == "arxiv:2301.00001");
    CHECK(d["papers"][2]["links"]["code"] == "https://github.com/example/gamma");
    CHECK(d["references"].size() == 1);
}

TEST_CASE("import layout: an English newsletter whose paragraphs open with a linked paper title") {
    if (!papertide::import::htmlParserAvailable()) return;
    std::string page =
        "<html><head><title>Research Roundup</title></head><body><h1>Research Roundup, March 2024</h1>"
        "<p>A short note before the papers, written by the editors of this newsletter.</p>"
        "<p><a href=\"https://arxiv.org/abs/2403.00001\">Scaling Sparse Experts Without Tears</a>: the authors route tokens "
        "to experts with a learned budget.</p>"
        "<p><a href=\"https://openreview.net/forum?id=abcdEFG\">Robust Retrieval for Long Contexts</a> shows that retrieval "
        "helps even at 1M tokens.</p>"
        "<p>See <a href=\"https://example.org/blog\">our blog</a> for more.</p></body></html>";
    papertide::import::ImportDraft draft = papertide::import::draftDigest(page, "roundup.html", papertide::import::ArticleKind::Auto, {},
                                                                          importTestCorpus(false));
    nlohmann::json d = draftJson(draft);
    CHECK(paperTitles(d) == std::vector<std::string>{"Scaling Sparse Experts Without Tears", "Robust Retrieval for Long Contexts"});
    CHECK(d["papers"][0]["id"] == "arxiv:2403.00001");
    CHECK(d["papers"][1]["links"]["openreview"] == "https://openreview.net/forum?id=abcdEFG");
    CHECK(d["month"] == "2024-03");
}
