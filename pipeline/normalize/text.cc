#include "pipeline/normalize/text.h"

#include <unicode/uchar.h>

#include "pipeline/normalize/icu_handles.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using normalize::IsHan;
using normalize::IsSpace;

// Punctuation whose width NFKC leaves alone, mapped to one form each.
char32_t MapPunctuation(char32_t c) {
  switch (c) {
    case U'〔': case U'〘': case U'⦅': return U'(';
    case U'〕': case U'〙': case U'⦆': return U')';
    case U'【': case U'〖': case U'〚': return U'[';
    case U'】': case U'〗': case U'〛': return U']';
    case U'‐': case U'‑': case U'‒': case U'–': case U'—': case U'―': case U'−': case U'─': case U'━':
    case U'﹘': case U'⸺': case U'⸻': return U'-';
    case U'〜': case U'〰': return U'~';
    case U'・': case U'‧': case U'•': return U'·';
    default: return c;
  }
}

// Characters next to which no space is kept: Han, kana, hangul, and the CJK
// symbols and punctuation block (、。「」…).
bool IsCjkLike(char32_t c) {
  if (IsHan(c)) return true;
  if (c >= 0x3000 && c <= 0x30FF) return true;   // CJK punctuation, kana
  if (c >= 0xAC00 && c <= 0xD7AF) return true;   // hangul
  if (c >= 0xFF00 && c <= 0xFFEF) return true;   // what NFKC left of the full-width block
  if (c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'《' || c == U'》') return true;
  return false;
}

bool IsOpening(char32_t c) { return c == U'(' || c == U'[' || c == U'{'; }
// Punctuation that follows its word without a space ("36.9% ," read by OCR is "36.9%,").
bool IsTrailing(char32_t c) {
  return c == U',' || c == U'.' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'%';
}
bool IsClosing(char32_t c) { return c == U')' || c == U']' || c == U'}'; }

bool Dropped(char32_t c) {
  if (IsSpace(c)) return false;
  int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;  // C0/C1 controls, zero-width marks, BOM
}

}  // namespace

std::string NormalizeText(std::string_view raw) {
  std::u32string in = normalize::ToU32(normalize::IcuNfkcSimplified(raw));
  std::u32string out;
  out.reserve(in.size());
  bool pending_space = false;
  for (char32_t c : in) {
    if (IsSpace(c) || c == U'\r' || c == U'\n') {
      pending_space = true;
      continue;
    }
    if (Dropped(c)) continue;
    c = MapPunctuation(c);
    if (c == U'-' && !out.empty() && out.back() == U'-' && !pending_space) continue;  // "——" is one dash
    if (pending_space && !out.empty()) {
      char32_t prev = out.back();
      if (!IsCjkLike(prev) && !IsCjkLike(c) && !IsOpening(prev) && !IsClosing(c) &&
          // A space inside a number (12500 .00) is left for the number parsers to see and repair.
          (!IsTrailing(c) || (prev >= U'0' && prev <= U'9')))
        out.push_back(U' ');
    }
    pending_space = false;
    out.push_back(c);
  }
  return normalize::ToUtf8(out);
}

}  // namespace gm
