#include "extractors/form/form_reader.h"

#include <algorithm>

#include "extractors/form/form_assembler.h"
#include "extractors/form/page_order.h"
#include "extractors/form/scanned_form.h"

namespace gm {
namespace {

Status NotFoundNoTable() {
  return Status::NotFound("扫描件中未找到申请表的表格（未检测到表格线），请提供清晰的扫描件");
}

}  // namespace

Status FormReader::Create(const Templates& templates, std::unique_ptr<FormReader>* out) {
  std::unique_ptr<FormReader> reader(new FormReader());
  reader->templates_ = templates;
  Status s = form::FormLabels::Load(templates, &reader->labels_);
  if (!s.ok()) return s;
  if ((s = form::RereadRules::Load(templates, &reader->reread_)); !s.ok()) return s;
  if ((s = form::CapitalAmount::Load(templates, &reader->capital_)); !s.ok()) return s;
  if ((s = form::OcrFixes::Load(templates, &reader->fixes_)); !s.ok()) return s;
  if ((s = form::SecondLookRules::Load(templates, &reader->second_look_)); !s.ok()) return s;
  if ((s = form::DomainWords::Load(templates, &reader->domain_words_)); !s.ok()) return s;
  TsvTable names;
  if ((s = LoadTsv(templates.dir() / "form_typed_names.tsv", &names)); !s.ok()) return s;
  for (const auto& row : names.rows)
    if (!names.Get(row, "field").empty()) reader->typed_name_fields_.push_back(names.Get(row, "field"));
  *out = std::move(reader);
  return Status::OK();
}

void FormReader::CorrectNames(const std::vector<std::string>& typed_texts, FormReading* reading) const {
  const form::TypedNames typed(typed_texts);
  for (const std::string& key : typed_name_fields_) {
    auto it = reading->fields.find(key);
    if (it == reading->fields.end()) continue;
    Reading& r = it->second;
    r.raw = typed.Correct(r.raw);
    // A name read doubtfully whose typed copy differs in a few characters
    // before a common ending: the typed copy. The cell's image stays in the
    // workbook, and the confidence stays the OCR's.
    if (r.confidence < kDoubtfulName) {
      std::string whole = typed.WholeName(r.raw);
      if (!whole.empty()) r.raw = whole;
    }
    // The name as put right is typed out whole by the applicant elsewhere:
    // two sources agree, whatever the OCR's doubt (a second look may have
    // lowered it, disagreeing on the very characters the typing settled).
    if (typed.Spelled(r.raw)) r.confidence = std::max(r.confidence, kTypedNameConfidence);
  }
}

Status FormReader::ReadScanned(const std::vector<const Document*>& docs, const std::vector<std::string>& paths,
                               OcrEngine* ocr, FormReading* out) const {
  *out = FormReading();
  form::ScannedPages pages;
  Status s = ReadScannedPages(docs, paths, ocr, &pages);
  if (!s.ok()) return s;
  return AssembleScanned(form::PagesOf(pages), ocr, out);
}

Status FormReader::ReadScannedPages(const std::vector<const Document*>& docs, const std::vector<std::string>& paths,
                                    OcrEngine* ocr, form::ScannedPages* pages) const {
  pages->clear();
  if (ocr == nullptr) return Status::InvalidArgument("ReadScanned needs an OCR engine");
  if (docs.size() != paths.size()) return Status::InvalidArgument("ReadScanned: docs and paths differ in length");
  Status first_error;
  bool any_rows = false;
  for (size_t i = 0; i < docs.size() && pages->size() < static_cast<size_t>(kMaxFormPages); ++i) {
    if (docs[i] == nullptr) continue;
    for (const Page& page : docs[i]->pages) {
      if (pages->size() >= static_cast<size_t>(kMaxFormPages)) break;
      if (!page.load_image) continue;
      PixPtr image;
      Status s = page.load_image(&image);
      if (s.ok() && !image) s = Status::Corrupt("页面图像为空");
      if (!s.ok()) {
        if (first_error.ok()) first_error = Status(s);
        continue;
      }
      std::unique_ptr<form::ScannedPage> read;
      s = form::ScannedPage::Read(labels_, fixes_, image.get(), static_cast<int>(page.dpi + 0.5), paths[i],
                                  page.index, ocr, &read);
      if (!s.ok() && first_error.ok()) first_error = s;
      any_rows = any_rows || !read->rows().empty();
      pages->push_back(std::move(read));
    }
  }
  if (!any_rows) {
    if (!first_error.ok()) return first_error;
    if (pages->empty()) return Status::NotFound("申请表文件中没有可识别的页面图像");
    return NotFoundNoTable();
  }
  return Status::OK();
}

Status FormReader::AssembleScanned(const std::vector<form::ScannedPage*>& pages, OcrEngine* ocr,
                                   FormReading* out) const {
  *out = FormReading();
  if (ocr == nullptr) return Status::InvalidArgument("AssembleScanned needs an OCR engine");
  form::ScannedForm scanned(reread_, capital_, fixes_, second_look_, ocr);
  std::string source;
  for (size_t i = 0; i < pages.size() && i < static_cast<size_t>(kMaxFormPages); ++i) {
    scanned.AddPage(pages[i]);
    if (source.empty() && pages[i]->has_table()) source = pages[i]->file();
  }
  if (scanned.rows().empty()) return NotFoundNoTable();
  form::AssembleForm(labels_, templates_, form::InFormOrder(labels_, scanned.rows()), source, &scanned, out);
  // Writing (names, prose): a misread character inside a word of the domain.
  for (auto& [key, reading] : out->fields) {
    const FieldSpec* field = templates_.Field(key);
    if (field != nullptr && field->type == FieldType::kText) reading.raw = domain_words_.Correct(reading.raw);
  }
  if (out->fields.empty()) {
    return Status::NotFound("扫描件中的表格未能识别出申请表的栏目（如“企业名称”“项目名称”），可能不是申请表或扫描不清晰");
  }
  out->source_file = source;
  out->method = "ocr";
  return Status::OK();
}

double FormReader::FormLikeness(std::string_view text) const {
  bool title = false;
  int labels = labels_.CountLabelsIn(text, &title);
  // The title alone says a lot; labels add up to the rest. Eight labels are
  // more than any other document of a package shows.
  double score = (title ? 0.5 : 0.0) + 0.5 * std::min(1.0, labels / 8.0);
  if (!title) score = std::min(1.0, labels / 8.0) * 0.9;
  return score;
}

}  // namespace gm
