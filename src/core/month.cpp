#include "core/month.h"

namespace papertide::core {

namespace {
bool digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
int toInt(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
}  // namespace

std::optional<MonthNumber> parseMonth(std::string_view text) {
    if (text.size() != 7 || text[4] != '-' || !digits(text.substr(0, 4)) || !digits(text.substr(5, 2)))
        return std::nullopt;
    int year = toInt(text.substr(0, 4)), month = toInt(text.substr(5, 2));
    if (year < 1900 || year > 2199 || month < 1 || month > 12) return std::nullopt;
    return year * 12 + month - 1;
}

std::string formatMonth(MonthNumber m) {
    int year = m / 12, month = m % 12 + 1;
    std::string out = std::to_string(year) + "-";
    if (month < 10) out += '0';
    return out + std::to_string(month);
}

bool isValidDate(std::string_view text) {
    if (text.size() != 10 || text[7] != '-' || !digits(text.substr(8, 2))) return false;
    auto month = parseMonth(text.substr(0, 7));
    if (!month) return false;
    int year = *month / 12, m = *month % 12 + 1, day = toInt(text.substr(8, 2));
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int maxDay = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    return day >= 1 && day <= maxDay;
}

}  // namespace papertide::core
