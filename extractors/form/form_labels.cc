#include "extractors/form/form_labels.h"

#include <algorithm>

#include "extractors/form/cjk_text.h"
#include "pipeline/core/table_cells.h"

namespace gm::form {
namespace {

// Misread characters forgiven for a wording of `len` ideographs: none for
// one or two (too many short words look alike), then about one in four.
int Allowed(size_t len) {
  if (len <= 2) return 0;
  if (len <= 4) return 1;
  if (len <= 8) return 2;
  return static_cast<int>(len / 4) + 1;
}

bool ParseKind(const std::string& s, CellKind* kind) {
  static const std::pair<const char*, CellKind> kKinds[] = {
      {"title", CellKind::kTitle}, {"section", CellKind::kSection}, {"line", CellKind::kLine},
      {"block", CellKind::kBlock}, {"checkbox", CellKind::kCheckbox}, {"compound", CellKind::kCompound}};
  for (const auto& [name, k] : kKinds)
    if (s == name) {
      *kind = k;
      return true;
    }
  return false;
}

bool ParsePlace(const std::string& s, ValuePlace* place) {
  if (s == "right") *place = ValuePlace::kRight;
  else if (s == "below") *place = ValuePlace::kBelow;
  else if (s == "none" || s.empty()) *place = ValuePlace::kNone;
  else return false;
  return true;
}

}  // namespace

Status FormLabels::Load(const Templates& templates, FormLabels* out) {
  FormLabels labels;
  TsvTable tsv;
  Status s = LoadTsv(templates.dir() / "form_labels.tsv", &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    LabelSpec spec;
    spec.key = tsv.Get(row, "key");
    spec.label = tsv.Get(row, "label");
    std::string where = tsv.Where(row) + ": " + spec.key;
    if (spec.key.empty() || spec.label.empty()) return Status::Corrupt(tsv.Where(row) + ": row without key or label");
    if (!ParseKind(tsv.Get(row, "kind"), &spec.kind)) return Status::Corrupt(where + ": unknown kind " + tsv.Get(row, "kind"));
    if (!ParsePlace(tsv.Get(row, "value"), &spec.place)) return Status::Corrupt(where + ": unknown value place");
    spec.options = SplitBars(tsv.Get(row, "options"));
    std::vector<std::string> wordings = SplitBars(tsv.Get(row, "variants"));
    wordings.insert(wordings.begin(), spec.label);
    for (const std::string& w : wordings) {
      std::u32string key = LabelKey(w);
      if (!key.empty()) spec.match_keys.push_back(std::move(key));
    }
    if (spec.match_keys.empty()) return Status::Corrupt(where + ": label has no Chinese characters");
    bool names_field = spec.kind == CellKind::kLine || spec.kind == CellKind::kBlock || spec.kind == CellKind::kCheckbox;
    if (names_field) {
      const FieldSpec* field = templates.Field(spec.key);
      if (field == nullptr) return Status::Corrupt(where + ": not a field of fields.tsv");
      if (spec.kind == CellKind::kCheckbox) {
        if (spec.options.empty()) return Status::Corrupt(where + ": checkbox without options");
        for (const std::string& o : spec.options) {
          bool ok = field->type == FieldType::kBool ? (o == "是" || o == "否")
                                          : std::find(field->values.begin(), field->values.end(), o) != field->values.end();
          if (!ok) return Status::Corrupt(where + ": option " + o + " is not a value of the field");
        }
      }
    }
    if (labels.Find(spec.key) != nullptr) return Status::Corrupt(where + ": duplicate key");
    labels.labels_.push_back(std::move(spec));
  }
  if ((s = LoadTsv(templates.dir() / "form_compound.tsv", &tsv)); !s.ok()) return s;
  static const char* kExtracts[] = {"bracket_after", "person", "phone", "checkbox", "rest"};
  for (const auto& row : tsv.rows) {
    CompoundPart part{tsv.Get(row, "cell"), tsv.Get(row, "field"), tsv.Get(row, "extract"), SplitBars(tsv.Get(row, "anchor"))};
    std::string where = tsv.Where(row) + ": " + part.cell + "/" + part.field;
    const LabelSpec* cell = labels.Find(part.cell);
    if (cell == nullptr || cell->kind != CellKind::kCompound) return Status::Corrupt(where + ": not a compound cell of form_labels.tsv");
    if (templates.Field(part.field) == nullptr) return Status::Corrupt(where + ": not a field of fields.tsv");
    if (std::find(std::begin(kExtracts), std::end(kExtracts), part.extract) == std::end(kExtracts))
      return Status::Corrupt(where + ": unknown extract " + part.extract);
    if (part.extract == "checkbox" && part.anchors.empty()) return Status::Corrupt(where + ": checkbox without options");
    labels.parts_.push_back(std::move(part));
  }
  for (const LabelSpec& spec : labels.labels_)
    if (spec.kind == CellKind::kCompound && labels.PartsOf(spec.key).empty())
      return Status::Corrupt(tsv.Name() + ": no parts for " + spec.key);
  if ((s = FormHints::Load(templates, &labels.hints_)); !s.ok()) return s;
  *out = std::move(labels);
  return Status::OK();
}

LabelMatch FormLabels::Match(std::string_view text) const {
  LabelMatch best;
  std::u32string key = LabelKey(text);
  if (key.empty()) return best;
  for (const LabelSpec& spec : labels_) {
    if (spec.kind == CellKind::kTitle) continue;
    for (const std::u32string& wording : spec.match_keys) {
      // Cheap bound: lengths alone already exceed the allowance.
      int allowed = Allowed(wording.size());
      int diff = static_cast<int>(key.size()) - static_cast<int>(wording.size());
      if (std::abs(diff) > allowed) continue;
      int d = EditDistance(key, wording);
      if (d > allowed) continue;
      double score = 1.0 - static_cast<double>(d) / wording.size();
      if (best.spec == nullptr || score > best.score) best = LabelMatch{&spec, d, score};
    }
  }
  return best;
}

int FormLabels::CountLabelsIn(std::string_view text, bool* has_title) const {
  std::u32string key = LabelKey(text);
  int count = 0;
  bool title = false;
  for (const LabelSpec& spec : labels_) {
    bool found = false;
    for (const std::u32string& wording : spec.match_keys)
      if (wording.size() >= 3 && key.find(wording) != std::u32string::npos) found = true;
    if (!found) continue;
    if (spec.kind == CellKind::kTitle) {
      title = true;
    } else {
      ++count;
    }
  }
  if (has_title) *has_title = title;
  return count;
}

InnerLabel FormLabels::FindInnerLabel(std::string_view text, const LabelSpec& own) const {
  const std::u32string codepoints = ToCodepoints(text);
  std::u32string ideographs;
  std::vector<size_t> at;  // ideographs[k] is codepoints[at[k]]
  for (size_t i = 0; i < codepoints.size(); ++i)
    if (IsIdeograph(codepoints[i])) ideographs.push_back(codepoints[i]), at.push_back(i);
  size_t earliest = std::u32string::npos, past = 0;
  const LabelSpec* found = nullptr;
  for (const LabelSpec& spec : labels_) {
    if (&spec == &own || spec.kind == CellKind::kTitle || spec.kind == CellKind::kSection) continue;
    for (const std::u32string& wording : spec.match_keys) {
      if (wording.size() < kMinInnerLabel) continue;
      const size_t k = ideographs.find(wording);
      if (k == std::u32string::npos || at[k] == 0 || at[k] >= earliest) continue;
      earliest = at[k];
      past = at[k + wording.size() - 1] + 1;
      found = &spec;
    }
  }
  InnerLabel inner;
  if (found == nullptr) return inner;
  const std::u32string before = codepoints.substr(0, earliest);
  if (std::all_of(before.begin(), before.end(), [](char32_t c) { return c == U' ' || c == U'\n'; })) return inner;
  inner.offset = ToUtf8(before).size();
  inner.end = inner.offset + ToUtf8(codepoints.substr(earliest, past - earliest)).size();
  inner.spec = found;
  return inner;
}

const LabelSpec* FormLabels::Find(std::string_view key) const {
  for (const LabelSpec& spec : labels_)
    if (spec.key == key) return &spec;
  return nullptr;
}

std::vector<const CompoundPart*> FormLabels::PartsOf(std::string_view cell) const {
  std::vector<const CompoundPart*> out;
  for (const CompoundPart& p : parts_)
    if (p.cell == cell) out.push_back(&p);
  return out;
}

int FormLabels::ValueLabelCount() const {
  int n = 0;
  for (const LabelSpec& spec : labels_)
    if (spec.kind != CellKind::kTitle && spec.kind != CellKind::kSection) ++n;
  return n;
}

}  // namespace gm::form
