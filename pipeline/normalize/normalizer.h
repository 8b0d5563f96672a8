// Normalizer: turns the readings of an application form into the record's
// typed field values (the contract's type table in shared/spec/README.md),
// with the findings that normalization can tell.
//
// Per field of fields.tsv:
//   - absent from the form            → null, confidence 0;
//   - blank (or a "blank" placeholder) → null, the reading's confidence;
//   - readable                         → the typed value; confidence is the
//                                        reading's, times the repair factor
//                                        when OCR damage had to be undone or a
//                                        tolerant match was needed;
//   - unreadable as its type           → null (credit codes: kept upper-cased)
//                                        and invalid_value / invalid_credit_code /
//                                        category_not_in_catalog.
// A required field read (non-blank) with confidence below the threshold of
// normalize_settings.tsv also gets low_confidence, naming its label and the
// value read. A text of a scan (FormReading::method "ocr") that shows OCR's
// marks (misread_signs.h) is kept under the review threshold with
// low_confidence; in a typed form only U+FFFD is, the others being what the
// applicant typed. So is a credit code of a scan that is invalid by a
// character too many or too few (17 or 19): low_confidence, not
// invalid_credit_code — OCR drops and adds characters more often than an
// applicant does. A value that does not parse, read below
// doubtful_reading_threshold, is low_confidence too — except a credit code
// whose every character may be the applicant's (CreditCodeWellFormed) and
// only the check fails: invalid_credit_code, its message saying the reading
// was doubtful. missing_required_field is left to the checks.
//
// Provenance is copied from the reading (its `raw` filled from the reading
// when the reader left it empty).
//
// Thread-safety: immutable after Create; Normalize is const and safe to call
// from several threads at once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/reading.h"
#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"
#include "pipeline/normalize/catalog_matcher.h"
#include "pipeline/normalize/match_folder.h"
#include "pipeline/normalize/settings.h"
#include "pipeline/normalize/vocabulary.h"

namespace gm {

class Normalizer {
 public:
  // Loads the vocabularies and the catalog from templates.dir():
  // normalize_vocab.tsv, normalize_catalog_aliases.tsv,
  // normalize_confusables.tsv, normalize_settings.tsv,
  // normalize_field_units.tsv, normalize_placeholders.tsv. A missing or
  // malformed table is an error (NotFound / Corrupt) naming it.
  static Status Create(const Templates& templates, std::unique_ptr<Normalizer>* out);

  // Typed values for EVERY key of fields.tsv (a key absent from `form` →
  // null, confidence 0), with provenance copied from the reading, and the
  // findings normalization can tell: invalid_value, invalid_credit_code,
  // category_not_in_catalog, and low_confidence for a required field whose
  // reading's confidence is below the threshold. Entries of `fields` for
  // other keys are left alone; findings are appended.
  void Normalize(const FormReading& form, std::map<std::string, FieldValue>* fields,
                 std::vector<Finding>* findings) const;

  // The tunables of normalize_settings.tsv (valid as long as the Normalizer).
  const NormalizeSettings& settings() const { return settings_; }

 private:
  Normalizer() = default;
  // `method`: FormReading::method, "ocr" for a scan.
  FieldValue NormalizeField(const FieldSpec& spec, const Reading& reading, const std::string& method,
                            std::vector<Finding>* findings) const;

  Templates templates_;
  NormalizeSettings settings_;
  std::shared_ptr<const MatchFolder> folder_;
  std::map<std::string, Vocabulary> vocabularies_;
  std::unique_ptr<CatalogMatcher> catalog_;
};

}  // namespace gm
