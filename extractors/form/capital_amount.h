// CapitalAmount: repair of the OCR of amounts written in capital numerals
// (大写: 壹仟贰佰伍拾万元整), from templates/form_capital.tsv. The OCR reads
// these glyphs poorly (参 for 叁, 什 for 仟) and a character whitelist makes
// it drop them; but the notation is strict — digit, unit, with units falling
// 仟 佰 拾 within 万 and 亿 — so a misread character in a unit's place is the
// unit the next one implies, and one in a digit's place is the digit it is
// commonly mistaken for.
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

class CapitalAmount {
 public:
  static Status Load(const Templates& templates, CapitalAmount* out);

  // Whether `text` is an amount in capital numerals: no ASCII digit, and at
  // least two characters of the notation (misreads counted).
  bool Applies(std::string_view text) const;

  // The repaired amount (spaces dropped, and whatever foreign to the
  // notation follows its 元 or 整); `text` unchanged when it does not apply.
  std::string Repair(std::string_view text) const;

 private:
  std::u32string digits_, units_, sections_, ends_;
  std::u32string misread_, means_;  // misread_[i] stands for means_[i]
};

}  // namespace gm::form
