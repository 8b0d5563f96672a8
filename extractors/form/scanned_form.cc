#include "extractors/form/scanned_form.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "extractors/form/checkbox.h"
#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Cells probed to tell an upside-down page, and how much better the turned
// reading must be.
constexpr int kOrientationProbes = 3;
constexpr double kOrientationMargin = 0.08;

void ToPage(OcrResult* r, int ox, int oy) {
  for (OcrWord& w : r->words) {
    w.box.x += ox;
    w.box.y += oy;
  }
  for (OcrWord& s : r->symbols) {
    s.box.x += ox;
    s.box.y += oy;
  }
}

}  // namespace

struct ScannedForm::PageData {
  CleanPage page;
  TableGrid grid;
  PixPtr text;  // the binary page without its rulings: what the cells hold
  std::string file;
  int index = 0;
};

struct ScannedForm::CellData {
  size_t page = 0;
  CellBox box;
  CellInk ink;
  OcrResult ocr;          // boxes in page pixels
  OcrLayout layout = OcrLayout::kSingleLine;
};

ScannedForm::ScannedForm(const FormLabels& labels, const RereadRules& reread, OcrEngine* ocr)
    : labels_(labels), reread_(reread), ocr_(ocr) {}

ScannedForm::~ScannedForm() = default;

bool ScannedForm::UpsideDown(const PageData& data) {
  // Cells of the table's four-column rows (surely table content, not a
  // title caught in a ruling), one text line each: labels and values
  // alike read far better the right way up.
  double upright = 0, turned = 0;
  int probes = 0;
  PixPtr without = WithoutRulings(data.page.binary.get(), data.grid);
  PIX* text = without ? without.get() : data.page.binary.get();
  for (const GridRow& row : data.grid.rows) {
    if (row.cells.size() < 4) continue;
    for (const CellBox& box : row.cells) {
      if (probes >= kOrientationProbes) break;
      CellInk ink = AnalyzeCell(text, box, data.grid.line_width, data.page.dpi);
      int ox, oy;
      PixPtr crop = CropForOcr(ink, data.page.grey.get(), &ox, &oy);
      if (!crop || ink.lines.size() != 1) continue;
      PixPtr flipped = AdoptPix(pixRotate180(nullptr, crop.get()));
      if (!flipped) continue;
      OcrResult a = ocr_->Recognize(crop.get(), OcrLayout::kSingleLine, data.page.dpi);
      OcrResult b = ocr_->Recognize(flipped.get(), OcrLayout::kSingleLine, data.page.dpi);
      // A known label read the right way settles it.
      if (labels_.Match(a.text).spec != nullptr) upright += 1.0;
      if (labels_.Match(b.text).spec != nullptr) turned += 1.0;
      upright += a.confidence;
      turned += b.confidence;
      if (getenv("GM_FORM_DEBUG")) fprintf(stderr, "probe [%s] %.2f | [%s] %.2f\n", a.text.c_str(), a.confidence, b.text.c_str(), b.confidence);
      ++probes;
      break;  // one cell a row: rows differ more than neighbours
    }
    if (probes >= kOrientationProbes) break;
  }
  return probes > 0 && turned > upright + kOrientationMargin * probes;
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
  if (UpsideDown(*data)) {
    Rotate180(&data->page);
    s = FindTableGrid(data->page.binary.get(), data->page.dpi, &data->grid);
    if (!s.ok()) return s;
  }
  data->text = WithoutRulings(data->page.binary.get(), data->grid);
  if (!data->text) return Status::Internal("表格线去除失败");
  data->grid.rulings.reset();  // no longer needed: keep memory for the cells
  const TableGrid& grid = data->grid;
  double table_w = std::max(1, grid.right - grid.left);
  size_t page_no = pages_.size();
  bool first_row = true;
  for (const GridRow& grow : grid.rows) {
    FormRow row;
    row.first_on_page = first_row && table_pages_ > 0;
    first_row = false;
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
      if (!fc.blank) {
        int ox = 0, oy = 0;
        PixPtr crop = CropForOcr(cell->ink, data->page.grey.get(), &ox, &oy);
        if (crop) {
          cell->layout = cell->ink.lines.size() <= 1 ? OcrLayout::kSingleLine : OcrLayout::kBlock;
          cell->ocr = ocr_->Recognize(crop.get(), cell->layout, data->page.dpi);
          ToPage(&cell->ocr, ox, oy);
          ++timing.cells_ocred;
        }
        fc.text = cell->ocr.text;
        fc.confidence = cell->ocr.confidence;
        // Ink that reads as nothing: a stray mark, not a value.
        if (fc.text.empty()) fc.confidence = 0.5;
      } else {
        fc.confidence = 0.9;
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
  const CellData& data = *cells_[cell.ref];
  return JudgeCheckboxes(data.ink, data.ocr, options);
}

std::string ScannedForm::Png(const FormCell& cell) {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return "";
  const CellData& data = *cells_[cell.ref];
  const PageData& page = *pages_[data.page];
  return CellPng(page.page.grey.get(), data.box, page.page.dpi);
}

void ScannedForm::Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) {
  if (cell.ref < 0 || static_cast<size_t>(cell.ref) >= cells_.size()) return;
  if (field.type == "wan" || field.type == "pct" || field.type == "number") reading->raw = FixDigitGrouping(reading->raw);
  const RereadRule* rule = reread_.For(field, reading->raw);
  if (rule == nullptr || !reread_.ShouldReread(*rule, field, reading->raw)) return;
  const CellData& data = *cells_[cell.ref];
  int ox = 0, oy = 0;
  PixPtr crop = CropForOcr(data.ink, pages_[data.page]->page.grey.get(), &ox, &oy);
  if (!crop) return;
  ocr_->SetCharacterWhitelist(reread_.Whitelist(*rule, field));
  OcrResult again = ocr_->Recognize(crop.get(), data.layout, pages_[data.page]->page.dpi);
  ocr_->SetCharacterWhitelist("");
  std::string text = CleanCellText(again.text);
  if (field.type == "wan" || field.type == "pct" || field.type == "number") text = FixDigitGrouping(text);
  if (!reread_.Accept(*rule, field, text)) return;
  // A whitelist makes Tesseract drop what it cannot place: a shorter re-read
  // of an amount lost characters, not noise.
  if (rule->when == RereadWhen::kNotClean && ToCodepoints(text).size() < ToCodepoints(reading->raw).size()) return;
  reading->raw = text;
  // The whitelist narrowed the choice: trust it a little less than a free read.
  reading->confidence = again.confidence * 0.95;
}

}  // namespace gm::form
