#include "pipeline/core/base64.h"

#include <openssl/evp.h>

#include <cstdint>

namespace gm {
namespace {

bool InAlphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Decodes canonical, padded base64 already checked by the caller.
// REQUIRES: text.size() % 4 == 0, every character in the alphabet but up to
// two trailing '='.
std::string DecodeChecked(std::string_view text) {
  std::string out(text.size() / 4 * 3, '\0');
  if (text.empty()) return out;
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  // EVP_DecodeBlock writes the padding's zero bytes too: drop them.
  size_t pad = 0;
  if (text.back() == '=') ++pad;
  if (text.size() >= 2 && text[text.size() - 2] == '=') ++pad;
  out.resize(n < 0 ? 0 : static_cast<size_t>(n) - pad);
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  std::string out((bytes.size() + 2) / 3 * 4 + 1, '\0');  // EVP_EncodeBlock adds a NUL
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

bool Base64Decode(std::string_view text, std::string* out) {
  out->clear();
  if (text.size() % 4 != 0) return false;
  // Padding only at the end, at most two, and nothing but padding after it.
  size_t body = text.size();
  while (body > 0 && text.size() - body < 2 && text[body - 1] == '=') --body;
  for (size_t i = 0; i < body; ++i)
    if (!InAlphabet(text[i])) return false;
  *out = DecodeChecked(text);
  return true;
}

std::string Base64DecodeLoose(std::string_view text) {
  std::string kept;
  for (char c : text) {
    if (c == '=') break;
    if (InAlphabet(c)) kept += c;
  }
  if (kept.size() % 4 == 1) kept.pop_back();  // 6 bits: no whole byte
  while (kept.size() % 4 != 0) kept += '=';
  return DecodeChecked(kept);
}

}  // namespace gm
