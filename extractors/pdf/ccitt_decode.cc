#include "extractors/pdf/ccitt_decode.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gm {
namespace {

constexpr uint16_t kShort = 3, kLong = 4;
// TIFF compression schemes.
constexpr uint32_t kCcittRle = 2, kCcittT4 = 3, kCcittT6 = 4;

void Put16(std::string* s, uint16_t v) {
  s->push_back(static_cast<char>(v & 0xFF));
  s->push_back(static_cast<char>(v >> 8));
}
void Put32(std::string* s, uint32_t v) {
  Put16(s, static_cast<uint16_t>(v & 0xFFFF));
  Put16(s, static_cast<uint16_t>(v >> 16));
}

struct Tag {
  uint16_t tag, type;
  uint32_t value;
};

}  // namespace

std::string WrapCcittInTiff(std::string_view data, const CcittParams& params, int height) {
  const uint32_t rows = static_cast<uint32_t>(params.rows > 0 ? params.rows : height);
  uint32_t compression = kCcittT4;
  if (params.k < 0) {
    compression = kCcittT6;
  } else if (params.k == 0 && params.encoded_byte_align && !params.end_of_line) {
    compression = kCcittRle;  // Modified Huffman: byte-aligned rows, no EOL codes
  }
  std::vector<Tag> tags = {
      {256, kLong, static_cast<uint32_t>(params.columns)},  // ImageWidth
      {257, kLong, rows},                                   // ImageLength
      {258, kShort, 1},                                     // BitsPerSample
      {259, kShort, compression},                           // Compression
      {262, kShort, 0},                                     // Photometric: WhiteIsZero, so 1 is black
      {273, kLong, 0},                                      // StripOffsets, filled below
      {277, kShort, 1},                                     // SamplesPerPixel
      {278, kLong, rows},                                   // RowsPerStrip
      {279, kLong, static_cast<uint32_t>(data.size())},     // StripByteCounts
  };
  if (compression == kCcittT4) {
    tags.push_back({292, kLong, (params.k > 0 ? 1u : 0u) | (params.encoded_byte_align ? 4u : 0u)});  // T4Options
  } else if (compression == kCcittT6) {
    tags.push_back({293, kLong, 0});  // T6Options
  }
  const uint32_t ifd_size = 2 + 12 * static_cast<uint32_t>(tags.size()) + 4;
  tags[5].value = 8 + ifd_size;

  std::string tiff = "II";
  Put16(&tiff, 42);
  Put32(&tiff, 8);
  Put16(&tiff, static_cast<uint16_t>(tags.size()));
  for (const Tag& t : tags) {
    Put16(&tiff, t.tag);
    Put16(&tiff, t.type);
    Put32(&tiff, 1);
    if (t.type == kShort) {
      Put16(&tiff, static_cast<uint16_t>(t.value));
      Put16(&tiff, 0);
    } else {
      Put32(&tiff, t.value);
    }
  }
  Put32(&tiff, 0);  // no next directory
  tiff.append(data);
  return tiff;
}

Status DecodeCcitt(std::string_view data, const CcittParams& params, int height, PixPtr* out) {
  out->reset();
  if (params.columns <= 0 || params.columns > (1 << 20) || (params.rows <= 0 && height <= 0)) {
    return Status::Corrupt("PDF传真编码图像的参数无效");
  }
  const std::string tiff = WrapCcittInTiff(data, params, height);
  PixPtr pix = AdoptPix(pixReadMemTiff(reinterpret_cast<const l_uint8*>(tiff.data()), tiff.size(), 0));
  if (!pix || pixGetDepth(pix.get()) != 1) return Status::Corrupt("PDF传真编码（CCITT）图像已损坏，无法解码");
  *out = std::move(pix);
  return Status::OK();
}

}  // namespace gm
