// FormHints: the words the blank 入库申请表 prints inside value cells as a
// hint to the applicant ("描述近两年情况", "描述近1年税费缴纳情况"), loaded from
// templates/form_hints.tsv. A hint is part of the form, never the applicant's
// answer: a cell holding only the hint is empty, and a hint before (or after)
// the answer is taken off it.
//
// Table rows: `key` a field key of fields.tsv, or `*` for every text field;
// `hint` the printed wording, or a pattern `head…tail` (the head at the
// value's start, the tail within kMaxPatternGap characters after it) for
// hint texts of other editions of the form.
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

class FormHints {
 public:
  static constexpr size_t kMaxPatternGap = 14;

  // Loads form_hints.tsv from templates.dir(); Corrupt naming the row when a
  // key is not a field, a hint is empty or holds more than one "…". A
  // missing table is Corrupt too (every install ships it).
  static Status Load(const Templates& templates, FormHints* out);

  // `value` (a value cell's cleaned text) without a hint printed in field
  // `key`'s cell. A fixed wording is matched with about one misread
  // character in six forgiven, at the value's start (after an opening
  // bracket) or at its end; the separators next to it go with it. Returns
  // "" when nothing but the hint and punctuation is left.
  std::string Strip(std::string_view key, std::string_view value) const;

 private:
  struct Hint {
    std::string key;
    std::u32string head, tail;  // NFKC, no spaces; `tail` set for head…tail patterns
    bool pattern = false;
  };
  std::vector<Hint> hints_;
};

}  // namespace gm::form
