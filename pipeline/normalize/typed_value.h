// TypedValue: what normalizing one field's reading gives — the typed JSON
// value, how much the confidence must drop because of repairs or guesses,
// and at most one finding. Internal to the normalize module, shared by the
// per-type readers (choice.h, typed_field.h) and the Normalizer.
#pragma once

#include <string>

#include "pipeline/core/record.h"

namespace gm {

struct TypedValue {
  Json value;                   // null when nothing usable was read
  double confidence_factor = 1.0;
  std::string finding_code;     // empty: nothing to report
  std::string finding_message;  // Chinese, names the label and the text read
  // The value is invalid by a character too many or too few, which on a
  // scan is more likely the OCR's error than the applicant's.
  bool length_misread_likely = false;

  static TypedValue Invalid(std::string code, std::string message) {
    TypedValue v;
    v.finding_code = std::move(code);
    v.finding_message = std::move(message);
    return v;
  }
};

}  // namespace gm
