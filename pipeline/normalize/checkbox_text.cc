#include "pipeline/normalize/checkbox_text.h"

#include "pipeline/normalize/text.h"
#include "pipeline/normalize/utf8.h"

namespace gm {
namespace {

using normalize::ToU32;
using normalize::ToUtf8;

bool IsTick(char32_t c) { return std::u32string_view(U"√✓✔☑☒✗✘×xXvV●■◆★*").find(c) != std::u32string_view::npos; }
bool IsEmptyBox(char32_t c) { return std::u32string_view(U"□☐◻○").find(c) != std::u32string_view::npos; }
bool IsFullBox(char32_t c) { return std::u32string_view(U"☑☒■▣◼●√✓✔").find(c) != std::u32string_view::npos; }

// Trims spaces and separators a label may carry between options.
std::u32string CleanLabel(std::u32string s) {
  auto junk = [](char32_t c) {
    return c == U' ' || c == U',' || c == U';' || c == U'、' || c == U'。' || c == U':' || c == U'.' || IsTick(c) ||
           IsEmptyBox(c) || IsFullBox(c);
  };
  while (!s.empty() && junk(s.front())) s.erase(0, 1);
  while (!s.empty() && junk(s.back())) s.pop_back();
  return s;
}

std::optional<std::vector<CheckboxOption>> BracketStyle(const std::u32string& s) {
  std::vector<CheckboxOption> options;
  bool any_tick_or_empty = false, any_tick = false;
  size_t start = 0;
  for (size_t open = s.find(U'(', start); open != std::u32string::npos; open = s.find(U'(', start)) {
    size_t close = s.find(U')', open + 1);
    if (close == std::u32string::npos) break;
    std::u32string label = CleanLabel(s.substr(start, open - start));
    std::u32string content = CleanLabel(s.substr(open + 1, close - open - 1));
    std::u32string raw_content = s.substr(open + 1, close - open - 1);
    start = close + 1;
    if (label.empty()) continue;
    CheckboxOption o;
    o.label = ToUtf8(label);
    bool tick = false;
    for (char32_t c : raw_content) tick |= IsTick(c);
    if (tick && content.empty()) {
      o.marked = true;
      any_tick = any_tick_or_empty = true;
    } else if (content.empty()) {
      any_tick_or_empty = true;
    } else {
      o.marked = true;
      o.note = ToUtf8(content);
    }
    options.push_back(std::move(o));
  }
  if (options.empty()) return std::nullopt;
  if (options.size() == 1 && !any_tick) return std::nullopt;
  if (!any_tick_or_empty) return std::nullopt;
  return options;
}

std::optional<std::vector<CheckboxOption>> BoxStyle(const std::u32string& s) {
  std::vector<CheckboxOption> options;
  size_t i = 0;
  while (i < s.size() && !IsEmptyBox(s[i]) && !IsFullBox(s[i])) ++i;
  while (i < s.size()) {
    bool marked = IsFullBox(s[i]);
    size_t j = i + 1;
    while (j < s.size() && !IsEmptyBox(s[j]) && !IsFullBox(s[j])) ++j;
    std::u32string label = CleanLabel(s.substr(i + 1, j - i - 1));
    if (!label.empty()) options.push_back({ToUtf8(label), marked, ""});
    i = j;
  }
  if (options.empty()) return std::nullopt;
  return options;
}

}  // namespace

std::optional<std::vector<CheckboxOption>> ReadCheckboxText(std::string_view text) {
  std::u32string s = ToU32(NormalizeText(text));
  bool boxes = false;
  for (char32_t c : s) boxes |= IsEmptyBox(c) || (IsFullBox(c) && c != U'√' && c != U'●');
  if (auto b = BracketStyle(s)) return b;
  if (boxes) return BoxStyle(s);
  // A leading tick alone: "√已取得".
  if (!s.empty() && (s[0] == U'√' || s[0] == U'✓' || s[0] == U'✔')) return BoxStyle(s);
  return std::nullopt;
}

}  // namespace gm
