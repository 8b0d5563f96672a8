// FieldDisplay: how a typed field value (record.h) is shown to a reviewer in
// a workbook — amounts as numbers formatted "12,500.50 万元", percentages
// "56.3%", a category as "4.2.8 绿色照明改造", booleans 是/否, lists joined
// with "、" — and whether the raw OCR text is worth showing beside it.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"
#include "pipeline/emit/workbook_layout.h"

namespace gm {

struct FieldDisplay {
  bool blank = true;        // null value: nothing to show
  bool is_number = false;   // write `number` with `num_format`
  double number = 0;
  std::string num_format;   // an Excel number format, for numbers
  std::string text;         // the shown text; for numbers, a plain rendering ("12500.5")
};

// REQUIRES: value is the field's typed value (any JSON is tolerated: a value
// whose JSON type does not fit spec.type is shown as its text or JSON).
FieldDisplay DisplayField(const FieldSpec& spec, const Json& value, const WorkbookLayout& layout);

// `value` in plain decimal with at most `max_decimals` decimals and no
// trailing zeros: 12500.5 -> "12500.5", 3.0 -> "3".
std::string PlainNumber(double value, int max_decimals = 4);

// A catalog category value ({code,title}) as "4.2.8 绿色照明改造"; a string
// value as it is; anything else "".
std::string CategoryText(const Json& value);

// True when the raw text read from the form says something the shown value
// does not — compared without whitespace, digit-group commas and the unit
// the number format shows (% or 万元), so "12,500.5万元" beside 12500.5 is
// not repeated, but "1.25亿元" is.
bool RawDiffers(const std::string& raw, const FieldDisplay& shown);

}  // namespace gm
