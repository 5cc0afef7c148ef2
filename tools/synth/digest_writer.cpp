// The bytes of one synthetic digest file (digest_writer.h).
#include "digest_writer.h"

#include <cstdio>
#include <iterator>

#include "core/text.h"
#include "word_lists.h"

namespace papertide::synth::detail {

DigestWriter::DigestWriter(Rng& rng, const std::vector<TopicModel>& topics, const Vocabulary& vocabulary)
    : rng_(rng), topics_(topics) {
    zh_ = vocabulary.zhPhrases;
    if (zh_.empty()) zh_ = Vocabulary::builtin().zhPhrases;
    shuffle(zh_, rng_);  // which phrases are common depends on the seed
    zhZipf_ = Zipf(zh_.size(), 1.0);
}

// A run of Chinese phrases with some punctuation, English terms and topic keywords, ending in "。".
void DigestWriter::sentence(std::string& out, const PaperSeed* p) {
    int phrases = 3 + static_cast<int>(rng_.below(7));
    for (int i = 0; i < phrases; ++i) {
        double r = rng_.unit();
        if (p && r < 0.06) {
            const TopicModel& t = topics_[p->topics[rng_.below(static_cast<uint32_t>(p->topics.size()))]];
            out += t.keywordsZh.empty() ? zh_[zhZipf_.sample(rng_)] : rng_.pick(t.keywordsZh);
        } else if (r < 0.1) {
            out += ' ';
            out += p && r < 0.075 ? p->method : kEnglishTerms[rng_.below(std::size(kEnglishTerms))];
            out += ' ';
        } else {
            out += zh_[zhZipf_.sample(rng_)];
        }
        if (i + 1 < phrases && rng_.chance(0.2)) out += rng_.chance(0.8) ? "," : "、";
    }
    out += "。";
}

std::string DigestWriter::paragraphs(size_t targetChars, const PaperSeed* p) {
    std::string out;
    size_t chars = 0;
    while (chars < targetChars) {
        size_t before = out.size();
        if (!out.empty() && rng_.chance(0.12)) out += '\n';
        sentence(out, p);
        chars += core::countCodePoints(std::string_view(out).substr(before));
    }
    return out;
}

void DigestWriter::paperJson(JsonWriter& j, const PaperSeed& p, const char* section) {
    j.item();
    j.open('{');
    j.member("id", p.id);
    j.member("section", section);
    j.member("title", p.title);
    if (rng_.chance(0.15)) {
        std::string zh = p.method;
        int n = 2 + static_cast<int>(rng_.below(3));
        for (int i = 0; i < n; ++i) zh += zh_[zhZipf_.sample(rng_)];
        j.member("title_zh", zh);
    }
    j.stringArray("authors", p.authors);
    if (p.authorsTruncated) {
        j.key("authors_truncated");
        j.raw("true");
    }
    if (!p.links.empty()) {
        j.key("links");
        j.open('{');
        for (const auto& [name, url] : p.links) j.member(name, url);
        j.close('}');
    }
    std::vector<std::string> topicIds;
    for (uint32_t t : p.topics) topicIds.push_back(topics_[t].id);
    j.stringArray("topics", topicIds);
    if (!rng_.chance(0.03)) j.member("summary", paragraphs(40 + rng_.below(320), &p));
    if (rng_.chance(0.12)) j.member("why", paragraphs(30 + rng_.below(120), &p));
    if (rng_.chance(0.12)) {
        std::string insight = paragraphs(20 + rng_.below(80), &p);
        int items = static_cast<int>(rng_.below(4));
        for (int i = 0; i < items; ++i) insight += "\n- " + paragraphs(10 + rng_.below(40), &p);
        j.member("insight", insight);
    }
    j.close('}');
}

std::string DigestWriter::digest(core::MonthNumber month, const std::vector<DigestEntry>& entries) {
    std::string out;
    out.reserve(entries.size() * 1400 + 4096);
    JsonWriter j(out);
    const std::string monthText = core::formatMonth(month);
    const int year = month / 12, mon = month % 12 + 1;
    j.open('{');
    j.member("$schema", "../schema/digest.schema.json");
    j.key("format");
    j.raw("1");
    j.member("id", monthText + "-synth-monthly");
    j.member("month", monthText);
    char published[16];
    std::snprintf(published, sizeof published, "%s-%02u", monthText.c_str(), 1 + rng_.below(28));
    j.member("published", published);
    j.member("title", std::to_string(year) + "年" + std::to_string(mon) + "月人工智能论文月报(合成语料)");
    j.member("source", "Papertide 合成语料");
    j.member("author", "合成编辑部");
    j.member("language", "zh-Hans");
    j.member("intro", paragraphs(60 + rng_.below(200), nullptr));
    if (uint32_t news = rng_.below(4)) {
        j.key("news");
        j.open('[');
        for (uint32_t i = 0; i < news; ++i) {
            j.item();
            j.open('{');
            j.member("text", paragraphs(20 + rng_.below(80), nullptr));
            j.close('}');
        }
        j.close(']');
    }
    bool others = entries.size() > 10;
    j.key("sections");
    j.open('[');
    j.item();
    j.raw(R"({"id": "main", "title": "本月论文"})");
    if (others) {
        j.item();
        j.raw(R"({"id": "others", "title": "更多论文"})");
    }
    j.close(']');
    j.key("papers");
    j.open('[');
    for (size_t i = 0; i < entries.size(); ++i) paperJson(j, *entries[i].first, i < 10 ? "main" : "others");
    j.close(']');
    if (uint32_t refs = rng_.below(4)) {
        j.key("references");
        j.open('[');
        for (uint32_t i = 0; i < refs; ++i) {
            j.item();
            j.open('{');
            // Appended, not "[" + ...: GCC 12 -O3 warns (-Wrestrict, a false positive) on that operator+.
            std::string label = "[";
            label += std::to_string(i + 1);
            label += ']';
            j.member("label", label);
            j.member("text", paragraphs(10 + rng_.below(40), nullptr));
            j.close('}');
        }
        j.close(']');
    }
    j.close('}');
    out += '\n';
    return out;
}

}  // namespace papertide::synth::detail
