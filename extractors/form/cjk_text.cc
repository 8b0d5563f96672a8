#include "extractors/form/cjk_text.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace gm::form {
namespace {

// Characters that are never part of a value at its ends: border strokes read
// as glyphs, underscores of a blank, stray punctuation.
bool IsEdgeJunk(char32_t c) {
  static const std::u32string kJunk =
      U"|｜[]{}_—–-~`'\"‘’“”.,;:!·•、，。；：！丨_=^*¦/\\";
  return kJunk.find(c) != std::u32string::npos;
}

// Wide characters: no space is wanted next to them.
bool IsWide(char32_t c) {
  return IsIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         c == 0x2014 || c == 0x2026;
}

// What a sentence's last character before its 。 can be.
bool EndsProse(char32_t c) {
  return IsIdeograph(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)) != 0) || c == U'%' || c == U'）' || c == U')';
}

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == 0x3000; }

}  // namespace

Spaceless WithoutSpaces(std::u32string_view text) {
  Spaceless out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U' ') continue;
    out.bare.push_back(text[i]);
    out.at.push_back(i);
  }
  return out;
}

void CharacterProposals::Add(size_t position, char32_t c) {
  std::u32string& p = proposed_[position];
  if (p.find(c) == std::u32string::npos) p.push_back(c);
}

bool CharacterProposals::Apply(const Spaceless& spaceless, std::u32string* text) const {
  bool changed = false;
  for (const auto& [i, chars] : proposed_) {
    if (chars.size() != 1) continue;
    (*text)[spaceless.at[i]] = chars[0];
    changed = true;
  }
  return changed;
}

bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}

std::string Nfkc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString norm = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  norm.toUTF8String(out);
  return out;
}

std::u32string LabelKey(std::string_view utf8) {
  std::u32string in = ToCodepoints(Nfkc(utf8));
  std::u32string out;
  for (char32_t c : in)
    if (IsIdeograph(c)) out.push_back(c);
  return out;
}

namespace {

// "34.43%0，": the OCR reads the % sign's lower circle once more as a 0. In a
// sentence a digit never follows a percentage directly, so a 0 or o after
// '%' and before anything but a digit or letter goes.
std::string WithoutPercentTail(const std::string& text) {
  std::u32string c = ToCodepoints(text), out;
  for (size_t i = 0; i < c.size(); ++i) {
    bool tail = i > 0 && c[i - 1] == U'%' && (c[i] == U'0' || c[i] == U'o' || c[i] == U'O') &&
                (i + 1 == c.size() || !(c[i + 1] < 0x80 && std::isalnum(static_cast<int>(c[i + 1]))));
    if (!tail) {
      out.push_back(c[i]);
      continue;
    }
    if (i + 2 < c.size() && c[i + 1] == U' ' && !(c[i + 2] < 0x80 && std::isalnum(static_cast<int>(c[i + 2])))) ++i;
  }
  return ToUtf8(out);
}

}  // namespace

std::string CleanProseText(std::string_view ocr_text) {
  static const std::u32string kStopLookalikes = U"，,:：;；、.·-";
  static const std::u32string kBorder = U"|｜丨_—–";
  std::string clean = WithoutPercentTail(CleanCellText(ocr_text));
  std::u32string in = ToCodepoints(Nfkc(ocr_text));
  size_t e = in.size();
  while (e > 0 && (IsSpace(in[e - 1]) || in[e - 1] == U'\n' || kBorder.find(in[e - 1]) != std::u32string::npos)) --e;
  // The marks after the last ideograph: "合理 ，", "支持 ， ，", "验收 -".
  size_t p = e;
  bool mark = false;
  while (p > 0 && (IsSpace(in[p - 1]) || kStopLookalikes.find(in[p - 1]) != std::u32string::npos)) {
    mark |= !IsSpace(in[p - 1]);
    --p;
  }
  if (!mark || p == 0 || !IsIdeograph(in[p - 1])) return clean;
  std::u32string c = ToCodepoints(clean);
  if (c.empty() || !IsIdeograph(c.back())) return clean;
  return clean + "。";
}

std::string CleanCellText(std::string_view ocr_text) {
  std::u32string in = ToCodepoints(Nfkc(ocr_text));
  // Join: a run of spaces and line breaks between two characters becomes
  // nothing next to a wide character or between digits split over lines,
  // else one space.
  std::u32string joined;
  size_t i = 0;
  while (i < in.size()) {
    char32_t c = in[i];
    if (!IsSpace(c) && c != U'\n') {
      joined.push_back(c);
      ++i;
      continue;
    }
    bool newline = false;
    size_t j = i;
    while (j < in.size() && (IsSpace(in[j]) || in[j] == U'\n')) newline |= in[j++] == U'\n';
    if (!joined.empty() && j < in.size()) {
      char32_t prev = joined.back(), next = in[j];
      bool digits = prev < 0x80 && next < 0x80 && std::isdigit(static_cast<int>(prev)) &&
                    std::isdigit(static_cast<int>(next));
      if (!IsWide(prev) && !IsWide(next) && !(newline && digits)) joined.push_back(U' ');
    }
    i = j;
  }
  // Strip junk at both ends, keeping a bracket that closes or opens one
  // inside the text, and a trailing percent sign.
  size_t b = 0, e = joined.size();
  auto balanced_close = [&](size_t end) {
    char32_t c = joined[end];
    char32_t open = c == U')' ? U'(' : c == U'）' ? U'（' : 0;
    return open && joined.find(open, b) < end;
  };
  for (;;) {
    if (b < e && (IsEdgeJunk(joined[b]) || joined[b] == U' ')) { ++b; continue; }
    if (b < e && (joined[b] == U')' || joined[b] == U'）')) { ++b; continue; }
    if (b < e && (joined[b] == U'(' || joined[b] == U'（') &&
        joined.find_first_of(U")）", b) >= e) { ++b; continue; }
    break;
  }
  while (e > b) {
    char32_t c = joined[e - 1];
    // A full stop after written text ends a sentence (项目描述, 社会效益 are
    // prose); stray specks are read as "." or "·", not as "。".
    if (c == U'。' && e - 1 > b && EndsProse(joined[e - 2])) break;
    if (IsEdgeJunk(c) || c == U' ' || ((c == U')' || c == U'）') && !balanced_close(e - 1)) || c == U'(' || c == U'（') {
      --e;
      continue;
    }
    // A lone small Latin letter after Chinese writing is a speck or the
    // ruling's edge read as a letter ("有限公司w"); words and codes (LED,
    // PPP, 20BP) are capitals or longer.
    if (c >= U'a' && c <= U'z' && e - 1 > b) {
      size_t p = e - 1;
      while (p > b && joined[p - 1] == U' ') --p;
      if (p > b && IsIdeograph(joined[p - 1])) {
        e = p;
        continue;
      }
    }
    break;
  }
  return ToUtf8(std::u32string_view(joined).substr(b, e - b));
}

std::string FixDigitGrouping(std::string_view text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto sep = [](char c) { return c == '.' || c == ',' || c == ' '; };
  size_t start = 0;
  while (start < text.size() && !digit(text[start])) ++start;
  if (start == text.size()) return std::string(text);
  // The number: digit groups and the separator runs between them.
  std::vector<std::string> groups(1), seps;
  size_t i = start;
  while (i < text.size()) {
    if (digit(text[i])) {
      groups.back() += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && sep(text[j])) ++j;
    if (j == i || j == text.size() || !digit(text[j])) break;
    seps.push_back(std::string(text.substr(i, j - i)));
    groups.emplace_back();
    i = j;
  }
  bool odd = seps.size() >= 2;
  for (const std::string& s : seps) odd |= s.size() > 1;
  if (!odd) return std::string(text);
  // Every separator but the last stands before a group of three: thousands.
  for (size_t k = 0; k + 1 < seps.size(); ++k)
    if (groups[k + 1].size() != 3) return std::string(text);
  std::string out(text.substr(0, start));
  for (size_t k = 0; k < groups.size(); ++k) {
    out += groups[k];
    if (k >= seps.size()) continue;
    bool last = k + 1 == seps.size();
    if (!last) {
      out += ',';
    } else if (seps[k].find('.') != std::string::npos && groups[k + 1].size() != 3) {
      out += '.';
    } else if (seps[k].find('.') != std::string::npos && seps[k].find(',') == std::string::npos && seps.size() == 1) {
      out += '.';
    } else {
      out += groups[k + 1].size() == 3 ? ',' : '.';
    }
  }
  out += text.substr(i);
  return out;
}

}  // namespace gm::form
