#include "pipeline/emit/outputs.h"

#include <cstdio>
#include <system_error>

#include "pipeline/core/display_text.h"
#include "pipeline/core/utf8.h"

#include "pipeline/emit/atomic_file.h"
#include "pipeline/emit/record_json.h"
#include "pipeline/emit/review_workbook.h"
#include "pipeline/emit/summary_workbook.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

Status MakeFolder(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError("无法创建输出目录 " + dir.string() + "：" + ec.message());
  return Status::OK();
}

// A package id names files: it must not escape or alias the output folders.
bool UsableFileName(const std::string& id) {
  return !id.empty() && id != "." && id != ".." && id.find('/') == std::string::npos &&
         id.find('\0') == std::string::npos && id.size() <= 200;
}

// JSON text with every hidden or control character (display_text.h) that
// the dump left raw — DEL, C1 controls, bidi and zero-width characters —
// written as a \uXXXX escape: the value read back is the exact original,
// and the file shown in a terminal or editor is not reordered or driven by
// it. The JSON structure is ASCII, so such characters only occur in strings.
std::string EscapeHiddenCharacters(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(json, i, &cp);
    if (len == 0) len = 1, cp = 0xFFFD;
    if (cp >= 0x20 && IsHiddenOrControl(cp)) {
      char buf[16];
      if (cp > 0xFFFF) {
        const uint32_t v = cp - 0x10000;
        std::snprintf(buf, sizeof buf, "\\u%04X\\u%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
      } else {
        std::snprintf(buf, sizeof buf, "\\u%04X", cp);
      }
      out += buf;
    } else {
      out.append(json.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string RecordJsonText(const Record& record, const Templates& templates, bool pretty) {
  // RecordToJson makes every string valid UTF-8; replace is a second guard.
  return EscapeHiddenCharacters(RecordToJson(record, templates).dump(pretty ? 2 : -1, ' ', /*ensure_ascii=*/false,
                                                                     Json::error_handler_t::replace));
}

Status WritePackageOutputs(const Record& record, const Templates& templates, const fs::path& out_dir) {
  if (!UsableFileName(record.package_id))
    return Status::InvalidArgument("申请包编号不能用作文件名：'" + record.package_id + "'");
  fs::path records = out_dir / "records", review = out_dir / "review";
  if (Status s = MakeFolder(records); !s.ok()) return s;
  if (Status s = MakeFolder(review); !s.ok()) return s;
  if (Status s = WriteFileAtomically(records / (record.package_id + ".json"), RecordJsonText(record, templates, true) + "\n");
      !s.ok())
    return s;
  return WriteReviewWorkbook(record, templates, review / (record.package_id + ".xlsx"));
}

Status WriteBatchOutputs(const std::vector<Record>& records, const Templates& templates, const fs::path& out_dir) {
  return WriteBatchOutputs(records, records, templates, out_dir);
}

Status WriteBatchOutputs(const std::vector<Record>& records, const std::vector<Record>& summary_rows,
                         const Templates& templates, const fs::path& out_dir) {
  if (Status s = MakeFolder(out_dir); !s.ok()) return s;
  std::string lines;
  for (const auto& r : records) {
    lines += RecordJsonText(r, templates, false);
    lines += '\n';
  }
  if (Status s = WriteFileAtomically(out_dir / "records.jsonl", lines); !s.ok()) return s;
  return WriteSummaryWorkbook(summary_rows, templates, out_dir / "summary.xlsx");
}

}  // namespace gm
