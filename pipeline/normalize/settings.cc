#include "pipeline/normalize/settings.h"

#include <cstdlib>

#include "pipeline/normalize/text.h"

namespace gm {
namespace {

bool ParseFraction(const std::string& s, double* out) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !(v >= 0 && v <= 1)) return false;
  *out = v;
  return true;
}

}  // namespace

Status NormalizeSettings::Load(const Templates& templates, NormalizeSettings* out) {
  NormalizeSettings settings;
  TsvTable tsv;
  std::filesystem::path path = templates.dir() / "normalize_settings.tsv";
  Status s = LoadTsv(path, &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& name = tsv.Get(row, "name");
    double* target = name == "low_confidence_threshold"   ? &settings.low_confidence_threshold
                     : name == "repair_confidence_factor" ? &settings.repair_confidence_factor
                     : name == "doubtful_reading_threshold" ? &settings.doubtful_reading_threshold
                     : name == "misread_sign_confidence"    ? &settings.misread_sign_confidence
                                                          : nullptr;
    if (!target) return Status::Corrupt(tsv.Where(row) + ": unknown setting " + name);
    if (!ParseFraction(tsv.Get(row, "value"), target))
      return Status::Corrupt(tsv.Where(row) + ": " + name + " must be a number between 0 and 1");
  }

  path = templates.dir() / "normalize_field_units.tsv";
  if (!(s = LoadTsv(path, &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& key = tsv.Get(row, "key");
    const std::string& unit = tsv.Get(row, "unit");
    const FieldSpec* spec = templates.Field(key);
    if (!spec) return Status::Corrupt(tsv.Where(row) + ": unknown field " + key);
    bool money = unit == "元" || unit == "千元" || unit == "万元" || unit == "亿元";
    bool time = unit == "年" || unit == "月";
    const bool amount = spec->type == FieldType::kWan;
    const bool count = spec->type == FieldType::kNumber || spec->type == FieldType::kInt;
    if (!(money && amount) && !(time && count))
      return Status::Corrupt(tsv.Where(row) + ": unit " + unit + " does not fit field " + key + " (" +
                             FieldTypeName(spec->type) + ")");
    settings.units[key] = unit;
  }

  path = templates.dir() / "normalize_placeholders.tsv";
  if (!(s = LoadTsv(path, &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& meaning = tsv.Get(row, "meaning");
    Placeholder p = meaning == "blank" ? Placeholder::kBlank : meaning == "zero" ? Placeholder::kZero : Placeholder::kNone;
    if (p == Placeholder::kNone) return Status::Corrupt(tsv.Where(row) + ": meaning must be blank or zero: " + meaning);
    std::string text = NormalizeText(tsv.Get(row, "text"));
    if (text.empty()) return Status::Corrupt(tsv.Where(row) + ": empty placeholder");
    settings.placeholders[text] = p;
  }
  *out = std::move(settings);
  return Status::OK();
}

AmountUnit NormalizeSettings::AmountUnitFor(const std::string& key) const {
  auto it = units.find(key);
  if (it == units.end()) return AmountUnit::kWan;
  if (it->second == "元") return AmountUnit::kYuan;
  if (it->second == "千元") return AmountUnit::kQianYuan;
  if (it->second == "亿元") return AmountUnit::kYi;
  return AmountUnit::kWan;
}

TimeUnit NormalizeSettings::TimeUnitFor(const std::string& key) const {
  auto it = units.find(key);
  if (it == units.end()) return TimeUnit::kNone;
  return it->second == "年" ? TimeUnit::kYear : it->second == "月" ? TimeUnit::kMonth : TimeUnit::kNone;
}

NormalizeSettings::Placeholder NormalizeSettings::PlaceholderFor(std::string_view raw) const {
  auto it = placeholders.find(NormalizeText(raw));
  return it == placeholders.end() ? Placeholder::kNone : it->second;
}

}  // namespace gm
