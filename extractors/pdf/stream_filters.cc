#include "extractors/pdf/stream_filters.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "pipeline/core/inflate.h"

namespace gm {
namespace {

Status TooLarge() { return Status::Limit("PDF数据流解压后过大，超出处理上限"); }
Status Damaged() { return Status::Corrupt("PDF数据流已损坏，无法解码"); }

Status Inflate(std::string_view in, size_t max_output, std::string* out) {
  switch (InflateCapped(in, max_output, out)) {
    case InflateResult::kOk: return Status::OK();
    case InflateResult::kOverflow: return TooLarge();
    case InflateResult::kCorrupt: return Damaged();
  }
  return Damaged();
}

// Undoes a PNG (>= 10) or TIFF (2) predictor in place.
Status Unpredict(const FilterParams& p, std::string* data) {
  if (p.predictor <= 1) return Status::OK();
  if (p.colors < 1 || p.colors > 32 || p.columns < 1 || p.columns > (1 << 24) ||
      (p.bits_per_component != 1 && p.bits_per_component != 2 && p.bits_per_component != 4 &&
       p.bits_per_component != 8 && p.bits_per_component != 16)) {
    return Damaged();
  }
  const size_t bits_per_pixel = static_cast<size_t>(p.colors) * p.bits_per_component;
  const size_t row = (bits_per_pixel * p.columns + 7) / 8;
  const size_t bpp = std::max<size_t>(1, bits_per_pixel / 8);
  std::string& d = *data;
  if (p.predictor == 2) {
    if (p.bits_per_component != 8) return Status::OK();  // only 8-bit TIFF prediction is met in practice
    for (size_t start = 0; start + row <= d.size(); start += row) {
      for (size_t i = bpp; i < row; ++i) d[start + i] = static_cast<char>(d[start + i] + d[start + i - bpp]);
    }
    return Status::OK();
  }
  // PNG: each row is one filter-type byte followed by the row's bytes.
  std::string result;
  result.reserve(d.size() / (row + 1) * row);
  std::vector<uint8_t> prev(row, 0), cur(row);
  for (size_t at = 0; at + 1 + row <= d.size(); at += row + 1) {
    const uint8_t type = static_cast<uint8_t>(d[at]);
    for (size_t i = 0; i < row; ++i) {
      const uint8_t x = static_cast<uint8_t>(d[at + 1 + i]);
      const int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      int v;
      switch (type) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + (a + b) / 2; break;
        case 4: {
          const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
          v = x + (pa <= pb && pa <= pc ? a : (pb <= pc ? b : c));
          break;
        }
        default:  // not a PNG row: the data is damaged from here on
          if (result.empty()) return Damaged();
          d.swap(result);
          return Status::OK();
      }
      cur[i] = static_cast<uint8_t>(v);
    }
    result.append(reinterpret_cast<const char*>(cur.data()), row);
    prev.swap(cur);
  }
  d.swap(result);
  return Status::OK();
}

Status Lzw(std::string_view in, int early_change, size_t max_output, std::string* out) {
  // The string table as prefix links: entry = (prefix code, last byte, length).
  struct Entry {
    int prefix;
    uint8_t byte;
    int length;
  };
  std::vector<Entry> table(4096);
  for (int i = 0; i < 256; ++i) table[i] = {-1, static_cast<uint8_t>(i), 1};
  int next = 258, width = 9, prev = -1;
  uint32_t buffer = 0;
  int buffered = 0;
  size_t at = 0;
  std::string word;
  auto expand = [&](int code) {
    word.resize(table[code].length);
    for (int c = code, i = table[code].length - 1; c >= 0 && i >= 0; c = table[c].prefix, --i) word[i] = table[c].byte;
  };
  while (true) {
    while (buffered < width && at < in.size()) {
      buffer = buffer << 8 | static_cast<uint8_t>(in[at++]);
      buffered += 8;
    }
    if (buffered < width) break;
    const int code = static_cast<int>(buffer >> (buffered - width) & ((1u << width) - 1));
    buffered -= width;
    if (code == 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code == 257) break;
    if (prev < 0) {
      if (code > 255) return out->empty() ? Damaged() : Status::OK();
      expand(code);
    } else if (code < next) {
      expand(code);
      if (next < 4096) table[next++] = {prev, static_cast<uint8_t>(word[0]), table[prev].length + 1};
    } else if (code == next && next < 4096) {
      expand(prev);
      word.push_back(word[0]);
      table[next++] = {prev, static_cast<uint8_t>(word[0]), table[prev].length + 1};
    } else {
      return out->empty() ? Damaged() : Status::OK();
    }
    if (out->size() + word.size() > max_output) return TooLarge();
    out->append(word);
    prev = code;
    if (next + early_change >= (1 << width) && width < 12) ++width;
  }
  return Status::OK();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsPdfSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

Status AsciiHex(std::string_view in, size_t max_output, std::string* out) {
  int high = -1;
  for (char c : in) {
    if (c == '>') break;
    if (IsPdfSpace(c)) continue;
    const int v = HexValue(c);
    if (v < 0) return out->empty() ? Damaged() : Status::OK();
    if (high < 0) {
      high = v;
    } else {
      if (out->size() >= max_output) return TooLarge();
      out->push_back(static_cast<char>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0) out->push_back(static_cast<char>(high << 4));
  return Status::OK();
}

Status Ascii85(std::string_view in, size_t max_output, std::string* out) {
  uint32_t group[5];
  int n = 0;
  auto flush = [&](int count) {  // count = digits present (2..5)
    for (int i = count; i < 5; ++i) group[i] = 84;  // pad with 'u'
    uint64_t value = 0;
    for (int i = 0; i < 5; ++i) value = value * 85 + group[i];
    for (int i = 0; i < count - 1; ++i) out->push_back(static_cast<char>(value >> (24 - 8 * i) & 0xFF));
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (IsPdfSpace(c)) continue;
    if (c == '~') break;
    if (out->size() + 4 > max_output) return TooLarge();
    if (c == 'z' && n == 0) {
      out->append(4, '\0');
      continue;
    }
    if (c < '!' || c > 'u') return out->empty() ? Damaged() : Status::OK();
    group[n++] = static_cast<uint32_t>(c - '!');
    if (n == 5) {
      flush(5);
      n = 0;
    }
  }
  if (n >= 2) flush(n);
  return Status::OK();
}

Status RunLength(std::string_view in, size_t max_output, std::string* out) {
  size_t at = 0;
  while (at < in.size()) {
    const uint8_t length = static_cast<uint8_t>(in[at++]);
    if (length == 128) break;
    if (length < 128) {
      const size_t count = std::min<size_t>(length + 1u, in.size() - at);
      if (out->size() + count > max_output) return TooLarge();
      out->append(in.substr(at, count));
      at += count;
    } else {
      if (at >= in.size()) break;
      const size_t count = 257u - length;
      if (out->size() + count > max_output) return TooLarge();
      out->append(count, in[at++]);
    }
  }
  return Status::OK();
}

}  // namespace

bool IsByteFilter(std::string_view name) {
  return name == "FlateDecode" || name == "Fl" || name == "LZWDecode" || name == "LZW" || name == "ASCIIHexDecode" ||
         name == "AHx" || name == "ASCII85Decode" || name == "A85" || name == "RunLengthDecode" || name == "RL";
}

Status ApplyByteFilter(std::string_view name, const FilterParams& params, std::string_view in, size_t max_output,
                       std::string* out) {
  out->clear();
  Status s;
  if (name == "FlateDecode" || name == "Fl") {
    s = Inflate(in, max_output, out);
    if (s.ok()) s = Unpredict(params, out);
  } else if (name == "LZWDecode" || name == "LZW") {
    s = Lzw(in, params.early_change, max_output, out);
    if (s.ok()) s = Unpredict(params, out);
  } else if (name == "ASCIIHexDecode" || name == "AHx") {
    s = AsciiHex(in, max_output, out);
  } else if (name == "ASCII85Decode" || name == "A85") {
    s = Ascii85(in, max_output, out);
  } else if (name == "RunLengthDecode" || name == "RL") {
    s = RunLength(in, max_output, out);
  } else {
    s = Status::Unsupported("不支持的PDF数据流编码");
  }
  if (!s.ok()) out->clear();
  return s;
}

}  // namespace gm
