#include "extractors/form/ocr_fixes.h"

#include "extractors/form/cjk_text.h"

namespace gm::form {

Status OcrFixes::Load(const Templates& templates, OcrFixes* out) {
  TsvTable tsv;
  Status s = LoadTsv(templates.dir() / "form_ocr_fixes.tsv", &tsv);
  if (!s.ok()) return s;
  OcrFixes fixes;
  for (const auto& row : tsv.rows) {
    Fix fix{ToCodepoints(tsv.Get(row, "read")), ToCodepoints(tsv.Get(row, "meant"))};
    if (fix.read.empty() || fix.read.size() != fix.meant.size())
      return Status::Corrupt(tsv.Where(row) + ": `read` and `meant` must be phrases of the same length");
    fixes.fixes_.push_back(std::move(fix));
  }
  *out = std::move(fixes);
  return Status::OK();
}

std::string OcrFixes::Apply(std::string_view text) const {
  std::u32string all = ToCodepoints(text);
  auto [bare, at] = WithoutSpaces(all);
  bool changed = false;
  for (const Fix& fix : fixes_) {
    for (size_t p = bare.find(fix.read); p != std::u32string::npos; p = bare.find(fix.read, p + fix.read.size())) {
      for (size_t k = 0; k < fix.meant.size(); ++k) {
        bare[p + k] = fix.meant[k];
        all[at[p + k]] = fix.meant[k];
      }
      changed = true;
    }
  }
  return changed ? ToUtf8(all) : std::string(text);
}

}  // namespace gm::form
