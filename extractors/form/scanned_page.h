// ScannedPage: one page of a scanned application form as read — cleaned and
// turned upright (upside down or on its side), its table's grid found, every
// inked cell OCRed once (labels and values alike, line by line, as the
// cell's own row profile splits it) — except a checkbox group right of its
// label whose printed bracket pairs are one per option: its marks come from
// the pixels and its text is written from them.
//
// A page is read once and kept as a value, with its rows and each cell's
// image and readings, so that the form can be assembled from any chosen set
// of pages (ScannedForm) as often as it must be — the classified scans
// together, a stray page alone, then all of them in the form's order —
// without OCRing a page again. What an assembly asks of a cell beyond its
// first reading (a number read larger, a reread with a character whitelist,
// the careful model's reading: ReadAgain) is OCRed the first time it is
// asked and kept in the page as well: the same question is never read twice.
//
// Thread-compatible: a page is read and used on one thread at a time, with
// that thread's OcrEngine.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "extractors/form/cell_image.h"
#include "extractors/form/form_assembler.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/page_cleaner.h"
#include "extractors/form/table_grid.h"
#include "extractors/ocr/engine.h"
#include "pipeline/core/status.h"

namespace gm::form {

struct PageTiming {
  double clean_ms = 0, grid_ms = 0, ocr_ms = 0;
  int cells_ocred = 0;
  int cells_by_marks = 0;  // checkbox groups settled by their pixels, not OCRed
  int orientation_reads = 0;  // OCR calls of the orientation probe that no cell reuses
};

// How a cell is read again (ScannedPage::ReadAgain): the key its reading is
// kept under.
struct CellRead {
  double scale = 1.0;     // the text enlarged first
  bool careful = false;   // by the careful model (OcrEngine::RecognizeCarefully)
  std::string whitelist;  // the only characters allowed; empty: all. Own model only.

  bool operator<(const CellRead& o) const {
    return std::tie(scale, careful, whitelist) < std::tie(o.scale, o.careful, o.whitelist);
  }
};

class ScannedPage {
 public:
  // Reads page `page_index` of `file` from `image` (any depth; `dpi` as
  // declared, 0 if unknown). A page without a table is OK and holds no rows.
  // `*out` is set even on error (an image that cannot be cleaned): such a
  // page holds no table, and still counts among the form's pages read.
  // REQUIRES: image, ocr and out not null. `labels` and `fixes` are used
  // during the call only.
  static Status Read(const FormLabels& labels, const OcrFixes& fixes, PIX* image, int dpi, const std::string& file,
                     int page_index, OcrEngine* ocr, std::unique_ptr<ScannedPage>* out);

  ~ScannedPage();
  ScannedPage(const ScannedPage&) = delete;
  ScannedPage& operator=(const ScannedPage&) = delete;

  const std::string& file() const { return file_; }
  int index() const { return index_; }
  // Whether a table was found on the page and its cells read. Its rows are
  // none only when the page, turned upright, showed no grid any more.
  bool has_table() const { return has_table_; }
  // The rows of the page's table, top to bottom. A cell's `ref` is its index
  // among this page's cells, the `cell` of the calls below; `first_on_page`
  // is false (it is the assembly's to set).
  const std::vector<FormRow>& rows() const { return rows_; }
  const PageTiming& timing() const { return timing_; }

  // The calls below take a cell of rows() (0 <= cell < cell_count()).
  int cell_count() const { return static_cast<int>(cells_.size()); }
  // The cell's ink, as the page's table holds it.
  const CellInk& Ink(int cell) const;
  // The cell's reading by the page's OCR (boxes in page pixels); empty for a
  // blank cell and for a checkbox group settled by its pixels.
  const OcrResult& FirstReading(int cell) const;
  // The cell's ink with its faint strokes (WithFaintStrokes), computed once.
  const CellInk& FaintInk(int cell);
  // The ink a checkbox group is judged from first: the cell's own, or its
  // faint strokes when only they give pairs of one printed span.
  const CellInk& CheckboxInk(int cell);
  // A PNG of the cell for the reviewer; "" on failure.
  std::string Png(int cell) const;
  // The cell read again as `how` says: OCRed by `ocr` the first time it is
  // asked (timed under `ocr`'s purpose then), the kept reading after.
  // REQUIRES: ocr != nullptr, of the same models for every call on a page.
  const OcrResult& ReadAgain(int cell, const CellRead& how, OcrEngine* ocr);

 private:
  struct Cell;
  ScannedPage();
  // Reads the cells of the page's table (`probed`: readings the orientation
  // probe made upright, by cell origin, taken over as they are).
  void ReadCells(const FormLabels& labels, const OcrFixes& fixes, std::map<std::pair<int, int>, OcrResult> probed,
                 OcrEngine* ocr);

  std::string file_;
  int index_ = 0;
  CleanPage page_;
  TableGrid grid_;
  PixPtr text_;  // the binary page without its rulings: what the cells hold
  std::vector<std::unique_ptr<Cell>> cells_;
  bool has_table_ = false;
  std::vector<FormRow> rows_;
  PageTiming timing_;
};

// The pages of a form's files as read, in order.
using ScannedPages = std::vector<std::unique_ptr<ScannedPage>>;
// `pages` as the pointers ScannedForm and FormReader::AssembleScanned take
// (an assembly may keep second looks in them).
std::vector<ScannedPage*> PagesOf(ScannedPages& pages);

}  // namespace gm::form
