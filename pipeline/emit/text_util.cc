#include "pipeline/emit/text_util.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "pipeline/core/display_text.h"
#include "pipeline/core/utf8.h"

namespace gm {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool IsWide(uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(text, i, &cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Step back over continuation bytes so no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut));
}

std::string CellText(std::string_view text, size_t max_bytes) {
  std::string lines;
  lines.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      lines += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      lines += text[i];
    }
  }
  std::string out = DisplayText(lines, /*keep_line_breaks=*/true);
  if (out.size() <= max_bytes) return out;
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  return TruncateUtf8(out, max_bytes - kEllipsis.size()) + std::string(kEllipsis);
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(text, i, &cp);
    if (len == 0) {
      width += 1;
      ++i;
      continue;
    }
    width += IsWide(cp) ? 2 : 1;
    i += len;
  }
  return width;
}

int WrappedLineCount(std::string_view text, double column_width) {
  double usable = std::max(1.0, column_width - 1.0);  // Excel keeps a little padding
  int lines = 0;
  size_t start = 0;
  for (;;) {
    size_t newline = text.find('\n', start);
    std::string_view line = text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    lines += std::max(1, static_cast<int>(std::ceil(static_cast<double>(DisplayWidth(line)) / usable)));
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return lines;
}

}  // namespace gm
