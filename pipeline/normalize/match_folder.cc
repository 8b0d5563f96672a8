#include "pipeline/normalize/match_folder.h"

#include <unicode/uchar.h>

#include "pipeline/core/templates.h"
#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {

Status MatchFolder::Load(const std::filesystem::path& table, MatchFolder* out) {
  TsvTable tsv;
  Status s = LoadTsv(table, &tsv);
  if (!s.ok()) return s;
  if (tsv.Column("char") < 0 || tsv.Column("folds_to") < 0)
    return Status::Corrupt(tsv.Name() + ": needs columns char, folds_to");
  std::map<char32_t, char32_t> map;
  for (const auto& row : tsv.rows) {
    std::u32string from = normalize::ToU32(tsv.Get(row, "char"));
    std::u32string to = normalize::ToU32(tsv.Get(row, "folds_to"));
    if (from.size() != 1 || to.size() != 1)
      return Status::Corrupt(tsv.Where(row) + ": each cell must be one character: " + tsv.Get(row, "char"));
    map[from[0]] = to[0];
  }
  *out = MatchFolder(std::move(map));
  return Status::OK();
}

char32_t MatchFolder::FoldChar(char32_t c) const {
  if (!u_isalnum(static_cast<UChar32>(c)) && c != U'〇') return 0;
  c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  auto it = confusables_.find(c);
  return it == confusables_.end() ? c : it->second;
}

std::u32string MatchFolder::Fold(std::string_view text) const {
  std::u32string out;
  for (char32_t c : normalize::ToU32(NormalizeText(text)))
    if (char32_t f = FoldChar(c)) out.push_back(f);
  return out;
}

}  // namespace gm
