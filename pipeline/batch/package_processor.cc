#include "pipeline/batch/package_processor.h"

#include <set>

#include "pipeline/batch/form_pages.h"
#include "pipeline/batch/found_statements.h"
#include "pipeline/batch/opened_files.h"
#include "pipeline/batch/package_form.h"
#include "pipeline/check/checks.h"

namespace gm {
namespace {

// The record as far as the checks: files (the stray form pages of the form's
// kind), financials, fields, and the findings of every stage in stage order.
Record RecordBeforeChecks(const Package& package, const OpenedFiles& opened, const FoundStatements& statements,
                          const FormPages& form_pages, const FormFields& form, const std::vector<Finding>& refused) {
  Record record;
  record.package_id = package.id;
  record.source = package.source;
  record.origin = package.origin;
  record.files = opened.entries;
  for (size_t i : form_pages.stray) record.files[i].kind = "application_form";
  record.pages_read = opened.pages;
  record.financials = MergeFinancials(statements.statements);
  record.fields = form.fields;
  record.findings = package.findings;
  for (const std::vector<Finding>* stage : {&opened.findings, &statements.findings, &form.findings, &refused})
    record.findings.insert(record.findings.end(), stage->begin(), stage->end());
  return record;
}

// Each file's classification as the checks see it: a stray page of the form
// is of the form's kind; a file not opened has none.
std::vector<Classification> ClassificationsForChecks(const OpenedFiles& opened, const FormPages& form_pages) {
  std::vector<Classification> out;
  for (size_t i = 0; i < opened.files.size(); ++i) {
    const OpenedFile& f = opened.files[i];
    if (!f.opened) {
      out.push_back(Classification());
    } else if (form_pages.IsStray(i)) {
      out.push_back(Classification{"application_form", f.cls.confidence, false, f.cls.text_source,
                                   f.cls.first_page_text});
    } else {
      out.push_back(f.cls);
    }
  }
  return out;
}

// Ingest and opening may both report the same unreadable file; one finding a file is enough.
void DropRepeatedUnreadable(std::vector<Finding>* findings) {
  std::set<std::string> seen;
  std::vector<Finding> kept;
  for (Finding& f : *findings) {
    if (f.code == "unreadable_input" && !seen.insert(f.field).second) continue;
    kept.push_back(std::move(f));
  }
  *findings = std::move(kept);
}

// The last stage: the checklist and the checks' findings (against the
// library's earlier record of the project, if any) added to `record`.
void CheckRecord(const BatchContext& ctx, const std::vector<StatementPlace>& places,
                 const std::vector<Classification>& classifications, Record* record) {
  CheckInput in;
  in.templates = &ctx.templates;
  in.fields = &record->fields;
  in.financials = &record->financials;
  in.statements = &places;
  in.files = &record->files;
  in.classifications = &classifications;
  in.blacklist = &ctx.blacklist;
  in.as_of = ctx.settings.as_of;
  in.prior_findings = &record->findings;
  if (const PriorProject* prior = FindPriorProject(ctx.library_projects, record->package_id, record->fields)) {
    record->prior = *prior;
    in.prior = &*record->prior;
    in.major_change_share = ctx.major_change_share;
  }
  CheckOutput checked;
  RunChecks(in, &checked);
  record->checklist = std::move(checked.checklist);
  record->findings.insert(record->findings.end(), checked.findings.begin(), checked.findings.end());
  DropRepeatedUnreadable(&record->findings);
}

}  // namespace

void ProcessPackage(const BatchContext& ctx, const Package& package, OcrEngine* ocr,
                    const StageCallback& on_stage_of_batch, Record* out) {
  // Each stage is also the OCR engine's purpose, for `run --timings`.
  auto on_stage = [&](const std::string& stage, int pages_read) {
    if (ocr) ocr->SetPurpose(stage);
    on_stage_of_batch(stage, pages_read);
  };
  on_stage("classify", 0);
  const OpenedFiles opened = OpenAndClassify(ctx, package, ocr);

  on_stage("statements", opened.pages);
  const FoundStatements statements = FindStatements(ctx, package, opened, ocr);

  on_stage("form", opened.pages);
  FormScan scan;
  const FormPages form_pages = DecideFormPages(ctx, package, opened, statements.Files(), ocr, &scan);
  const PackageForm form = ReadPackageForm(ctx, package, opened, form_pages, std::move(scan), ocr);
  const FormFields fields = NormalizeForm(ctx, form);
  // After the last stage that loads pages.
  const std::vector<Finding> refused = RefusedPageFindings(ctx, package, opened);

  on_stage("check", opened.pages);
  Record record = RecordBeforeChecks(package, opened, statements, form_pages, fields, refused);
  CheckRecord(ctx, statements.Places(), ClassificationsForChecks(opened, form_pages), &record);
  if (ocr) ocr->SetPurpose("");
  *out = std::move(record);
}

}  // namespace gm
