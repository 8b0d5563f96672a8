#include "pipeline/ingest/package_identity.h"

#include <algorithm>
#include <cstring>

#include "pipeline/core/display_text.h"
#include "pipeline/core/utf8.h"
#include "pipeline/core/hash.h"

namespace gm {
namespace {

constexpr size_t kMaxStemChars = 60;
constexpr size_t kMaxStemBytes = 120;

bool IsUnsafe(uint32_t cp) {
  if (IsHiddenOrControl(cp)) return true;
  if (cp < 0x80) return std::strchr("/\\:*?\"<>| ", static_cast<int>(cp)) != nullptr;
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::string IdHash(const std::string& content_hash, std::string_view source, size_t digits) {
  std::string key = content_hash;
  key += '\0';
  key += source;
  return Sha256Hex(key).substr(0, digits);
}

}  // namespace

std::string ContentHash(const std::vector<InputFile>& files) {
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(files.size());
  for (const auto& f : files) pairs.emplace_back(f.path, f.sha256);
  std::sort(pairs.begin(), pairs.end());
  std::string text;
  for (const auto& [path, sha] : pairs) {
    text += path;
    text += '\0';
    text += sha;
    text += '\n';
  }
  return Sha256Hex(text);
}

std::string SafeIdStem(std::string_view name, bool is_file) {
  if (is_file) {
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  }
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < name.size() && chars < kMaxStemChars; ++chars) {
    uint32_t cp;
    size_t len = DecodeUtf8Char(name, i, &cp);
    std::string_view seq = len == 0 ? std::string_view("_") : name.substr(i, len);
    if (len == 0 || IsUnsafe(cp)) seq = "_";
    if (out.size() + seq.size() > kMaxStemBytes) break;
    out += seq;
    i += len == 0 ? 1 : len;
  }
  return out.empty() ? "package" : out;
}

std::string MakePackageId(std::string_view name, bool is_file, const std::string& content_hash,
                          std::string_view source) {
  return SafeIdStem(name, is_file) + "_" + IdHash(content_hash, source, 8);
}

std::string IdWithLongerHash(std::string_view name, bool is_file, const std::string& content_hash,
                             std::string_view source) {
  return SafeIdStem(name, is_file) + "_" + IdHash(content_hash, source, 16);
}

}  // namespace gm
