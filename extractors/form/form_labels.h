// FormLabels: the printed layout knowledge of the 入库申请表, loaded from
// templates/form_labels.tsv and templates/form_compound.tsv — which labels
// exist, what each label's value cell holds (one line, a block, a checkbox
// group with its options, several fields), and where the value sits.
// Matching a cell's text to a label is tolerant: only the ideographs are
// compared (no '*', footnote digits, brackets or line breaks) and a few
// misread characters are forgiven.
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractors/form/form_hints.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

enum class CellKind { kTitle, kSection, kLine, kBlock, kCheckbox, kCompound };
enum class ValuePlace { kRight, kBelow, kNone };

struct LabelSpec {
  std::string key;                   // field key, compound cell name, or a title/section name
  CellKind kind = CellKind::kLine;
  std::string label;                 // as printed
  std::vector<std::u32string> match_keys;  // LabelKey of the label and of each variant
  ValuePlace place = ValuePlace::kRight;
  std::vector<std::string> options;  // checkbox options in printed order
};

// One field of a compound cell (form_compound.tsv).
struct CompoundPart {
  std::string cell;                  // the compound LabelSpec key
  std::string field;                 // field key of fields.tsv
  std::string extract;               // bracket_after | person | phone | checkbox | rest
  std::vector<std::string> anchors;  // '|'-separated `anchor` column
};

// Another label printed inside a value cell's text (see FindInnerLabel).
struct InnerLabel {
  size_t offset = std::string::npos;  // byte offset in the text where its wording begins
  size_t end = std::string::npos;     // byte offset just past the wording
  const LabelSpec* spec = nullptr;
};

struct LabelMatch {
  const LabelSpec* spec = nullptr;
  int distance = 0;                  // edit distance of the best matching wording
  double score = 0;                  // 1 - distance / length: 1 is exact
};

class FormLabels {
 public:
  // Loads both tables (and form_hints.tsv) from templates.dir(), checking them against
  // templates.fields(): every field key exists, checkbox options are among
  // the field's values. Corrupt with a message naming the row otherwise.
  static Status Load(const Templates& templates, FormLabels* out);

  // The label whose wording best matches `text` (a whole cell's OCR text),
  // or a null spec when none is close enough.
  LabelMatch Match(std::string_view text) const;

  // How many distinct labels (not titles) appear verbatim in `text`, and
  // whether a title wording does: for FormLikeness.
  int CountLabelsIn(std::string_view text, bool* has_title) const;

  // The earliest value label (not `own`, not a title or section) whose
  // wording of at least kMinInnerLabel ideographs stands inside `text` after
  // some of the value: a value cell that ran on into the next cell's label
  // and value when a ruling line was lost ("…有限责任公司”信用代码916201…").
  // Exact wordings only. A null spec when there is none.
  static constexpr size_t kMinInnerLabel = 4;
  InnerLabel FindInnerLabel(std::string_view text, const LabelSpec& own) const;

  const FormHints& hints() const { return hints_; }

  const std::vector<LabelSpec>& labels() const { return labels_; }
  const LabelSpec* Find(std::string_view key) const;
  // Parts of a compound cell, in table order.
  std::vector<const CompoundPart*> PartsOf(std::string_view cell) const;
  // Number of labels that name values (not titles or sections).
  int ValueLabelCount() const;

 private:
  std::vector<LabelSpec> labels_;
  std::vector<CompoundPart> parts_;
  FormHints hints_;
};

}  // namespace gm::form
