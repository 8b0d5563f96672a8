#include "extractors/form/scanned_form.h"

#include <algorithm>

#include "extractors/form/checkbox.h"
#include "extractors/form/cjk_text.h"
#include "extractors/form/percent_sign.h"

namespace gm::form {
namespace {

// A number read with less confidence than this, or of two digits or fewer,
// gets a second look at this larger size.
constexpr double kSureNumber = 0.85;
constexpr double kLargerScale = 1.5;

// A checkbox decision at least this confident found its options' bracket
// pairs (JudgeCheckboxes gives 0.5 when it falls back to the OCR's text).
constexpr double kPairsSettle = 0.6;

// How a cell of each field type is read as digits: `written` when its value
// is written in digits (a doubtful reading gets a second, larger look),
// `plain` when every tall narrow blot in it is a digit (an amount, a number,
// a phone number: no % sign, letters or 年月), `grouped` when OCR may break
// its digit groups ("1 234.5").
struct DigitReading {
  bool written = false, plain = false, grouped = false;
};

DigitReading DigitReadingOf(FieldType type) {
  switch (type) {
    case FieldType::kWan:
    case FieldType::kNumber:
      return {true, true, true};
    case FieldType::kPct:
      return {true, false, true};
    case FieldType::kPhone:
      return {true, true, false};
    case FieldType::kInt:
    case FieldType::kCreditCode:
    case FieldType::kDate:
      return {true, false, false};
    case FieldType::kText:
    case FieldType::kBool:
    case FieldType::kEnum:
    case FieldType::kEnumOther:
    case FieldType::kMulti:
    case FieldType::kCategory:
      return {};
  }
  return {};
}

}  // namespace

ScannedForm::ScannedForm(const RereadRules& reread, const CapitalAmount& capital, const OcrFixes& fixes,
                         const SecondLookRules& second_look, OcrEngine* ocr)
    : reread_(reread), capital_(capital), fixes_(fixes), second_look_(second_look), ocr_(ocr) {}

ScannedForm::~ScannedForm() = default;

void ScannedForm::AddPage(ScannedPage* page) {
  if (!page->has_table()) return;
  const bool after_a_table = !pages_.empty();
  bool first_row = true;
  for (const FormRow& page_row : page->rows()) {
    FormRow row = page_row;
    row.first_on_page = first_row && after_a_table;
    first_row = false;
    for (FormCell& cell : row.cells) {
      cells_.push_back(CellPlace{pages_.size(), cell.ref});
      cell.ref = static_cast<int>(cells_.size()) - 1;
    }
    rows_.push_back(std::move(row));
  }
  pages_.push_back(page);
  in_doubt_.push_back(false);
}

std::optional<ScannedForm::CellPlace> ScannedForm::PlaceOf(const FormCell& cell) const {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return std::nullopt;
  return cells_[cell.ref];
}

const OcrResult& ScannedForm::ReadAgain(const CellPlace& at, const CellRead& how) {
  return pages_[at.page]->ReadAgain(at.cell, how, ocr_);
}

CheckboxDecision ScannedForm::Marks(const FormCell& cell, const std::vector<std::string>& options) {
  const std::optional<CellPlace> at = PlaceOf(cell);
  if (!at) return MarksFromText(cell.text, options);
  ScannedPage& page = *pages_[at->page];
  // The cell's ink (CheckboxInk) decides when it shows a pair for every
  // option; when it does not, the brackets of a light, blurred print may be
  // whole with the faint strokes (which thicken every stroke a little, so
  // they come second).
  CheckboxDecision plain = JudgeCheckboxes(page.CheckboxInk(at->cell), page.FirstReading(at->cell), options);
  bool all_located = std::all_of(plain.located.begin(), plain.located.end(), [](bool l) { return l; });
  if (all_located && plain.confidence >= kPairsSettle) return plain;
  CheckboxDecision with_faint = JudgeCheckboxes(page.FaintInk(at->cell), page.FirstReading(at->cell), options);
  return with_faint.confidence > plain.confidence ? with_faint : plain;
}

std::string ScannedForm::Png(const FormCell& cell) {
  const std::optional<CellPlace> at = PlaceOf(cell);
  return at ? pages_[at->page]->Png(at->cell) : "";
}

void ScannedForm::SecondLookAtNumber(const CellPlace& at, const FieldSpec& field, Reading* reading) {
  const DigitReading kind = DigitReadingOf(field.type);
  if (!kind.written) return;
  auto digits = [](const std::string& s) {
    std::string d;
    for (char c : s)
      if (c >= '0' && c <= '9') d.push_back(c);
    return d;
  };
  std::string have = digits(reading->raw);
  // Tesseract drops the first digit of a short number, or reads a % as 9%,
  // at some text sizes and not at others: a doubtful number is read again
  // larger, and the better reading kept. A reading is doubtful when unsure,
  // very short, or — for a plain amount, where every tall narrow blot is a
  // digit — shorter than the digits the cell shows (small print: 32930 read
  // as 930, sure of itself).
  const bool lost = kind.plain && have.size() < static_cast<size_t>(FewestDigitsShown(pages_[at.page]->Ink(at.cell)));
  if (have.empty() || (reading->confidence >= kSureNumber && have.size() > 2 && !lost)) return;
  OcrPurpose purpose(ocr_, "number larger");
  const OcrResult& again = ReadAgain(at, CellRead{kLargerScale, false, ""});
  std::string text = CleanCellText(again.text);
  if (kind.grouped) text = FixDigitGrouping(text);
  std::string got = digits(text);
  bool more = got.size() > have.size() && got.find(have) != std::string::npos;
  if (more || (again.confidence > reading->confidence + 0.1 && !got.empty())) {
    reading->raw = text;
    reading->confidence = again.confidence;
  }
}

void ScannedForm::Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) {
  const std::optional<CellPlace> at = PlaceOf(cell);
  if (!at) return;
  if (DigitReadingOf(field.type).grouped) reading->raw = FixDigitGrouping(reading->raw);
  if (field.type == FieldType::kWan && capital_.Applies(reading->raw)) {
    reading->raw = capital_.Repair(reading->raw);
    return;
  }
  SecondLookAtNumber(*at, field, reading);
  RereadWithWhitelist(*at, field, reading);
  if (field.type == FieldType::kPct) CheckPercentSign(pages_[at->page]->FirstReading(at->cell), reading);
  SecondLookCarefully(cell, field, reading);
}

std::optional<CarefulReading> ScannedForm::ReadCarefully(const FormCell& cell, const std::string& key) {
  const std::optional<CellPlace> at = PlaceOf(cell);
  if (!at) return std::nullopt;
  if (!second_look_.Wants(key, cell.weakest, in_doubt_[at->page]) || !ocr_->HasCarefulModel()) return std::nullopt;
  OcrPurpose purpose(ocr_, "second look");
  const OcrResult& again = ReadAgain(*at, CellRead{1.0, true, ""});
  return CarefulReading{fixes_.Apply(again.text), second_look_.TakesCareful(key)};
}

void ScannedForm::SecondLookCarefully(const FormCell& cell, const FieldSpec& field, Reading* reading) {
  // Only a value read whole from this one cell: the cell's own text, cleaned
  // as the assembler cleaned it, is the value.
  std::string (*clean)(std::string_view) = nullptr;
  if (CleanCellText(cell.text) == reading->raw) clean = CleanCellText;
  else if (CleanProseText(cell.text) == reading->raw) clean = CleanProseText;
  if (clean == nullptr) return;
  const std::optional<CarefulReading> careful = ReadCarefully(cell, field.key);
  if (!careful) return;
  std::string text = clean(careful->text);
  if (DigitReadingOf(field.type).grouped) text = FixDigitGrouping(text);
  if (!text.empty() && text != reading->raw && second_look_.Always(field.key)) in_doubt_[cells_[cell.ref].page] = true;
  SettleTwoReadings(text, careful->take_careful, reading);
}

void ScannedForm::RereadWithWhitelist(const CellPlace& at, const FieldSpec& field, Reading* reading) {
  const RereadRule* rule = reread_.For(field, reading->raw);
  if (rule == nullptr || !reread_.ShouldReread(*rule, field, reading->raw)) return;
  OcrPurpose purpose(ocr_, "whitelist");
  const OcrResult& again = ReadAgain(at, CellRead{1.0, false, reread_.Whitelist(*rule, field)});
  std::string text = CleanCellText(again.text);
  if (DigitReadingOf(field.type).grouped) text = FixDigitGrouping(text);
  if (!reread_.Accept(*rule, field, text) || reread_.LostCharacters(*rule, reading->raw, text)) return;
  reading->raw = text;
  // The whitelist narrowed the choice: trust it a little less than a free read.
  reading->confidence = again.confidence * 0.95;
}

}  // namespace gm::form
