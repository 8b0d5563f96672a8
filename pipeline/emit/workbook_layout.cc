#include "pipeline/emit/workbook_layout.h"

#include <cctype>
#include <cstdlib>

#include "pipeline/core/table_cells.h"
#include "pipeline/core/templates.h"
#include "pipeline/core/utf8.h"

namespace gm {
namespace {

namespace fs = std::filesystem;

// What the writers look up; Load refuses a layout that lacks any of them.
const char* const kSheets[] = {"fields", "checklist", "financials", "findings", "opinion",
                               "files",  "summary",   "by_category", "unreadable"};
const char* const kNumberSettings[] = {"low_confidence_threshold", "font_size", "title_font_size", "line_height_pt",
                                       "image_max_height_px", "image_max_width_px", "image_max_scale",
                                       "margin_left_in", "margin_right_in", "margin_top_in", "margin_bottom_in",
                                       "comment_rows", "chart_width_px", "chart_height_px", "chart_max_height_px", "debt_ratio_tolerance_pct",
                                       "balance_tolerance_wan", "funding_tolerance_wan"};
const char* const kColorSettings[] = {"color_title_font", "color_header_fill", "color_header_font",
                                      "color_band_fill", "color_missing_fill", "color_low_confidence_fill",
                                      "color_present_fill", "color_input_fill", "color_error_font",
                                      "color_warning_font", "color_info_font", "color_total_fill", "color_link_font"};
const char* const kTextSettings[] = {"font_name", "wan_format", "pct_format", "number_format", "int_format",
                                     "confidence_format", "amount_format", "date_format", "header", "footer",
                                     "summary_header"};
const char* const kLabels[] = {
    "yes", "no", "required", "not_required", "present", "absent", "not_provided", "severity_error", "severity_warning",
    "severity_info", "text_source_text", "text_source_ocr", "text_source_none", "page", "list_separator",
    "required_mark", "missing_value", "review_options", "review_prompt", "conclusion_options", "no_findings",
    "no_files", "image_unavailable", "fin_no_statements", "fin_band_statements", "fin_band_checks",
    "fin_band_form", "fin_year", "fin_source", "fin_total_assets", "fin_total_liabilities", "fin_owners_equity",
    "fin_revenue", "fin_net_profit", "fin_operating_cash_flow", "fin_debt_ratio", "fin_debt_ratio_note",
    "fin_balance", "fin_balance_note", "fin_net_margin", "fin_net_margin_note", "fin_funding_sum",
    "fin_funding_sum_note", "fin_equity_share", "fin_equity_share_note", "fin_not_available", "op_package",
    "op_company", "op_project", "op_category", "op_source", "op_mail_subject", "op_mail_from", "op_mail_date",
    "op_mail_body", "op_findings", "op_findings_text", "op_conclusion", "op_conclusion_prompt", "op_comments",
    "op_expert", "op_date", "op_date_prompt", "uncategorized", "total", "chart_title",
    "chart_investment", "chart_loan", "no_unreadable", "batch_label"};

bool ParseColor(const std::string& s, uint32_t* out) {
  if (s.size() != 6) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  *out = static_cast<uint32_t>(std::strtoul(s.c_str(), nullptr, 16));
  return true;
}

// Excel's rules for a tab name.
bool ValidSheetName(const std::string& name) {
  if (name.empty() || Utf8Length(name) > 31 || name.front() == '\'' || name.back() == '\'') return false;
  return name.find_first_of("[]:*?/\\") == std::string::npos;
}

Status LoadKeyValues(const fs::path& path, const char* value_column, std::map<std::string, std::string>* out) {
  TsvTable tsv;
  if (Status s = LoadTsv(path, &tsv); !s.ok()) return s;
  if (tsv.Column("key") < 0 || tsv.Column(value_column) < 0)
    return Status::Corrupt(tsv.Name() + ": needs columns key and " + value_column);
  for (const auto& row : tsv.rows) (*out)[tsv.Get(row, "key")] = tsv.Get(row, value_column);
  return Status::OK();
}

Status LoadSheets(const fs::path& dir, std::map<std::string, SheetLayout>* sheets) {
  TsvTable tsv;
  fs::path path = dir / "workbook_sheets.tsv";
  if (Status s = LoadTsv(path, &tsv); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    SheetLayout sheet;
    sheet.id = tsv.Get(row, "sheet");
    sheet.name = tsv.Get(row, "name");
    sheet.title = tsv.Get(row, "title");
    sheet.landscape = tsv.Get(row, "orientation") == "landscape";
    if (!ValidSheetName(sheet.name))
      return Status::Corrupt(tsv.Where(row) + ": sheet " + sheet.id + " has an invalid name '" + sheet.name + "'");
    (*sheets)[sheet.id] = std::move(sheet);
  }
  path = dir / "workbook_columns.tsv";
  if (Status s = LoadTsv(path, &tsv); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    auto it = sheets->find(tsv.Get(row, "sheet"));
    if (it == sheets->end()) return Status::Corrupt(tsv.Where(row) + ": unknown sheet '" + tsv.Get(row, "sheet") + "'");
    ColumnLayout column;
    column.id = tsv.Get(row, "column");
    column.header = tsv.Get(row, "header");
    column.hidden = tsv.Get(row, "hidden") == "yes";
    if (!ParseCellNumber(tsv.Get(row, "width"), &column.width) || column.width <= 0 || column.width > 255)
      return Status::Corrupt(tsv.Where(row) + ": column " + column.id + " needs a width between 0 and 255");
    it->second.columns.push_back(std::move(column));
  }
  for (const char* id : kSheets) {
    auto it = sheets->find(id);
    if (it == sheets->end()) return Status::Corrupt(dir.string() + "/workbook_sheets.tsv: sheet '" + id + "' missing");
    if (it->second.columns.empty())
      return Status::Corrupt(dir.string() + "/workbook_columns.tsv: sheet '" + id + "' has no columns");
  }
  return Status::OK();
}

}  // namespace

int SheetLayout::Column(const std::string& column_id) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == column_id) return static_cast<int>(i);
  return -1;
}

Status WorkbookLayout::Load(const fs::path& dir, WorkbookLayout* out) {
  WorkbookLayout layout;
  if (Status s = LoadSheets(dir, &layout.sheets_); !s.ok()) return s;
  fs::path settings = dir / "workbook_settings.tsv";
  if (Status s = LoadKeyValues(settings, "value", &layout.settings_); !s.ok()) return s;
  fs::path labels = dir / "workbook_labels.tsv";
  if (Status s = LoadKeyValues(labels, "text", &layout.labels_); !s.ok()) return s;
  double number;
  uint32_t color;
  for (const char* key : kNumberSettings)
    if (!ParseCellNumber(layout.Setting(key), &number) || number < 0)
      return Status::Corrupt(settings.string() + ": '" + key + "' needs a non-negative number");
  for (const char* key : kColorSettings)
    if (!ParseColor(layout.Setting(key), &color))
      return Status::Corrupt(settings.string() + ": '" + key + "' needs a colour RRGGBB");
  for (const char* key : kTextSettings)
    if (layout.settings_.count(key) == 0) return Status::Corrupt(settings.string() + ": '" + key + "' missing");
  for (const char* key : kLabels)
    if (layout.labels_.count(key) == 0) return Status::Corrupt(labels.string() + ": '" + key + "' missing");
  *out = std::move(layout);
  return Status::OK();
}

const SheetLayout& WorkbookLayout::Sheet(const std::string& id) const {
  static const SheetLayout kMissing;
  auto it = sheets_.find(id);
  return it == sheets_.end() ? kMissing : it->second;
}

const std::string& WorkbookLayout::Label(const std::string& key) const {
  auto it = labels_.find(key);
  return it == labels_.end() ? key : it->second;
}

std::string WorkbookLayout::Label(const std::string& key, const std::map<std::string, std::string>& values) const {
  return FillPlaceholders(Label(key), values);
}

std::vector<std::string> WorkbookLayout::Options(const std::string& key) const {
  return SplitBars(Label(key));
}

const std::string& WorkbookLayout::Setting(const std::string& key) const {
  static const std::string kEmpty;
  auto it = settings_.find(key);
  return it == settings_.end() ? kEmpty : it->second;
}

double WorkbookLayout::Number(const std::string& key) const {
  double v = 0;
  return ParseCellNumber(Setting(key), &v) ? v : 0.0;
}

uint32_t WorkbookLayout::Color(const std::string& key) const {
  uint32_t c = 0;
  return ParseColor(Setting(key), &c) ? c : 0;
}

std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    auto it = values.find(text.substr(open + 1, close - open - 1));
    out.append(text, i, open - i);
    if (it != values.end()) {
      out += it->second;
    } else {
      out.append(text, open, close - open + 1);
    }
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace gm
