// Telephone numbers (the contract's `phone` type): a mobile number as 11
// digits ("13912345678"), a landline as area code, hyphen, local number
// ("0931-8123456", "010-12345678").
//
// Accepted: "+86 139 1234 5678", "139-1234-5678", "0931-8123456",
// "(0931)8123456", "0931 8123456", "09318123456", "+86-931-8123456",
// "0086 10 12345678", with OCR digit damage repaired ("l3912345678"). A cell
// that also holds a name ("张三 13912345678") yields its first valid number;
// an extension ("转8001", "-8001" after a full landline) is dropped and
// reported as a repair. Area codes: 010 and 02x have three digits and 8-digit
// local numbers; others are 0 + three digits with 7- or 8-digit local numbers
// that do not start with 0 or 1. Mobile numbers start 1[3-9]. A local number
// without area code, or any other digit count, is refused.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gm {

struct ParsedPhone {
  std::string number;     // "13912345678" or "0931-8123456"
  bool repaired = false;  // OCR damage undone, or an extension dropped
};

std::optional<ParsedPhone> ParsePhone(std::string_view text);
std::optional<std::string> NormalizePhone(std::string_view text);

}  // namespace gm
