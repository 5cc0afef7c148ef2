#include "core/view_state.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace papertide::core {

const char* viewName(View view) {
    switch (view) {
        case View::Timeline: return "timeline";
        case View::Papers: return "papers";
        case View::Digests: return "digests";
        case View::Changes: return "changes";
    }
    return "timeline";
}

const char* topicOrderName(TopicOrder order) {
    switch (order) {
        case TopicOrder::Total: return "total";
        case TopicOrder::FirstSeen: return "first";
        case TopicOrder::Label: return "label";
        case TopicOrder::Newest: return "newest";
        case TopicOrder::Faded: return "faded";
    }
    return "total";
}

namespace {

std::optional<View> parseView(std::string_view s) {
    for (View v : {View::Timeline, View::Papers, View::Digests, View::Changes})
        if (s == viewName(v)) return v;
    return std::nullopt;
}

std::optional<TopicOrder> parseTopicOrder(std::string_view s) {
    for (TopicOrder o : {TopicOrder::Total, TopicOrder::FirstSeen, TopicOrder::Label, TopicOrder::Newest, TopicOrder::Faded})
        if (s == topicOrderName(o)) return o;
    return std::nullopt;
}

bool isUnreserved(unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':' || c == ',';
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::vector<std::string> splitList(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        std::string item(s.substr(start, comma == std::string_view::npos ? s.npos : comma - start));
        if (!item.empty()) out.push_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

// Only safe, bounded text enters the state from a URL someone else may have crafted.
std::string cleanText(std::string_view s, size_t maxBytes = 500) {
    std::string out;
    size_t pos = 0;
    while (pos < s.size()) {
        char32_t cp = decodeUtf8(s, pos);
        if (cp < 0x20 || cp == 0x7F || cp == kReplacementChar) cp = ' ';
        size_t before = out.size();
        appendUtf8(out, cp);
        if (out.size() > maxBytes) {  // never exceed the bound, never cut a character
            out.resize(before);
            break;
        }
    }
    return out;
}

}  // namespace

bool ViewState::operator==(const ViewState& o) const {
    const PaperFilter &a = filter, &b = o.filter;
    return a.query == b.query && a.topics == b.topics && a.minPicks == b.minPicks && a.paperIds == b.paperIds && a.from == b.from && a.to == b.to && a.digest == b.digest &&
           a.author == b.author && a.bookmarkedOnly == b.bookmarkedOnly && a.unreadOnly == b.unreadOnly &&
           sort == o.sort && view == o.view && paper == o.paper && digest == o.digest && topicOrder == o.topicOrder &&
           collapseEmptyMonths == o.collapseEmptyMonths && changesMonth == o.changesMonth;
}

std::string percentEncode(std::string_view text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (isUnreserved(c)) out += static_cast<char>(c);
        else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string percentDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
            hexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else if (text[i] == '+') {
            out += ' ';
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string encodeViewState(const ViewState& s) {
    std::string out;
    auto add = [&](const char* key, std::string_view value) {
        out += out.empty() ? "#" : "&";
        out += key;
        out += '=';
        out += percentEncode(value);
    };
    if (s.view != View::Timeline) add("v", viewName(s.view));
    if (!s.filter.query.empty()) add("q", s.filter.query);
    if (!s.filter.topics.empty()) {
        std::string joined;
        for (const std::string& t : s.filter.topics) joined += (joined.empty() ? "" : ",") + t;
        add("t", joined);
    }
    if (s.filter.from) add("from", formatMonth(*s.filter.from));
    if (s.filter.to) add("to", formatMonth(*s.filter.to));
    if (!s.filter.digest.empty()) add("d", s.filter.digest);
    if (!s.filter.author.empty()) add("a", s.filter.author);
    if (s.filter.bookmarkedOnly) add("bm", "1");
    if (s.filter.unreadOnly) add("unread", "1");
    if (s.filter.minPicks > 1) add("picks", std::to_string(s.filter.minPicks));
    if (!s.filter.paperIds.empty()) {
        std::string joined;
        for (const std::string& id : s.filter.paperIds) joined += (joined.empty() ? "" : ",") + id;
        add("list", joined);
    }
    if (s.sort != SortOrder::Relevance) add("sort", sortOrderName(s.sort));
    if (!s.paper.empty()) add("p", s.paper);
    if (!s.digest.empty()) add("page", s.digest);
    if (s.topicOrder != TopicOrder::Total) add("order", topicOrderName(s.topicOrder));
    if (s.collapseEmptyMonths) add("collapse", "1");
    if (s.changesMonth) add("cm", formatMonth(*s.changesMonth));
    return out;
}

ViewState decodeViewState(std::string_view hash, std::vector<std::string>* warnings) {
    ViewState s;
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    auto warn = [&](const std::string& w) {
        if (warnings) warnings->push_back(w);
    };
    size_t start = 0;
    while (start < hash.size()) {
        size_t amp = hash.find('&', start);
        std::string_view pair = hash.substr(start, amp == std::string_view::npos ? hash.npos : amp - start);
        start = amp == std::string_view::npos ? hash.size() : amp + 1;
        if (pair.empty()) continue;
        size_t eq = pair.find('=');
        std::string key(pair.substr(0, eq));
        // A shared reading list may hold many ids; every other value is short.
        std::string value = cleanText(percentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1)),
                                      key == "list" ? 20000 : 500);
        auto flag = [&]() { return value == "1" || value == "true"; };
        if (key == "v") {
            if (auto v = parseView(value)) s.view = *v;
            else warn("unknown view \"" + value + "\"");
        } else if (key == "q") s.filter.query = value;
        else if (key == "t") s.filter.topics = splitList(value);
        else if (key == "from" || key == "to") {
            auto m = parseMonth(value);
            if (!m) warn(key + " expects YYYY-MM, got \"" + value + "\"");
            else (key == "from" ? s.filter.from : s.filter.to) = m;
        } else if (key == "d") s.filter.digest = value;
        else if (key == "a") s.filter.author = value;
        else if (key == "bm") s.filter.bookmarkedOnly = flag();
        else if (key == "unread") s.filter.unreadOnly = flag();
        else if (key == "picks") {
            int n = value.size() <= 4 && !value.empty() && value.find_first_not_of("0123456789") == std::string::npos ? std::stoi(value) : -1;
            if (n < 0) warn("picks expects a number, got \"" + value + "\"");
            else s.filter.minPicks = n > 1 ? static_cast<uint32_t>(n) : 0;  // 0 and 1 both mean "no filter"
        } else if (key == "list") {
            s.filter.paperIds = splitList(value);
            if (s.filter.paperIds.size() > 1000) s.filter.paperIds.resize(1000);
        }
        else if (key == "sort") {
            if (auto o = parseSortOrder(value)) s.sort = *o;
            else warn("unknown sort order \"" + value + "\"");
        } else if (key == "p") s.paper = value;
        else if (key == "page") s.digest = value;
        else if (key == "order") {
            if (auto o = parseTopicOrder(value)) s.topicOrder = *o;
            else warn("unknown topic order \"" + value + "\"");
        } else if (key == "collapse") s.collapseEmptyMonths = flag();
        else if (key == "cm") {
            if (auto m = parseMonth(value)) s.changesMonth = m;
            else warn("cm expects YYYY-MM, got \"" + value + "\"");
        }
        else warn("unknown state key \"" + cleanText(key, 40) + "\"");
    }
    return s;
}

void viewStateToJson(const ViewState& s, nlohmann::json& out) {
    out["query"] = s.filter.query;
    out["topics"] = s.filter.topics;
    out["from"] = s.filter.from ? nlohmann::json(formatMonth(*s.filter.from)) : nlohmann::json(nullptr);
    out["to"] = s.filter.to ? nlohmann::json(formatMonth(*s.filter.to)) : nlohmann::json(nullptr);
    out["digest"] = s.filter.digest;
    out["author"] = s.filter.author;
    out["bookmarkedOnly"] = s.filter.bookmarkedOnly;
    out["unreadOnly"] = s.filter.unreadOnly;
    out["minPicks"] = s.filter.minPicks;
    out["list"] = s.filter.paperIds;
    out["selectedPaperId"] = s.paper;
    out["digestPage"] = s.digest;
    out["view"] = viewName(s.view);
    out["sort"] = sortOrderName(s.sort);
    out["topicOrder"] = topicOrderName(s.topicOrder);
    out["collapseEmptyMonths"] = s.collapseEmptyMonths;
    out["changesMonth"] = s.changesMonth ? nlohmann::json(formatMonth(*s.changesMonth)) : nlohmann::json(nullptr);
}

bool applyViewStateJson(ViewState& state, std::string_view text, std::string& error) {
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "expected a JSON object";
        return false;
    }
    ViewState s = state;
    auto str = [&](const char* key, std::string& target) {
        if (!j.contains(key)) return true;
        const auto& v = j[key];
        if (v.is_null()) { target.clear(); return true; }
        if (!v.is_string()) { error = std::string(key) + ": expected a string"; return false; }
        target = cleanText(v.get<std::string>());
        return true;
    };
    auto boolean = [&](const char* key, bool& target) {
        if (!j.contains(key)) return true;
        if (!j[key].is_boolean()) { error = std::string(key) + ": expected a boolean"; return false; }
        target = j[key].get<bool>();
        return true;
    };
    auto month = [&](const char* key, std::optional<MonthNumber>& target) {
        if (!j.contains(key)) return true;
        const auto& v = j[key];
        if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) { target.reset(); return true; }
        auto m = v.is_string() ? parseMonth(v.get<std::string>()) : std::nullopt;
        if (!m) { error = std::string(key) + ": expected \"YYYY-MM\" or null"; return false; }
        target = m;
        return true;
    };
    std::string view, sort, order;
    bool ok = str("query", s.filter.query) && str("digest", s.filter.digest) && str("author", s.filter.author) &&
              boolean("bookmarkedOnly", s.filter.bookmarkedOnly) && boolean("unreadOnly", s.filter.unreadOnly) &&
              boolean("collapseEmptyMonths", s.collapseEmptyMonths) && month("from", s.filter.from) &&
              month("to", s.filter.to) && month("changesMonth", s.changesMonth) && str("selectedPaperId", s.paper) && str("digestPage", s.digest) &&
              str("view", view) && str("sort", sort) && str("topicOrder", order);
    if (ok && j.contains("minPicks")) {
        if (!j["minPicks"].is_number_unsigned() || j["minPicks"].get<uint64_t>() > 1000) { error = "minPicks: expected a small number"; ok = false; }
        else s.filter.minPicks = j["minPicks"].get<uint32_t>() > 1 ? j["minPicks"].get<uint32_t>() : 0;
    }
    if (ok && j.contains("list")) {
        const auto& l = j["list"];
        if (!l.is_array()) { error = "list: expected an array of paper ids"; ok = false; }
        else {
            s.filter.paperIds.clear();
            for (const auto& item : l) {
                if (!item.is_string()) { error = "list: expected an array of paper ids"; ok = false; break; }
                if (s.filter.paperIds.size() < 1000) s.filter.paperIds.push_back(cleanText(item.get<std::string>(), 128));
            }
        }
    }
    if (ok && j.contains("topics")) {
        const auto& t = j["topics"];
        if (!t.is_array()) { error = "topics: expected an array of topic ids"; ok = false; }
        else {
            s.filter.topics.clear();
            for (const auto& item : t) {
                // Empty ids and commas could not survive the hash, where topics are one comma-separated list.
                std::string id = item.is_string() ? cleanText(item.get<std::string>(), 40) : std::string();
                if (id.empty() || id.find(',') != std::string::npos) {
                    error = "topics: expected an array of topic ids";
                    ok = false;
                    break;
                }
                s.filter.topics.push_back(std::move(id));
            }
        }
    }
    if (ok && !view.empty()) {
        if (auto v = parseView(view)) s.view = *v;
        else { error = "view: unknown view \"" + view + "\""; ok = false; }
    }
    if (ok && !sort.empty()) {
        if (auto o = parseSortOrder(sort)) s.sort = *o;
        else { error = "sort: unknown order \"" + sort + "\""; ok = false; }
    }
    if (ok && !order.empty()) {
        if (auto o = parseTopicOrder(order)) s.topicOrder = *o;
        else { error = "topicOrder: unknown order \"" + order + "\""; ok = false; }
    }
    if (ok) state = s;
    return ok;
}

}  // namespace papertide::core
