// Readers for the types that are not closed answers — text, wan, pct,
// number, int, date, credit_code, phone and category — from a cell's raw
// text. Each gives a TypedValue: the JSON value the contract's type table
// asks for, a confidence factor below 1 when a repair or a tolerant match was
// needed, and the finding (invalid_value, invalid_credit_code,
// category_not_in_catalog) with a Chinese message naming the field's label
// and the text read.
//
// A placeholder (normalize_placeholders.tsv) in a typed cell is no error:
// "blank" ones give null, "zero" ones give 0 for numbers (and null else);
// text cells keep "zero" placeholders such as "无" as their text.
//
// Thread-safety: pure functions over const inputs.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/templates.h"
#include "pipeline/normalize/catalog_matcher.h"
#include "pipeline/normalize/settings.h"
#include "pipeline/normalize/typed_value.h"

namespace gm {

// REQUIRES: spec.type is one of the types above.
TypedValue ReadTypedField(const FieldSpec& spec, std::string_view raw, const NormalizeSettings& settings,
                          const CatalogMatcher& catalog);

// Drops a copy of the field's label the reader left at the start of the
// cell ("企业类型:国有控股公司" → "国有控股公司"; the label may lack its
// "(万元)" part or carry "*"). When `answer_may_start_with_label` — a
// descriptive text field such as 税费缴纳情况, whose answer may well be
// "税费缴纳情况良好" — the label must be followed by ":", "*" or a space;
// otherwise it is dropped even when run on ("联系人赵静" → "赵静").
// Anything else is returned unchanged.
// REQUIRES: `text` has been through NormalizeText (so is the result).
std::string StripLeadingLabel(std::string_view text, std::string_view label, bool answer_may_start_with_label);

// Cells of a typed (non-text) field longer than this many characters hold no
// single value; they are refused before any parsing, which bounds the work
// hostile or runaway OCR text can cause.
inline constexpr size_t kMaxTypedCellChars = 1000;

}  // namespace gm
