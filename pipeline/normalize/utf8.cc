#include "pipeline/normalize/utf8.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace gm::normalize {

bool IsHan(char32_t c) {
  if (c == U'〇') return true;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN && U_SUCCESS(err);
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == U'\t'; }

std::string Abbreviate(std::string_view text, size_t max_chars) {
  std::u32string u = ToU32(text);
  if (u.size() <= max_chars) return std::string(text);
  u.resize(max_chars);
  return ToUtf8(u) + "…";
}

}  // namespace gm::normalize
