#include "pipeline/core/display_text.h"

#include "pipeline/core/utf8.h"

#include <cstdio>

namespace gm {

bool IsHiddenOrControl(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;
  return cp == 0xAD || cp == 0x61C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
         cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

std::string DisplayText(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(text, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (IsHiddenOrControl(cp) && !(keep_line_breaks && (cp == '\n' || cp == '\t'))) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "[U+%04X]", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

bool NeedsDisplayForm(std::string_view text, bool keep_line_breaks) {
  for (size_t i = 0; i < text.size();) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(text, i, &cp);
    if (len == 0) return true;
    if (IsHiddenOrControl(cp) && !(keep_line_breaks && (cp == '\n' || cp == '\t'))) return true;
    i += len;
  }
  return false;
}

}  // namespace gm
