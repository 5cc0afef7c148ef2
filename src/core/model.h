// The in-memory corpus: topics, digests, unique papers with their appearances, authors and the month axis.
// Everything refers to everything else by index, so the model stays compact at 100,000+ papers.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/glossary.h"
#include "core/month.h"

namespace papertide::core {

using TopicIndex = uint32_t;
using DigestIndex = uint32_t;
using PaperIndex = uint32_t;
using AppearanceIndex = uint32_t;
using AuthorIndex = uint32_t;
// One bit per topic; the taxonomy is capped at 64 topics so a paper's topics fit one word.
using TopicMask = uint64_t;
constexpr size_t kMaxTopics = 64;

struct Topic {
    std::string id;
    std::string labelEn;
    std::string labelZh;
    uint32_t color = 0x808080;  // 0xRRGGBB
    std::vector<std::string> keywordsEn;  // folded
    std::vector<std::string> keywordsZh;  // folded
};

struct Link {
    std::string name;  // "arxiv", "pdf", "code", ...
    std::string url;   // http or https only
};

struct NewsItem {
    std::string text;
    std::vector<Link> links;  // name = the link's label
};

struct Reference {
    std::string label;
    std::string text;
    std::string url;
};

struct Section {
    std::string id;
    std::string title;
};

enum class Origin : uint8_t { Bundled, User };

// One paper as one digest presents it: its place in the digest and the digest's own words about it.
struct Appearance {
    PaperIndex paper = 0;
    DigestIndex digest = 0;
    MonthNumber month = 0;
    uint32_t section = 0;  // index into the digest's sections
    uint32_t rank = 0;     // position in the digest's paper list, 0-based
    std::string titleZh;
    std::string summary;
    std::string why;
    std::string insight;
};

struct Digest {
    std::string id;
    std::string file;
    MonthNumber month = 0;
    std::string published;
    std::string title;
    std::string source;
    std::string author;
    std::vector<std::string> editors;
    std::string language;
    std::string url;
    std::string intro;
    std::vector<NewsItem> news;
    std::vector<Section> sections;
    std::vector<Reference> references;
    std::vector<AppearanceIndex> appearances;  // in the digest's own order
    Origin origin = Origin::Bundled;
};

struct Paper {
    std::string id;
    std::string title;
    std::vector<AuthorIndex> authors;
    bool authorsTruncated = false;
    std::vector<Link> links;
    TopicMask topics = 0;
    bool topicsInferred = false;  // no digest tagged it; topics come from keyword inference
    std::vector<AppearanceIndex> appearances;  // by month, then digest order
    MonthNumber firstMonth = 0;
    MonthNumber lastMonth = 0;
    uint32_t digestCount = 0;  // distinct digests that picked it
};

struct Author {
    std::string name;
    std::vector<PaperIndex> papers;
};

struct Corpus {
    std::vector<Topic> topics;
    std::vector<Digest> digests;  // sorted by month, then id
    std::vector<Paper> papers;
    std::vector<Appearance> appearances;
    std::vector<Author> authors;
    MonthNumber firstMonth = 0;  // the month axis: every calendar month first..last, empty months included
    MonthNumber lastMonth = -1;
    Glossary glossary;  // data/glossary.json: cross-language search (empty when the file is absent)

    std::unordered_map<std::string, TopicIndex> topicById;
    std::unordered_map<std::string, DigestIndex> digestById;
    std::unordered_map<std::string, PaperIndex> paperById;

    size_t monthCount() const { return lastMonth >= firstMonth ? size_t(lastMonth - firstMonth + 1) : 0; }
    const Topic* findTopic(std::string_view id) const;
    const Digest* findDigest(std::string_view id) const;
    const Paper* findPaper(std::string_view id) const;
};

}  // namespace papertide::core
