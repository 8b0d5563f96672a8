#include "extractors/form/percent_sign.h"

#include <algorithm>
#include <vector>

namespace gm::form {

bool LastNineIsAPercentSign(const OcrResult& ocr) {
  std::vector<const OcrWord*> digits;
  for (const OcrWord& s : ocr.symbols)
    if (s.text.size() == 1 && s.text[0] >= '0' && s.text[0] <= '9' && s.box.w > 0) digits.push_back(&s);
  if (digits.size() < 3 || &ocr.symbols.back() != digits.back() || digits.back()->text != "9") return false;
  std::vector<int> widths;
  for (size_t i = 0; i + 1 < digits.size(); ++i) widths.push_back(digits[i]->box.w);
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  return digits.back()->box.w >= kPercentWidth * widths[widths.size() / 2];
}

void CheckPercentSign(const OcrResult& ocr, Reading* reading) {
  const std::string& raw = reading->raw;
  if (raw.empty() || raw.back() != '9' || raw.find('%') != std::string::npos) return;
  if (LastNineIsAPercentSign(ocr)) {
    reading->raw = raw.substr(0, raw.size() - 1) + "%";
    reading->confidence *= kPercentRepairFactor;
  } else if (raw.find('.') != std::string::npos) {
    reading->confidence = std::min(reading->confidence, kDoubtfulPercent);
  }
}

}  // namespace gm::form
