#include "pipeline/normalize/icu_handles.h"

#include <memory>

#include <unicode/decimfmt.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/numfmt.h>
#include <unicode/parsepos.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace gm::normalize {
namespace {

// The per-thread handles. Created on first use; a handle ICU cannot create
// stays null and its step is skipped (or the parse refused).
struct ThreadHandles {
  std::unique_ptr<icu::Transliterator> to_simplified;
  std::unique_ptr<icu::NumberFormat> decimal;

  ThreadHandles() {
    UErrorCode err = U_ZERO_ERROR;
    to_simplified.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) to_simplified.reset();
    err = U_ZERO_ERROR;
    decimal.reset(icu::NumberFormat::createInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) {
      decimal.reset();
    } else {
      decimal->setLenient(false);  // grouping separators must sit every three digits
      decimal->setParseIntegerOnly(false);
      if (auto* df = dynamic_cast<icu::DecimalFormat*>(decimal.get())) df->setParseNoExponent(true);
    }
  }
};

ThreadHandles& Handles() {
  thread_local ThreadHandles handles;
  return handles;
}

}  // namespace

std::string IcuNfkcSimplified(std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  if (U_SUCCESS(err) && nfkc) {
    icu::UnicodeString normalized = nfkc->normalize(text, err);
    if (U_SUCCESS(err)) text = normalized;
  }
  if (auto& t = Handles().to_simplified) t->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::optional<double> IcuParseArabic(std::string_view ascii) {
  if (ascii.empty() || ascii.size() > 64) return std::nullopt;
  for (char c : ascii)  // ICU would also take other scripts' digits and signs; we hand it only these
    if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-')) return std::nullopt;
  auto& fmt = Handles().decimal;
  if (!fmt) return std::nullopt;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(ascii.data(), static_cast<int32_t>(ascii.size())));
  icu::Formattable result;
  icu::ParsePosition pos(0);
  fmt->parse(text, result, pos);
  if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  double value = result.getDouble(err);
  if (U_FAILURE(err)) return std::nullopt;
  return value;
}

}  // namespace gm::normalize
