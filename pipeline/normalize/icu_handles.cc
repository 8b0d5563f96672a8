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

// ICU's Traditional-Simplified also rewrites characters that are standard
// simplified Chinese (GB 2312) in their own right: 显著 became 显着, 狼藉
// 狼借, 俱乐部 具乐部, 摔跤 摔交. These are left alone; the rest of the
// table (後 → 后, 於 → 于 …) still applies. Found by running the transform
// over every GB 2312 character: 藉 俱 乾 著 阪 苎 摺 吒 姊 箝 跤 change
// although simplified (後 於 麽 徵 夥 菸 are the traditional forms kept in
// GB 2312, and are simplified).
constexpr char kToSimplifiedRules[] = "::[^著藉俱乾阪苎摺吒姊箝跤] Traditional-Simplified;";

// The per-thread handles. Created on first use; a handle ICU cannot create
// stays null and its step is skipped (or the parse refused).
struct ThreadHandles {
  std::unique_ptr<icu::Transliterator> to_simplified;
  std::unique_ptr<icu::NumberFormat> decimal;

  ThreadHandles() {
    UErrorCode err = U_ZERO_ERROR;
    UParseError where;
    to_simplified.reset(icu::Transliterator::createFromRules(
        "greenmine-simplified", icu::UnicodeString::fromUTF8(kToSimplifiedRules), UTRANS_FORWARD, where, err));
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
