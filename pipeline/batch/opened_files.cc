#include "pipeline/batch/opened_files.h"

#include <algorithm>
#include <mutex>

#include "extractors/document/open_document.h"
#include "extractors/ocr/upright_pages.h"

namespace gm {
namespace {

// Opens, turns upright and classifies one file into `opened`; the entry
// gets what was learnt, `findings` what the reviewer must know of it.
void OpenOne(const BatchContext& ctx, const InputFile& file, size_t index, OcrEngine* ocr, OpenedFile* opened,
             FileEntry* entry, std::vector<Finding>* findings) {
  entry->path = file.path;
  entry->sha256 = file.sha256;
  entry->error = file.error;
  if (entry->error.empty()) {
    Status s = OpenDocument(file, index, ctx.settings.limits, &opened->doc);
    if (s.ok()) {
      opened->opened = true;
      {
        OcrPurpose purpose(ocr, "upright");
        TurnPagesUpright(&opened->doc, ocr);
      }
      opened->cls = ctx.classifier->Classify(opened->doc, file.path, ocr);
      entry->kind = opened->cls.kind;
      entry->pages = static_cast<int>(opened->doc.pages.size());
      if (IsOfficeFormat(opened->doc.format)) entry->pages = -1;
      entry->text_source = TextSourceName(opened->cls.text_source);
      // Read only in part (a page limit hit, a sheet cut short): the reviewer must know what was left out.
      for (const std::string& warning : opened->doc.warnings)
        findings->push_back(NewFinding(ctx.templates, "unreadable_input", file.path,
                                       "文件“" + file.path + "”未能完整读取：" + warning));
    } else {
      entry->error = s.message();
    }
  }
  if (!entry->error.empty()) {
    findings->push_back(NewFinding(ctx.templates, "unreadable_input", file.path,
                                   "文件“" + file.path + "”无法读取：" + entry->error));
  }
}

}  // namespace

OpenedFiles OpenAndClassify(const BatchContext& ctx, const Package& package, OcrEngine* ocr) {
  OpenedFiles out;
  out.files.resize(package.files.size());
  out.entries.resize(package.files.size());
  for (size_t i = 0; i < package.files.size(); ++i) {
    OpenOne(ctx, package.files[i], i, ocr, &out.files[i], &out.entries[i], &out.findings);
    out.pages += std::max(out.entries[i].pages, 0);
  }
  return out;
}

bool IsElectronic(const Document& doc) {
  if (IsOfficeFormat(doc.format)) return true;
  return std::any_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return p.has_text(); });
}

std::vector<Finding> RefusedPageFindings(const BatchContext& ctx, const Package& package, const OpenedFiles& opened) {
  std::vector<Finding> findings;
  for (size_t i = 0; i < opened.files.size(); ++i) {
    const OpenedFile& f = opened.files[i];
    if (!f.opened || !f.doc.refused) continue;
    std::lock_guard<std::mutex> lock(f.doc.refused->mu);
    for (const std::string& message : f.doc.refused->messages)
      findings.push_back(NewFinding(ctx.templates, "unreadable_input", package.files[i].path,
                                    "文件“" + package.files[i].path + "”未能完整读取：" + message));
  }
  return findings;
}

}  // namespace gm
