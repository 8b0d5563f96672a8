#include "extractors/image/tiff_structure.h"

#include <algorithm>
#include <set>

namespace gm {
namespace {

constexpr uint16_t kTagWidth = 256, kTagHeight = 257, kTagOrientation = 274, kTagXResolution = 282,
                   kTagResolutionUnit = 296;
constexpr uint16_t kTypeShort = 3, kTypeLong = 4, kTypeRational = 5;
constexpr int kMaxChain = 100000;

class TiffReader {
 public:
  TiffReader(std::string_view data, bool little_endian) : data_(data), little_(little_endian) {}
  bool U16(uint64_t at, uint16_t* out) const {
    if (at > data_.size() || data_.size() - at < 2) return false;
    auto b0 = static_cast<uint8_t>(data_[at]), b1 = static_cast<uint8_t>(data_[at + 1]);
    *out = little_ ? static_cast<uint16_t>(b0 | b1 << 8) : static_cast<uint16_t>(b0 << 8 | b1);
    return true;
  }
  bool U32(uint64_t at, uint32_t* out) const {
    uint16_t a, b;
    if (!U16(at, &a) || !U16(at + 2, &b)) return false;
    *out = little_ ? (uint32_t{b} << 16 | a) : (uint32_t{a} << 16 | b);
    return true;
  }
  // The value of an entry of type SHORT or LONG (count 1).
  bool Integer(uint64_t entry, uint32_t* out) const {
    uint16_t type, s;
    if (!U16(entry + 2, &type)) return false;
    if (type == kTypeShort) {
      if (!U16(entry + 8, &s)) return false;
      *out = s;
      return true;
    }
    return type == kTypeLong && U32(entry + 8, out);
  }
  // The value of a RATIONAL entry (stored at an offset).
  bool Rational(uint64_t entry, double* out) const {
    uint16_t type;
    uint32_t offset, num, den;
    if (!U16(entry + 2, &type) || type != kTypeRational || !U32(entry + 8, &offset)) return false;
    if (!U32(offset, &num) || !U32(uint64_t{offset} + 4, &den) || den == 0) return false;
    *out = static_cast<double>(num) / den;
    return true;
  }

 private:
  std::string_view data_;
  bool little_;
};

TiffDirectory ReadDirectory(const TiffReader& reader, uint32_t ifd, uint16_t count) {
  TiffDirectory dir;
  double resolution = 0;
  uint32_t unit = 2;  // inches, TIFF's default
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t entry = uint64_t{ifd} + 2 + uint64_t{i} * 12;
    uint16_t tag;
    if (!reader.U16(entry, &tag)) break;
    uint32_t value = 0;
    switch (tag) {
      // A size tag given twice: libtiff decodes with the first, other
      // readers take the last; the largest is what a pixel check must see.
      case kTagWidth:
        if (reader.Integer(entry, &value)) dir.width = std::max(dir.width, value);
        break;
      case kTagHeight:
        if (reader.Integer(entry, &value)) dir.height = std::max(dir.height, value);
        break;
      case kTagOrientation:
        if (reader.Integer(entry, &value) && value >= 1 && value <= 8) dir.orientation = static_cast<int>(value);
        break;
      case kTagXResolution:
        reader.Rational(entry, &resolution);
        break;
      case kTagResolutionUnit:
        if (reader.Integer(entry, &value)) unit = value;
        break;
      default:
        break;
    }
  }
  if (unit == 2) dir.dpi = resolution;
  if (unit == 3) dir.dpi = resolution * 2.54;
  return dir;
}

}  // namespace

bool ReadTiffDirectories(std::string_view tiff, int max_directories, std::vector<TiffDirectory>* out,
                         int* total) {
  out->clear();
  *total = 0;
  if (tiff.size() < 8) return false;
  bool little;
  if (tiff.substr(0, 2) == "II") {
    little = true;
  } else if (tiff.substr(0, 2) == "MM") {
    little = false;
  } else {
    return false;
  }
  TiffReader reader(tiff, little);
  uint16_t magic;
  uint32_t ifd;
  if (!reader.U16(2, &magic) || magic != 42 || !reader.U32(4, &ifd)) return false;
  std::set<uint32_t> seen;
  while (ifd != 0 && *total < kMaxChain && seen.insert(ifd).second) {
    uint16_t count;
    if (!reader.U16(ifd, &count)) break;
    if (static_cast<int>(out->size()) < max_directories) out->push_back(ReadDirectory(reader, ifd, count));
    ++*total;
    if (!reader.U32(uint64_t{ifd} + 2 + uint64_t{count} * 12, &ifd)) break;
  }
  return true;
}

}  // namespace gm
