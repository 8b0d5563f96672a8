#include "pipeline/core/utf8.h"

#include <unicode/utf8.h>

namespace gm {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Moves *pos past the character at utf8[*pos] (past the maximal invalid
// subpart for a bad one) and returns it, or a negative value when invalid.
UChar32 NextChar(std::string_view utf8, int32_t* pos) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  UChar32 c;
  U8_NEXT(bytes, *pos, length, c);
  return c;
}

}  // namespace

size_t DecodeUtf8Char(std::string_view text, size_t i, uint32_t* code_point) {
  int32_t pos = static_cast<int32_t>(i);
  const UChar32 c = NextChar(text, &pos);
  if (c < 0) return 0;
  *code_point = static_cast<uint32_t>(c);
  return static_cast<size_t>(pos) - i;
}

std::u32string ToU32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    uint32_t c = 0;
    const size_t len = DecodeUtf8Char(utf8, i, &c);
    out.push_back(len == 0 ? kReplacement : static_cast<char32_t>(c));
    i += len == 0 ? 1 : len;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  out->append(bytes, static_cast<size_t>(length));
}

std::string ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

size_t Utf8Length(std::string_view utf8) {
  size_t n = 0;
  for (int32_t pos = 0; pos < static_cast<int32_t>(utf8.size()); ++n) NextChar(utf8, &pos);
  return n;
}

std::string Utf8Prefix(std::string_view utf8, size_t max_code_points) {
  int32_t pos = 0;
  for (size_t n = 0; pos < static_cast<int32_t>(utf8.size()) && n < max_code_points; ++n) NextChar(utf8, &pos);
  return std::string(utf8.substr(0, static_cast<size_t>(pos)));
}

}  // namespace gm
