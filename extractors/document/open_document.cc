#include "extractors/document/open_document.h"

#include "extractors/document/file_format.h"
#include "extractors/image/open_image.h"
#include "extractors/office/docx_reader.h"
#include "extractors/office/xlsx_reader.h"
#include "extractors/pdf/open_pdf.h"

namespace gm {

Status OpenDocument(const InputFile& file, size_t file_index, const Limits& limits, Document* out) {
  *out = Document();
  out->file_index = file_index;
  if (!file.bytes || file.bytes->empty()) return Status::Corrupt("文件为空（0字节），无法读取，请申报单位重新发送");
  if (file.bytes->size() > limits.max_file_bytes) {
    return Status::Limit("文件过大（" + std::to_string(file.bytes->size() >> 20) + " MB），超出处理上限");
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
  return s;
}

}  // namespace gm
