// Base64 (RFC 4648, standard alphabet, '=' padding), for carrying cell images
// inside the cached record JSON.
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

}  // namespace gm
