// Inflate (zlib's deflate, with a zlib or gzip header) under a size cap: the
// one decompressor for PDF FlateDecode streams and embedded files, so that a
// stream that would inflate to gigabytes stops at the caller's budget.
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gm {

enum class InflateResult {
  kOk,        // the stream's end marker was reached, or the input ended or broke after some output
  kOverflow,  // the output would pass the cap; *out holds what came before
  kCorrupt,   // no end marker and nothing came out
};

// Appends the inflated `packed` to *out, stopping before *out would exceed `cap` bytes.
// Data ending without zlib's end marker is common in PDFs: what inflated is kept.
InflateResult InflateCapped(std::string_view packed, size_t cap, std::string* out);

}  // namespace gm
