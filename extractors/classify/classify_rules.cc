#include "extractors/classify/classify_rules.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "pipeline/core/text_fold.h"
#include "pipeline/core/table_cells.h"
#include "pipeline/core/templates.h"

namespace gm {

enum class RuleZone { kTitle, kPage, kFileName };
enum class RuleVariant { kDoc, kReport, kAny };

struct ClassifyRules::Rule {
  std::string kind;
  RuleVariant variant = RuleVariant::kAny;
  RuleZone zone = RuleZone::kPage;
  std::string word;                            // folded literal, when not a regex
  std::shared_ptr<icu::RegexPattern> regex;    // immutable; matchers are per call
  double weight = 0;
};

namespace {

Status LoadParams(const std::filesystem::path& path, ClassifyParams* p) {
  TsvTable tsv;
  Status s = LoadTsv(path, &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& name = tsv.Get(row, "name");
    const std::string& value = tsv.Get(row, "value");
    if (name == "ocr_bands") {
      p->ocr_bands.clear();
      for (const std::string& part : SplitBars(value)) {
        double end = 0;
        if (!ParseCellNumber(part, &end)) return Status::Corrupt(tsv.Where(row) + ": bad value for ocr_bands");
        p->ocr_bands.push_back(end);
      }
      continue;
    }
    double v = 0;
    if (!ParseCellNumber(value, &v)) return Status::Corrupt(tsv.Where(row) + ": bad value for " + name);
    if (name == "title_lines") p->title_lines = static_cast<int>(v);
    else if (name == "title_decay") p->title_decay = v;
    else if (name == "title_floor") p->title_floor = v;
    else if (name == "min_score") p->min_score = v;
    else if (name == "confidence_bias") p->confidence_bias = v;
    else if (name == "full_score") p->full_score = v;
    else if (name == "name_only_confidence") p->name_only_confidence = v;
    else if (name == "sure_confidence") p->sure_confidence = v;
    else return Status::Corrupt(tsv.Where(row) + ": unknown parameter " + name);
  }
  bool bands_ok = !p->ocr_bands.empty() && p->ocr_bands.front() > 0 && p->ocr_bands.back() <= 1 &&
                  std::is_sorted(p->ocr_bands.begin(), p->ocr_bands.end(), std::less_equal<double>());
  if (p->title_lines < 1 || !bands_ok || p->full_score <= 0)
    return Status::Corrupt(tsv.Name() + ": parameter out of range");
  return Status::OK();
}

// Where in the joined title lines a match starting at `offset` lies, as a
// line index; `ends` holds each line's end offset.
size_t LineAt(const std::vector<int32_t>& ends, int32_t offset) {
  return static_cast<size_t>(std::upper_bound(ends.begin(), ends.end(), offset) - ends.begin());
}

}  // namespace

ClassifyRules::ClassifyRules() = default;
ClassifyRules::~ClassifyRules() = default;
ClassifyRules::ClassifyRules(ClassifyRules&&) noexcept = default;
ClassifyRules& ClassifyRules::operator=(ClassifyRules&&) noexcept = default;

Status ClassifyRules::Load(const std::filesystem::path& dir, ClassifyRules* out) {
  ClassifyRules rules;
  Status s = LoadParams(dir / "classify_params.tsv", &rules.params_);
  if (!s.ok()) return s;

  TsvTable tsv;
  if (!(s = LoadTsv(dir / "classify_rules.tsv", &tsv)).ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string where = tsv.Where(row) + ": ";
    Rule rule;
    rule.kind = tsv.Get(row, "kind");
    const std::string& variant = tsv.Get(row, "variant");
    const std::string& zone = tsv.Get(row, "zone");
    const std::string& match = tsv.Get(row, "match");
    const std::string pattern = FoldText(tsv.Get(row, "pattern"));
    if (rule.kind.empty() || pattern.empty()) return Status::Corrupt(where + "kind or pattern missing");
    if (variant == "doc") rule.variant = RuleVariant::kDoc;
    else if (variant == "report") rule.variant = RuleVariant::kReport;
    else if (variant == "any") rule.variant = RuleVariant::kAny;
    else return Status::Corrupt(where + "variant must be doc, report or any");
    if (zone == "title") rule.zone = RuleZone::kTitle;
    else if (zone == "page") rule.zone = RuleZone::kPage;
    else if (zone == "file") rule.zone = RuleZone::kFileName;
    else return Status::Corrupt(where + "zone must be title, page or file");
    if (!ParseCellNumber(tsv.Get(row, "weight"), &rule.weight)) return Status::Corrupt(where + "bad weight");
    if (match == "word") {
      rule.word = pattern;
    } else if (match == "regex") {
      UErrorCode err = U_ZERO_ERROR;
      UParseError perr;
      icu::UnicodeString upat = icu::UnicodeString::fromUTF8(pattern);
      rule.regex.reset(icu::RegexPattern::compile(upat, 0, perr, err));
      if (U_FAILURE(err) || !rule.regex) return Status::Corrupt(where + "bad regular expression " + pattern);
    } else {
      return Status::Corrupt(where + "match must be word or regex");
    }
    if (rule.variant == RuleVariant::kReport) rules.report_kinds_.insert(rule.kind);
    rules.rules_.push_back(std::move(rule));
  }

  *out = std::move(rules);
  return Status::OK();
}

bool ClassifyRules::HasReportVariant(const std::string& kind) const { return report_kinds_.count(kind) > 0; }

std::map<std::string, double> ClassifyRules::Score(const ClassifyEvidence& ev) const {
  // The title zone is matched as one string so a title broken over two lines
  // still matches; the line a match starts on sets its weight.
  std::string title;
  std::vector<int32_t> title_ends_utf8, title_ends_utf16;
  icu::UnicodeString title16;
  const size_t n_title = std::min(ev.title_lines.size(), static_cast<size_t>(params_.title_lines));
  for (size_t i = 0; i < n_title; ++i) {
    title += ev.title_lines[i];
    title16 += icu::UnicodeString::fromUTF8(ev.title_lines[i]);
    title_ends_utf8.push_back(static_cast<int32_t>(title.size()));
    title_ends_utf16.push_back(title16.length());
  }
  const icu::UnicodeString page16 = icu::UnicodeString::fromUTF8(ev.page);
  const icu::UnicodeString file16 = icu::UnicodeString::fromUTF8(ev.file_name);

  auto title_factor = [&](size_t line) {
    return std::max(params_.title_floor, 1.0 - params_.title_decay * static_cast<double>(line));
  };

  std::map<std::string, double> scores;
  for (const Rule& rule : rules_) {
    double factor = 0;
    if (!rule.regex) {
      const std::string& text = rule.zone == RuleZone::kTitle ? title
                                : rule.zone == RuleZone::kPage ? ev.page
                                                               : ev.file_name;
      size_t at = text.find(rule.word);
      if (at == std::string::npos) continue;
      factor = rule.zone == RuleZone::kTitle ? title_factor(LineAt(title_ends_utf8, static_cast<int32_t>(at))) : 1.0;
    } else {
      const icu::UnicodeString& text = rule.zone == RuleZone::kTitle ? title16
                                       : rule.zone == RuleZone::kPage ? page16
                                                                      : file16;
      UErrorCode err = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> m(rule.regex->matcher(text, err));
      if (U_FAILURE(err) || !m) continue;
      // Bounded: ICU stops a runaway match instead of hanging on odd text.
      m->setTimeLimit(50, err);
      if (!m->find(err) || U_FAILURE(err)) continue;
      int32_t start = m->start(err);
      if (U_FAILURE(err)) continue;
      factor = rule.zone == RuleZone::kTitle ? title_factor(LineAt(title_ends_utf16, start)) : 1.0;
    }
    double w = rule.weight * factor;
    if (rule.variant != RuleVariant::kReport) scores[rule.kind + "|doc"] += w;
    if (rule.variant != RuleVariant::kDoc && report_kinds_.count(rule.kind)) scores[rule.kind + "|report"] += w;
  }
  return scores;
}

}  // namespace gm
