// Metadata guesses for a drafted digest (see draft_meta.h); every guess is reported by the caller.
#include "import/draft_meta.h"

#include "import/text_scan.h"

namespace papertide::import {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Digits at `i` (at most `maxDigits`), skipping ASCII spaces first; advances `i`.
bool readNumber(std::string_view s, size_t& i, size_t maxDigits, int& value) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    value = 0;
    while (i < s.size() && isDigit(s[i]) && i - start < maxDigits) value = value * 10 + (s[i++] - '0');
    return i > start && !(i < s.size() && isDigit(s[i]));
}

bool readToken(std::string_view s, size_t& i, std::string_view token) {
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (s.substr(j, token.size()) != token) return false;
    i = j + token.size();
    return true;
}

constexpr const char* kMonths[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"};

}  // namespace

bool findDate(std::string_view s, FoundDate& date) {
    for (size_t at = 0; at < s.size(); ++at) {
        if (!isDigit(s[at]) || (at > 0 && (isDigit(s[at - 1]) || s[at - 1] == '/' || s[at - 1] == '='))) continue;
        size_t i = at;
        int year = 0, month = 0, day = 0;
        if (!readNumber(s, i, 4, year) || i - at != 4 || year < 1990 || year > 2099) continue;
        size_t afterYear = i;
        if (readToken(s, i, "年") && readNumber(s, i, 2, month) && readToken(s, i, "月") && month >= 1 && month <= 12) {
            size_t afterMonth = i;
            if (!(readNumber(s, i, 2, day) && readToken(s, i, "日") && day >= 1 && day <= 31)) day = 0, i = afterMonth;
            date = {year, month, day, i};
            return true;
        }
        i = afterYear;
        for (char sep : {'-', '/', '.'}) {
            if (i >= s.size() || s[i] != sep) continue;
            size_t j = i + 1;
            if (!readNumber(s, j, 2, month) || month < 1 || month > 12 || j - i - 1 > 2) break;
            size_t afterMonth = j;
            if (!(j < s.size() && s[j] == sep && (++j, readNumber(s, j, 2, day)) && day >= 1 && day <= 31)) day = 0, j = afterMonth;
            if (day == 0 && sep != '-') break;  // "2022.06" is too often a version number
            date = {year, month, day, j};
            return true;
        }
    }
    std::string lower(s);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
    for (int m = 0; m < 12; ++m) {
        std::string name = kMonths[m];
        for (size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
            size_t i = at + name.size();
            int year = 0;
            if (i < lower.size() && lower[i] == ',') ++i;
            if (readNumber(lower, i, 4, year) && year >= 1990 && year <= 2099) {
                date = {year, m + 1, 0, i};
                return true;
            }
        }
    }
    return false;
}

int findBareMonth(std::string_view s) {
    for (size_t at = s.find("月"); at != std::string_view::npos; at = s.find("月", at + 1)) {
        size_t b = at;
        int value = 0, scale = 1;
        while (b > 0 && isDigit(s[b - 1]) && at - b < 2) value += (s[--b] - '0') * scale, scale *= 10;
        if (b < at && value >= 1 && value <= 12 && !(b > 0 && isDigit(s[b - 1]))) return value;
    }
    return 0;
}

int findYear(std::string_view s) {
    for (size_t at = 0; at + 4 <= s.size(); ++at) {
        if (at > 0 && isDigit(s[at - 1])) continue;
        size_t i = at;
        int year = 0;
        if (readNumber(s, i, 4, year) && i - at == 4 && year >= 1990 && year <= 2099) return year;
    }
    return 0;
}

std::string findSource(std::string_view head) {
    for (std::string_view open : {"点击上方“", "点击上方\"", "关注“", "点击蓝字关注“", "点击上方蓝字“", "公众号“", "公众号「"}) {
        size_t at = head.find(open);
        if (at == std::string_view::npos) continue;
        size_t from = at + open.size();
        std::string_view closeMark = endsWith(open, "\"") ? "\"" : endsWith(open, "「") ? "」" : "”";
        size_t close = head.find(closeMark, from);
        if (close != std::string_view::npos && close - from <= 60) return trimSpace(head.substr(from, close - from));
    }
    // "2021 年 12 月 12 日 机器之心": a short name after a full date on its own line.
    for (size_t lineStart = 0; lineStart < head.size();) {
        size_t lineEnd = head.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) lineEnd = head.size();
        std::string_view line = head.substr(lineStart, lineEnd - lineStart);
        FoundDate d;
        if (findDate(line, d) && d.day > 0) {
            std::string rest = trimSpace(line.substr(d.end));
            if (!rest.empty() && rest.size() <= 40 && rest.find_first_of(",.;:!?") == std::string::npos &&
                rest.find("，") == std::string::npos && rest.find("。") == std::string::npos)
                return rest;
        }
        for (std::string_view label : {"来源:", "来源：", "Source:", "出品:", "出品："}) {
            if (startsWith(line, label)) {
                std::string rest = trimSpace(line.substr(label.size()));
                if (!rest.empty() && rest.size() <= 40 && rest.find("http") == std::string::npos) return rest;
            }
        }
        lineStart = lineEnd + 1;
    }
    return "";
}

std::string monthOfNewestArxivId(const std::vector<std::string>& ids) {
    std::string best;
    for (const std::string& id : ids)
        if (id.size() >= 4 && id.substr(0, 4) > best) best = id.substr(0, 4);
    if (best.empty()) return "";
    int month = (best[2] - '0') * 10 + (best[3] - '0');
    if (month < 1 || month > 12) return "";
    return "20" + best.substr(0, 2) + "-" + best.substr(2, 2);
}

}  // namespace papertide::import
