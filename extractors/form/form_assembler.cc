#include "extractors/form/form_assembler.h"

#include <algorithm>
#include <map>

#include "extractors/form/cjk_text.h"
#include "extractors/form/compound.h"

namespace gm::form {
namespace {

// Cells narrower than this share of the table are not section headers.
constexpr double kWideCell = 0.6;
constexpr double kBlankConfidence = 0.9;

bool IsOpenBracket(char32_t c) { return c == U'(' || c == U'（'; }
bool IsCloseBracket(char32_t c) { return c == U')' || c == U'）'; }

// The printed order of the labels that name values (form_labels.tsv order).
int PrintedIndex(const FormLabels& labels, const LabelSpec* spec) {
  int i = 0;
  for (const LabelSpec& l : labels.labels()) {
    if (l.kind == CellKind::kTitle || l.kind == CellKind::kSection) continue;
    if (&l == spec) return i;
    ++i;
  }
  return -1;
}

void InferGarbledLabels(const FormLabels& labels, const std::vector<FormRow>& rows,
                        std::vector<std::vector<const LabelSpec*>>* label_of) {
  std::vector<const LabelSpec*> printed;
  for (const LabelSpec& l : labels.labels())
    if (l.kind != CellKind::kTitle && l.kind != CellKind::kSection) printed.push_back(&l);
  std::vector<bool> seen(printed.size(), false);
  struct Slot { size_t row, cell; int index; };  // index: printed index of a read label, -1 for a garbled one
  std::vector<Slot> slots;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    for (size_t c = 0; c < cells.size(); ++c) {
      const LabelSpec* spec = (*label_of)[r][c];
      if (spec != nullptr) {
        int i = PrintedIndex(labels, spec);
        if (i >= 0) {
          seen[i] = true;
          slots.push_back(Slot{r, c, i});
        }
        continue;
      }
      bool label_place = cells.size() >= 2 && cells.size() % 2 == 0 && c % 2 == 0 && !cells[c].blank &&
                         (c + 1 >= cells.size() || (*label_of)[r][c + 1] == nullptr);
      if (label_place) slots.push_back(Slot{r, c, -1});
    }
  }
  for (size_t k = 0; k < slots.size(); ++k) {
    if (slots[k].index >= 0) continue;
    // The garbled run between two read labels, and the unread labels printed between them.
    size_t a = k;
    while (a > 0 && slots[a - 1].index < 0) --a;
    size_t b = k;
    while (b + 1 < slots.size() && slots[b + 1].index < 0) ++b;
    int lo = a > 0 ? slots[a - 1].index : -1;
    int hi = b + 1 < slots.size() ? slots[b + 1].index : static_cast<int>(printed.size());
    std::vector<int> candidates;
    for (int i = lo + 1; i < hi; ++i)
      if (!seen[i]) candidates.push_back(i);
    size_t garbled = b - a + 1;
    if (candidates.size() == garbled && lo >= 0 && hi < static_cast<int>(printed.size())) {
      for (size_t g = 0; g < garbled; ++g) {
        const Slot& s = slots[a + g];
        (*label_of)[s.row][s.cell] = printed[candidates[g]];
        seen[candidates[g]] = true;
        slots[a + g].index = candidates[g];
      }
    }
    k = b;
  }
}

struct Collected {
  const LabelSpec* spec = nullptr;
  std::vector<const FormCell*> cells;
};

std::string JoinText(const std::vector<const FormCell*>& cells) {
  std::string out;
  for (const FormCell* c : cells) {
    if (c->blank || c->text.empty()) continue;
    if (!out.empty()) out += '\n';
    out += c->text;
  }
  return out;
}

double MeanConfidence(const std::vector<const FormCell*>& cells) {
  double sum = 0;
  int n = 0;
  for (const FormCell* c : cells) {
    if (c->blank) continue;
    sum += c->confidence;
    ++n;
  }
  return n ? sum / n : kBlankConfidence;
}

size_t InkedCount(const std::vector<const FormCell*>& cells) {
  return std::count_if(cells.begin(), cells.end(), [](const FormCell* c) { return !c->blank; });
}

const FormCell* FirstInked(const std::vector<const FormCell*>& cells) {
  for (const FormCell* c : cells)
    if (!c->blank) return c;
  return cells.empty() ? nullptr : cells.front();
}

Provenance ProvenanceOf(const std::vector<const FormCell*>& cells, const std::string& file, CellReader* reader) {
  Provenance p;
  p.file = file;
  const FormCell* first = FirstInked(cells);
  if (first == nullptr) return p;
  if (!first->file.empty()) p.file = first->file;
  p.page = first->page;
  if (first->w > 0) {
    // The union of the value cells on the first cell's page.
    int x0 = first->x, y0 = first->y, x1 = first->x + first->w, y1 = first->y + first->h;
    for (const FormCell* c : cells) {
      if (c->page != first->page || c->w == 0) continue;
      x0 = std::min(x0, c->x);
      y0 = std::min(y0, c->y);
      x1 = std::max(x1, c->x + c->w);
      y1 = std::max(y1, c->y + c->h);
    }
    p.x = x0;
    p.y = y0;
    p.w = x1 - x0;
    p.h = y1 - y0;
  }
  p.cell_png = reader->Png(*first);
  return p;
}

// Options of a closed-vocabulary field, as they would be printed for a
// checkbox group drawn by the applicant into a plain cell.
std::vector<std::string> VocabularyOptions(const FieldSpec& field) {
  switch (field.type) {
    case FieldType::kBool:
      return {"是", "否"};
    case FieldType::kEnum:
    case FieldType::kMulti:
      return field.values;
    case FieldType::kText:
    case FieldType::kWan:
    case FieldType::kPct:
    case FieldType::kNumber:
    case FieldType::kInt:
    case FieldType::kEnumOther:
    case FieldType::kDate:
    case FieldType::kCreditCode:
    case FieldType::kPhone:
    case FieldType::kCategory:
      return {};
  }
  return {};
}

// A plain cell holding brackets after vocabulary words is a checkbox group
// the applicant drew: 是（√）否（ ）.
bool LooksLikeCheckboxes(const std::string& text, const std::vector<std::string>& options) {
  if (options.empty()) return false;
  std::u32string t = ToCodepoints(Nfkc(text));
  int brackets = 0;
  for (char32_t c : t) brackets += IsOpenBracket(c) || IsCloseBracket(c);
  if (brackets < 2) return false;
  int found = 0;
  for (const std::string& o : options) found += Nfkc(text).find(Nfkc(o)) != std::string::npos;
  return found >= std::min<int>(2, static_cast<int>(options.size()));
}

// A value cut where it ran on into the next cell loses some trust: the cut
// may be a character off.
constexpr double kRunOnFactor = 0.85;

std::string TrimRunOnEnd(std::string text) {
  static constexpr std::string_view kTrailing[] = {" ", "\n", "”", "“", "\"", "'", ":", "：", ",", "，", ";", "；", "、"};
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view t : kTrailing)
      if (text.size() >= t.size() && text.compare(text.size() - t.size(), t.size(), t) == 0) {
        text.resize(text.size() - t.size());
        cut = true;
      }
  }
  return text;
}

struct RunOn {
  const LabelSpec* spec = nullptr;  // the label the value ran on into
  std::string text;                 // what follows that label
};

// A cell that begins with a value and then a label's wording: a value cell
// a lost ruling line ran on into the next label. Two characters of value at
// least (digits or ideographs), so that a speck before a label is no value —
// or exactly one of the left field's closed values, however short (信用等级
// "A 资产负债率（%） 35.7 %").
bool HoldsAValueBeforeALabel(const FormLabels& labels, const std::string& text, const LabelSpec& left,
                             const FieldSpec* left_field) {
  const std::string cleaned = CleanCellText(text);
  const InnerLabel inner = labels.FindInnerLabel(cleaned, left);
  if (inner.spec == nullptr) return false;
  const std::string before = TrimRunOnEnd(cleaned.substr(0, inner.offset));
  if (left_field != nullptr &&
      std::find(left_field->values.begin(), left_field->values.end(), Nfkc(before)) != left_field->values.end())
    return true;
  int value_characters = 0;
  for (char32_t c : ToCodepoints(before)) value_characters += IsIdeograph(c) || (c >= U'0' && c <= U'9');
  return value_characters >= 2;
}

// The run-on label's value without what is left of the printed label after
// its last ideograph — "（%）*3 " of 资产负债率（%）*3, which OCR may read
// "〈%) *” ": brackets, %, '*', quote marks and spaces, and a footnote digit
// right after the '*' or a quote mark (its misreading) — not after a
// bracket: "）3600" is a value. The value starts at the first character that
// is none of these.
std::string WithoutLabelTail(std::string_view text) {
  const std::u32string t = ToCodepoints(text);
  auto tail_mark = [](char32_t c) {
    return c == U'(' || c == U')' || c == U'（' || c == U'）' || c == U'〈' || c == U'〉' || c == U'%' ||
           c == U'％' || c == U'*' || c == U'”' || c == U'“' || c == U'"' || c == U'\'' || c == U' ';
  };
  size_t k = 0;
  while (k < t.size()) {
    const bool footnote = t[k] >= U'0' && t[k] <= U'9' && k > 0 &&
                          (t[k - 1] == U'*' || t[k - 1] == U'”' || t[k - 1] == U'“' || t[k - 1] == U'"');
    if (!tail_mark(t[k]) && !footnote) break;
    ++k;
  }
  return ToUtf8(t.substr(k));
}

// A one-line value without the next cell's label and value, which a lost
// ruling line let run on into it. Returns the run-on part.
RunOn CutRunOn(const FormLabels& labels, const LabelSpec& spec, Reading* r) {
  RunOn run_on;
  if (spec.kind != CellKind::kLine) return run_on;
  const InnerLabel inner = labels.FindInnerLabel(r->raw, spec);
  if (inner.spec == nullptr) return run_on;
  run_on = RunOn{inner.spec, WithoutLabelTail(r->raw.substr(inner.end))};
  r->raw = TrimRunOnEnd(r->raw.substr(0, inner.offset));
  r->confidence *= kRunOnFactor;
  return run_on;
}

// A text value without the blank form's printed hint (form_hints.tsv).
void TakeOffHint(const FormLabels& labels, const LabelSpec& spec, const FieldSpec& field, Reading* r) {
  if (field.type != FieldType::kText) return;
  if (std::string stripped = labels.hints().Strip(spec.key, r->raw); stripped != r->raw) {
    r->raw = std::move(stripped);
    if (r->raw.empty()) r->confidence = kBlankConfidence;
  }
}

void Finish(Reading* r, const std::vector<const FormCell*>& cells, const std::string& file, CellReader* reader) {
  r->provenance = ProvenanceOf(cells, file, reader);
  r->provenance.raw = r->raw;
}

// label_of[row][cell]: the label a cell of `rows` holds, or null.
using LabelGrid = std::vector<std::vector<const LabelSpec*>>;

// Step 1: which cells are labels. A section header or a label whose value
// sits below counts only in a wide cell.
LabelGrid FindLabels(const FormLabels& labels, const Templates& templates, const std::vector<FormRow>& rows) {
  LabelGrid label_of(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    label_of[r].assign(cells.size(), nullptr);
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].blank) continue;
      LabelMatch m = labels.Match(cells[c].text);
      if (m.spec == nullptr) continue;
      bool wide = cells.size() == 1 || cells[c].x1 - cells[c].x0 >= kWideCell;
      if ((m.spec->kind == CellKind::kSection || m.spec->place == ValuePlace::kBelow) && !wide) continue;
      // The value of the label on the left that merely resembles a label,
      // or that ran on into the next label ("12000 资本金总额（万元） 3600":
      // the label's wording with a value before it).
      const LabelSpec* left = c > 0 ? label_of[r][c - 1] : nullptr;
      if (left != nullptr && left->place == ValuePlace::kRight &&
          (m.score < 1.0 || HoldsAValueBeforeALabel(labels, cells[c].text, *left, templates.Field(left->key))))
        continue;
      label_of[r][c] = m.spec;
    }
  }
  return label_of;
}

bool AnyLabel(const std::vector<const LabelSpec*>& row) {
  return std::any_of(row.begin(), row.end(), [](const LabelSpec* s) { return s != nullptr; });
}

// Which cells hold each label's value, in the order the labels are first
// seen.
struct CollectedValues {
  std::vector<Collected> found;
  std::map<std::string, size_t> index;  // a label's key: its entry in `found`
};

// The value cells of one row, each with its entry in CollectedValues::found.
using RowValues = std::vector<std::pair<const FormCell*, size_t>>;

// A row split by the page break opens the page under an empty label cell.
bool ContinuesRowAbove(const FormRow& row, bool any_label, const RowValues& previous_row) {
  return !any_label && row.first_on_page && !previous_row.empty() && row.cells.size() >= 2 && row.cells.front().blank;
}

// A row split by the page break: each cell continues the value above it.
RowValues ContinueValuesAbove(const FormRow& row, const RowValues& previous_row, std::vector<Collected>* found) {
  RowValues this_row;
  for (const FormCell& cell : row.cells) {
    if (cell.blank) continue;
    for (const auto& [above, which] : previous_row) {
      double overlap = std::min(cell.x1, above->x1) - std::max(cell.x0, above->x0);
      if (overlap > 0.5 * (cell.x1 - cell.x0)) {
        auto& taken = (*found)[which].cells;
        if (std::find(taken.begin(), taken.end(), &cell) == taken.end()) taken.push_back(&cell);
        this_row.push_back({&cell, which});
        break;
      }
    }
  }
  return this_row;
}

// The values of the labels of row `r`: right of a label up to the next
// label, or the next row when it has no labels (a `below` label).
RowValues CollectLabelValues(const std::vector<FormRow>& rows, const LabelGrid& label_of, size_t r,
                             CollectedValues* values) {
  const auto& cells = rows[r].cells;
  RowValues this_row;
  for (size_t c = 0; c < cells.size(); ++c) {
    const LabelSpec* spec = label_of[r][c];
    if (spec == nullptr || spec->kind == CellKind::kSection || spec->place == ValuePlace::kNone) continue;
    if (values->index.count(spec->key)) continue;  // the first sighting wins
    Collected col{spec, {}};
    if (spec->place == ValuePlace::kRight) {
      for (size_t v = c + 1; v < cells.size() && label_of[r][v] == nullptr; ++v) col.cells.push_back(&cells[v]);
    } else if (r + 1 < rows.size() &&
               std::none_of(label_of[r + 1].begin(), label_of[r + 1].end(), [](const LabelSpec* s) { return s; })) {
      for (const FormCell& v : rows[r + 1].cells) col.cells.push_back(&v);
    }
    values->index[spec->key] = values->found.size();
    for (const FormCell* v : col.cells) this_row.push_back({v, values->found.size()});
    values->found.push_back(std::move(col));
  }
  return this_row;
}

// The value row of a `below` label is what a continuation would extend.
void AddBelowValueCells(const FormRow& row, const std::vector<Collected>& found, RowValues* this_row) {
  for (const FormCell& cell : row.cells)
    for (size_t i = 0; i < found.size(); ++i)
      if (std::find(found[i].cells.begin(), found[i].cells.end(), &cell) != found[i].cells.end())
        this_row->push_back({&cell, i});
}

// Step 2: which cells hold each label's value.
CollectedValues CollectValues(const std::vector<FormRow>& rows, const LabelGrid& label_of) {
  CollectedValues values;
  RowValues previous_row;  // value cells of the last row
  for (size_t r = 0; r < rows.size(); ++r) {
    const bool any_label = AnyLabel(label_of[r]);
    if (ContinuesRowAbove(rows[r], any_label, previous_row)) {
      previous_row = ContinueValuesAbove(rows[r], previous_row, &values.found);
      continue;
    }
    RowValues this_row = CollectLabelValues(rows, label_of, r, &values);
    if (!any_label) AddBelowValueCells(rows[r], values.found, &this_row);
    previous_row = this_row;
  }
  return values;
}

// A label's value cells as the readings are made from them.
struct ValueText {
  std::string text;               // the cells' text, joined
  double text_conf = 0;           // the confidence of that text
  const FormCell* first = nullptr;  // the first inked cell (or the first cell); null when none
};

ValueText ValueTextOf(const Collected& col) {
  ValueText v;
  v.text = JoinText(col.cells);
  v.text_conf = MeanConfidence(col.cells);
  v.first = FirstInked(col.cells);
  return v;
}

// Step 3: the readings of the collected values, into a FormReading.
class ReadingWriter {
 public:
  ReadingWriter(const FormLabels& labels, const Templates& templates, const std::string& file, CellReader* reader,
                const CollectedValues& values, FormReading* out)
      : labels_(labels), templates_(templates), file_(file), reader_(reader), values_(values), out_(out) {}

  void Read(const Collected& col) {
    const ValueText value = ValueTextOf(col);
    if (col.spec->kind == CellKind::kCompound) {
      ReadCompound(col, value);
    } else {
      ReadField(col, value);
    }
  }

  // The mean of the confidences of the readings put; 0 when none.
  double MeanReadingConfidence() const { return confidence_n_ ? confidence_sum_ / confidence_n_ : 0.0; }

 private:
  // The text of `part` in a compound cell's whole `text`; `*factor` lowers
  // the confidence of a part found by its position alone.
  static std::string PartText(const CompoundPart& part, const std::string& text, int ordinal, double* factor) {
    if (part.extract == "bracket_after") {
      std::string anchor = part.anchors.empty() ? "" : part.anchors.front();
      std::string found = BracketAfter(text, anchor, ordinal);
      if (!anchor.empty() && found != BracketAfter(text, anchor, -1)) *factor = 0.7;  // by position only
      return found;
    }
    if (part.extract == "person") return PersonIn(text, part.anchors);
    if (part.extract == "phone") return PhoneIn(text);
    if (part.extract == "rest") return RestAfterOptions(text, part.anchors);
    if (part.extract == "checkbox") return CleanCellText(text);
    return "";
  }

  // A part of a compound cell read whole from one cell, settled against the
  // careful model's reading of that cell when the part's field asks for one.
  void SecondLookAtPart(const Collected& col, const ValueText& value, const CompoundPart& part, int ordinal,
                        Reading* r) {
    if (value.first == nullptr || value.first->blank || r->raw.empty() || InkedCount(col.cells) != 1) return;
    const std::optional<CarefulReading> careful = reader_->ReadCarefully(*value.first, part.field);
    if (!careful) return;
    double unused = 1.0;
    SettleTwoReadings(PartText(part, careful->text, ordinal, &unused), careful->take_careful, r);
  }

  // A value cut where it ran on into the next label gets the careful
  // model's second look too (a name is read twice always): its reading of
  // the first value cell, cut at the same label, is the second value — the
  // run-on label's own value may follow in a cell of its own. A careful
  // text without that label (the label stood in a later cell) gives none.
  // Without it a name misread in a run-on cell kept the first model's word
  // alone.
  void SecondLookAtRunOn(const ValueText& value, const LabelSpec& spec, Reading* r) {
    if (value.first == nullptr || value.first->blank || r->raw.empty()) return;
    const std::optional<CarefulReading> careful = reader_->ReadCarefully(*value.first, spec.key);
    if (!careful) return;
    Reading second;
    second.raw = CleanCellText(careful->text);
    if (CutRunOn(labels_, spec, &second).spec == nullptr || second.raw.empty()) return;  // not cut alike
    SettleTwoReadings(second.raw, careful->take_careful, r);
    r->confidence *= kRunOnFactor;  // the cut may still be a character off, whatever the models say
  }

  // Each part of a compound cell, from the cell's whole text.
  void ReadCompound(const Collected& col, const ValueText& value) {
    const std::string& text = value.text;
    int ordinal = 0;
    for (const CompoundPart* part : labels_.PartsOf(col.spec->key)) {
      Reading r;
      double factor = 1.0;
      r.is_checkbox = part->extract == "checkbox";
      const int part_ordinal = ordinal;
      r.raw = PartText(*part, text, part_ordinal, &factor);
      if (part->extract == "bracket_after") ++ordinal;
      r.confidence = text.empty() ? kBlankConfidence : std::clamp(value.text_conf * factor, 0.0, 1.0);
      if (!text.empty() && r.raw.empty() && part->extract != "rest" && !r.is_checkbox) r.confidence = 0.3;
      if (r.is_checkbox && value.first != nullptr) {
        CheckboxDecision d = reader_->Marks(*value.first, part->anchors);
        r.marked = d.marked;
        r.confidence = d.confidence;
      }
      if (!r.is_checkbox) SecondLookAtPart(col, value, *part, part_ordinal, &r);
      Finish(&r, col.cells, file_, reader_);
      Put(part->field, std::move(r));
    }
  }

  // A label's one field: its checkbox marks, or its text with what ran on
  // into the next label cut and the printed hint taken off.
  void ReadField(const Collected& col, const ValueText& value) {
    const LabelSpec& spec = *col.spec;
    const std::string& text = value.text;
    const FormCell* first = value.first;
    const FieldSpec* field = templates_.Field(spec.key);
    if (field == nullptr) return;
    Reading r;
    std::vector<std::string> options = spec.kind == CellKind::kCheckbox ? spec.options : std::vector<std::string>{};
    if (options.empty() && LooksLikeCheckboxes(text, VocabularyOptions(*field))) options = VocabularyOptions(*field);
    r.raw = spec.kind == CellKind::kBlock && field->type == FieldType::kText ? CleanProseText(text) : CleanCellText(text);
    r.confidence = text.empty() ? kBlankConfidence : value.text_conf;
    RunOn run_on;
    if (!options.empty()) {
      r.is_checkbox = true;
      if (first != nullptr) {
        CheckboxDecision d = reader_->Marks(*first, options);
        r.marked = d.marked;
        r.confidence = d.confidence;
      }
    } else {
      run_on = CutRunOn(labels_, spec, &r);
      // A second look reads the whole cell again, run-on part and all.
      if (first != nullptr && !first->blank && run_on.spec == nullptr) reader_->Refine(*first, *field, &r);
      if (run_on.spec != nullptr) SecondLookAtRunOn(value, spec, &r);
      TakeOffHint(labels_, spec, *field, &r);
    }
    Finish(&r, col.cells, file_, reader_);
    Put(spec.key, std::move(r));
    PutRunOnValue(col, value, run_on);
  }

  // The run-on label's value, when that label has no cell of its own.
  void PutRunOnValue(const Collected& col, const ValueText& value, const RunOn& run_on) {
    if (run_on.spec == nullptr || run_on.spec->kind != CellKind::kLine || values_.index.count(run_on.spec->key) ||
        out_->fields.count(run_on.spec->key))
      return;
    Reading taken;
    taken.raw = CleanCellText(run_on.text);
    taken.confidence = value.text_conf * kRunOnFactor;
    Finish(&taken, col.cells, file_, reader_);
    Put(run_on.spec->key, std::move(taken));
  }

  void Put(const std::string& key, Reading reading) {
    confidence_sum_ += reading.confidence;
    ++confidence_n_;
    out_->fields[key] = std::move(reading);
  }

  const FormLabels& labels_;
  const Templates& templates_;
  const std::string& file_;
  CellReader* reader_;
  const CollectedValues& values_;
  FormReading* out_;
  double confidence_sum_ = 0;
  int confidence_n_ = 0;
};

}  // namespace

void AssembleForm(const FormLabels& labels, const Templates& templates, const std::vector<FormRow>& rows,
                  const std::string& file, CellReader* reader, FormReading* out) {
  // 1. Which cells are labels.
  LabelGrid label_of = FindLabels(labels, templates, rows);
  // 1b. Labels the OCR garbled, from their place: a cell where a label
  // belongs (the even cells of a label-value row) between two labels that
  // were read takes the unread label printed between them.
  InferGarbledLabels(labels, rows, &label_of);
  // 2. Which cells hold each label's value.
  const CollectedValues values = CollectValues(rows, label_of);
  // 3. Readings.
  ReadingWriter writer(labels, templates, file, reader, values, out);
  for (const Collected& col : values.found) writer.Read(col);
  out->mean_confidence = writer.MeanReadingConfidence();
}

}  // namespace gm::form
