// FormAssembler: turns the cells of the form's table, read row by row (from
// a scan or from an electronic document), into a FormReading — which cell is
// which label, which cells hold its value, how compound cells split and
// checkbox groups resolve. The layout knowledge comes from FormLabels; the
// pixels, when there are any, stay behind the CellReader interface.
//
// Rules: a value sits right of its label (up to the next label in the row)
// or, for a label placed `below`, in the next row. A row without labels that
// opens a page under an empty first cell continues the cells above it (a
// row split by a page break).
// Section headers only count when the cell spans most of the table.
//
// Thread-safety: AssembleForm is pure apart from the CellReader it calls.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/form/checkbox.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/second_look.h"
#include "pipeline/core/reading.h"
#include "pipeline/core/templates.h"

namespace gm::form {

struct FormCell {
  std::string text;          // as read: OCR text or the document's text, lines separated by '\n'
  double confidence = 1.0;   // of the text, 0..1
  double weakest = 1.0;      // the least sure character's confidence, 0..1 (1 when unknown)
  bool blank = false;        // no ink / no text
  double x0 = 0, x1 = 0;     // horizontal extent as a fraction of the table width (for continuations)
  std::string file;          // the file it came from; empty: the `file` given to AssembleForm
  int page = -1;             // page of the document; -1 when not paged
  int x = 0, y = 0, w = 0, h = 0;  // box in page pixels; w == 0 when none
  int ref = -1;              // the CellReader's own handle (e.g. an index into its cell images)
};

struct FormRow {
  std::vector<FormCell> cells;  // left to right
  bool first_on_page = false;   // the first table row of a page after the first page
};

// What the assembler needs beyond text: checkbox marks, cell images, and a
// second look at a value with hints. Implemented for scans (pixels) and for
// electronic forms (text only).
class CellReader {
 public:
  virtual ~CellReader() = default;
  // Marks of `options` in the cell.
  virtual CheckboxDecision Marks(const FormCell& cell, const std::vector<std::string>& options) = 0;
  // A PNG of the cell for the reviewer; "" when there is no image.
  virtual std::string Png(const FormCell& cell) { return ""; }
  // May improve `raw`/`confidence` of a value cell of `field` (e.g. re-read
  // with the field's vocabulary as a character whitelist). Default: nothing.
  virtual void Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) {}
  // The careful model's reading of `cell`, when the value of field `key`
  // read from it gets a second look (form_second_look.tsv); nullopt when
  // not, or when there is no careful model. For the parts of a compound
  // cell, which Refine does not see.
  virtual std::optional<CarefulReading> ReadCarefully(const FormCell& cell, const std::string& key) {
    return std::nullopt;
  }
};

// Builds the readings of all labels found in `rows` into `out->fields`
// (keys of fields.tsv; a label not found leaves its keys absent). Sets
// `out->mean_confidence`; `source_file` and `method` are the caller's.
// Provenance gets `file`, the page and box of the value cells, and the PNG.
void AssembleForm(const FormLabels& labels, const Templates& templates, const std::vector<FormRow>& rows,
                  const std::string& file, CellReader* reader, FormReading* out);

}  // namespace gm::form
