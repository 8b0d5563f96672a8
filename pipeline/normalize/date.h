// Dates as written in form cells (the contract's `date` type): "YYYY-MM-DD",
// or "YYYY-MM" when no day is written.
//
// Accepted: "2024年3月", "2024年03月", "2024年3月15日", "2024年3月15号",
// "二〇二四年三月", "二〇二四年三月十五日", "2024.03", "2024.3.15", "2024-03-15",
// "2024/3/15", "20240315", "2024年3月份", "2024年3月底" and the like (a
// 初/中旬/底… after the month keeps only the month), with OCR digit damage
// repaired ("2O24年3月"). A few words around the date ("预计", "开工"), up
// to two stray ASCII marks at its ends ("s 2024年1月4日") and a day whose 日
// the OCR lost or misread ("2022年1月22晶") are tolerated and reported as a
// repair. Refused: a year alone, two-digit years,
// years outside 1900–2100, month 0 or 13, a day past the month's end
// ("2023-02-29", "2024年4月31日"), ranges and anything else.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gm {

struct ParsedDate {
  int year = 0, month = 0;
  int day = 0;            // 0 when the day is not written
  bool repaired = false;  // OCR damage undone or words around the date dropped
  // "YYYY-MM-DD" or "YYYY-MM".
  std::string ToString() const;
};

std::optional<ParsedDate> ParseDate(std::string_view text);
// ParseDate(text)->ToString(), or nullopt.
std::optional<std::string> NormalizeDate(std::string_view text);

}  // namespace gm
