#include "pipeline/ingest/package_identity.h"

#include <algorithm>
#include <cstring>

#include "pipeline/core/hash.h"

namespace gm {
namespace {

constexpr size_t kMaxStemChars = 60;

// Length of the UTF-8 sequence starting with byte c (1 for stray bytes).
size_t SequenceLength(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2) return 2;
  return 1;
}

uint32_t CodePoint(std::string_view seq) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(seq[i])); };
  switch (seq.size()) {
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return b(0);
  }
}

bool IsUnsafe(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return true;  // control characters
  if (cp < 0x80) return std::strchr("/\\:*?\"<>| ", static_cast<int>(cp)) != nullptr;
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
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
    size_t len = std::min(SequenceLength(static_cast<unsigned char>(name[i])), name.size() - i);
    std::string_view seq = name.substr(i, len);
    if (IsUnsafe(CodePoint(seq))) {
      out += '_';
    } else {
      out += seq;
    }
    i += len;
  }
  return out.empty() ? "package" : out;
}

std::string MakePackageId(std::string_view name, bool is_file, const std::string& content_hash) {
  return SafeIdStem(name, is_file) + "_" + content_hash.substr(0, 8);
}

}  // namespace gm
