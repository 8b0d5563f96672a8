#include "extractors/classify/classifier.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "extractors/classify/page_ocr.h"
#include "pipeline/core/text_fold.h"
#include "extractors/classify/text_lines.h"

namespace gm {
namespace {

// A text layer shorter than this (folded characters) is taken for a scan with
// a stray text layer (a scanner app's watermark) and OCRed when possible.
constexpr size_t kMinTextLayer = 12;
// Office tables: rows read for classification.
constexpr size_t kTableRows = 60;

std::string FileStem(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

std::vector<std::string> TableLines(const Document& doc, size_t max_rows) {
  std::vector<std::string> lines;
  for (const TextTable& table : doc.tables) {
    if (!table.name.empty()) lines.push_back(table.name);
    size_t n = 0;
    for (const auto& row : table.rows) {
      if (n++ >= max_rows) break;
      std::string line;
      for (const std::string& cell : row) {
        if (cell.empty()) continue;
        if (!line.empty()) line += ' ';
        line += cell;
      }
      if (!line.empty()) lines.push_back(std::move(line));
    }
  }
  return lines;
}

size_t FoldedLength(const std::vector<std::string>& lines) {
  size_t n = 0;
  for (const std::string& l : lines) n += FoldText(l).size();
  return n;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

// The raw lines of the first page and where they came from. A scan
// (`first`, doc's first page) is read down to `ocr_fraction` of its height.
std::vector<std::string> ReadFirstPage(const Document& doc, const Page& first, double ocr_fraction, OcrEngine* ocr,
                                       TextSource* source) {
  std::vector<std::string> lines;
  if (!doc.pages.empty()) lines = PageLines(doc.pages[0]);
  // Word documents hold most of a form in tables; spreadsheets hold nothing else.
  if (!doc.tables.empty() && FoldedLength(lines) < 200) {
    for (std::string& l : TableLines(doc, kTableRows)) lines.push_back(std::move(l));
  }
  const bool has_image = !doc.pages.empty() && doc.pages[0].load_image;
  if (FoldedLength(lines) >= kMinTextLayer || (!lines.empty() && (!has_image || !ocr))) {
    *source = TextSource::kText;
    return lines;
  }
  if (has_image && ocr) {
    OcrResult result;
    if (OcrPage(first, {ocr_fraction, RedInk::kKeep, false}, OcrLayout::kSparse, ocr, &result).ok() &&
        (!result.text.empty() || lines.empty())) {
      // Nothing read is still "ocr": the bands below may hold the title.
      *source = TextSource::kOcr;
      return SplitLines(result.text);
    }
  }
  *source = lines.empty() ? TextSource::kNone : TextSource::kText;
  return lines;
}

// The lines of a scanned first page between `from` and `to` (fractions of its height).
std::vector<std::string> ReadPageBand(const Page& page, double from, double to, OcrEngine* ocr) {
  OcrResult result;
  OcrPurpose purpose(ocr, "band");
  OcrPrep prep{to, RedInk::kKeep, false};
  prep.from_fraction = from;
  if (!OcrPage(page, prep, OcrLayout::kSparse, ocr, &result).ok()) return {};
  return SplitLines(result.text);
}

}  // namespace

Status Classifier::Create(const Templates& templates, std::unique_ptr<Classifier>* out) {
  ClassifyRules rules;
  Status s = ClassifyRules::Load(templates.dir(), &rules);
  if (!s.ok()) return s;
  out->reset(new Classifier(std::move(rules)));
  return Status::OK();
}

Classification Classifier::Decide(const std::vector<std::string>& lines, const std::string& path,
                                  TextSource source) const {
  const ClassifyParams& params = rules_.params();
  Classification result;
  result.text_source = source;
  result.first_page_text = Join(lines);

  ClassifyEvidence evidence;
  for (const std::string& line : lines) {
    std::string folded = FoldText(line);
    if (folded.empty()) continue;
    if (evidence.title_lines.size() < static_cast<size_t>(params.title_lines)) evidence.title_lines.push_back(folded);
    evidence.page += folded;
  }
  evidence.file_name = FoldText(FileStem(path));

  // The best (kind, variant). Keys iterate in order, "k|doc" before
  // "k|report", and only a strictly higher score wins: a tie goes to the
  // document itself, and results never depend on anything but the scores.
  std::map<std::string, double> scores = rules_.Score(evidence);
  std::string best_key;
  double best = 0;
  for (const auto& [key, score] : scores) {
    if (score > best + 1e-9) {
      best = score;
      best_key = key;
    }
  }
  if (best_key.empty() || best < params.min_score) {
    result.kind = "other";
    // Nothing pointed anywhere: sure when there was text to read, unsure when not.
    result.confidence = result.text_source == TextSource::kNone ? 0.2 : 0.6;
    return result;
  }
  result.kind = best_key.substr(0, best_key.find('|'));
  result.is_report = best_key.ends_with("|report");
  double runner_up = 0;
  for (const auto& [key, score] : scores)
    if (key.substr(0, key.find('|')) != result.kind) runner_up = std::max(runner_up, score);
  result.confidence = std::clamp(best / (best + runner_up + params.confidence_bias) *
                                     std::min(1.0, best / params.full_score),
                                 0.0, 1.0);
  if (result.text_source == TextSource::kNone) result.confidence = std::min(result.confidence, params.name_only_confidence);
  return result;
}

Classification Classifier::Classify(const Document& doc, const std::string& path, OcrEngine* ocr) const {
  const ClassifyParams& params = rules_.params();
  TextSource source = TextSource::kNone;
  // A scan is read band by band from the top: most first pages are settled
  // by their title, and OCR costs what it reads (an approval's title sits
  // below its letterhead and number; its body is not needed).
  const std::vector<double>& bands = params.ocr_bands;
  // The first page is decoded once for its top and every band below it.
  Page first;
  PixPtr first_image;
  if (!doc.pages.empty()) first = doc.pages[0];
  if (first.load_image) {
    first.load_image = [load = first.load_image, &first_image](PixPtr* out) -> Status {
      if (!first_image)
        if (Status s = load(&first_image); !s.ok()) return s;
      *out = ClonePix(first_image.get());
      return Status::OK();
    };
  }
  std::vector<std::string> lines = ReadFirstPage(doc, first, bands.front(), ocr, &source);
  Classification result = Decide(lines, path, source);
  // Sure, and not only because of the last line read: a title that ends a
  // band may go on in the next (…节能报告的审查 / 意见 makes a review, not a report).
  auto settled = [&] {
    if (result.confidence < params.sure_confidence) return false;
    if (lines.size() < 2) return false;
    Classification without_last = Decide({lines.begin(), lines.end() - 1}, path, source);
    return without_last.kind == result.kind && without_last.is_report == result.is_report;
  };
  for (size_t b = 1; source == TextSource::kOcr && b < bands.size() && !settled(); ++b) {
    // The bands meet at a gap between lines (OcrPrep): nothing is read twice or cut.
    std::vector<std::string> more = ReadPageBand(first, bands[b - 1], bands[b], ocr);
    lines.insert(lines.end(), more.begin(), more.end());
    result = Decide(lines, path, source);
  }
  if (source == TextSource::kOcr && FoldedLength(lines) == 0) {
    source = TextSource::kNone;  // a scan without a readable word: the file name is all there is
    result = Decide(lines, path, source);
  }
  return result;
}

}  // namespace gm
