// What the reader keeps between visits: bookmarks, read marks and settings. Each is stored under its own key
// so a damaged value loses only itself; parsing is lenient and explains what it ignored.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/paper_filter.h"

namespace papertide::core {

enum class Theme { Auto, Dark, Light };
enum class Language { English, Chinese };

struct Settings {
    Theme theme = Theme::Auto;
    Language language = Language::English;
    bool crossLanguageSearch = true;  // a query term also finds its glossary counterparts (data/glossary.json)
    bool operator==(const Settings& o) const {
        return theme == o.theme && language == o.language && crossLanguageSearch == o.crossLanguageSearch;
    }
};

// The names settings travel under (stored settings, window.papertide.state/setState): "auto"/"dark"/"light",
// "en"/"zh". Unknown names read as the defaults.
const char* themeName(Theme theme);
Theme themeFromName(std::string_view name);
const char* languageName(Language language);
Language languageFromName(std::string_view name);

// Storage keys (localStorage on the web, lines of a file natively).
inline constexpr std::string_view kBookmarksKey = "papertide.bookmarks";
inline constexpr std::string_view kReadKey = "papertide.read";
inline constexpr std::string_view kSettingsKey = "papertide.settings";

// {"version":1,"papers":["arxiv:2205.06175", ...]}
std::string encodePaperSet(const std::unordered_set<std::string>& ids);
// False (with a warning naming `key`) when the value is not a readable paper set; `out` is then untouched.
bool decodePaperSet(std::string_view key, std::string_view stored, std::unordered_set<std::string>& out,
                    std::string& warning);

std::string encodeSettings(const Settings& settings);
bool decodeSettings(std::string_view stored, Settings& out, std::string& warning);

}  // namespace papertide::core
