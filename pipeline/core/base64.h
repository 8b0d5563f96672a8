// Base64 (RFC 4648, standard alphabet, '=' padding) over OpenSSL's
// EVP_EncodeBlock / EVP_DecodeBlock: cell images inside the cached record
// JSON (strict), and RFC 2047 "B" encoded-words in mail headers (loose).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace gm {

std::string Base64Encode(std::string_view bytes);

// Decodes `text` into *out. Returns false (and leaves *out unspecified) when
// `text` is not canonical padded base64: a character outside the alphabet, a
// length that is not a multiple of 4, or misplaced padding. Whitespace is not
// accepted either: the cache writes none.
bool Base64Decode(std::string_view text, std::string* out);

// What mail software writes: characters outside the alphabet are skipped,
// the text ends at the first '=', missing padding is tolerated and a
// dangling last character (6 bits, no whole byte) is dropped. Never fails.
std::string Base64DecodeLoose(std::string_view text);

}  // namespace gm
