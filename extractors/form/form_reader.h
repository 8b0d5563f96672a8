// FormReader: reads the 入库申请表 (附件2 of the guide) into a FormReading —
// for each field key of fields.tsv, the raw text of its value cell, the
// checkbox options marked, a confidence, and where it came from (file, page,
// cell box, a small PNG of the cell). Normalization turns the raw text into
// typed values; the reader never types anything.
//
// Scans: every page is cleaned (seal removed by colour, deskewed, turned
// upright), its table found from the ruling lines, each inked cell OCRed
// once; labels are recognised by their text (templates/form_labels.tsv), so
// other column widths, row heights and page breaks read the same.
// Electronic forms: a docx table, or a text PDF's positioned spans.
//
// The layout knowledge is data: form_labels.tsv, form_compound.tsv,
// form_reread.tsv, form_capital.tsv, form_ocr_fixes.tsv, form_second_look.tsv, form_typed_names.tsv and
// ocr_words.txt (the domain's words, see form::DomainWords) under Templates::dir().
//
// Thread-safety: a FormReader is immutable after Create; all methods are
// const and may run on many threads at once, each with its own OcrEngine.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/form/capital_amount.h"
#include "extractors/form/domain_words.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/reread_rules.h"
#include "extractors/form/scanned_page.h"
#include "extractors/form/second_look.h"
#include "extractors/form/typed_names.h"
#include "extractors/ocr/engine.h"
#include "pipeline/core/document.h"
#include "pipeline/core/reading.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

class FormReader {
 public:
  // Loads labels and options from templates.dir() (form_labels.tsv …) and templates.fields().
  static Status Create(const Templates& templates, std::unique_ptr<FormReader>* out);

  // Reads the form from scanned pages: `docs` are the documents classified as the application form
  // (a scanned PDF, or several photos, one a page), in order; `paths` their file paths in the package.
  // Errors only when nothing could be read at all. Thread-safe (const); `ocr` is used by this thread only.
  // The same as ReadScannedPages, then AssembleScanned of the pages read.
  Status ReadScanned(const std::vector<const Document*>& docs, const std::vector<std::string>& paths,
                     OcrEngine* ocr, FormReading* out) const;

  // Reads the pages of `docs` (as ReadScanned; at most kMaxFormPages in
  // all), each OCRed once, into `pages`, in order — also when it errs (a
  // page that could not be loaded is not among them; one that could not be
  // cleaned is, without a table). Errors as ReadScanned when no page holds
  // a table. `ocr` is used by this thread only.
  Status ReadScannedPages(const std::vector<const Document*>& docs, const std::vector<std::string>& paths,
                          OcrEngine* ocr, form::ScannedPages* pages) const;

  // Assembles the form from pages read before (ReadScannedPages), given in
  // the order of their files — the first kMaxFormPages of them; they are put
  // into the form's order by their labels (form::InFormOrder). No page is
  // OCRed again: OCR runs only for a second look at a cell (a number read
  // larger, a whitelist, the careful model) that no assembly of the page
  // asked for before, and it is kept in the page (form::ScannedPage).
  // NotFound when no page holds a table or no label is found.
  // REQUIRES: the pages are used by this thread only, with `ocr` (the engine
  // that read them, or one of the same models).
  Status AssembleScanned(const std::vector<form::ScannedPage*>& pages, OcrEngine* ocr, FormReading* out) const;

  // Reads the form from an electronic document (docx tables, or a text PDF's spans).
  Status ReadElectronic(const Document& doc, const std::string& path, FormReading* out) const;

  // Puts right the misread characters of a scan's names (the fields of
  // form_typed_names.tsv) from the package's typed texts — its name, the
  // e-mail's subject and body, its files' names; see form::TypedNames. A
  // name read doubtfully (kDoubtfulName) may take its typed copy whole.
  void CorrectNames(const std::vector<std::string>& typed_texts, FormReading* reading) const;
  // How much a page looks like the application form (0..1), from text already available
  // (e.g. the OCR of the page top that classification did): title words and labels found.
  double FormLikeness(std::string_view text) const;

  // At most this many pages of the given documents are read as the form
  // (the form has three or four; the rest of a long scan is something else).
  static constexpr int kMaxFormPages = 8;
  // A scanned name read with less confidence than this may be replaced whole
  // by its typed copy (form::TypedNames::WholeName).
  static constexpr double kDoubtfulName = 0.85;
  // The confidence of a name that the package's typed texts spell out whole.
  static constexpr double kTypedNameConfidence = 0.85;

 private:
  FormReader() = default;
  Templates templates_;
  form::FormLabels labels_;
  form::RereadRules reread_;
  form::SecondLookRules second_look_;
  form::CapitalAmount capital_;
  form::OcrFixes fixes_;
  form::DomainWords domain_words_;
  std::vector<std::string> typed_name_fields_;
};

}  // namespace gm
