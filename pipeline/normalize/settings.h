// NormalizeSettings: the normalize module's tunable data, from templates/:
//
//   normalize_settings.tsv      name, value — low_confidence_threshold (a
//                               required field read below it gets a
//                               low_confidence finding; default 0.6) and
//                               repair_confidence_factor (confidence is
//                               multiplied by it when a value needed a repair
//                               or a tolerant match; default 0.8) and
//                               doubtful_reading_threshold (a value that does
//                               not parse, read below it, is reported as
//                               low_confidence — a misreading to look at —
//                               rather than invalid_value; default 0.75) and
//                               misread_sign_confidence (the most a text
//                               showing OCR's marks keeps, misread_signs.h,
//                               or a scan's credit code a character short or
//                               long; under the review threshold; default 0.55)
//   normalize_field_units.tsv   key, unit — the unit a field's label implies:
//                               元 千元 万元 亿元 for wan fields (default 万元),
//                               年 月 for number/int fields that are durations
//   normalize_placeholders.tsv  text, meaning — what applicants write in a
//                               typed cell instead of a value: "blank" (→ null,
//                               "/", "—", "暂无") or "zero" (→ 0 in wan, pct,
//                               number and int cells, "无")
//
// Thread-safety: immutable after Load.
#pragma once

#include <map>
#include <string>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/amount.h"
#include "pipeline/normalize/number.h"

namespace gm {

struct NormalizeSettings {
  enum class Placeholder { kNone, kBlank, kZero };

  double low_confidence_threshold = 0.6;
  double repair_confidence_factor = 0.8;
  double doubtful_reading_threshold = 0.75;
  double misread_sign_confidence = 0.55;
  std::map<std::string, std::string> units;         // field key → unit word
  std::map<std::string, Placeholder> placeholders;  // NormalizeText'd text → meaning

  // Loads the three tables from templates.dir(). Corrupt on an unknown
  // setting, a value out of [0, 1], an unknown field key or unit, or an
  // unknown placeholder meaning.
  static Status Load(const Templates& templates, NormalizeSettings* out);

  AmountUnit AmountUnitFor(const std::string& key) const;  // 万元 unless the table says otherwise
  TimeUnit TimeUnitFor(const std::string& key) const;      // kNone unless 年 or 月
  Placeholder PlaceholderFor(std::string_view raw) const;
};

}  // namespace gm
