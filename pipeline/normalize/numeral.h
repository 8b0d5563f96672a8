// ParseNumeral: one number as written in a Chinese form — arabic
// ("12,500.00"), Chinese ("一千二百", "二〇二四", "五十六点三"), the financial
// capitals ("壹仟贰佰伍拾万元整", "贰佰叁拾肆元伍角陆分") or mixed ("1.25亿",
// "3千万", "1亿2500万"). Internal building block of the amount, number and
// date parsers.
//
// Accepted: digits 零〇一二三四五六七八九两 and 壹贰叁肆伍陆柒捌玖 (also their
// traditional forms); units 十拾 百佰 千仟 (descending within a group), 万萬,
// 亿億; 点 for a decimal point; 元圆 then 角 and 分; a final 整/正; a leading
// "-" or 负. Arabic runs go through ICU's strict parser (grouping checked).
// Digits without units are positional ("二〇二四" = 2024). 参 counts as 叁;
// 什, OCR's misreading of 仟, is taken as 仟 where the next unit of its group
// is 佰 or 拾 (the only unit that fits there), and refused elsewhere.
//
// REQUIRES: `text` has been through NormalizeText (and RepairDigits if OCR
// damage is to be undone) and holds nothing but the number — callers strip
// unit words such as 年 or % first.
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string_view>

namespace gm::normalize {

struct Numeral {
  double value = 0;      // yuan when `yuan`, else the plain number (multipliers applied)
  bool yuan = false;     // 元/圆 (or 角/分) was written
  bool scaled = false;   // a 万 or 亿 multiplier was written
  bool chinese = false;  // Chinese numerals appear
  bool repaired = false;  // an OCR misreading was undone (什 read for 仟)
};

std::optional<Numeral> ParseNumeral(std::string_view text);

}  // namespace gm::normalize
