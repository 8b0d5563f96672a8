#include "pipeline/emit/cell_styles.h"

#include <algorithm>

namespace gm {

CellStyle BodyStyle() { return CellStyle(); }

CellStyle Filled(CellStyle style, uint32_t fill) {
  style.fill = fill;
  return style;
}

CellStyle Centered(CellStyle style) {
  style.align = CellStyle::Align::kCenter;
  return style;
}

CellStyle NumberStyle(const std::string& num_format) {
  CellStyle s;
  s.align = CellStyle::Align::kRight;
  s.wrap = false;
  s.num_format = num_format;
  return s;
}

CellStyle BandStyle(const WorkbookLayout& layout) {
  CellStyle s;
  s.bold = true;
  s.wrap = false;
  s.fill = layout.Color("color_band_fill");
  return s;
}

CellStyle InputStyle(const WorkbookLayout& layout) {
  CellStyle s;
  s.fill = layout.Color("color_input_fill");
  s.unlocked = true;
  return s;
}

double LinesHeight(int lines, const WorkbookLayout& layout) {
  return std::max(1, lines) * layout.Number("line_height_pt") + 4;
}

}  // namespace gm
