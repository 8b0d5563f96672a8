// ReadCheckboxText: a checkbox group that reached us as text — an electronic
// form where the applicant typed a tick, or OCR of a whole group — turned
// into the labels marked and not marked. Two writings are understood:
//
//   brackets after each label  "已取得（√）正在办理（ ）不涉及（ ）"
//                              "股权（）发债（）贷款（√）其他（融资租赁）"
//   a box before each label    "☑已取得 □正在办理 □不涉及", "■是 □否"
//
// A bracket holding a tick (√ ✓ ✔ ☑ ☒ × x X v V ● ■ * …) marks its label; an
// empty one leaves it unmarked; one holding other text marks it too and the
// text is kept as the label's note (what "其他" stands for). Text that is not
// such a group — "国有控股公司（甘肃省国资委监管）" — gives nullopt: a single
// bracketed label counts only when it holds a tick, and in several at least
// one bracket must be empty or ticked.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gm {

struct CheckboxOption {
  std::string label;  // normalized, without brackets and ticks
  bool marked = false;
  std::string note;   // text written inside the bracket instead of a tick
};

std::optional<std::vector<CheckboxOption>> ReadCheckboxText(std::string_view text);

}  // namespace gm
