#include "core/taxonomy.h"

#include <unordered_set>

#include "core/json_reader.h"
#include "core/text.h"

namespace papertide::core {

namespace {

std::optional<Topic> parseTopic(JsonReader& r, const JsonNode& node, const std::string& ptr) {
    if (!r.expectKind(node, ptr, JsonKind::Object)) return std::nullopt;
    r.checkMembers(node, ptr, {"id", "label_en", "label_zh", "color", "keywords_en", "keywords_zh", "description"});
    size_t errorsBefore = r.errorCount();
    Topic t;
    TextLimits label{200, false};
    TextLimits keyword{200, false};
    auto id = r.text(node, ptr, "id", true, TextRule::Id, {40, false});
    auto en = r.text(node, ptr, "label_en", true, TextRule::Any, label);
    auto zh = r.text(node, ptr, "label_zh", true, TextRule::Any, label);
    auto color = r.text(node, ptr, "color", true, TextRule::Color);
    auto kwEn = r.textList(node, ptr, "keywords_en", false, TextRule::Any, keyword, 500);
    auto kwZh = r.textList(node, ptr, "keywords_zh", false, TextRule::Any, keyword, 500);
    if (r.errorCount() != errorsBefore) return std::nullopt;
    t.id = *id;
    t.labelEn = *en;
    t.labelZh = *zh;
    t.color = static_cast<uint32_t>(std::stoul(color->substr(1), nullptr, 16));
    for (const auto& k : *kwEn) t.keywordsEn.push_back(foldForSearch(k));
    for (const auto& k : *kwZh) t.keywordsZh.push_back(foldForSearch(k));
    return t;
}

}  // namespace

std::vector<Topic> parseTaxonomy(std::string_view file, std::string_view bytes, std::vector<Diagnostic>& out) {
    std::vector<Topic> topics;
    JsonDocument doc;
    JsonParseError parseError;
    if (!doc.parse(bytes, parseError)) {
        out.push_back(describeParseError(file, bytes, parseError));
        return topics;
    }
    JsonReader r(doc, bytes, std::string(file), out);
    const JsonNode& root = doc.root();
    if (!r.expectKind(root, "", JsonKind::Object)) return topics;
    r.checkMembers(root, "", {"format", "topics"});
    if (const JsonNode* format = r.required(root, "", "format");
        format && r.expectKind(*format, "/format", JsonKind::Integer) && format->integer != 1)
        r.error(*format, "/format", "unsupported format " + std::to_string(format->integer) + "; this version reads format 1");
    const JsonNode* list = r.required(root, "", "topics");
    if (!list || !r.expectKind(*list, "/topics", JsonKind::Array)) return topics;
    std::unordered_set<std::string> seen;
    size_t i = 0;
    for (const JsonNode& item : doc.children(*list)) {
        std::string ptr = appendPointer("/topics", i++);
        auto topic = parseTopic(r, item, ptr);
        if (!topic) continue;
        if (!seen.insert(topic->id).second) {
            r.error(item, ptr + "/id", "duplicate topic id \"" + topic->id + "\"");
            continue;
        }
        if (topics.size() == kMaxTopics) {
            r.error(item, ptr, "more than " + std::to_string(kMaxTopics) + " topics; the rest are ignored");
            break;
        }
        topics.push_back(std::move(*topic));
    }
    if (topics.empty()) r.error(*list, "/topics", "the taxonomy defines no usable topic");
    r.finish();
    return topics;
}

}  // namespace papertide::core
