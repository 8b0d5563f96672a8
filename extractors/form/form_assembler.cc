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
// least (digits or ideographs), so that a speck before a label is no value.
bool HoldsAValueBeforeALabel(const FormLabels& labels, const std::string& text, const LabelSpec& left) {
  const std::string cleaned = CleanCellText(text);
  const InnerLabel inner = labels.FindInnerLabel(cleaned, left);
  if (inner.spec == nullptr) return false;
  int value_characters = 0;
  for (char32_t c : ToCodepoints(cleaned.substr(0, inner.offset)))
    value_characters += IsIdeograph(c) || (c >= U'0' && c <= U'9');
  return value_characters >= 2;
}

// A one-line value without the next cell's label and value, which a lost
// ruling line let run on into it. Returns the run-on part.
RunOn CutRunOn(const FormLabels& labels, const LabelSpec& spec, Reading* r) {
  RunOn run_on;
  if (spec.kind != CellKind::kLine) return run_on;
  const InnerLabel inner = labels.FindInnerLabel(r->raw, spec);
  if (inner.spec == nullptr) return run_on;
  run_on = RunOn{inner.spec, r->raw.substr(inner.end)};
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

}  // namespace

void AssembleForm(const FormLabels& labels, const Templates& templates, const std::vector<FormRow>& rows,
                  const std::string& file, CellReader* reader, FormReading* out) {
  // 1. Which cells are labels.
  std::vector<std::vector<const LabelSpec*>> label_of(rows.size());
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
      if (left != nullptr && left->place == ValuePlace::kRight && (m.score < 1.0 || HoldsAValueBeforeALabel(labels, cells[c].text, *left)))
        continue;
      label_of[r][c] = m.spec;
    }
  }
  // 1b. Labels the OCR garbled, from their place: a cell where a label
  // belongs (the even cells of a label-value row) between two labels that
  // were read takes the unread label printed between them.
  InferGarbledLabels(labels, rows, &label_of);
  // 2. Which cells hold each label's value.
  std::vector<Collected> found;
  std::map<std::string, size_t> index;
  std::vector<std::pair<const FormCell*, size_t>> previous_row;  // value cells of the last row, by collected index
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    bool any_label = std::any_of(label_of[r].begin(), label_of[r].end(), [](const LabelSpec* s) { return s != nullptr; });
    std::vector<std::pair<const FormCell*, size_t>> this_row;
    // A row split by the page break opens the page under an empty label cell.
    bool continues = !any_label && rows[r].first_on_page && !previous_row.empty() && cells.size() >= 2 &&
                     cells.front().blank;
    if (continues) {
      // A row split by the page break: each cell continues the value above it.
      for (const FormCell& cell : cells) {
        if (cell.blank) continue;
        for (const auto& [above, which] : previous_row) {
          double overlap = std::min(cell.x1, above->x1) - std::max(cell.x0, above->x0);
          if (overlap > 0.5 * (cell.x1 - cell.x0)) {
            auto& taken = found[which].cells;
            if (std::find(taken.begin(), taken.end(), &cell) == taken.end()) taken.push_back(&cell);
            this_row.push_back({&cell, which});
            break;
          }
        }
      }
      previous_row = this_row;
      continue;
    }
    for (size_t c = 0; c < cells.size(); ++c) {
      const LabelSpec* spec = label_of[r][c];
      if (spec == nullptr || spec->kind == CellKind::kSection || spec->place == ValuePlace::kNone) continue;
      if (index.count(spec->key)) continue;  // the first sighting wins
      Collected col{spec, {}};
      if (spec->place == ValuePlace::kRight) {
        for (size_t v = c + 1; v < cells.size() && label_of[r][v] == nullptr; ++v) col.cells.push_back(&cells[v]);
      } else if (r + 1 < rows.size() &&
                 std::none_of(label_of[r + 1].begin(), label_of[r + 1].end(), [](const LabelSpec* s) { return s; })) {
        for (const FormCell& v : rows[r + 1].cells) col.cells.push_back(&v);
      }
      index[spec->key] = found.size();
      for (const FormCell* v : col.cells) this_row.push_back({v, found.size()});
      found.push_back(std::move(col));
    }
    // The value row of a `below` label is what a continuation would extend.
    if (!any_label) {
      for (const FormCell& cell : cells)
        for (size_t i = 0; i < found.size(); ++i)
          if (std::find(found[i].cells.begin(), found[i].cells.end(), &cell) != found[i].cells.end())
            this_row.push_back({&cell, i});
    }
    previous_row = this_row;
  }
  // 3. Readings.
  double confidence_sum = 0;
  int confidence_n = 0;
  auto put = [&](const std::string& key, Reading reading) {
    confidence_sum += reading.confidence;
    ++confidence_n;
    out->fields[key] = std::move(reading);
  };
  for (const Collected& col : found) {
    const LabelSpec& spec = *col.spec;
    std::string text = JoinText(col.cells);
    double text_conf = MeanConfidence(col.cells);
    const FormCell* first = FirstInked(col.cells);
    if (spec.kind == CellKind::kCompound) {
      int ordinal = 0;
      for (const CompoundPart* part : labels.PartsOf(spec.key)) {
        Reading r;
        double factor = 1.0;
        if (part->extract == "bracket_after") {
          std::string anchor = part->anchors.empty() ? "" : part->anchors.front();
          r.raw = BracketAfter(text, anchor, ordinal);
          if (!anchor.empty() && r.raw != BracketAfter(text, anchor, -1)) factor = 0.7;  // by position only
          ++ordinal;
        } else if (part->extract == "person") {
          r.raw = PersonIn(text, part->anchors);
        } else if (part->extract == "phone") {
          r.raw = PhoneIn(text);
        } else if (part->extract == "rest") {
          r.raw = RestAfterOptions(text, part->anchors);
        } else if (part->extract == "checkbox") {
          r.is_checkbox = true;
          r.raw = CleanCellText(text);
        }
        r.confidence = text.empty() ? kBlankConfidence : std::clamp(text_conf * factor, 0.0, 1.0);
        if (!text.empty() && r.raw.empty() && part->extract != "rest" && !r.is_checkbox) r.confidence = 0.3;
        if (r.is_checkbox && first != nullptr) {
          CheckboxDecision d = reader->Marks(*first, part->anchors);
          r.marked = d.marked;
          r.confidence = d.confidence;
        }
        Finish(&r, col.cells, file, reader);
        put(part->field, std::move(r));
      }
      continue;
    }
    const FieldSpec* field = templates.Field(spec.key);
    if (field == nullptr) continue;
    Reading r;
    std::vector<std::string> options = spec.kind == CellKind::kCheckbox ? spec.options : std::vector<std::string>{};
    if (options.empty() && LooksLikeCheckboxes(text, VocabularyOptions(*field))) options = VocabularyOptions(*field);
    r.raw = spec.kind == CellKind::kBlock && field->type == FieldType::kText ? CleanProseText(text) : CleanCellText(text);
    r.confidence = text.empty() ? kBlankConfidence : text_conf;
    RunOn run_on;
    if (!options.empty()) {
      r.is_checkbox = true;
      if (first != nullptr) {
        CheckboxDecision d = reader->Marks(*first, options);
        r.marked = d.marked;
        r.confidence = d.confidence;
      }
    } else {
      run_on = CutRunOn(labels, spec, &r);
      // A second look reads the whole cell again, run-on part and all.
      if (first != nullptr && !first->blank && run_on.spec == nullptr) reader->Refine(*first, *field, &r);
      TakeOffHint(labels, spec, *field, &r);
    }
    Finish(&r, col.cells, file, reader);
    put(spec.key, std::move(r));
    // The run-on label's value, when that label has no cell of its own.
    if (run_on.spec != nullptr && run_on.spec->kind == CellKind::kLine && !index.count(run_on.spec->key) &&
        !out->fields.count(run_on.spec->key)) {
      Reading taken;
      taken.raw = CleanCellText(run_on.text);
      taken.confidence = text_conf * kRunOnFactor;
      Finish(&taken, col.cells, file, reader);
      put(run_on.spec->key, std::move(taken));
    }
  }
  out->mean_confidence = confidence_n ? confidence_sum / confidence_n : 0.0;
}

}  // namespace gm::form
