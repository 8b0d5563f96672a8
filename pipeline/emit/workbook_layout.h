// WorkbookLayout: how the review workbook and the batch summary look — sheet
// names and titles, columns (order, headers, widths), colours, thresholds,
// number formats, page header/footer and every fixed Chinese text — read from
// templates/workbook_{sheets,columns,settings,labels}.tsv, so the layout
// changes without code.
//
// Load checks that every sheet, setting and label the writers use is there
// and well-formed (sheet names valid for Excel, colours RRGGBB, numbers
// numeric), so the writers can look them up without checking.
//
// Thread-safety: immutable after Load; share freely.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

struct ColumnLayout {
  std::string id;      // the code's name for the column
  std::string header;  // header cell text
  double width = 10;   // in characters
  bool hidden = false;
};

struct SheetLayout {
  std::string id, name, title;
  bool landscape = false;
  std::vector<ColumnLayout> columns;  // left to right
  // 0-based index of column `id`, or -1 when the layout leaves it out.
  int Column(const std::string& id) const;
};

class WorkbookLayout {
 public:
  // Loads the four workbook_*.tsv files from the templates folder.
  static Status Load(const std::filesystem::path& templates_dir, WorkbookLayout* out);

  // REQUIRES: id is a sheet the writers use (Load checked it exists).
  const SheetLayout& Sheet(const std::string& id) const;
  // The text of a label; the key itself when absent (Load prevents that for
  // the keys the writers use).
  const std::string& Label(const std::string& key) const;
  // Label(key) with "{name}" placeholders replaced.
  std::string Label(const std::string& key, const std::map<std::string, std::string>& values) const;
  // A label holding "a|b|c" options, split.
  std::vector<std::string> Options(const std::string& key) const;
  const std::string& Setting(const std::string& key) const;
  double Number(const std::string& key) const;
  // A colour setting as 0xRRGGBB.
  uint32_t Color(const std::string& key) const;

 private:
  std::map<std::string, SheetLayout> sheets_;
  std::map<std::string, std::string> labels_;
  std::map<std::string, std::string> settings_;
};

// Replaces every "{name}" in `text` with values[name]; unknown names stay.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values);

}  // namespace gm
