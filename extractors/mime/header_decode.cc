#include "extractors/mime/header_decode.h"

#include <cctype>
#include <vector>

#include "extractors/mime/charset.h"
#include "pipeline/core/base64.h"

namespace gm {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Undoes header folding: line breaks go, the whitespace after them stays.
std::string Unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw)
    if (c != '\r' && c != '\n') out += c;
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Undoes hex escapes: `escape` followed by two hex digits is that byte; a
// malformed escape stays literal. RFC 2047's "Q" (escape '=', and '_' is a
// space) and RFC 2231's extended values (escape '%').
std::string DecodeHexEscapes(std::string_view in, char escape, bool underscore_is_space) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (underscore_is_space && in[i] == '_') {
      out += ' ';
    } else if (in[i] == escape && i + 2 < in.size() && HexValue(in[i + 1]) >= 0 &&
               HexValue(in[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(in[i + 1]) * 16 + HexValue(in[i + 2]));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

std::string DecodeQ(std::string_view in) { return DecodeHexEscapes(in, '=', true); }
std::string DecodePercent(std::string_view in) { return DecodeHexEscapes(in, '%', false); }

// Text that is not an encoded-word: UTF-8 as it is, raw 8-bit bytes guessed.
std::string DecodeLiteral(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  return DecodeUnknownCharset(s);
}

struct EncodedWord {
  std::string charset;  // without an RFC 2231 "*lang" suffix
  std::string bytes;    // decoded payload
  size_t end = 0;       // index just past "?="
};

// Parses "=?charset?B|Q?text?=" at s[pos]; false if it is not one.
bool ParseEncodedWord(std::string_view s, size_t pos, EncodedWord* word) {
  if (s.compare(pos, 2, "=?") != 0) return false;
  size_t q1 = s.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 == pos + 2 || q1 + 2 >= s.size() || s[q1 + 2] != '?') return false;
  std::string_view charset = s.substr(pos + 2, q1 - pos - 2);
  for (char c : charset)
    if (IsSpace(c) || c == '"') return false;
  char enc = static_cast<char>(std::toupper(static_cast<unsigned char>(s[q1 + 1])));
  if (enc != 'B' && enc != 'Q') return false;
  size_t text_start = q1 + 3;
  size_t end = s.find("?=", text_start);
  if (end == std::string_view::npos) return false;
  std::string_view text = s.substr(text_start, end - text_start);
  if (size_t star = charset.find('*'); star != std::string_view::npos) charset = charset.substr(0, star);
  word->charset = Lower(charset);
  word->bytes = enc == 'B' ? Base64DecodeLoose(text) : DecodeQ(text);
  word->end = end + 2;
  return true;
}

// Quoted-string content; a backslash escapes the next byte unless it is the
// trail byte of a GBK/Big5 character (0x5C is a valid trail byte there and
// raw-8-bit senders do not escape it). *pos ends past the closing quote.
std::string ReadQuoted(std::string_view s, size_t* pos) {
  std::string out;
  size_t i = *pos + 1;  // past the opening quote
  while (i < s.size() && s[i] != '"') {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x81 && i + 1 < s.size()) {
      out += s[i];
      out += s[i + 1];
      i += 2;
    } else if (c == '\\' && i + 1 < s.size()) {
      out += s[i + 1];
      i += 2;
    } else {
      out += s[i++];
    }
  }
  *pos = i < s.size() ? i + 1 : i;
  return out;
}

struct Segment {
  std::string value;
  bool encoded = false;
};

}  // namespace

std::string DecodeHeaderText(std::string_view raw) {
  std::string s = Unfold(raw);
  std::string out, pending_charset, pending_bytes;
  auto flush = [&] {
    if (!pending_charset.empty() || !pending_bytes.empty()) out += ConvertToUtf8(pending_bytes, pending_charset.c_str());
    pending_charset.clear();
    pending_bytes.clear();
  };
  size_t i = 0, literal_start = 0;
  bool last_was_word = false;
  while (i < s.size()) {
    EncodedWord word;
    if (s[i] == '=' && ParseEncodedWord(s, i, &word)) {
      std::string_view gap(s.data() + literal_start, i - literal_start);
      bool gap_blank = Trim(gap).empty();
      if (!(last_was_word && gap_blank)) {
        flush();
        out += DecodeLiteral(gap);
      }
      if (!(last_was_word && gap_blank && word.charset == pending_charset)) flush();
      pending_charset = word.charset;
      pending_bytes += word.bytes;
      i = literal_start = word.end;
      last_was_word = true;
      continue;
    }
    if (!IsSpace(s[i])) last_was_word = false;  // text after a word ends the run
    ++i;
  }
  flush();
  out += DecodeLiteral(std::string_view(s).substr(literal_start));
  return std::string(Trim(out));
}

HeaderValue ParseHeaderValue(std::string_view raw) {
  std::string s = Unfold(raw);
  HeaderValue hv;
  size_t i = 0;
  while (i < s.size() && s[i] != ';') {
    if (s[i] == '"') {
      ReadQuoted(s, &i);
    } else {
      ++i;
    }
  }
  hv.value = Lower(Trim(std::string_view(s).substr(0, i)));

  std::map<std::string, std::string> plain;                         // name → raw value
  std::map<std::string, std::map<int, Segment>> continued;          // base → index → segment
  std::map<std::string, std::string> extended;                      // name* → raw value
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ';' || IsSpace(s[i]))) ++i;
    size_t name_start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ';') ++i;
    if (i >= s.size() || s[i] == ';') continue;  // a parameter without a value
    std::string name = Lower(Trim(std::string_view(s).substr(name_start, i - name_start)));
    ++i;  // '='
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '"') {
      value = ReadQuoted(s, &i);
      while (i < s.size() && s[i] != ';') ++i;
    } else {
      size_t v_start = i;
      while (i < s.size() && s[i] != ';') ++i;
      value = std::string(Trim(std::string_view(s).substr(v_start, i - v_start)));
    }
    if (name.empty()) continue;
    size_t star = name.find('*');
    if (star == std::string::npos) {
      plain.emplace(name, std::move(value));
    } else if (star == name.size() - 1) {
      extended.emplace(name.substr(0, star), std::move(value));
    } else {
      std::string base = name.substr(0, star);
      std::string rest = name.substr(star + 1);
      bool encoded = !rest.empty() && rest.back() == '*';
      if (encoded) rest.pop_back();
      if (rest.empty() || rest.size() > 3) continue;
      bool digits = true;
      for (char c : rest) digits = digits && std::isdigit(static_cast<unsigned char>(c));
      if (!digits) continue;
      continued[base].emplace(std::stoi(rest), Segment{std::move(value), encoded});
    }
  }

  for (auto& [name, value] : plain) hv.params[name] = DecodeHeaderText(value);
  for (auto& [base, segments] : continued) {
    std::string charset, bytes;
    bool any_encoded = false;
    for (auto& [index, seg] : segments) {
      std::string_view v = seg.value;
      if (seg.encoded) {
        any_encoded = true;
        if (index == 0) {
          size_t q1 = v.find('\'');
          size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
          if (q2 != std::string_view::npos) {
            charset = std::string(v.substr(0, q1));
            v = v.substr(q2 + 1);
          }
        }
        bytes += v;
      } else {
        // Literal segments join the escaped text with their own '%' escaped.
        for (char c : seg.value) bytes += c == '%' ? std::string("%25") : std::string(1, c);
      }
    }
    // Decoded only once joined: senders split "%A1" across segments.
    if (any_encoded) {
      hv.params[base] = ConvertToUtf8(DecodePercent(bytes), charset.c_str());
    } else {
      std::string plain_text;
      for (auto& [index, seg] : segments) plain_text += seg.value;
      hv.params[base] = DecodeHeaderText(plain_text);
    }
  }
  for (auto& [base, value] : extended) {
    std::string_view v = value;
    size_t q1 = v.find('\'');
    size_t q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
    std::string charset;
    if (q2 != std::string_view::npos) {
      charset = std::string(v.substr(0, q1));
      v = v.substr(q2 + 1);
    }
    hv.params[base] = ConvertToUtf8(DecodePercent(v), charset.c_str());
  }
  return hv;
}

}  // namespace gm
