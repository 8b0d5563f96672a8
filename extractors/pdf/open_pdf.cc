#include "extractors/pdf/open_pdf.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "extractors/pdf/page_reading.h"
#include "extractors/pdf/podofo_document.h"
#include "extractors/pdf/poppler_document.h"

namespace gm {

Status OpenPdf(std::shared_ptr<const std::string> bytes, const Limits& limits, Document* out) {
  *out = Document();
  out->format = DocumentFormat::kPdf;
  std::unique_ptr<PodofoDocument> structure;
  std::unique_ptr<PopplerDocument> text;
  const Status structure_status = PodofoDocument::Open(*bytes, &structure);
  const Status text_status = PopplerDocument::Open(bytes, &text);
  // Poppler is the authority on passwords (it knows every encryption revision).
  if (text_status.code() == Status::Code::kEncrypted) return text_status;
  if (!structure_status.ok() && !text_status.ok()) {
    return structure_status.code() == Status::Code::kEncrypted ? structure_status : text_status;
  }
  const int total = text ? text->page_count() : structure->page_count();
  if (total <= 0) return Status::Corrupt("PDF文件没有可读的页面，请申报单位重新发送");
  const int count = std::min(total, std::max(limits.max_pages, 1));
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    // Hostile content streams can make each page's text slow to extract.
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > limits.max_file_seconds) {
      out->warnings.push_back("读取PDF页面用时超出" +
                              BudgetText("max_file_seconds", "单个文件的读取秒数",
                                         static_cast<uint64_t>(limits.max_file_seconds)) +
                              "，第" + std::to_string(i + 1) + "页起未读取");
      break;
    }
    std::string warning;
    out->pages.push_back(ReadPdfPage(bytes, structure.get(), text.get(), i, limits, &warning));
    if (!warning.empty()) out->warnings.push_back(warning);
  }
  if (count < total) {
    out->warnings.push_back("PDF文件共" + std::to_string(total) + "页，超出处理预算 max_pages，仅读取了前" +
                            std::to_string(count) + "页");
  }
  return Status::OK();
}

}  // namespace gm
