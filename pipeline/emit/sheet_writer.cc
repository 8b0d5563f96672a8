#include "pipeline/emit/sheet_writer.h"

#include <algorithm>
#include <cmath>

#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

constexpr uint8_t kPaperA4 = 9;
constexpr size_t kHeaderFooterMax = 255;

std::string EscapeAmpersands(const std::string& s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

uint32_t BigEndian32(std::string_view s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) | (uint32_t(uint8_t(s[at + 2])) << 8) |
         uint32_t(uint8_t(s[at + 3]));
}

}  // namespace

std::string HeaderFooterText(const std::string& text, const std::string& title, const std::string& package_id) {
  std::string safe_title = EscapeAmpersands(SanitizeUtf8(title));
  std::string id = SanitizeUtf8(package_id);
  std::string out;
  // Shorten the package id first: the title and the codes carry the layout.
  for (size_t keep = id.size();; keep = keep > 8 ? keep - 8 : 0) {
    std::string shown = TruncateUtf8(id, keep);
    if (shown.size() < id.size()) shown += "\xE2\x80\xA6";
    out = FillPlaceholders(text, {{"title", safe_title}, {"package_id", EscapeAmpersands(shown)}});
    if (out.size() <= kHeaderFooterMax || keep == 0) break;
  }
  if (out.size() > kHeaderFooterMax) {
    out = TruncateUtf8(out, kHeaderFooterMax);
    // Never end on half of an "&x" code.
    size_t trailing = 0;
    while (trailing < out.size() && out[out.size() - 1 - trailing] == '&') ++trailing;
    if (trailing % 2 == 1) out.pop_back();
  }
  return out;
}

bool PngDimensions(std::string_view png, int* width, int* height) {
  static constexpr std::string_view kSignature = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.substr(0, 8) != kSignature || png.substr(12, 4) != "IHDR") return false;
  uint32_t w = BigEndian32(png, 16), h = BigEndian32(png, 20);
  if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return false;
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
  return true;
}

SheetWriter::SheetWriter(XlsxWorkbook* book, lxw_worksheet* sheet, const SheetLayout& layout,
                         const WorkbookLayout& all)
    : book_(book), sheet_(sheet), layout_(layout), all_(all) {}

void SheetWriter::Check(lxw_error e, int row, int col) {
  if (e == LXW_NO_ERROR || first_error_ != LXW_NO_ERROR) return;
  first_error_ = e;
  error_row_ = row;
  error_col_ = col;
}

Status SheetWriter::status() const {
  if (first_error_ == LXW_NO_ERROR) return Status::OK();
  return Status::Internal("工作表“" + layout_.name + "”第 " + std::to_string(error_row_ + 1) + " 行第 " +
                          std::to_string(error_col_ + 1) + " 列写入失败：" + lxw_strerror(first_error_));
}

void SheetWriter::Text(int row, int col, std::string_view text, const CellStyle& style) {
  if (col < 0) return;
  std::string cell = CellText(text);
  if (cell.empty()) return Blank(row, col, style);
  Check(worksheet_write_string(sheet_, row, col, cell.c_str(), Format(style)), row, col);
}

void SheetWriter::Number(int row, int col, double value, const CellStyle& style) {
  if (col < 0) return;
  if (!std::isfinite(value)) return Blank(row, col, style);
  Check(worksheet_write_number(sheet_, row, col, value, Format(style)), row, col);
}

void SheetWriter::Blank(int row, int col, const CellStyle& style) {
  if (col < 0) return;
  Check(worksheet_write_blank(sheet_, row, col, Format(style)), row, col);
}

void SheetWriter::Link(int row, int col, const std::string& url, std::string_view text, const CellStyle& style) {
  if (col < 0) return;
  std::string shown = CellText(text);
  lxw_error e = worksheet_write_url_opt(sheet_, row, col, url.c_str(), Format(style), shown.c_str(), nullptr);
  if (e != LXW_NO_ERROR) Text(row, col, shown, style);  // a link that cannot be made is still named
}

void SheetWriter::Merge(int first_row, int first_col, int last_row, int last_col, std::string_view text,
                        const CellStyle& style) {
  if (first_col < 0 || last_col < 0) return;
  std::string cell = CellText(text);
  Check(worksheet_merge_range(sheet_, first_row, first_col, last_row, last_col, cell.c_str(), Format(style)),
        first_row, first_col);
}

void SheetWriter::DropDown(int first_row, int last_row, int col, const std::vector<std::string>& options,
                           const std::string& prompt) {
  if (col < 0 || options.empty() || last_row < first_row) return;
  std::vector<std::string> cells;
  for (const auto& o : options) cells.push_back(CellText(o, 255));
  std::vector<char*> list;
  for (auto& c : cells) list.push_back(c.data());
  list.push_back(nullptr);
  std::string message = CellText(prompt, 255);
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = list.data();
  v.input_message = message.empty() ? nullptr : message.data();
  v.show_input = message.empty() ? LXW_VALIDATION_DEFAULT : LXW_VALIDATION_ON;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  Check(worksheet_data_validation_range(sheet_, first_row, col, last_row, col, &v), first_row, col);
}

void SheetWriter::DateInput(int row, int col, const std::string& prompt) {
  if (col < 0) return;
  std::string message = CellText(prompt, 255);
  lxw_data_validation v = {};
  v.validate = LXW_VALIDATION_TYPE_DATE;
  v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
  v.maximum_datetime = lxw_datetime{2999, 12, 31, 0, 0, 0};
  v.input_message = message.empty() ? nullptr : message.data();
  v.show_input = message.empty() ? LXW_VALIDATION_DEFAULT : LXW_VALIDATION_ON;
  Check(worksheet_data_validation_cell(sheet_, row, col, &v), row, col);
}

int SheetWriter::Image(int row, int col, std::string_view png, int max_w, int max_h, double max_scale,
                       const std::string& description) {
  int w = 0, h = 0;
  if (col < 0 || !PngDimensions(png, &w, &h)) return 0;
  double scale = std::min({static_cast<double>(max_w) / w, static_cast<double>(max_h) / h, max_scale});
  if (!(scale > 0)) return 0;
  std::string alt = CellText(description, 255);
  lxw_image_options options = {};
  options.x_offset = 2;
  options.y_offset = 2;
  options.x_scale = scale;
  options.y_scale = scale;
  options.object_position = LXW_OBJECT_MOVE_AND_SIZE;
  options.description = alt.empty() ? nullptr : alt.data();
  lxw_error e = worksheet_insert_image_buffer_opt(sheet_, row, col, reinterpret_cast<const unsigned char*>(png.data()),
                                                  png.size(), &options);
  if (e != LXW_NO_ERROR) return 0;  // a damaged crop is the reader's problem, not a failed workbook
  return static_cast<int>(std::ceil(h * scale));
}

void SheetWriter::RowHeight(int row, double points) {
  Check(worksheet_set_row(sheet_, row, std::min(points, 409.0), nullptr), row, 0);
}

void SheetWriter::RowHeightPixels(int row, int pixels) {
  Check(worksheet_set_row_pixels(sheet_, row, std::min(pixels, 545), nullptr), row, 0);
}

void SheetWriter::Heading(int title_row, int header_row, int frozen_cols) {
  int last = static_cast<int>(layout_.columns.size()) - 1;
  for (int c = 0; c <= last; ++c) {
    const ColumnLayout& column = layout_.columns[c];
    lxw_row_col_options options = {};
    options.hidden = column.hidden ? 1 : 0;
    Check(worksheet_set_column_opt(sheet_, c, c, column.width, nullptr, &options), header_row, c);
  }
  // The title spans the visible columns only, so it prints whole.
  int last_visible = last;
  while (last_visible > 0 && layout_.columns[last_visible].hidden) --last_visible;
  CellStyle title;
  title.bold = true;
  title.wrap = false;
  title.border = false;
  title.font_size = all_.Number("title_font_size");
  title.font_color = all_.Color("color_title_font");
  if (last_visible > 0) {
    Merge(title_row, 0, title_row, last_visible, layout_.title, title);
  } else {
    Text(title_row, 0, layout_.title, title);
  }
  RowHeight(title_row, title.font_size * 1.8);
  if (header_row <= title_row) return;  // a sheet without a header row
  CellStyle header;
  header.bold = true;
  header.align = CellStyle::Align::kCenter;
  header.fill = all_.Color("color_header_fill");
  header.font_color = all_.Color("color_header_font");
  bool any_header = false;
  for (int c = 0; c <= last; ++c) {
    if (!layout_.columns[c].header.empty()) any_header = true;
    Text(header_row, c, layout_.columns[c].header, header);
  }
  if (any_header) {
    worksheet_freeze_panes(sheet_, header_row + 1, frozen_cols);
    Check(worksheet_repeat_rows(sheet_, header_row, header_row), header_row, 0);
  }
}

void SheetWriter::PageSetup(const std::string& header_key, const std::string& package_id) {
  worksheet_set_paper(sheet_, kPaperA4);
  if (layout_.landscape) {
    worksheet_set_landscape(sheet_);
  } else {
    worksheet_set_portrait(sheet_);
  }
  worksheet_fit_to_pages(sheet_, 1, 0);
  worksheet_set_margins(sheet_, all_.Number("margin_left_in"), all_.Number("margin_right_in"),
                        all_.Number("margin_top_in"), all_.Number("margin_bottom_in"));
  Check(worksheet_set_header(sheet_, HeaderFooterText(all_.Setting(header_key), layout_.title, package_id).c_str()), 0,
        0);
  Check(worksheet_set_footer(sheet_, HeaderFooterText(all_.Setting("footer"), layout_.title, package_id).c_str()), 0,
        0);
}

}  // namespace gm
