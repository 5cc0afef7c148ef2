// The digest's own metadata found in the article: month and publication date, title, outlet.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace papertide::import {

struct FoundDate {
    int year = 0, month = 0, day = 0;  // day 0 = not given
    size_t end = 0;                    // byte offset just after the date in the searched text
};

// The first date in `text`: "2021年12月12日", "2021 年 12 月", "2022-06-15", "2022/6/15", "June 2022".
bool findDate(std::string_view text, FoundDate& date);
// "4月25日" with no year: the month only.
int findBareMonth(std::string_view text);
// A four-digit year 1990-2099 in `text`, or 0.
int findYear(std::string_view text);
// The outlet named in the first lines: "点击上方“Deephub Imba”", the name after a date line, "来源:X".
std::string findSource(std::string_view head);
// Newest arXiv id (YYMM.NNNNN) among `ids` as "20YY-MM", or "".
std::string monthOfNewestArxivId(const std::vector<std::string>& ids);

}  // namespace papertide::import
