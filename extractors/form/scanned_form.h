// ScannedForm: the pages of a scanned application form, read into the rows
// of its table for the FormAssembler — each page cleaned and turned upright
// (upside down or on its side),
// its grid found, every inked cell OCRed once (labels and values alike,
// line by line, as the cell's own row profile splits it) — except a checkbox
// group right of its label whose printed bracket pairs are one per option:
// its marks come from the pixels and its text is written from them. It keeps the
// cell images, so that it can answer the assembler's questions as a
// CellReader: checkbox marks from pixels, a PNG per value cell, and a second
// OCR pass with a character whitelist (form_reread.tsv) for a value that does
// not look like its field.
//
// Thread-compatible: one ScannedForm per form being read, on one thread,
// with that thread's OcrEngine (which must outlive it).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extractors/form/capital_amount.h"
#include "extractors/form/cell_image.h"
#include "extractors/form/form_assembler.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/page_cleaner.h"
#include "extractors/form/reread_rules.h"
#include "extractors/form/second_look.h"
#include "extractors/form/table_grid.h"
#include "extractors/ocr/engine.h"

namespace gm::form {

struct PageTiming {
  double clean_ms = 0, grid_ms = 0, ocr_ms = 0;
  int cells_ocred = 0;
  int cells_by_marks = 0;  // checkbox groups settled by their pixels, not OCRed
  int orientation_reads = 0;  // OCR calls of the orientation probe that no cell reuses
};

class ScannedForm : public CellReader {
 public:
  // The tables are the caller's and must outlive the ScannedForm.
  ScannedForm(const FormLabels& labels, const RereadRules& reread, const CapitalAmount& capital,
              const OcrFixes& fixes, const SecondLookRules& second_look, OcrEngine* ocr);
  ~ScannedForm() override;

  // Reads one page image (any depth; `dpi` as declared, 0 if unknown) that
  // belongs to `file`, page `page_index` of it. A page without a table adds
  // no rows and is OK; errors are for images that cannot be cleaned.
  Status AddPage(PIX* image, int dpi, const std::string& file, int page_index);

  // The table rows of all pages added so far, in order.
  const std::vector<FormRow>& rows() const { return rows_; }
  // Pages that held a table.
  int table_pages() const { return table_pages_; }
  const std::vector<PageTiming>& timings() const { return timings_; }

  // CellReader.
  CheckboxDecision Marks(const FormCell& cell, const std::vector<std::string>& options) override;
  std::string Png(const FormCell& cell) override;
  void Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) override;
  std::optional<CarefulReading> ReadCarefully(const FormCell& cell, const std::string& key) override;

 private:
  struct PageData;
  struct CellData;
  // Which of the engine's models reads: its own, or the careful one
  // (OcrEngine::RecognizeCarefully).
  enum class Model { kOwn, kCareful };
  // One line image through the OCR, scaled by `scale`; boxes mapped back to
  // page pixels with the crop's origin.
  OcrResult Recognize(PixPtr crop, double scale, int dpi, int ox, int oy, Model model = Model::kOwn);
  // The OCR of a cell, boxes in page pixels: one line as it is, several
  // line by line; `scale` enlarges the text first.
  OcrResult ReadCell(const CellInk& ink, PIX* grey, int dpi, double scale, Model model = Model::kOwn);
  // A value read again by the careful model when form_second_look.tsv asks
  // (SettleTwoReadings: alike, the value is surer; different, it stays under
  // the review threshold). Only a value read whole from this one cell (not
  // cut, not joined with another cell's) is looked at again.
  void SecondLookCarefully(const FormCell& cell, const FieldSpec& field, Reading* reading);
  // The cell's ink with its faint strokes (WithFaintStrokes), computed once;
  // `grey` is the cell's page.
  const CellInk& FaintInk(CellData* cell, PIX* grey);
  // The ink a checkbox group is judged from first: the cell's own, or its
  // faint strokes when only they give pairs of one printed span.
  const CellInk& CheckboxInk(CellData* cell, PIX* grey);
  // A number read doubtfully, read again larger; the better reading kept.
  void SecondLookAtNumber(const FormCell& cell, const FieldSpec& field, Reading* reading);
  // A value its reread rule (form_reread.tsv) finds doubtful, read again
  // with the rule's character whitelist; kept when the rule accepts it.
  void RereadWithWhitelist(const FormCell& cell, const FieldSpec& field, Reading* reading);
  // Clockwise degrees (0, 90, 180, 270) that make the page read best: OCR of
  // a few cells as they are and turned, stopping at a confident reading.
  // The upright readings of the probed cells go to `upright_reads`, by the
  // cell box's origin, as ReadCell makes them. REQUIRES: page.text is set.
  // `turned_reads` counts the readings of turned probes.
  int Orientation(const PageData& page, std::map<std::pair<int, int>, OcrResult>* upright_reads, int* turned_reads);

  const FormLabels& labels_;
  const RereadRules& reread_;
  const CapitalAmount& capital_;
  const OcrFixes& fixes_;
  const SecondLookRules& second_look_;
  OcrEngine* ocr_;
  std::vector<std::unique_ptr<PageData>> pages_;
  std::vector<std::unique_ptr<CellData>> cells_;
  std::vector<FormRow> rows_;
  std::vector<PageTiming> timings_;
  int table_pages_ = 0;
};

}  // namespace gm::form
