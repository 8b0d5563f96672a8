// MatchFolder: folds an answer or a catalog entry to the form in which two
// writings of the same thing compare equal — NormalizeText, then only letters
// and digits kept (spaces, punctuation and brackets dropped), Latin upper-cased,
// and the OCR-confusable characters of a table folded onto one representative
// (己/巳 → 已, 末 → 未 …), so that "己 取 得" and "已取得" fold alike.
//
// The confusable table (templates/normalize_confusables.tsv, columns
// `char`, `folds_to`) is data: a pair belongs there only when the two
// characters are never the only difference between two answers of a list.
//
// Thread-safety: immutable after Load; Fold is const and safe from any thread.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/core/status.h"

namespace gm {

class MatchFolder {
 public:
  MatchFolder() = default;  // folds without a confusable table
  explicit MatchFolder(std::map<char32_t, char32_t> confusables) : confusables_(std::move(confusables)) {}

  // Loads the confusable table. A row whose cells are not single characters
  // is refused (Corrupt), so a typo in the table is found at start-up.
  static Status Load(const std::filesystem::path& table, MatchFolder* out);

  std::u32string Fold(std::string_view text) const;
  // Folds a single character (no NormalizeText); 0 when it is dropped.
  char32_t FoldChar(char32_t c) const;

 private:
  std::map<char32_t, char32_t> confusables_;
};

}  // namespace gm
