// ScannedForm: the pages of a scanned application form as the FormAssembler
// reads them — their table rows one page after another — and the answers to
// its questions about a cell (CellReader): checkbox marks from pixels, a PNG
// per value cell, a larger second look at a doubtful number, a second OCR
// pass with a character whitelist (form_reread.tsv) for a value that does
// not look like its field, and the careful model's reading
// (form_second_look.tsv).
//
// The pages were read before (ScannedPage) and are borrowed: a ScannedForm
// is one assembly of a chosen set of them and reads no page again. The
// second looks it asks for are kept in the pages (ScannedPage::ReadAgain),
// so another assembly of the same pages asks the OCR for none of them; what
// belongs to this assembly alone stays here — which pages are in doubt (a
// name the two models read differently), so that an assembly answers as if
// its pages had been read for it.
//
// Thread-compatible: one ScannedForm per assembly, on one thread, with that
// thread's OcrEngine (which must outlive it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/form/capital_amount.h"
#include "extractors/form/form_assembler.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/reread_rules.h"
#include "extractors/form/scanned_page.h"
#include "extractors/form/second_look.h"
#include "extractors/ocr/engine.h"

namespace gm::form {

class ScannedForm : public CellReader {
 public:
  // The tables are the caller's and must outlive the ScannedForm.
  ScannedForm(const RereadRules& reread, const CapitalAmount& capital, const OcrFixes& fixes,
              const SecondLookRules& second_look, OcrEngine* ocr);
  ~ScannedForm() override;

  // Adds the rows of `page` after those of the pages added so far; a page
  // without a table adds none. REQUIRES: `page` outlives the ScannedForm and
  // no other thread uses it meanwhile (second looks are kept in it).
  void AddPage(ScannedPage* page);

  // The table rows of all pages added so far, in order. A cell's `ref` is
  // this form's own handle of it.
  const std::vector<FormRow>& rows() const { return rows_; }
  // Pages added that held a table.
  int table_pages() const { return static_cast<int>(pages_.size()); }

  // CellReader.
  CheckboxDecision Marks(const FormCell& cell, const std::vector<std::string>& options) override;
  std::string Png(const FormCell& cell) override;
  void Refine(const FormCell& cell, const FieldSpec& field, Reading* reading) override;
  std::optional<CarefulReading> ReadCarefully(const FormCell& cell, const std::string& key) override;

 private:
  // Where a cell of rows() is: its page (an index into pages_) and its
  // index among that page's cells.
  struct CellPlace {
    size_t page = 0;
    int cell = 0;
  };
  // The place of `cell`; nullopt when it is not one of this form's.
  std::optional<CellPlace> PlaceOf(const FormCell& cell) const;
  // The cell read again (ScannedPage::ReadAgain).
  const OcrResult& ReadAgain(const CellPlace& at, const CellRead& how);
  // A value read again by the careful model when form_second_look.tsv asks
  // (SettleTwoReadings: alike, the value is surer; different, it stays under
  // the review threshold). Only a value read whole from this one cell (not
  // cut, not joined with another cell's) is looked at again.
  void SecondLookCarefully(const FormCell& cell, const FieldSpec& field, Reading* reading);
  // A number read doubtfully, read again larger; the better reading kept.
  void SecondLookAtNumber(const CellPlace& at, const FieldSpec& field, Reading* reading);
  // A value its reread rule (form_reread.tsv) finds doubtful, read again
  // with the rule's character whitelist; kept when the rule accepts it.
  void RereadWithWhitelist(const CellPlace& at, const FieldSpec& field, Reading* reading);

  const RereadRules& reread_;
  const CapitalAmount& capital_;
  const OcrFixes& fixes_;
  const SecondLookRules& second_look_;
  OcrEngine* ocr_;
  std::vector<ScannedPage*> pages_;  // those with a table, borrowed
  std::vector<bool> in_doubt_;       // by page: the two models read a name of it differently (SecondLookRules::Wants)
  std::vector<CellPlace> cells_;     // by FormCell::ref
  std::vector<FormRow> rows_;
};

}  // namespace gm::form
