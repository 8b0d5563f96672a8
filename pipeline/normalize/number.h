// Percentages, plain numbers, integers and durations as written in form
// cells (the contract's pct, number and int types).
//
// ParsePercent: "56.3%", "56.3％", "56.3", "百分之五十六点三", "约56.3%",
//   "5‰" (→ 0.5), "56.3%0" (OCR's split % sign, repaired; a written ‰ is
//   "‰"); a % sign the OCR read as 9, 90 or 96 is dropped where the number
//   would otherwise be 100 or more with no sign read ("3190" → 31), or
//   have three decimals ending in 9 ("34.439", "34.439%0" → 34.43);
//   repaired. The number is the percentage as written:
//   "0.563" stays 0.563 (no guess that a fraction was meant).
// ParseNumber: a number, optionally followed by ONE unit word that is
//   ignored ("6.5年" → 6.5, "36个月" → 36); Chinese numerals allowed.
// ParseInteger: ParseNumber that must be whole ("36", "三十六"); "2.5" → nullopt.
// ParseDuration: a length of time converted to `unit` — "36个月", "（ 36 ）个月",
//   "3年" (→ 36 months), "一年半", "1年6个月", "半年"; a bare number is
//   taken to be in `unit` already. Ranges ("3-5年") are refused.
//
// All undo the unambiguous OCR damage that RepairDigits knows; the Parsed*
// variants tell whether they had to.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gm {

enum class TimeUnit { kNone, kMonth, kYear };

struct ParsedNumber {
  double value = 0;
  bool repaired = false;
};

std::optional<double> ParsePercent(std::string_view text);
std::optional<double> ParseNumber(std::string_view text);
std::optional<int64_t> ParseInteger(std::string_view text);
std::optional<double> ParseDuration(std::string_view text, TimeUnit unit);

std::optional<ParsedNumber> ParsePercentDetailed(std::string_view text);
std::optional<ParsedNumber> ParseNumberDetailed(std::string_view text);
// REQUIRES: unit != kNone.
std::optional<ParsedNumber> ParseDurationDetailed(std::string_view text, TimeUnit unit);

}  // namespace gm
