#include "extractors/archive/member_name.h"

#include <vector>

#include "extractors/mime/charset.h"

namespace gm {

std::string DecodeArchiveName(std::string_view raw) {
  const char* guess = GuessChineseCharset(raw);
  if (guess) return ConvertToUtf8(raw, guess);
  return ConvertToUtf8(raw, "ibm-437");
}

std::string SafeRelativePath(std::string_view path) {
  std::vector<std::string> parts;
  std::string current;
  auto close_component = [&] {
    size_t b = 0, e = current.size();
    while (b < e && current[b] == ' ') ++b;
    while (e > b && current[e - 1] == ' ') --e;
    std::string c = current.substr(b, e - b);
    current.clear();
    if (c.empty() || c == "." || c == "..") return;
    bool drive = parts.empty() && c.size() == 2 && c[1] == ':' &&
                 ((c[0] >= 'A' && c[0] <= 'Z') || (c[0] >= 'a' && c[0] <= 'z'));
    if (drive) return;
    for (char& ch : c) {
      auto u = static_cast<unsigned char>(ch);
      if (u < 0x20 || u == 0x7F || ch == ':') ch = '_';
    }
    parts.push_back(std::move(c));
  };
  for (char ch : path) {
    if (ch == '/' || ch == '\\') {
      close_component();
    } else {
      current += ch;
    }
  }
  close_component();
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace gm
