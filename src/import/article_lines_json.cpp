// linesFromJson: an HTML page turned into lines by the browser's own DOMParser (web/shell/article-lines.js)
// and handed over as JSON. The web build has no gumbo-parser; this keeps the rest of the import the same.
#include <nlohmann/json.hpp>

#include "import/article_import.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

int intField(const nlohmann::json& object, const char* key, int low, int high) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return 0;
    long long v = it->get<long long>();
    return v < low || v > high ? 0 : int(v);
}

}  // namespace

bool linesFromJson(std::string_view json, std::vector<ArticleLine>& lines, std::string& error) {
    if (json.size() > kMaxArticleBytes) {
        error = "is larger than " + std::to_string(kMaxArticleBytes / (1024 * 1024)) + " MiB of text; not read";
        return false;
    }
    const nlohmann::json list = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!list.is_array()) {
        error = "could not be read: the page's lines are not a JSON list";
        return false;
    }
    for (const nlohmann::json& item : list) {
        if (!item.is_object() || !item.contains("text") || !item["text"].is_string()) continue;
        ArticleLine line;
        line.text = trimSpace(stripImagePlaceholders(item["text"].get_ref<const std::string&>()));
        if (line.text.empty()) continue;
        line.heading = intField(item, "heading", 1, 6);
        line.listNumber = intField(item, "list", 1, 1000000);
        if (auto links = item.find("links"); links != item.end() && links->is_array()) {
            for (const nlohmann::json& link : *links) {
                if (!link.is_object() || !link.contains("url") || !link["url"].is_string()) continue;
                std::string url = trimSpace(link["url"].get_ref<const std::string&>());
                if (!isBareUrl(url)) continue;  // the same rule as gumbo's <a href>: only http(s) URLs
                std::string label = link.contains("label") && link["label"].is_string()
                                        ? trimSpace(link["label"].get_ref<const std::string&>())
                                        : std::string();
                line.links.push_back({label, url});
            }
        }
        lines.push_back(std::move(line));
    }
    if (lines.empty()) {
        error = "is an HTML document without text";
        return false;
    }
    return true;
}

}  // namespace papertide::import
