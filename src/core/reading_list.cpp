#include "core/reading_list.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace papertide::core {

std::string encodeReadingList(const ReaderMarks& marks) {
    std::vector<std::string> bookmarks(marks.bookmarked.begin(), marks.bookmarked.end());
    std::vector<std::string> read(marks.read.begin(), marks.read.end());
    std::sort(bookmarks.begin(), bookmarks.end());
    std::sort(read.begin(), read.end());
    nlohmann::ordered_json j = {{"format", "papertide-reading-list"}, {"version", 1}, {"bookmarks", bookmarks}, {"read", read}};
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool mergeReadingList(std::string_view file, ReaderMarks& marks, MergeReport& report, std::string& error) {
    nlohmann::json j = nlohmann::json::parse(file.begin(), file.end(), nullptr, false);
    if (j.is_discarded()) {
        error = "not a JSON file";
        return false;
    }
    // Not j.value("format", ...): it throws when "format" is there but not a string (the web build aborts).
    if (!j.is_object() || !j.contains("format") || j["format"] != "papertide-reading-list") {
        error = "not a Papertide reading list (expected \"format\": \"papertide-reading-list\")";
        return false;
    }
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int64_t>() != 1) {
        error = "reading list of an unknown version";
        return false;
    }
    report = MergeReport{};
    auto merge = [&](const char* key, std::unordered_set<std::string>& target, size_t& added) {
        if (!j.contains(key)) return;
        if (!j[key].is_array()) {
            ++report.skipped;
            return;
        }
        for (const auto& item : j[key]) {
            if (!item.is_string() || item.get_ref<const std::string&>().empty() ||
                item.get_ref<const std::string&>().size() > 128) {
                ++report.skipped;
                continue;
            }
            if (target.insert(item.get<std::string>()).second) ++added;
            else ++report.alreadyPresent;
        }
    };
    merge("bookmarks", marks.bookmarked, report.bookmarksAdded);
    merge("read", marks.read, report.readAdded);
    return true;
}

std::string describeMerge(const MergeReport& r) {
    std::string out = std::to_string(r.bookmarksAdded) + " bookmark(s) and " + std::to_string(r.readAdded) +
                      " read mark(s) added";
    if (r.alreadyPresent) out += ", " + std::to_string(r.alreadyPresent) + " already present";
    if (r.skipped) out += ", " + std::to_string(r.skipped) + " invalid entr" + (r.skipped == 1 ? "y" : "ies") + " skipped";
    return out;
}

}  // namespace papertide::core
