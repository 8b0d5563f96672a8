// XlsxWorkbook: the one owner of a libxlsxwriter workbook handle. The file is
// written to a temporary sibling of the target and renamed over it only on
// Commit, so a killed run or a failed write never leaves a half-written
// workbook; destroying an uncommitted workbook discards it.
//
// Also hands out cell formats by description (CellStyle), creating each
// distinct one once: libxlsxwriter formats belong to their workbook.
//
// Thread-safety: one workbook per thread; distinct workbooks are independent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <xlsxwriter.h>

#include "pipeline/core/status.h"

namespace gm {

// A cell format, described by value so equal descriptions share one format.
struct CellStyle {
  static constexpr uint32_t kNone = 0xFFFFFFFF;
  enum class Align { kLeft, kCenter, kRight };

  bool bold = false;
  bool wrap = true;
  bool border = true;
  bool underline = false;
  Align align = Align::kLeft;
  uint32_t fill = kNone;        // 0xRRGGBB or kNone
  uint32_t font_color = kNone;  // 0xRRGGBB or kNone
  double font_size = 0;         // 0 = the workbook's default
  std::string font_name;        // empty = the workbook's default
  std::string num_format;       // empty = General
  bool unlocked = false;        // an input cell (for a protected sheet)

  auto operator<=>(const CellStyle&) const = default;
};

class XlsxWorkbook {
 public:
  // Starts a workbook that Commit will write to `path`.
  // Returns IoError (path and strerror) when the folder is missing or
  // unwritable — found out now rather than after all the work.
  static Status Create(const std::filesystem::path& path, std::unique_ptr<XlsxWorkbook>* out);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // The handle, for worksheet and chart calls. Valid until Commit or destruction.
  lxw_workbook* handle() { return workbook_; }
  const std::filesystem::path& path() const { return path_; }

  // Adds a worksheet; null (and *status set) when libxlsxwriter refuses the name.
  lxw_worksheet* AddWorksheet(const std::string& name, Status* status);

  // The format for `style`; owned by the workbook. Defaults from
  // SetDefaults (font name/size) apply to styles that leave them unset.
  lxw_format* Format(const CellStyle& style);
  void SetDefaults(const std::string& font_name, double font_size);

  // Writes the file, fsyncs it and renames it over `path`. After Commit the
  // workbook is closed whatever the outcome.
  Status Commit();

 private:
  XlsxWorkbook(std::filesystem::path path, std::filesystem::path temporary, lxw_workbook* workbook);

  std::filesystem::path path_, temporary_;
  lxw_workbook* workbook_;
  std::map<CellStyle, lxw_format*> formats_;
  std::string default_font_name_;
  double default_font_size_ = 0;
};

}  // namespace gm
