#include "extractors/form/second_look.h"

#include <algorithm>

#include "pipeline/core/table_cells.h"

namespace gm::form {

Status SecondLookRules::Load(const Templates& templates, SecondLookRules* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(templates.dir() / "form_second_look.tsv", &tsv); !s.ok()) return s;
  SecondLookRules rules;
  for (const auto& row : tsv.rows) {
    const std::string& key = tsv.Get(row, "key");
    const FieldSpec* field = templates.Field(key);
    if (field == nullptr) return Status::Corrupt(tsv.Where(row) + ": unknown field " + key);
    if (field->type != FieldType::kText && field->type != FieldType::kWan)
      return Status::Corrupt(tsv.Where(row) + ": " + key + " is neither text nor wan");
    const std::string& when = tsv.Get(row, "when");
    double below = 0, page_below = 0;
    if (when == "always") {
      below = page_below = 2.0;
    } else if (when == "doubtful") {
      if (!ParseCellNumber(tsv.Get(row, "below"), &below) || !(below > 0 && below <= 1))
        return Status::Corrupt(tsv.Where(row) + ": " + key + ": doubtful needs `below` in (0, 1]");
      if (!ParseCellNumber(tsv.Get(row, "page_below"), &page_below) || !(page_below >= below && page_below <= 1))
        return Status::Corrupt(tsv.Where(row) + ": " + key + ": doubtful needs `page_below` in [below, 1]");
    } else {
      return Status::Corrupt(tsv.Where(row) + ": " + key + ": unknown when '" + when + "'");
    }
    const std::string& take = tsv.Get(row, "take");
    if (take != "careful" && take != "first")
      return Status::Corrupt(tsv.Where(row) + ": " + key + ": take must be careful or first, not '" + take + "'");
    rules.rules_[key] = Rule{below, page_below, take == "careful"};
  }
  *out = std::move(rules);
  return Status::OK();
}

bool SecondLookRules::Wants(const std::string& key, double weakest, bool page_in_doubt) const {
  auto it = rules_.find(key);
  return it != rules_.end() && weakest < (page_in_doubt ? it->second.page_below : it->second.below);
}

bool SecondLookRules::Always(const std::string& key) const {
  auto it = rules_.find(key);
  return it != rules_.end() && it->second.below > 1.0;
}

bool SecondLookRules::TakesCareful(const std::string& key) const {
  auto it = rules_.find(key);
  return it != rules_.end() && it->second.take_careful;
}

void SettleTwoReadings(const std::string& careful, bool take_careful, Reading* reading) {
  if (careful.empty()) return;
  if (careful == reading->raw) {
    reading->confidence = std::max(reading->confidence, kAgreedConfidence);
    return;
  }
  if (take_careful) reading->raw = careful;
  reading->confidence = std::min(reading->confidence, kDisagreedConfidence);
}

}  // namespace gm::form
