#include "extractors/form/scanned_form.h"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "extractors/form/checkbox.h"
#include "extractors/form/percent_sign.h"
#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Cells probed to tell which way is up, how much better a turned reading
// must be, and a score that needs no other look (a label read, confidently).
constexpr size_t kOrientationProbes = 3;
constexpr double kOrientationMargin = 0.08;
constexpr double kConfidentProbe = 0.8;

// A number read with less confidence than this, or of two digits or fewer,
// gets a second look at this larger size.
constexpr double kSureNumber = 0.85;
constexpr double kLargerScale = 1.5;

// A line the raw-line mode alone reads is kept only this confident (specks
// and stray strokes read as 和 at 0.0; a lone 目 at 0.8).
constexpr double kSureRawLine = 0.6;

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

struct ScannedForm::PageData {
  CleanPage page;
  TableGrid grid;
  PixPtr text;  // the binary page without its rulings: what the cells hold
  std::string file;
  int index = 0;
  bool in_doubt = false;  // the two models read a name of this page differently (SecondLookRules::Wants)
};

struct ScannedForm::CellData {
  size_t page = 0;
  CellBox box;
  CellInk ink;
  OcrResult ocr;          // boxes in page pixels
  std::unique_ptr<CellInk> faint;  // ink with the faint strokes (WithFaintStrokes), for checkbox groups; lazily
};

const CellInk& ScannedForm::FaintInk(CellData* cell, PIX* grey) {
  if (!cell->faint) cell->faint = std::make_unique<CellInk>(WithFaintStrokes(cell->ink, grey));
  return *cell->faint;
}

const CellInk& ScannedForm::CheckboxInk(CellData* cell, PIX* grey) {
  // The cell's own ink, unless one of its pairs spans more (or less) than
  // the rest and the faint strokes make them all alike: a bracket the
  // threshold lost was stood in for by a glyph's stroke bowed like （.
  if (PairsShareOneSpan(FindBracketPairs(cell->ink))) return cell->ink;
  const CellInk& faint = FaintInk(cell, grey);
  const std::vector<BracketPair> pairs = FindBracketPairs(faint);
  return pairs.size() >= 2 && PairsShareOneSpan(pairs) ? faint : cell->ink;
}

ScannedForm::ScannedForm(const FormLabels& labels, const RereadRules& reread, const CapitalAmount& capital,
                         const OcrFixes& fixes, const SecondLookRules& second_look, OcrEngine* ocr)
    : labels_(labels), reread_(reread), capital_(capital), fixes_(fixes), second_look_(second_look), ocr_(ocr) {}

ScannedForm::~ScannedForm() = default;

OcrResult ScannedForm::Recognize(PixPtr crop, double scale, int dpi, int ox, int oy, Model model) {
  if (scale != 1.0) {
    PixPtr scaled = AdoptPix(pixScale(crop.get(), static_cast<float>(scale), static_cast<float>(scale)));
    if (scaled) {
      crop = std::move(scaled);
    } else {
      scale = 1.0;
    }
  }
  auto read = [&](OcrLayout layout) {
    const int at = static_cast<int>(dpi * scale);
    return model == Model::kCareful ? ocr_->RecognizeCarefully(crop.get(), layout, at)
                                    : ocr_->Recognize(crop.get(), layout, at);
  };
  OcrResult r = read(OcrLayout::kSingleLine);
  // Tesseract's single-line mode now and then returns nothing for a short,
  // clean line (周边生态环境。 at the start of a wide band); the block mode
  // reads it; a line of one character (项目名称's last 目, wrapped) only
  // the raw-line mode. An inked line is never left empty without those tries.
  if (r.text.empty()) r = read(OcrLayout::kBlock);
  if (r.text.empty()) {
    r = read(OcrLayout::kRawLine);
    // Without the layout heuristics, a speck or a stray stroke reads as a
    // character too, unsure of itself.
    if (r.confidence < kSureRawLine) r = OcrResult();
  }
  for (std::vector<OcrWord>* v : {&r.words, &r.symbols})
    for (OcrWord& w : *v) w.box = Box{w.box.x / scale + ox, w.box.y / scale + oy, w.box.w / scale, w.box.h / scale};
  return r;
}

OcrResult ScannedForm::ReadCell(const CellInk& ink, PIX* grey, int dpi, double scale, Model model) {
  OcrResult out;
  if (ink.lines.size() <= 1) {
    int ox = 0, oy = 0;
    PixPtr crop = CropForOcr(ink, grey, &ox, &oy);
    if (!crop) return out;
    return Recognize(std::move(crop), scale, dpi, ox, oy, model);
  }
  // Line by line: the lines joined, their words and symbols renumbered.
  double weighted = 0, weight = 0;
  for (size_t l = 0; l < ink.lines.size(); ++l) {
    int ox = 0, oy = 0;
    PixPtr crop = CropLineForOcr(ink, l, grey, &ox, &oy);
    if (!crop) continue;
    OcrResult line = Recognize(std::move(crop), scale, dpi, ox, oy, model);
    if (line.text.empty()) continue;
    if (!out.text.empty()) out.text += '\n';
    out.text += line.text;
    weighted += line.confidence * line.text.size();
    weight += line.text.size();
    for (OcrWord& w : line.words) {
      w.line = static_cast<int>(l);
      out.words.push_back(std::move(w));
    }
    for (OcrWord& s : line.symbols) {
      s.line = static_cast<int>(l);
      out.symbols.push_back(std::move(s));
    }
  }
  out.confidence = weight > 0 ? weighted / weight : 0.0;
  return out;
}

int ScannedForm::Orientation(const PageData& data, std::map<std::pair<int, int>, OcrResult>* upright_reads,
                             int* turned_reads) {
  // A few cells of the table, one text line each (surely table content, not
  // a title caught in a ruling; one a row, as rows differ more than
  // neighbours): labels and values alike read far better the right way up.
  // A page with no row of three cells (the form's last page: 政策诉求,
  // 联系人及联系方式 beside their values) probes its rows of two, labels of
  // two lines too: upside down, digits still read as digits, but a label
  // reads as a label only the right way up.
  struct Probe {
    PixPtr crop;
    int ox = 0, oy = 0;
    std::pair<int, int> at;
    bool lines = false;  // a cell of several lines, read as a block
  };
  // The cell's ink as a probe; nullopt when it has no text, or more than
  // one line where only one is wanted.
  auto probe_of = [&](const CellBox& box, bool lines_too) -> std::optional<Probe> {
    CellInk ink = AnalyzeCell(data.text.get(), box, data.grid.line_width, data.page.dpi);
    Probe p;
    p.crop = CropForOcr(ink, data.page.grey.get(), &p.ox, &p.oy);
    if (!p.crop || ink.lines.empty() || (!lines_too && ink.lines.size() != 1)) return std::nullopt;
    p.at = {box.x, box.y};
    p.lines = ink.lines.size() > 1;
    return p;
  };
  std::vector<Probe> probes;
  for (const GridRow& row : data.grid.rows) {
    if (row.cells.size() < 3 || probes.size() >= kOrientationProbes) continue;
    for (const CellBox& box : row.cells)
      if (std::optional<Probe> p = probe_of(box, false)) {
        probes.push_back(std::move(*p));
        break;
      }
  }
  if (probes.empty())
    for (const GridRow& row : data.grid.rows) {
      if (row.cells.size() != 2) continue;
      for (const CellBox& box : row.cells)
        if (probes.size() < kOrientationProbes)
          if (std::optional<Probe> p = probe_of(box, true)) probes.push_back(std::move(*p));
    }
  if (probes.empty()) return 0;
  OcrPurpose purpose(ocr_, "orientation probes");
  // How well the probes read turned by `quads` quarter turns clockwise.
  // Upright, each one-line probe is read as its cell will be, and the
  // reading kept for it.
  auto score = [&](int quads) {
    double total = 0;
    for (const Probe& p : probes) {
      OcrResult r;
      if (quads == 0 && !p.lines) {
        r = Recognize(ClonePix(p.crop.get()), 1.0, data.page.dpi, p.ox, p.oy);
        (*upright_reads)[p.at] = r;
      } else {
        PixPtr turned = AdoptPix(pixRotateOrth(p.crop.get(), quads));
        if (!turned) continue;
        r = ocr_->Recognize(turned.get(), p.lines ? OcrLayout::kBlock : OcrLayout::kSingleLine, data.page.dpi);
        if (quads != 0) ++*turned_reads;
      }
      // A known label read the right way settles it.
      total += r.confidence + (labels_.Match(r.text).spec != nullptr ? 1.0 : 0.0);
    }
    return total / probes.size();
  };
  double upright = score(0);
  if (upright >= kConfidentProbe) return 0;
  double best = upright;
  int best_quads = 0;
  // Upside down first (a sheet fed the wrong way), then on its side.
  for (int quads : {2, 1, 3}) {
    double s = score(quads);
    if (s > best + kOrientationMargin) {
      best = s;
      best_quads = quads;
    }
    if (best >= kConfidentProbe) break;
  }
  return best_quads * 90;
}

Status ScannedForm::AddPage(PIX* image, int dpi, const std::string& file, int page_index) {
  PageTiming timing;
  auto start = std::chrono::steady_clock::now();
  auto data = std::make_unique<PageData>();
  data->file = file;
  data->index = page_index;
  Status s = CleanPageImage(image, dpi, &data->page);
  if (!s.ok()) return s;
  timing.clean_ms = MsSince(start);
  start = std::chrono::steady_clock::now();
  s = FindTableGrid(data->page.binary.get(), data->page.dpi, &data->grid);
  if (!s.ok()) return s;
  timing.grid_ms = MsSince(start);
  if (data->grid.empty()) {
    timings_.push_back(timing);
    return Status::OK();
  }
  start = std::chrono::steady_clock::now();
  data->text = WithoutRulings(data->page.binary.get(), data->grid);
  if (!data->text) return Status::Internal("表格线去除失败");
  // Cells the orientation probe read upright, by box origin: not read twice.
  std::map<std::pair<int, int>, OcrResult> probed;
  if (int degrees = Orientation(*data, &probed, &timing.orientation_reads); degrees != 0) {
    timing.orientation_reads += static_cast<int>(probed.size());
    probed.clear();
    RotatePage(&data->page, degrees);
    s = FindTableGrid(data->page.binary.get(), data->page.dpi, &data->grid);
    if (!s.ok()) return s;
    data->text = WithoutRulings(data->page.binary.get(), data->grid);
    if (!data->text) return Status::Internal("表格线去除失败");
  }
  data->grid.rulings.reset();  // no longer needed: keep memory for the cells
  const TableGrid& grid = data->grid;
  double table_w = std::max(1, grid.right - grid.left);
  size_t page_no = pages_.size();
  bool first_row = true;
  for (const GridRow& grow : grid.rows) {
    FormRow row;
    row.first_on_page = first_row && table_pages_ > 0;
    first_row = false;
    // A checkbox label read in the cell just left: its group may be settled by pixels alone.
    const LabelSpec* checkbox_label = nullptr;
    for (const CellBox& box : grow.cells) {
      auto cell = std::make_unique<CellData>();
      cell->page = page_no;
      cell->box = box;
      cell->ink = AnalyzeCell(data->text.get(), box, grid.line_width, data->page.dpi);
      FormCell fc;
      fc.file = file;
      fc.page = page_index;
      fc.x = box.x;
      fc.y = box.y;
      fc.w = box.w;
      fc.h = box.h;
      fc.x0 = (box.x - grid.left) / table_w;
      fc.x1 = (box.x + box.w - grid.left) / table_w;
      fc.ref = static_cast<int>(cells_.size());
      fc.blank = cell->ink.blank();
      CheckboxDecision marks;
      if (fc.blank) {
        fc.confidence = 0.9;
      } else if (checkbox_label != nullptr &&
                 (MarksFromPixelsAlone(CheckboxInk(cell.get(), data->page.grey.get()), checkbox_label->options,
                                       &marks) ||
                  MarksFromPixelsAlone(FaintInk(cell.get(), data->page.grey.get()), checkbox_label->options,
                                       &marks))) {
        // One printed pair per option: the pixels say it all, and the OCR
        // of a whole group of options would cost as much as a value's.
        fc.text = CheckboxGroupText(checkbox_label->options, marks.marked);
        fc.confidence = marks.confidence;
        timing.cells_by_marks += 1;
      } else {
        auto probe = probed.find({box.x, box.y});
        if (probe != probed.end() && cell->ink.lines.size() == 1) {
          cell->ocr = std::move(probe->second);
        } else {
          cell->ocr = ReadCell(cell->ink, data->page.grey.get(), data->page.dpi, 1.0);
        }
        timing.cells_ocred += 1;
        fc.text = fixes_.Apply(cell->ocr.text);
        fc.confidence = cell->ocr.confidence;
        for (const OcrWord& sym : cell->ocr.symbols) fc.weakest = std::min(fc.weakest, sym.confidence);
        // Ink that reads as nothing: a stray mark, not a value.
        if (fc.text.empty()) fc.confidence = 0.5;
      }
      checkbox_label = nullptr;
      if (!cell->ocr.text.empty()) {
        const LabelSpec* spec = labels_.Match(cell->ocr.text).spec;
        if (spec != nullptr && spec->kind == CellKind::kCheckbox && spec->place == ValuePlace::kRight)
          checkbox_label = spec;
      }
      row.cells.push_back(std::move(fc));
      cells_.push_back(std::move(cell));
    }
    rows_.push_back(std::move(row));
  }
  timing.ocr_ms = MsSince(start);
  timings_.push_back(timing);
  pages_.push_back(std::move(data));
  ++table_pages_;
  return Status::OK();
}

CheckboxDecision ScannedForm::Marks(const FormCell& cell, const std::vector<std::string>& options) {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return MarksFromText(cell.text, options);
  CellData& data = *cells_[cell.ref];
  // The cell's ink (CheckboxInk) decides when it shows a pair for every
  // option; when it does not, the brackets of a light, blurred print may be
  // whole with the faint strokes (which thicken every stroke a little, so
  // they come second).
  CheckboxDecision plain = JudgeCheckboxes(CheckboxInk(&data, pages_[data.page]->page.grey.get()), data.ocr, options);
  bool all_located = std::all_of(plain.located.begin(), plain.located.end(), [](bool l) { return l; });
  if (all_located && plain.confidence >= kPairsSettle) return plain;
  CheckboxDecision with_faint = JudgeCheckboxes(FaintInk(&data, pages_[data.page]->page.grey.get()), data.ocr, options);
  return with_faint.confidence > plain.confidence ? with_faint : plain;
}

std::string ScannedForm::Png(const FormCell& cell) {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return "";
  const CellData& data = *cells_[cell.ref];
  const PageData& page = *pages_[data.page];
  return CellPng(page.page.grey.get(), data.box, page.page.dpi);
}

void ScannedForm::SecondLookAtNumber(const FormCell& cell, const FieldSpec& field, Reading* reading) {
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
  const CellData& data = *cells_[cell.ref];
  const bool lost = kind.plain && have.size() < static_cast<size_t>(FewestDigitsShown(data.ink));
  if (have.empty() || (reading->confidence >= kSureNumber && have.size() > 2 && !lost)) return;
  OcrPurpose purpose(ocr_, "number larger");
  OcrResult again = ReadCell(data.ink, pages_[data.page]->page.grey.get(), pages_[data.page]->page.dpi, kLargerScale);
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
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return;
  if (DigitReadingOf(field.type).grouped) reading->raw = FixDigitGrouping(reading->raw);
  if (field.type == FieldType::kWan && capital_.Applies(reading->raw)) {
    reading->raw = capital_.Repair(reading->raw);
    return;
  }
  SecondLookAtNumber(cell, field, reading);
  RereadWithWhitelist(cell, field, reading);
  if (field.type == FieldType::kPct) CheckPercentSign(cells_[cell.ref]->ocr, reading);
  SecondLookCarefully(cell, field, reading);
}

std::optional<CarefulReading> ScannedForm::ReadCarefully(const FormCell& cell, const std::string& key) {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return std::nullopt;
  const CellData& data = *cells_[cell.ref];
  const PageData& page = *pages_[data.page];
  if (!second_look_.Wants(key, cell.weakest, page.in_doubt) || !ocr_->HasCarefulModel()) return std::nullopt;
  OcrPurpose purpose(ocr_, "second look");
  OcrResult again = ReadCell(data.ink, page.page.grey.get(), page.page.dpi, 1.0, Model::kCareful);
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
  if (!text.empty() && text != reading->raw && second_look_.Always(field.key))
    pages_[cells_[cell.ref]->page]->in_doubt = true;
  SettleTwoReadings(text, careful->take_careful, reading);
}

void ScannedForm::RereadWithWhitelist(const FormCell& cell, const FieldSpec& field, Reading* reading) {
  const RereadRule* rule = reread_.For(field, reading->raw);
  if (rule == nullptr || !reread_.ShouldReread(*rule, field, reading->raw)) return;
  const CellData& data = *cells_[cell.ref];
  OcrPurpose purpose(ocr_, "whitelist");
  ocr_->SetCharacterWhitelist(reread_.Whitelist(*rule, field));
  OcrResult again = ReadCell(data.ink, pages_[data.page]->page.grey.get(), pages_[data.page]->page.dpi, 1.0);
  ocr_->SetCharacterWhitelist("");
  std::string text = CleanCellText(again.text);
  if (DigitReadingOf(field.type).grouped) text = FixDigitGrouping(text);
  if (!reread_.Accept(*rule, field, text) || reread_.LostCharacters(*rule, reading->raw, text)) return;
  reading->raw = text;
  // The whitelist narrowed the choice: trust it a little less than a free read.
  reading->confidence = again.confidence * 0.95;
}

}  // namespace gm::form
