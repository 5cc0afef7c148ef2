#include "core/digest_parser.h"

#include <unordered_set>

#include "core/json_reader.h"

namespace papertide::core {

namespace {

constexpr TextLimits kShort{1024, false};
constexpr TextLimits kName{300, false};

class DigestParser {
public:
    DigestParser(JsonReader& r, const TopicLookup& topics, const DigestLimits& limits)
        : r_(r), doc_(r.doc()), topics_(topics), limits_(limits), text_{limits.maxTextBytes, true} {}

    std::optional<DigestRecord> parse() {
        const JsonNode& root = doc_.root();
        if (!r_.expectKind(root, "", JsonKind::Object)) return std::nullopt;
        r_.checkMembers(root, "", {"format", "id", "month", "published", "title", "source", "author", "editors",
                                   "language", "url", "intro", "news", "sections", "papers", "references"});
        DigestRecord record;
        Digest& d = record.digest;
        d.file = r_.file();
        if (const JsonNode* format = r_.required(root, "", "format");
            format && r_.expectKind(*format, "/format", JsonKind::Integer) && format->integer != 1)
            r_.error(*format, "/format", "unsupported format " + std::to_string(format->integer) + "; this version reads format 1");
        assign(d.id, r_.text(root, "", "id", true, TextRule::Id, {80, false}));
        if (const JsonNode* id = doc_.member(root, "id")) record.where = r_.locate(*id, "/id");
        if (auto month = r_.text(root, "", "month", true, TextRule::Month)) d.month = *parseMonth(*month);
        assign(d.published, r_.text(root, "", "published", false, TextRule::Date));
        assign(d.title, r_.text(root, "", "title", true, TextRule::Any, kShort));
        assign(d.source, r_.text(root, "", "source", true, TextRule::Any, kShort));
        assign(d.author, r_.text(root, "", "author", false, TextRule::Any, kShort));
        if (auto editors = r_.textList(root, "", "editors", false, TextRule::Any, kName, 100)) d.editors = *editors;
        assign(d.language, r_.text(root, "", "language", true, TextRule::Any, {35, false}));
        assign(d.url, r_.text(root, "", "url", false, TextRule::Url));
        assign(d.intro, r_.text(root, "", "intro", false, TextRule::Any, text_));
        parseNews(root, d);
        parseSections(root, d);
        parseReferences(root, d);
        parsePapers(root, record);
        if (r_.errorCount() > 0) return std::nullopt;
        return record;
    }

private:
    static void assign(std::string& target, std::optional<std::string> value) {
        if (value) target = std::move(*value);
    }

    const JsonNode* list(const JsonNode& object, std::string_view key, bool isRequired, size_t maxItems) {
        const JsonNode* n = isRequired ? r_.required(object, "", key) : doc_.member(object, key);
        if (!n) return nullptr;
        std::string ptr = appendPointer("", key);
        if (!r_.expectKind(*n, ptr, JsonKind::Array)) return nullptr;
        if (n->childCount > maxItems) {
            r_.error(*n, ptr, "list has " + std::to_string(n->childCount) + " items; the limit is " + std::to_string(maxItems));
            return nullptr;
        }
        return n;
    }

    std::vector<Link> parseNamedLinks(const JsonNode& object, const std::string& ptr) {
        std::vector<Link> links;
        const JsonNode* n = doc_.member(object, "links");
        if (!n) return links;
        std::string linksPtr = ptr + "/links";
        if (!r_.expectKind(*n, linksPtr, JsonKind::Object)) return links;
        for (const JsonNode& m : doc_.children(*n)) {
            std::string memberPtr = appendPointer(linksPtr, m.key);
            bool nameOk = !m.key.empty() && m.key.size() <= 40 && m.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
            if (!nameOk) r_.errorAtKey(m, memberPtr, "link names are lowercase letters, digits and '-' (e.g. \"arxiv\", \"code\")");
            auto url = r_.textValue(m, memberPtr, TextRule::Url);
            if (nameOk && url) links.push_back({m.key, *url});
        }
        return links;
    }

    std::vector<Link> parseLabelledLinks(const JsonNode& object, const std::string& ptr) {
        std::vector<Link> links;
        const JsonNode* n = doc_.member(object, "links");
        if (!n) return links;
        std::string linksPtr = ptr + "/links";
        if (!r_.expectKind(*n, linksPtr, JsonKind::Array)) return links;
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*n)) {
            std::string itemPtr = appendPointer(linksPtr, i++);
            if (!r_.expectKind(item, itemPtr, JsonKind::Object)) continue;
            r_.checkMembers(item, itemPtr, {"label", "url"});
            auto label = r_.text(item, itemPtr, "label", true, TextRule::Any, kShort);  // required (format, schema)
            auto url = r_.text(item, itemPtr, "url", true, TextRule::Url);
            if (label && url) links.push_back({*label, *url});
        }
        return links;
    }

    void parseNews(const JsonNode& root, Digest& d) {
        const JsonNode* news = list(root, "news", false, 1000);
        if (!news) return;
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*news)) {
            std::string ptr = appendPointer("/news", i++);
            if (!r_.expectKind(item, ptr, JsonKind::Object)) continue;
            r_.checkMembers(item, ptr, {"text", "links"});
            NewsItem n;
            assign(n.text, r_.text(item, ptr, "text", true, TextRule::Any, {limits_.maxTextBytes, false}));
            n.links = parseLabelledLinks(item, ptr);
            d.news.push_back(std::move(n));
        }
    }

    void parseSections(const JsonNode& root, Digest& d) {
        const JsonNode* sections = list(root, "sections", true, 100);
        if (!sections) return;
        if (sections->childCount == 0) r_.error(*sections, "/sections", "expected at least one section");
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*sections)) {
            std::string ptr = appendPointer("/sections", i++);
            if (!r_.expectKind(item, ptr, JsonKind::Object)) continue;
            r_.checkMembers(item, ptr, {"id", "title"});
            Section s;
            auto id = r_.text(item, ptr, "id", true, TextRule::Id, {40, false});
            assign(s.title, r_.text(item, ptr, "title", true, TextRule::Any, kShort));
            if (!id) continue;
            s.id = *id;
            if (sectionIndex_.count(s.id)) {
                r_.error(*doc_.member(item, "id"), ptr + "/id", "duplicate section id \"" + s.id + "\"");
                continue;
            }
            sectionIndex_[s.id] = static_cast<uint32_t>(d.sections.size());
            d.sections.push_back(std::move(s));
        }
    }

    void parseReferences(const JsonNode& root, Digest& d) {
        const JsonNode* refs = list(root, "references", false, 10000);
        if (!refs) return;
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*refs)) {
            std::string ptr = appendPointer("/references", i++);
            if (!r_.expectKind(item, ptr, JsonKind::Object)) continue;
            r_.checkMembers(item, ptr, {"label", "text", "url"});
            Reference ref;
            assign(ref.label, r_.text(item, ptr, "label", false, TextRule::Any, kName));
            assign(ref.text, r_.text(item, ptr, "text", true, TextRule::Any, {limits_.maxTextBytes, false}));
            assign(ref.url, r_.text(item, ptr, "url", false, TextRule::Url));
            d.references.push_back(std::move(ref));
        }
    }

    TopicMask parseTopics(const JsonNode& paper, const std::string& ptr) {
        const JsonNode* n = doc_.member(paper, "topics");
        if (!n) return 0;
        std::string listPtr = ptr + "/topics";
        if (!r_.expectKind(*n, listPtr, JsonKind::Array)) return 0;
        if (n->childCount == 0) r_.warning(*n, listPtr, "empty topic list; topics will be inferred from the text");
        if (n->childCount > 3)
            r_.error(*n, listPtr, "a paper has 1-3 topics, most relevant first; got " + std::to_string(n->childCount));
        TopicMask mask = 0;
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*n)) {
            std::string itemPtr = appendPointer(listPtr, i++);
            auto id = r_.textValue(item, itemPtr, TextRule::Any, {100, false});
            if (!id) continue;
            auto it = topics_.find(*id);
            if (it == topics_.end()) r_.error(item, itemPtr, "unknown topic \"" + *id + "\" (not in topics.json)");
            else if (mask >> it->second & 1) r_.error(item, itemPtr, "topic \"" + *id + "\" is listed twice");
            else mask |= TopicMask(1) << it->second;
        }
        return mask;
    }

    void parsePapers(const JsonNode& root, DigestRecord& record) {
        const JsonNode* papers = list(root, "papers", true, limits_.maxPapers);
        if (!papers) return;
        if (papers->childCount == 0) r_.error(*papers, "/papers", "expected at least one paper");
        size_t i = 0;
        for (const JsonNode& item : doc_.children(*papers)) {
            std::string ptr = appendPointer("/papers", i++);
            if (!r_.expectKind(item, ptr, JsonKind::Object)) continue;
            r_.checkMembers(item, ptr, {"id", "section", "title", "title_zh", "authors", "authors_truncated", "links",
                                        "topics", "summary", "why", "insight"});
            PaperEntry p;
            p.where = r_.locate(item, ptr);
            assign(p.id, r_.text(item, ptr, "id", true, TextRule::PaperId, {120, false}));  // slugs: at most 120
            if (auto section = r_.text(item, ptr, "section", true, TextRule::Id, {40, false})) {
                auto it = sectionIndex_.find(*section);
                if (it != sectionIndex_.end()) p.section = it->second;
                else if (doc_.member(root, "sections"))
                    r_.error(*doc_.member(item, "section"), ptr + "/section", "section \"" + *section + "\" is not declared in /sections");
            }
            assign(p.title, r_.text(item, ptr, "title", true, TextRule::Any, kShort));
            assign(p.titleZh, r_.text(item, ptr, "title_zh", false, TextRule::Any, kShort));
            if (auto authors = r_.textList(item, ptr, "authors", true, TextRule::Any, kName, 5000)) p.authors = *authors;
            p.authorsTruncated = r_.flag(item, ptr, "authors_truncated").value_or(false);
            p.links = parseNamedLinks(item, ptr);
            p.topics = parseTopics(item, ptr);
            assign(p.summary, r_.text(item, ptr, "summary", false, TextRule::Any, text_));
            assign(p.why, r_.text(item, ptr, "why", false, TextRule::Any, text_));
            assign(p.insight, r_.text(item, ptr, "insight", false, TextRule::Any, text_));
            record.papers.push_back(std::move(p));
        }
    }

    JsonReader& r_;
    const JsonDocument& doc_;
    const TopicLookup& topics_;
    DigestLimits limits_;
    TextLimits text_;
    std::unordered_map<std::string, uint32_t> sectionIndex_;
};

}  // namespace

std::optional<DigestRecord> parseDigest(std::string_view file, std::string_view bytes, const TopicLookup& topics,
                                        std::vector<Diagnostic>& out, const DigestLimits& limits) {
    JsonDocument doc;
    JsonParseError parseError;
    JsonLimits jsonLimits;
    jsonLimits.maxNodes = limits.maxPapers * 40 + 100'000;
    if (!doc.parse(bytes, parseError, jsonLimits)) {
        out.push_back(describeParseError(file, bytes, parseError));
        return std::nullopt;
    }
    JsonReader reader(doc, bytes, std::string(file), out);
    std::optional<DigestRecord> record = DigestParser(reader, topics, limits).parse();
    reader.finish();
    return record;
}

}  // namespace papertide::core
