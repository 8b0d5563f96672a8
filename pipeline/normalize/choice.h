// Readers for the closed-answer types — enum, enum_other, multi and bool —
// from a Reading: a checkbox group (Reading::marked), a checkbox group typed
// as text (ReadCheckboxText), or a written answer. Each answer is mapped to
// a canonical value through the field's Vocabulary.
//
//   enum        one value; none marked or blank → null; several → invalid_value;
//               an answer outside the list → invalid_value naming the list.
//   enum_other  a value when the answer is one, or at least half of it is one
//               ("经营性收入（矿产品销售）"); otherwise the text
//               written for "other", normalized, without a leading "其他：".
//   multi       every value named, in the order of the list; pieces of the
//               answer that name none → invalid_value (the others are kept).
//   bool        是 → true, 否 → false (with the variants of "type:bool").
//
// `repair_factor` multiplies the confidence when a fuzzy or partial match
// was needed. Thread-safety: pure functions over const inputs.
#pragma once

#include "pipeline/core/reading.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/typed_value.h"
#include "pipeline/normalize/vocabulary.h"

namespace gm {

TypedValue ReadEnum(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor);
TypedValue ReadEnumOther(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading,
                         double repair_factor);
TypedValue ReadMulti(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor);
// REQUIRES: `vocabulary` is the "type:bool" one (values 是, 否).
TypedValue ReadBool(const FieldSpec& spec, const Vocabulary& vocabulary, const Reading& reading, double repair_factor);

}  // namespace gm
