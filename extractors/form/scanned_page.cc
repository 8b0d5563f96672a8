#include "extractors/form/scanned_page.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "extractors/form/checkbox.h"

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

// A line the raw-line mode alone reads is kept only this confident (specks
// and stray strokes read as 和 at 0.0; a lone 目 at 0.8).
constexpr double kSureRawLine = 0.6;

// A blank cell is surely blank.
constexpr double kBlankCell = 0.9;
// Ink that reads as nothing: a stray mark, not a value.
constexpr double kInkReadAsNothing = 0.5;

// One line image through the OCR, scaled by `scale`; boxes mapped back to
// page pixels with the crop's origin. `careful`: by the careful model.
OcrResult Recognize(OcrEngine* ocr, PixPtr crop, double scale, int dpi, int ox, int oy, bool careful) {
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
    return careful ? ocr->RecognizeCarefully(crop.get(), layout, at) : ocr->Recognize(crop.get(), layout, at);
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

// The OCR of a cell, boxes in page pixels: one line as it is, several line
// by line; `scale` enlarges the text first.
OcrResult ReadCell(OcrEngine* ocr, const CellInk& ink, PIX* grey, int dpi, double scale, bool careful) {
  OcrResult out;
  if (ink.lines.size() <= 1) {
    int ox = 0, oy = 0;
    PixPtr crop = CropForOcr(ink, grey, &ox, &oy);
    if (!crop) return out;
    return Recognize(ocr, std::move(crop), scale, dpi, ox, oy, careful);
  }
  // Line by line: the lines joined, their words and symbols renumbered.
  double weighted = 0, weight = 0;
  for (size_t l = 0; l < ink.lines.size(); ++l) {
    int ox = 0, oy = 0;
    PixPtr crop = CropLineForOcr(ink, l, grey, &ox, &oy);
    if (!crop) continue;
    OcrResult line = Recognize(ocr, std::move(crop), scale, dpi, ox, oy, careful);
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

// Cell readings the orientation probe made upright, by the cell box's origin.
using ProbedReadings = std::map<std::pair<int, int>, OcrResult>;

// Clockwise degrees (0, 90, 180, 270) that make the page read best: OCR of
// a few cells as they are and turned, stopping at a confident reading. The
// upright readings of the probed cells go to `upright_reads`, as ReadCell
// makes them. `turned_reads` counts the readings of turned probes.
int Orientation(const FormLabels& labels, const CleanPage& page, const TableGrid& grid, PIX* text, OcrEngine* ocr,
                ProbedReadings* upright_reads, int* turned_reads) {
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
    CellInk ink = AnalyzeCell(text, box, grid.line_width, page.dpi);
    Probe p;
    p.crop = CropForOcr(ink, page.grey.get(), &p.ox, &p.oy);
    if (!p.crop || ink.lines.empty() || (!lines_too && ink.lines.size() != 1)) return std::nullopt;
    p.at = {box.x, box.y};
    p.lines = ink.lines.size() > 1;
    return p;
  };
  std::vector<Probe> probes;
  for (const GridRow& row : grid.rows) {
    if (row.cells.size() < 3 || probes.size() >= kOrientationProbes) continue;
    for (const CellBox& box : row.cells)
      if (std::optional<Probe> p = probe_of(box, false)) {
        probes.push_back(std::move(*p));
        break;
      }
  }
  if (probes.empty())
    for (const GridRow& row : grid.rows) {
      if (row.cells.size() != 2) continue;
      for (const CellBox& box : row.cells)
        if (probes.size() < kOrientationProbes)
          if (std::optional<Probe> p = probe_of(box, true)) probes.push_back(std::move(*p));
    }
  if (probes.empty()) return 0;
  OcrPurpose purpose(ocr, "orientation probes");
  // How well the probes read turned by `quads` quarter turns clockwise.
  // Upright, each one-line probe is read as its cell will be, and the
  // reading kept for it.
  auto score = [&](int quads) {
    double total = 0;
    for (const Probe& p : probes) {
      OcrResult r;
      if (quads == 0 && !p.lines) {
        r = Recognize(ocr, ClonePix(p.crop.get()), 1.0, page.dpi, p.ox, p.oy, false);
        (*upright_reads)[p.at] = r;
      } else {
        PixPtr turned = AdoptPix(pixRotateOrth(p.crop.get(), quads));
        if (!turned) continue;
        r = ocr->Recognize(turned.get(), p.lines ? OcrLayout::kBlock : OcrLayout::kSingleLine, page.dpi);
        if (quads != 0) ++*turned_reads;
      }
      // A known label read the right way settles it.
      total += r.confidence + (labels.Match(r.text).spec != nullptr ? 1.0 : 0.0);
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

}  // namespace

struct ScannedPage::Cell {
  CellBox box;
  CellInk ink;
  OcrResult ocr;                   // the first reading, boxes in page pixels
  std::unique_ptr<CellInk> faint;  // ink with the faint strokes (WithFaintStrokes); lazily
  std::map<CellRead, OcrResult> again;  // the readings ReadAgain made
};

ScannedPage::ScannedPage() = default;
ScannedPage::~ScannedPage() = default;

std::vector<ScannedPage*> PagesOf(ScannedPages& pages) {
  std::vector<ScannedPage*> out;
  for (std::unique_ptr<ScannedPage>& p : pages) out.push_back(p.get());
  return out;
}

const CellInk& ScannedPage::Ink(int cell) const { return cells_[cell]->ink; }

const OcrResult& ScannedPage::FirstReading(int cell) const { return cells_[cell]->ocr; }

const CellInk& ScannedPage::FaintInk(int cell) {
  Cell& c = *cells_[cell];
  if (!c.faint) c.faint = std::make_unique<CellInk>(WithFaintStrokes(c.ink, page_.grey.get()));
  return *c.faint;
}

const CellInk& ScannedPage::CheckboxInk(int cell) {
  // The cell's own ink, unless one of its pairs spans more (or less) than
  // the rest and the faint strokes make them all alike: a bracket the
  // threshold lost was stood in for by a glyph's stroke bowed like （.
  const CellInk& own = cells_[cell]->ink;
  if (PairsShareOneSpan(FindBracketPairs(own))) return own;
  const CellInk& faint = FaintInk(cell);
  const std::vector<BracketPair> pairs = FindBracketPairs(faint);
  return pairs.size() >= 2 && PairsShareOneSpan(pairs) ? faint : own;
}

std::string ScannedPage::Png(int cell) const { return CellPng(page_.grey.get(), cells_[cell]->box, page_.dpi); }

const OcrResult& ScannedPage::ReadAgain(int cell, const CellRead& how, OcrEngine* ocr) {
  Cell& c = *cells_[cell];
  auto kept = c.again.find(how);
  if (kept != c.again.end()) return kept->second;
  if (!how.whitelist.empty()) ocr->SetCharacterWhitelist(how.whitelist);
  OcrResult read = ReadCell(ocr, c.ink, page_.grey.get(), page_.dpi, how.scale, how.careful);
  if (!how.whitelist.empty()) ocr->SetCharacterWhitelist("");
  return c.again.emplace(how, std::move(read)).first->second;
}

Status ScannedPage::Read(const FormLabels& labels, const OcrFixes& fixes, PIX* image, int dpi,
                         const std::string& file, int page_index, OcrEngine* ocr, std::unique_ptr<ScannedPage>* out) {
  out->reset(new ScannedPage());
  ScannedPage& p = **out;
  p.file_ = file;
  p.index_ = page_index;
  auto start = std::chrono::steady_clock::now();
  Status s = CleanPageImage(image, dpi, &p.page_);
  if (!s.ok()) return s;
  p.timing_.clean_ms = MsSince(start);
  start = std::chrono::steady_clock::now();
  s = FindTableGrid(p.page_.binary.get(), p.page_.dpi, &p.grid_);
  if (!s.ok()) return s;
  p.timing_.grid_ms = MsSince(start);
  if (p.grid_.empty()) return Status::OK();
  start = std::chrono::steady_clock::now();
  p.text_ = WithoutRulings(p.page_.binary.get(), p.grid_);
  if (!p.text_) return Status::Internal("表格线去除失败");
  // Cells the orientation probe read upright, by box origin: not read twice.
  ProbedReadings probed;
  if (int degrees = Orientation(labels, p.page_, p.grid_, p.text_.get(), ocr, &probed, &p.timing_.orientation_reads);
      degrees != 0) {
    p.timing_.orientation_reads += static_cast<int>(probed.size());
    probed.clear();
    RotatePage(&p.page_, degrees);
    s = FindTableGrid(p.page_.binary.get(), p.page_.dpi, &p.grid_);
    if (!s.ok()) return s;
    p.text_ = WithoutRulings(p.page_.binary.get(), p.grid_);
    if (!p.text_) return Status::Internal("表格线去除失败");
  }
  // No longer needed (the cells' ink is in text_, their images in grey):
  // the page is kept while the form is assembled.
  p.grid_.rulings.reset();
  p.page_.binary.reset();
  p.has_table_ = true;
  p.ReadCells(labels, fixes, std::move(probed), ocr);
  p.timing_.ocr_ms = MsSince(start);
  return Status::OK();
}

void ScannedPage::ReadCells(const FormLabels& labels, const OcrFixes& fixes, ProbedReadings probed, OcrEngine* ocr) {
  const double table_w = std::max(1, grid_.right - grid_.left);
  for (const GridRow& grow : grid_.rows) {
    FormRow row;
    // A checkbox label read in the cell just left: its group may be settled by pixels alone.
    const LabelSpec* checkbox_label = nullptr;
    for (const CellBox& box : grow.cells) {
      const int ref = static_cast<int>(cells_.size());
      cells_.push_back(std::make_unique<Cell>());
      Cell& cell = *cells_.back();
      cell.box = box;
      cell.ink = AnalyzeCell(text_.get(), box, grid_.line_width, page_.dpi);
      FormCell fc;
      fc.file = file_;
      fc.page = index_;
      fc.x = box.x;
      fc.y = box.y;
      fc.w = box.w;
      fc.h = box.h;
      fc.x0 = (box.x - grid_.left) / table_w;
      fc.x1 = (box.x + box.w - grid_.left) / table_w;
      fc.ref = ref;
      fc.blank = cell.ink.blank();
      CheckboxDecision marks;
      if (fc.blank) {
        fc.confidence = kBlankCell;
      } else if (checkbox_label != nullptr &&
                 (MarksFromPixelsAlone(CheckboxInk(ref), checkbox_label->options, &marks) ||
                  MarksFromPixelsAlone(FaintInk(ref), checkbox_label->options, &marks))) {
        // One printed pair per option: the pixels say it all, and the OCR
        // of a whole group of options would cost as much as a value's.
        fc.text = CheckboxGroupText(checkbox_label->options, marks.marked);
        fc.confidence = marks.confidence;
        timing_.cells_by_marks += 1;
      } else {
        auto probe = probed.find({box.x, box.y});
        if (probe != probed.end() && cell.ink.lines.size() == 1) {
          cell.ocr = std::move(probe->second);
        } else {
          cell.ocr = ReadCell(ocr, cell.ink, page_.grey.get(), page_.dpi, 1.0, false);
        }
        timing_.cells_ocred += 1;
        fc.text = fixes.Apply(cell.ocr.text);
        fc.confidence = cell.ocr.confidence;
        for (const OcrWord& sym : cell.ocr.symbols) fc.weakest = std::min(fc.weakest, sym.confidence);
        if (fc.text.empty()) fc.confidence = kInkReadAsNothing;
      }
      checkbox_label = nullptr;
      if (!cell.ocr.text.empty()) {
        const LabelSpec* spec = labels.Match(cell.ocr.text).spec;
        if (spec != nullptr && spec->kind == CellKind::kCheckbox && spec->place == ValuePlace::kRight)
          checkbox_label = spec;
      }
      row.cells.push_back(std::move(fc));
    }
    rows_.push_back(std::move(row));
  }
}

}  // namespace gm::form
