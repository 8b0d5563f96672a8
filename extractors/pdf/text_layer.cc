#include "extractors/pdf/text_layer.h"

#include <cstdint>

namespace gm {
namespace {

enum class CharClass { kMeaningful, kNeutral, kJunk };

CharClass Classify(uint32_t c) {
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::kMeaningful;
  if (c < 0x80) return c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? CharClass::kJunk : CharClass::kNeutral;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x2FFFF)) {
    return CharClass::kMeaningful;  // CJK ideographs
  }
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
    return CharClass::kMeaningful;  // full-width digits and letters
  }
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F) ||
      (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x26FF) || c == 0x00A0 || c == 0x00B7 ||
      c == 0x00D7 || c == 0x00B0 || c == 0x00B2 || c == 0x00B3 || c == 0x00B1 || (c >= 0x2070 && c <= 0x209F) ||
      (c >= 0x2100 && c <= 0x218F) || (c >= 0x2190 && c <= 0x22FF) || (c >= 0x3300 && c <= 0x33FF) ||
      (c >= 0x0391 && c <= 0x03C9) || c == 0x2713 || c == 0x2714 || c == 0x2717) {
    // CJK and full-width punctuation, general punctuation, units (㎡ m³ ℃), Greek, symbols, boxes, ✓ ☑
    return CharClass::kNeutral;
  }
  return CharClass::kJunk;  // U+FFFD, private use, Latin-1 stray bytes, controls ...
}

}  // namespace

TextStats CountTextChars(std::string_view text) {
  TextStats stats;
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<uint8_t>(text[i]);
    int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    uint32_t c = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
    bool valid = length > 0 && i + length <= text.size();
    for (int k = 1; valid && k < length; ++k) {
      const auto next = static_cast<uint8_t>(text[i + k]);
      if ((next >> 6) != 2) valid = false;
      c = c << 6 | (next & 0x3F);
    }
    if (!valid) {
      ++stats.junk;
      ++i;
      continue;
    }
    switch (Classify(c)) {
      case CharClass::kMeaningful: ++stats.meaningful; break;
      case CharClass::kJunk: ++stats.junk; break;
      case CharClass::kNeutral: break;
    }
    i += length;
  }
  return stats;
}

bool IsUsableTextLayer(const std::vector<TextSpan>& spans) {
  TextStats total;
  for (const TextSpan& span : spans) {
    TextStats s = CountTextChars(span.text);
    total.meaningful += s.meaningful;
    total.junk += s.junk;
  }
  if (total.meaningful < kMinMeaningfulChars) return false;
  return total.meaningful >= kMinMeaningfulShare * (total.meaningful + total.junk);
}

}  // namespace gm
