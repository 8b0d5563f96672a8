// RereadRules: when a value cell's OCR does not look like its field (a
// letter in an amount, a word outside an enum's vocabulary), the cell is
// read again with the field's characters as Tesseract's whitelist. Which
// characters, and when, is data: templates/form_reread.tsv, by field type.
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

enum class RereadWhen {
  kNotClean,        // the text has a character outside the whitelist
  kNotVocabulary,   // the text is not one of the field's values
  kNearVocabulary,  // not a value, but within a couple of characters of one
};

struct RereadRule {
  FieldType type = FieldType::kText;  // field type of fields.tsv
  std::u32string characters;  // the whitelist; the field's values' characters are added for vocabulary rules
  RereadWhen when = RereadWhen::kNotClean;
  std::u32string trigger;  // the rule applies to text holding one of these; empty: any text
};

class RereadRules {
 public:
  static Status Load(const Templates& templates, RereadRules* out);

  // The first rule for `field`'s type whose trigger `text` holds, or null.
  const RereadRule* For(const FieldSpec& field, const std::string& text) const;
  // Whether `text` (cleaned OCR of a value of `field`) should be read again
  // under `rule`.
  bool ShouldReread(const RereadRule& rule, const FieldSpec& field, const std::string& text) const;
  // The whitelist of `rule` for `field` (UTF-8).
  std::string Whitelist(const RereadRule& rule, const FieldSpec& field) const;
  // Whether a re-read `text` is acceptable: inside the whitelist for
  // kNotClean, one of the values (every part of a list, for multi) for the
  // vocabulary rules.
  bool Accept(const RereadRule& rule, const FieldSpec& field, const std::string& text) const;
  // Whether the whitelisted re-read `again` lost characters of the first
  // reading `first`: for kNotClean, fewer characters than `first` holds
  // inside the whitelist. A whitelist makes Tesseract drop what it cannot
  // place; the characters outside it were misreadings, not text to keep
  // (29340 read `2934();万元` and again `29340万元` lost nothing). Spaces
  // do not count. Vocabulary rules never lose characters.
  bool LostCharacters(const RereadRule& rule, const std::string& first, const std::string& again) const;

 private:
  std::vector<RereadRule> rules_;
};

}  // namespace gm::form
