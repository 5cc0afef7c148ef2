#include "core/reader_data.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace papertide::core {

namespace {
constexpr size_t kMaxStoredIds = 1'000'000;
constexpr size_t kMaxIdBytes = 128;
}  // namespace

std::string encodePaperSet(const std::unordered_set<std::string>& ids) {
    std::vector<std::string> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());  // stable output: diffs and tests stay readable
    nlohmann::json j = {{"version", 1}, {"papers", sorted}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // never throws
}

bool decodePaperSet(std::string_view key, std::string_view stored, std::unordered_set<std::string>& out,
                    std::string& warning) {
    nlohmann::json j = nlohmann::json::parse(stored.begin(), stored.end(), nullptr, false);
    auto fail = [&](const std::string& why) {
        warning = std::string(key) + ": stored value ignored (" + why + ")";
        return false;
    };
    if (j.is_discarded()) return fail("not valid JSON");
    if (!j.is_object() || !j.contains("version") || !j["version"].is_number_integer()) return fail("not a Papertide value");
    if (j["version"].get<int64_t>() != 1) return fail("written by a newer version");
    if (!j.contains("papers") || !j["papers"].is_array()) return fail("no paper list");
    if (j["papers"].size() > kMaxStoredIds) return fail("too many entries");
    std::unordered_set<std::string> ids;
    size_t skipped = 0;
    for (const auto& item : j["papers"]) {
        if (!item.is_string() || item.get_ref<const std::string&>().size() > kMaxIdBytes ||
            findInvalidUtf8(item.get_ref<const std::string&>()) != std::string::npos) {
            ++skipped;
            continue;
        }
        ids.insert(item.get<std::string>());
    }
    if (skipped) warning = std::string(key) + ": " + std::to_string(skipped) + " damaged entr" + (skipped == 1 ? "y" : "ies") + " ignored";
    out = std::move(ids);
    return true;
}

const char* themeName(Theme theme) { return theme == Theme::Dark ? "dark" : theme == Theme::Light ? "light" : "auto"; }
Theme themeFromName(std::string_view name) { return name == "dark" ? Theme::Dark : name == "light" ? Theme::Light : Theme::Auto; }
const char* languageName(Language language) { return language == Language::Chinese ? "zh" : "en"; }
Language languageFromName(std::string_view name) { return name == "zh" ? Language::Chinese : Language::English; }

std::string encodeSettings(const Settings& s) {
    nlohmann::json j = {{"version", 1},
                        {"theme", themeName(s.theme)},
                        {"language", languageName(s.language)},
                        {"cross_language_search", s.crossLanguageSearch}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // never throws
}

bool decodeSettings(std::string_view stored, Settings& out, std::string& warning) {
    nlohmann::json j = nlohmann::json::parse(stored.begin(), stored.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("version") || j["version"] != 1) {
        warning = std::string(kSettingsKey) + ": stored value ignored (not readable settings)";
        return false;
    }
    Settings s;
    if (j.contains("theme") && j["theme"].is_string()) {
        s.theme = themeFromName(j["theme"].get_ref<const std::string&>());
    }
    if (j.contains("language") && j["language"].is_string())
        s.language = languageFromName(j["language"].get_ref<const std::string&>());
    if (j.contains("cross_language_search") && j["cross_language_search"].is_boolean())
        s.crossLanguageSearch = j["cross_language_search"].get<bool>();
    out = s;
    return true;
}

}  // namespace papertide::core
