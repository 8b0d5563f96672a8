// Vocabulary: one closed list of answers (a field's `values` in fields.tsv,
// or 是/否 for bool fields) with the other ways applicants and OCR write each
// answer (templates/normalize_vocab.tsv: key, canonical, variant).
//
// Find maps one answer to a canonical value, in this order:
//   1. exact — the folded answer (MatchFolder) equals a folded value;
//   2. variant — it equals a folded variant of the table ("国企" → 国有控股公司);
//   3. contained — the answer contains values or variants; an occurrence
//      inside a longer one is ignored ("非国有控股公司" contains
//      "国有控股公司"), so is one right after a negation (未 不 没 无 非 否:
//      "未取得认证" does not name "取得认证"), and Latin ones must stand alone
//      ("AA" is not inside "AAA"); exactly one value named → that value,
//      several → ambiguous;
//   4. fuzzy — edit distance of at most 1 (2 from 9 characters) to a value
//      of 4 or more characters, or to a variant of 5 or more (short variants
//      are paraphrases one edit from something else: "国有企业"/"国营企业");
//      values of 3 characters or fewer ("AAA", "已取得") need an exact
//      match. The nearest must be unique, else ambiguous.
//
// Thread-safety: immutable once built; Find is const and safe from any thread.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/match_folder.h"

namespace gm {

class Vocabulary {
 public:
  enum class Kind { kNone, kExact, kVariant, kContained, kFuzzy, kAmbiguous };
  struct Match {
    Kind kind = Kind::kNone;
    std::vector<size_t> values;  // indexes into values(): one, or (contained, ambiguous) several
    size_t covered = 0;          // contained: folded characters the named values cover
    size_t length = 0;           // folded length of the answer
  };

  Vocabulary() = default;
  // REQUIRES: folder is not null.
  Vocabulary(std::vector<std::string> values, std::shared_ptr<const MatchFolder> folder);

  // Adds a variant of `canonical`. InvalidArgument when canonical is not one
  // of the values, or when the variant already stands for another value.
  Status AddVariant(std::string_view canonical, std::string_view variant);

  const std::vector<std::string>& values() const { return values_; }
  Match Find(std::string_view answer) const;

 private:
  struct Key {
    std::u32string folded;
    size_t value;
    bool is_value;  // a canonical value, not a variant
  };
  std::vector<std::string> values_;
  std::vector<Key> keys_;
  std::shared_ptr<const MatchFolder> folder_;
};

// Builds a Vocabulary for every field with closed values (enum, enum_other,
// multi) and for the bool type (key "type:bool", values 是 and 否), then adds
// the variants of `table`. Corrupt when a row names an unknown key or value.
Status LoadVocabularies(const Templates& templates, const std::filesystem::path& table,
                        std::shared_ptr<const MatchFolder> folder, std::map<std::string, Vocabulary>* out);

inline constexpr std::string_view kBoolVocabulary = "type:bool";

}  // namespace gm
