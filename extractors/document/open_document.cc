#include "extractors/document/open_document.h"

#include <algorithm>
#include <chrono>

#include "extractors/document/file_format.h"
#include "extractors/image/open_image.h"
#include "extractors/office/docx_reader.h"
#include "extractors/office/xlsx_reader.h"
#include "extractors/pdf/open_pdf.h"

namespace gm {
namespace {

// Wraps every page's load_image: a refusal (Limit) is noted in the
// document's RefusedPages, and once the document's loads have taken
// Limits::max_file_seconds, its remaining pages are refused unread. A load
// that has begun is not interrupted: the pixel budgets bound each one.
void GuardPageLoads(const Limits& limits, Document* doc) {
  auto refused = std::make_shared<RefusedPages>();
  doc->refused = refused;
  const double max_seconds = limits.max_file_seconds;
  for (Page& page : doc->pages) {
    if (!page.load_image) continue;
    page.load_image = [load = std::move(page.load_image), refused, max_seconds, index = page.index](PixPtr* pix) {
      auto note = [&](const std::string& message) {
        auto& m = refused->messages;
        if (std::find(m.begin(), m.end(), message) == m.end()) m.push_back(message);
      };
      {
        std::lock_guard<std::mutex> lock(refused->mu);
        if (refused->load_seconds > max_seconds) {
          pix->reset();
          const std::string message =
              "读取页面图像用时超出" +
              BudgetText("max_file_seconds", "单个文件的读取秒数", static_cast<uint64_t>(max_seconds)) + "，其余页面未读取";
          note(message);
          return Status::Limit(message + "（第" + std::to_string(index + 1) + "页）");
        }
      }
      const auto start = std::chrono::steady_clock::now();
      Status s = load(pix);
      std::lock_guard<std::mutex> lock(refused->mu);
      refused->load_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (s.code() == Status::Code::kLimit) note(s.message());
      return s;
    };
  }
}

}  // namespace

Status OpenDocument(const InputFile& file, size_t file_index, const Limits& limits, Document* out) {
  *out = Document();
  out->file_index = file_index;
  if (!file.bytes || file.bytes->empty()) return Status::Corrupt("文件为空（0字节），无法读取，请申报单位重新发送");
  if (file.bytes->size() > limits.max_file_bytes) {
    return Status::Limit("文件过大（" + std::to_string(file.bytes->size() >> 20) + " MB），超出" +
                         BudgetText("max_file_bytes", "单个文件字节数", limits.max_file_bytes));
  }
  const FormatGuess guess = DetectFileFormat(*file.bytes, file.path);
  Status s;
  switch (guess.format) {
    case FileFormat::kPdf: s = OpenPdf(file.bytes, limits, out); break;
    case FileFormat::kImage: s = OpenImage(file.bytes, limits, out); break;
    case FileFormat::kDocx: s = OpenDocx(file.bytes, limits, out); break;
    case FileFormat::kXlsx: s = OpenXlsx(file.bytes, limits, out); break;
    case FileFormat::kEmpty: s = Status::Corrupt("文件为空（0字节），无法读取，请申报单位重新发送"); break;
    case FileFormat::kUnsupported:
      // A password-protected Office file is recognized, just locked: say so as Encrypted.
      s = guess.kind == "office_encrypted" ? Status::Encrypted(UnsupportedMessage(guess, file.path))
                                           : Status::Unsupported(UnsupportedMessage(guess, file.path));
      break;
  }
  if (!s.ok()) *out = Document();
  out->file_index = file_index;
  if (s.ok()) GuardPageLoads(limits, out);
  return s;
}

}  // namespace gm
