#include "extractors/mime/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace gm {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// MIME labels that ICU would read too narrowly: GB2312/GBK labels are widened
// to GB18030 because senders use them for text with GBK-only characters.
std::string IcuName(const char* charset) {
  std::string label = Lower(charset);
  while (!label.empty() && (label.back() == ' ' || label.back() == '"')) label.pop_back();
  while (!label.empty() && (label.front() == ' ' || label.front() == '"')) label.erase(label.begin());
  static const char* kGbFamily[] = {"gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb_2312-80", "x-euc-cn",
                                    "ms936", "windows-936", "csgb2312", "chinese", "gb18030", "x-gb18030"};
  for (const char* gb : kGbFamily)
    if (label == gb) return "gb18030";
  if (label == "big5" || label == "x-big5" || label == "cp950" || label == "ms950" || label == "csbig5")
    return "windows-950-2000";
  if (label == "utf8") return "utf-8";
  return label;
}

// Decodes into UTF-8; strict = stop at the first invalid or unassigned byte
// sequence (returns false), else substitute U+FFFD.
bool Convert(std::string_view bytes, const std::string& icu_name, bool strict, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(icu_name.c_str(), &err));
  if (U_FAILURE(err) || !conv) return false;
  if (strict) {
    err = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    if (U_FAILURE(err)) return false;
  }
  // Each input byte yields at most 2 UTF-16 units (4-byte GB18030 → surrogate pair).
  std::vector<UChar> utf16(bytes.size() * 2 + 1);
  err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return false;
  std::string utf8(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(utf8.data(), static_cast<int32_t>(utf8.size()), &len, utf16.data(), n, 0xFFFD, nullptr, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return false;
  utf8.resize(static_cast<size_t>(len));
  *out = std::move(utf8);
  return true;
}

// How unlikely the bytes are as GBK/GB18030 text in a name or letter: 0 for
// ASCII, punctuation and level-1 hanzi, more for rarer areas. The areas are
// those of GB 2312 / GBK (row = lead byte).
int GbPenalty(std::string_view s) {
  int penalty = 0;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { ++i; continue; }
    if (b == 0x80 || b == 0xFF || i + 1 >= s.size()) { penalty += 5; ++i; continue; }
    auto t = static_cast<unsigned char>(s[i + 1]);
    if (t >= 0x30 && t <= 0x39) { penalty += 3; i += 4; continue; }  // four-byte: outside GBK
    if (t < 0x40 || t == 0x7F || t == 0xFF) { penalty += 5; ++i; continue; }
    i += 2;
    if (t < 0xA1) { penalty += 2; continue; }             // GBK/3, GBK/4: rare or traditional
    if (b <= 0xA3) continue;                               // punctuation, full-width forms
    if (b == 0xA8) { penalty += 2; continue; }             // pinyin, bopomofo
    if (b <= 0xA9) { penalty += 3; continue; }             // kana, Greek, Cyrillic, box drawing
    if (b <= 0xAF) { penalty += 4; continue; }             // user-defined
    if (b <= 0xD7) continue;                               // level-1 hanzi
    if (b <= 0xF7) { penalty += 1; continue; }             // level-2 hanzi
    penalty += 4;                                          // user-defined
  }
  return penalty;
}

// The same for Big5: 0 for symbols and frequent characters (A440-C67E).
int Big5Penalty(std::string_view s) {
  int penalty = 0;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { ++i; continue; }
    if (i + 1 >= s.size()) { penalty += 5; ++i; continue; }
    auto t = static_cast<unsigned char>(s[i + 1]);
    bool trail_ok = (t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE);
    if (b < 0x81 || b == 0xFF || !trail_ok) { penalty += 5; ++i; continue; }
    i += 2;
    if (b >= 0xA1 && b <= 0xA2) continue;                   // symbols
    if (b == 0xA3) { penalty += t < 0xC0 ? 1 : 4; continue; }  // bopomofo, Greek; then reserved
    if (b >= 0xA4 && (b < 0xC6 || (b == 0xC6 && t <= 0x7E))) continue;  // frequent characters
    if (b >= 0xC6 && b <= 0xC8) { penalty += 4; continue; }  // reserved, kana extensions
    if (b >= 0xC9 && b <= 0xF9) { penalty += 1; continue; }  // less frequent characters
    penalty += 4;                                           // user-defined
  }
  return penalty;
}

// True when every byte >= 0x80 starts a well-formed two-byte Big5 sequence.
bool Big5Structured(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { ++i; continue; }
    if (b < 0x81 || b == 0xFF || i + 1 >= s.size()) return false;
    auto t = static_cast<unsigned char>(s[i + 1]);
    if (!((t >= 0x40 && t <= 0x7E) || (t >= 0xA1 && t <= 0xFE))) return false;
    i += 2;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int extra;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
    else return false;
    if (i + extra >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += extra + 1;
  }
  return true;
}

const char* GuessChineseCharset(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return "UTF-8";
  std::string scratch;
  bool gb_ok = Convert(bytes, "gb18030", true, &scratch);
  // ICU's windows-950 maps stray single bytes 0x80 and 0xFF; real Big5 has none.
  bool big5_ok = Big5Structured(bytes) && Convert(bytes, "windows-950-2000", true, &scratch);
  if (gb_ok && big5_ok) return Big5Penalty(bytes) < GbPenalty(bytes) ? "Big5" : "GB18030";
  if (gb_ok) return "GB18030";
  if (big5_ok) return "Big5";
  return nullptr;
}

std::string DecodeUnknownCharset(std::string_view bytes) {
  const char* guess = GuessChineseCharset(bytes);
  if (guess && std::string_view(guess) == "UTF-8") return std::string(bytes);
  std::string out;
  if (guess && Convert(bytes, IcuName(guess), false, &out)) return out;
  if (Convert(bytes, "gb18030", false, &out)) return out;
  return std::string();  // unreachable in practice: ICU always has gb18030
}

bool TryConvertToUtf8(std::string_view bytes, const char* charset, std::string* out) {
  if (!charset || !*charset) return false;
  std::string name = IcuName(charset);
  if (name == "utf-8" || name == "us-ascii" || name == "ascii") {
    if (!IsValidUtf8(bytes)) return false;
    out->assign(bytes);
    return true;
  }
  return Convert(bytes, name, true, out);
}

std::string ConvertToUtf8(std::string_view bytes, const char* charset) {
  if (!charset || !*charset) return DecodeUnknownCharset(bytes);
  std::string name = IcuName(charset);
  std::string out;
  if (name == "utf-8" || name == "us-ascii" || name == "ascii") {
    // Mislabelled 8-bit text ("us-ascii" over GBK bytes) is common; guess instead.
    if (IsValidUtf8(bytes)) return std::string(bytes);
    return DecodeUnknownCharset(bytes);
  }
  if (Convert(bytes, name, false, &out)) return out;
  return DecodeUnknownCharset(bytes);
}

}  // namespace gm
