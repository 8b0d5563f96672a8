// Fuzz target: the normalizers that read what applicants and OCR write —
// amounts, numbers, percentages, durations, dates, phones, credit codes and
// free text — on arbitrary bytes (valid UTF-8 or not). None may crash, hang
// or read out of bounds; a value, when returned, must be finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pipeline/normalize/amount.h"
#include "pipeline/normalize/credit_code.h"
#include "pipeline/normalize/date.h"
#include "pipeline/normalize/number.h"
#include "pipeline/normalize/phone.h"
#include "pipeline/normalize/text.h"

namespace {

void CheckFinite(std::optional<double> v) {
  if (v && !std::isfinite(*v)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckFinite(gm::ParseDecimal(text));
  CheckFinite(gm::ParseWan(text, gm::AmountUnit::kYuan));
  CheckFinite(gm::ParseWan(text));
  CheckFinite(gm::ParsePercent(text));
  CheckFinite(gm::ParseNumber(text));
  CheckFinite(gm::ParseDuration(text, gm::TimeUnit::kMonth));
  (void)gm::ParseInteger(text);
  (void)gm::NormalizeDate(text);
  (void)gm::NormalizePhone(text);
  if (auto code = gm::RepairCreditCode(text); code && !gm::IsValidCreditCode(*code)) std::abort();
  (void)gm::NormalizeText(text);
  return 0;
}
