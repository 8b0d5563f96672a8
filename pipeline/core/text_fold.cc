#include "pipeline/core/text_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace gm {
namespace {

bool IsDropped(UChar32 c) {
  // Zero-width space / joiners, BOM, soft hyphen: invisible, never meaningful here.
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD) return true;
  return u_isUWhiteSpace(c) || u_isspace(c);
}

}  // namespace

std::string FoldText(std::string_view utf8) {
  // fromUTF8 replaces invalid sequences with U+FFFD; drop those below.
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString norm;
  if (U_SUCCESS(err) && nfkc) {
    norm = nfkc->normalize(src, err);
    if (U_FAILURE(err)) norm = src;
  } else {
    norm = src;
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < norm.length();) {
    UChar32 c = norm.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0xFFFD || IsDropped(c)) continue;
    kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace gm
