// Amounts of money, read from form cells and statement cells.
//
// ParseDecimal: a plain number — arabic with thousands separators
// ("1,234,567.89"), full-width digits, negative in parentheses ("(1,234.50)")
// or with a leading minus, or Chinese numerals ("一千二百"). No currency, no
// unit: "1,234元" is refused. Unambiguous OCR damage is undone ("l,234.5O").
//
// ParseWan: an amount converted to 万元. The unit is the one written in the
// cell — 元, 千元, 万元/万, 亿元/亿, with or without 元 ("1.25亿元", "3500万",
// "860000元", "壹仟贰佰伍拾万元整") — or, when the cell has a bare number
// ("12500", "12,500.00"), `implied`, the unit of the cell's label. "¥",
// "人民币", "RMB", "约" and the like around the number are ignored, so are
// the form's brackets before the unit ("（ 1500 ）万元"); a whole amount in
// brackets is negative ("(1,234.50)"), as in statements. OCR damage
// is repaired when unambiguous ("l2500", "12 500", "12500。00"); anything
// else in the cell makes the amount unreadable (nullopt): "12500（含税）",
// "3-5万", "待定". Results are rounded to 1e-6 万元 (one 分).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

namespace gm {

enum class AmountUnit { kYuan, kQianYuan, kWan, kYi };

std::optional<double> ParseDecimal(std::string_view text);
std::optional<double> ParseWan(std::string_view text, AmountUnit implied = AmountUnit::kWan);

// ParseWan, also telling whether OCR damage had to be repaired (the
// normalizer lowers its confidence then).
struct ParsedAmount {
  double wan = 0;
  bool repaired = false;
};
std::optional<ParsedAmount> ParseAmount(std::string_view text, AmountUnit implied = AmountUnit::kWan);

}  // namespace gm
