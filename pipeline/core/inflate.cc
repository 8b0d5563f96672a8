#include "pipeline/core/inflate.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace gm {
namespace {

struct InflateEnd {
  void operator()(z_stream* z) const { inflateEnd(z); }
};

}  // namespace

InflateResult InflateCapped(std::string_view packed, size_t cap, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return InflateResult::kCorrupt;  // 15 + 32: a zlib or gzip header
  std::unique_ptr<z_stream, InflateEnd> guard(&z);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(packed.size(), UINT32_MAX));
  const size_t start = out->size();
  char buffer[64 * 1024];
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    const int r = inflate(&z, Z_NO_FLUSH);
    const size_t n = sizeof buffer - z.avail_out;
    if (out->size() + n > cap) return InflateResult::kOverflow;
    out->append(buffer, n);
    if (r == Z_STREAM_END) return InflateResult::kOk;
    // The input ended without an end marker, or broke: keep what came out.
    if ((r == Z_BUF_ERROR && z.avail_in == 0) || r != Z_OK)
      return out->size() == start ? InflateResult::kCorrupt : InflateResult::kOk;
  }
}

}  // namespace gm
