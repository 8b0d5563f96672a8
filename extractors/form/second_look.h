// SecondLookRules: which values of a scanned form the careful OCR model
// (OcrEngine::UseCarefulModel) reads a second time, from
// templates/form_second_look.tsv — names always (short, and the costliest to
// get wrong), other text and amounts when one of their characters was read
// doubtfully. ScannedForm asks; the comparison of the two readings is its own.
//
// Immutable after Load; safe to share between threads.
#pragma once

#include <map>
#include <string>

#include "pipeline/core/reading.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm::form {

class SecondLookRules {
 public:
  // Corrupt, naming the line, on an unknown field, a field that is neither
  // text nor wan, an unknown `when`, a `below` outside (0, 1] or a
  // `page_below` outside [below, 1].
  static Status Load(const Templates& templates, SecondLookRules* out);

  // Whether a value of field `key` whose least sure character was read at
  // `weakest` (0..1) gets the second look. On a page where the two models
  // already read a name differently (`page_in_doubt`), the bar is the
  // table's `page_below`, higher: the OCR is sure of itself there and wrong
  // (a 1-bit fax), but a value read with no character under it was right
  // whenever the page's names were in doubt, and reading it again costs.
  bool Wants(const std::string& key, double weakest, bool page_in_doubt = false) const;
  // Whether `key` is read twice whatever its characters (`always`).
  bool Always(const std::string& key) const;
  // Whether, when the two readings of `key` differ, the careful one is
  // taken rather than the first kept (the table's `take`).
  bool TakesCareful(const std::string& key) const;

 private:
  struct Rule {
    double below = 0;       // read again under this weakest confidence; above 1 for `always`
    double page_below = 0;  // the same on a page in doubt
    bool take_careful = false;
  };
  std::map<std::string, Rule> rules_;
};

// A value's second reading by the careful model, as a CellReader gives it.
struct CarefulReading {
  std::string text;           // the careful model's text of the cell (OCR fixes applied), uncleaned
  bool take_careful = false;  // SecondLookRules::TakesCareful for the value's field
};

// The confidence of a value both models read alike, and the most a value
// keeps when they differ (under the review threshold, 0.6): two models that
// agree were wrong on 1 name in 56 on the variety set (seed 101).
constexpr double kAgreedConfidence = 0.9;
constexpr double kDisagreedConfidence = 0.55;

// Settles `reading` (its `raw` cleaned as the field's value) against the
// careful model's value `careful` (cleaned the same way): alike, the
// confidence rises to kAgreedConfidence; different, it falls to
// kDisagreedConfidence and the careful value is taken when `take_careful`.
// An empty `careful` (the careful model read nothing) changes nothing.
void SettleTwoReadings(const std::string& careful, bool take_careful, Reading* reading);

}  // namespace gm::form
