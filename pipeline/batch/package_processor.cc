#include "pipeline/batch/package_processor.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>

#include "extractors/document/open_document.h"
#include "extractors/ocr/upright_pages.h"
#include "extractors/statements/statement_reader.h"
#include "pipeline/batch/form_merge.h"
#include "pipeline/check/checks.h"
#include "pipeline/core/page_list.h"

namespace gm {
namespace {

// A file opened and classified: the stage between ingest and reading.
struct OpenedFile {
  Document doc;
  Classification cls;
  bool opened = false;
};

bool IsStatementKind(const std::string& kind) {
  return kind == "balance_sheet" || kind == "income_statement" || kind == "cash_flow_statement" ||
         kind == "audit_report";
}

bool IsElectronic(const Document& doc) {
  if (IsOfficeFormat(doc.format)) return true;
  return std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return p.has_text(); });
}

// Opens and classifies every file; files that cannot be read get their error
// and an unreadable_input finding.
std::vector<OpenedFile> OpenAndClassify(const BatchContext& ctx, const Package& package, OcrEngine* ocr,
                                        Record* record) {
  std::vector<OpenedFile> opened(package.files.size());
  for (size_t i = 0; i < package.files.size(); ++i) {
    const InputFile& file = package.files[i];
    FileEntry entry;
    entry.path = file.path;
    entry.sha256 = file.sha256;
    entry.error = file.error;
    if (entry.error.empty()) {
      Status s = OpenDocument(file, i, ctx.settings.limits, &opened[i].doc);
      if (s.ok()) {
        opened[i].opened = true;
        {
          OcrPurpose purpose(ocr, "upright");
          TurnPagesUpright(&opened[i].doc, ocr);
        }
        opened[i].cls = ctx.classifier->Classify(opened[i].doc, file.path, ocr);
        entry.kind = opened[i].cls.kind;
        entry.pages = static_cast<int>(opened[i].doc.pages.size());
        if (IsOfficeFormat(opened[i].doc.format)) entry.pages = -1;
        entry.text_source = TextSourceName(opened[i].cls.text_source);
        // Read only in part (a page limit hit, a sheet cut short): the reviewer must know what was left out.
        for (const std::string& warning : opened[i].doc.warnings)
          record->findings.push_back(NewFinding(ctx.templates, "unreadable_input", file.path,
                                                "文件“" + file.path + "”未能完整读取：" + warning));
      } else {
        entry.error = s.message();
      }
    }
    if (!entry.error.empty()) {
      record->findings.push_back(NewFinding(ctx.templates, "unreadable_input", file.path,
                                            "文件“" + file.path + "”无法读取：" + entry.error));
    }
    record->files.push_back(std::move(entry));
  }
  return opened;
}

// How a file is searched for statements, or nullopt when it is not: files
// the classifier took for statements or an audit report, and electronic
// files of any kind but the form (their text costs no OCR), are read as
// statements; a scan nothing else fitted ("other") is searched at the top of
// each page for a statement's title. Approvals, certificates and the form
// are not searched.
std::optional<StatementSearch> StatementSearchFor(const OpenedFile& f) {
  if (!f.opened || f.cls.kind == "application_form") return std::nullopt;
  StatementSearch search;
  if (f.cls.text_source == TextSource::kOcr) search.first_page_top = f.cls.first_page_text;
  if (IsStatementKind(f.cls.kind)) return search;
  if (IsElectronic(f.doc)) return search;
  if (f.cls.kind != "other") return std::nullopt;
  search.titled_pages_only = true;
  return search;
}

// Every statement of the package, with where it was found; those whose
// title was found but whose figures could not be read get a low_confidence
// finding naming the file and pages.
std::vector<StatementFigures> FindStatements(const BatchContext& ctx, const std::vector<OpenedFile>& opened,
                                             const Package& package, OcrEngine* ocr, Record* record) {
  std::vector<StatementFigures> found;
  for (size_t i = 0; i < opened.size(); ++i) {
    const std::optional<StatementSearch> search = StatementSearchFor(opened[i]);
    if (!search) continue;
    ReadStatementsWith(*ctx.statement_vocabulary, opened[i].doc, package.files[i].path, ocr, *search, &found);
  }
  for (const StatementFigures& st : found) {
    if (!st.wan.empty()) continue;
    record->findings.push_back(NewFinding(ctx.templates, "low_confidence", st.file,
                                          "文件“" + st.file + "”" + PageListText(st.pages) + "有" +
                                              ctx.templates.ChecklistLabel(st.kind) + "，但未能读出其数字，请人工核对"));
  }
  return found;
}

// Other scans of the package that may be pages of the form misfiled by the
// classifier (see AddStrayFormPages): documents of at most `max_pages`
// pages, not electronic, in which the statements reader found no statement
// (a form page photographed turned can look like a statement's top to the
// classifier); those taken become application_form. When `scanned` is empty it gets the first taken file as
// its source.
constexpr size_t kMaxStrayCandidates = 8;

void ReadStrayFormPages(const BatchContext& ctx, const Package& package, OcrEngine* ocr, size_t max_pages,
                        const std::set<std::string>& statement_files, std::vector<OpenedFile>* opened, Record* record,
                        FormReading* scanned) {
  std::vector<FormPageCandidate> candidates;
  std::vector<size_t> file_of;
  for (size_t i = 0; i < opened->size() && candidates.size() < kMaxStrayCandidates; ++i) {
    const OpenedFile& f = (*opened)[i];
    if (!f.opened || f.cls.kind == "application_form" || statement_files.count(package.files[i].path) ||
        IsElectronic(f.doc) || f.doc.pages.empty() || f.doc.pages.size() > max_pages)
      continue;
    candidates.push_back({&f.doc, package.files[i].path, f.cls.kind == "other", f.cls.first_page_text});
    file_of.push_back(i);
  }
  for (size_t c : AddStrayFormPages(*ctx.form_reader, ctx.templates, candidates, ocr, scanned)) {
    OpenedFile& f = (*opened)[file_of[c]];
    f.cls = Classification{"application_form", f.cls.confidence, false, f.cls.text_source, f.cls.first_page_text};
    record->files[file_of[c]].kind = "application_form";
    if (scanned->source_file.empty()) {
      scanned->source_file = candidates[c].path;
      scanned->method = "ocr";
    }
  }
}

// What the package's senders typed themselves: its name, the e-mail's
// subject and body, and every part of its files' paths, without extensions.
std::vector<std::string> TypedTexts(const Package& package) {
  auto stem = [](const std::string& name) {
    const size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  };
  std::vector<std::string> texts{stem(package.source), package.origin.subject, package.origin.body};
  for (const InputFile& f : package.files) {
    size_t from = 0;
    for (size_t slash = f.path.find('/'); from <= f.path.size(); slash = f.path.find('/', from)) {
      const size_t end = slash == std::string::npos ? f.path.size() : slash;
      texts.push_back(stem(f.path.substr(from, end - from)));
      from = end + 1;
    }
  }
  return texts;
}

// The scanned documents classified as the form, in package order, and the
// first electronic copy (docx, Word-exported PDF), if any.
struct FormFiles {
  std::vector<const Document*> scans;
  std::vector<std::string> scan_paths;
  const OpenedFile* electronic = nullptr;
};

FormFiles FindFormFiles(const Package& package, const std::vector<OpenedFile>& opened) {
  FormFiles out;
  for (size_t i = 0; i < opened.size(); ++i) {
    if (!opened[i].opened || opened[i].cls.kind != "application_form") continue;
    if (IsElectronic(opened[i].doc)) {
      if (!out.electronic) out.electronic = &opened[i];
    } else {
      out.scans.push_back(&opened[i].doc);
      out.scan_paths.push_back(package.files[i].path);
    }
  }
  return out;
}

// Reads the application form: the stamped scan, and an electronic copy
// (docx, Word-exported PDF) when the package has one; see MergeTypedCopy.
void ReadForm(const BatchContext& ctx, const Package& package, OcrEngine* ocr,
              const std::set<std::string>& statement_files, std::vector<OpenedFile>* files, Record* record) {
  const FormFiles form = FindFormFiles(package, *files);
  const OpenedFile* electronic = form.electronic;
  FormReading scanned, typed;
  bool have_scan = false, have_typed = false;
  if (!form.scans.empty()) have_scan = ctx.form_reader->ReadScanned(form.scans, form.scan_paths, ocr, &scanned).ok();
  // Photos of the form's later pages misfiled as other documents.
  if (have_scan) {
    OcrPurpose purpose(ocr, "stray pages");
    ReadStrayFormPages(ctx, package, ocr, 2, statement_files, files, record, &scanned);
  }
  // No form recognised at all: a scan whose first page the classifier could
  // not read as the form (a seal across the title, a page upside down) is
  // still read as one — the form reader turns pages upright and knows the
  // form by its table's labels, not by its title.
  if (form.scans.empty() && !electronic) {
    OcrPurpose purpose(ocr, "unclassified pages");
    ReadStrayFormPages(ctx, package, ocr, FormReader::kMaxFormPages, statement_files, files, record, &scanned);
    have_scan = !scanned.fields.empty();
  }
  // Pages found astray were read on their own; read the form again with all
  // its pages together, in their order, so that a value below its label on
  // the next page, or a row cut by the page break, is joined again.
  const FormFiles found = FindFormFiles(package, *files);
  if (have_scan && found.scans.size() > form.scans.size() && found.scans.size() > 1) {
    FormReading whole;
    OcrPurpose purpose(ocr, "whole again");
    if (ctx.form_reader->ReadScanned(found.scans, found.scan_paths, ocr, &whole).ok() &&
        whole.fields.size() >= scanned.fields.size())
      scanned = std::move(whole);
  }
  if (have_scan) ctx.form_reader->CorrectNames(TypedTexts(package), &scanned);
  if (electronic)
    have_typed = ctx.form_reader->ReadElectronic(electronic->doc, package.files[electronic->doc.file_index].path,
                                                 &typed).ok();

  std::vector<Finding> findings;
  if (have_scan) {
    ctx.normalizer->Normalize(scanned, &record->fields, &findings);
  } else {
    ctx.normalizer->Normalize(have_typed ? typed : FormReading(), &record->fields, &findings);
  }
  if (have_scan && have_typed) {
    std::map<std::string, FieldValue> typed_fields;
    std::vector<Finding> typed_findings;
    ctx.normalizer->Normalize(typed, &typed_fields, &typed_findings);
    MergeTypedCopy(ctx.templates, ctx.normalizer->settings().doubtful_reading_threshold, typed_fields,
                   typed_findings, &record->fields, &findings);
  }
  record->findings.insert(record->findings.end(), findings.begin(), findings.end());
}

// Pages a stage asked for and was refused (a pixel or time budget, see
// open_document.h): the reviewer must know what was left unread.
void AddRefusedPages(const BatchContext& ctx, const Package& package, const std::vector<OpenedFile>& opened,
                     Record* record) {
  for (size_t i = 0; i < opened.size(); ++i) {
    if (!opened[i].opened || !opened[i].doc.refused) continue;
    std::lock_guard<std::mutex> lock(opened[i].doc.refused->mu);
    for (const std::string& message : opened[i].doc.refused->messages)
      record->findings.push_back(NewFinding(ctx.templates, "unreadable_input", package.files[i].path,
                                            "文件“" + package.files[i].path + "”未能完整读取：" + message));
  }
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

}  // namespace

void ProcessPackage(const BatchContext& ctx, const Package& package, OcrEngine* ocr,
                    const StageCallback& on_stage_of_batch, Record* out) {
  // Each stage is also the OCR engine's purpose, for `run --timings`.
  auto on_stage = [&](const std::string& stage, int pages_read) {
    if (ocr) ocr->SetPurpose(stage);
    on_stage_of_batch(stage, pages_read);
  };
  Record record;
  record.package_id = package.id;
  record.source = package.source;
  record.origin = package.origin;
  record.findings = package.findings;

  on_stage("classify", 0);
  std::vector<OpenedFile> opened = OpenAndClassify(ctx, package, ocr, &record);
  for (const FileEntry& f : record.files) record.pages_read += std::max(f.pages, 0);

  // The statements before the form: a file that holds none is no statement,
  // whatever its first page looked like, and may be a page of the form.
  on_stage("statements", record.pages_read);
  const std::vector<StatementFigures> statements = FindStatements(ctx, opened, package, ocr, &record);
  record.financials = MergeFinancials(statements);
  std::vector<StatementPlace> places;
  std::set<std::string> statement_files;
  for (const StatementFigures& st : statements) {
    places.push_back(st.Place());
    statement_files.insert(st.file);
  }

  on_stage("form", record.pages_read);
  ReadForm(ctx, package, ocr, statement_files, &opened, &record);

  AddRefusedPages(ctx, package, opened, &record);

  on_stage("check", record.pages_read);
  std::vector<Classification> classifications;
  for (const OpenedFile& f : opened) classifications.push_back(f.opened ? f.cls : Classification());
  CheckInput in;
  in.templates = &ctx.templates;
  in.fields = &record.fields;
  in.financials = &record.financials;
  in.statements = &places;
  in.files = &record.files;
  in.classifications = &classifications;
  in.blacklist = &ctx.blacklist;
  in.as_of = ctx.settings.as_of;
  in.prior_findings = &record.findings;
  if (const PriorProject* prior = FindPriorProject(ctx.library_projects, record.package_id, record.fields)) {
    record.prior = *prior;
    in.prior = &*record.prior;
    in.major_change_share = ctx.major_change_share;
  }
  CheckOutput checked;
  RunChecks(in, &checked);
  record.checklist = std::move(checked.checklist);
  record.findings.insert(record.findings.end(), checked.findings.begin(), checked.findings.end());
  DropRepeatedUnreadable(&record.findings);
  if (ocr) ocr->SetPurpose("");
  *out = std::move(record);
}

}  // namespace gm
