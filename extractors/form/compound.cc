#include "extractors/form/compound.h"

#include <algorithm>
#include <cctype>

#include "extractors/form/cjk_text.h"

namespace gm::form {
namespace {

bool IsOpen(char32_t c) { return c == U'(' || c == U'（' || c == U'[' || c == U'{' || c == U'【'; }
bool IsClose(char32_t c) { return c == U')' || c == U'）' || c == U']' || c == U'}' || c == U'】'; }
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Position just after `anchor` in `text` (both code points), or npos. Only
// ideographs are compared; one misread character is forgiven when the
// anchor has three or more.
size_t FindAnchorEnd(const std::u32string& text, const std::u32string& anchor, int max_misses = 1) {
  std::vector<size_t> pos;  // positions of the ideographs of text
  for (size_t i = 0; i < text.size(); ++i)
    if (IsIdeograph(text[i])) pos.push_back(i);
  std::u32string key;
  for (char32_t c : anchor)
    if (IsIdeograph(c)) key.push_back(c);
  size_t n = key.size();
  if (n == 0 || pos.size() < n) return std::u32string::npos;
  for (int allowed = 0; allowed <= (n >= 3 ? std::min(1, max_misses) : 0); ++allowed) {
    for (size_t i = 0; i + n <= pos.size(); ++i) {
      int miss = 0;
      for (size_t k = 0; k < n && miss <= allowed; ++k) miss += text[pos[i + k]] != key[k];
      if (miss <= allowed) return pos[i + n - 1] + 1;
    }
  }
  return std::u32string::npos;
}

// Content of the bracket starting at or after `from`; npos-safe.
bool BracketContent(const std::u32string& text, size_t from, std::u32string* content, size_t* end) {
  size_t open = from;
  while (open < text.size() && !IsOpen(text[open])) {
    // Another label starts before any bracket: this anchor has none.
    if (IsIdeograph(text[open]) && open > from + 1) return false;
    ++open;
  }
  if (open >= text.size()) return false;
  size_t i = open + 1;
  std::u32string out;
  while (i < text.size() && !IsClose(text[i]) && !IsOpen(text[i])) {
    if (IsIdeograph(text[i]) && !out.empty()) break;  // a lost ')' before 万元
    out.push_back(text[i]);
    ++i;
  }
  *content = out;
  *end = i;
  return true;
}

}  // namespace

std::string BracketAfter(std::string_view text_utf8, std::string_view anchor, int ordinal) {
  std::u32string text = ToCodepoints(Nfkc(text_utf8));
  std::u32string content;
  size_t end = 0;
  if (!anchor.empty()) {
    size_t at = FindAnchorEnd(text, ToCodepoints(anchor));
    if (at != std::u32string::npos) {
      if (BracketContent(text, at, &content, &end)) return CleanCellText(ToUtf8(content));
      // No bracket at all: a number written right after the anchor.
      size_t i = at;
      while (i < text.size() && !IsDigit(text[i]) && !IsIdeograph(text[i])) ++i;
      std::u32string number;
      while (i < text.size() && (IsDigit(text[i]) || text[i] == U'.' || text[i] == U',')) number.push_back(text[i++]);
      if (!number.empty()) return CleanCellText(ToUtf8(number));
    }
    if (ordinal < 0) return "";
  }
  if (anchor.empty() && ordinal <= 0 && std::none_of(text.begin(), text.end(), IsOpen)) {
    // Both brackets lost to the OCR ("36个月" for "（ 36 ）个月"): the number.
    size_t i = 0;
    while (i < text.size() && !IsDigit(text[i])) ++i;
    std::u32string number;
    while (i < text.size() && (IsDigit(text[i]) || text[i] == U'.')) number.push_back(text[i++]);
    return CleanCellText(ToUtf8(number));
  }
  size_t from = 0;
  for (int k = 0; k <= std::max(0, ordinal); ++k) {
    size_t open = from;
    while (open < text.size() && !IsOpen(text[open])) ++open;
    if (!BracketContent(text, open, &content, &end)) return "";
    from = end + 1;
  }
  return CleanCellText(ToUtf8(content));
}

std::string PhoneIn(std::string_view text_utf8) {
  std::u32string text = ToCodepoints(Nfkc(text_utf8));
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsDigit(text[i])) continue;
    std::string phone;
    int digits = 0;
    size_t j = i;
    while (j < text.size()) {
      char32_t c = text[j];
      if (IsDigit(c)) {
        phone.push_back(static_cast<char>(c));
        ++digits;
      } else if ((c == U'-' || c == U'—' || c == U'–') && j + 1 < text.size() && IsDigit(text[j + 1])) {
        phone.push_back('-');
      } else if (c == U' ' && j + 1 < text.size() && IsDigit(text[j + 1]) && digits < 11) {
        // a space inside a number: 139 0931 1234
      } else {
        break;
      }
      ++j;
    }
    if (digits >= 7) return phone;
    i = j;
  }
  return "";
}

std::string PersonIn(std::string_view text_utf8, const std::vector<std::string>& prefixes) {
  std::u32string text = ToCodepoints(Nfkc(text_utf8));
  // The text before the number, without the OCR's spaces (联系 人 : 赵 静).
  std::u32string before;
  for (size_t i = 0; i < text.size() && !IsDigit(text[i]); ++i)
    if (text[i] != U' ' && text[i] != U'\n') before.push_back(text[i]);
  // Drop the printed prefixes, longest first so 联系电话 goes before 电话.
  std::vector<std::u32string> keys;
  for (const std::string& p : prefixes) keys.push_back(ToCodepoints(p));
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const std::u32string& k : keys) {
    for (size_t at; !k.empty() && (at = before.find(k)) != std::u32string::npos;) before.erase(at, k.size());
  }
  std::u32string person;
  for (char32_t c : before)
    if (IsIdeograph(c) || (c < 0x80 && std::isalpha(static_cast<int>(c)))) person.push_back(c);
  return ToUtf8(person);
}

std::string RestAfterOptions(std::string_view text_utf8, const std::vector<std::string>& prefixes) {
  std::u32string text = ToCodepoints(Nfkc(text_utf8));
  // Exact wordings first: a forgiving match of a longer prefix would eat
  // the name's first character (曾用名：西和… read as 曾用名称).
  for (int allowed = 0; allowed <= 1; ++allowed) {
    for (const std::string& p : prefixes) {
      size_t at = FindAnchorEnd(text, ToCodepoints(Nfkc(p)), allowed);
      if (at != std::u32string::npos) return CleanCellText(ToUtf8(text.substr(at)));
    }
  }
  size_t last = std::u32string::npos;
  for (size_t i = 0; i < text.size(); ++i)
    if (IsClose(text[i])) last = i;
  if (last == std::u32string::npos) return "";
  std::string rest = CleanCellText(ToUtf8(text.substr(last + 1)));
  const std::u32string rest32 = ToCodepoints(rest);
  // An option whose closing bracket was lost (否(回 for 否（√）) ends the
  // group; it is not a name.
  for (size_t i = 0; i < rest32.size() && i < 3; ++i) {
    if (!IsOpen(rest32[i])) continue;
    if (std::none_of(rest32.begin() + i + 1, rest32.end(), IsClose)) return "";
    break;
  }
  // A stray character or two after the group is OCR noise, not a name.
  int ideographs = 0;
  for (char32_t c : rest32) ideographs += IsIdeograph(c);
  return ideographs >= 2 ? rest : "";
}

}  // namespace gm::form
