// Calendar months as consecutive integers, so a month axis is a plain index range.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace papertide::core {

// year * 12 + (month - 1): 2022-06 -> 24269. Consecutive months differ by one.
using MonthNumber = int;

std::optional<MonthNumber> parseMonth(std::string_view text);  // strict "YYYY-MM", years 1900..2199
std::string formatMonth(MonthNumber month);                       // "2022-06"
bool isValidDate(std::string_view text);                          // strict "YYYY-MM-DD", a real calendar day

}  // namespace papertide::core
