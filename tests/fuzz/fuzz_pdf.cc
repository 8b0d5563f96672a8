// Fuzz target: the PDF reader on arbitrary bytes — whole files through
// OpenPdf (every page opened, its image loaded under small limits), and the
// image decoding pieces a hostile PDF feeds directly: the byte filters, CCITT
// and JBIG2 data, raw samples. None may crash, hang, leak or read out of
// bounds; every failure must be a Status.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/pdf/ccitt_decode.h"
#include "extractors/pdf/image_samples.h"
#include "extractors/pdf/jbig2_decode.h"
#include "extractors/pdf/open_pdf.h"
#include "extractors/pdf/pdf_image.h"
#include "extractors/pdf/stream_filters.h"

namespace {

gm::Limits SmallLimits() {
  gm::Limits limits;
  limits.max_pages = 4;
  limits.max_image_pixels = 2'000'000;  // renders come out at a low resolution: fast
  limits.max_file_bytes = 8u << 20;
  return limits;
}

void WholeFile(std::string_view bytes) {
  auto shared = std::make_shared<const std::string>(bytes);
  gm::Document doc;
  if (!gm::OpenPdf(shared, SmallLimits(), &doc).ok()) return;
  for (const gm::Page& page : doc.pages) {
    gm::PixPtr pix;
    if (page.load_image && page.load_image(&pix).ok() && !pix) std::abort();
  }
}

void ByteFilters(uint8_t selector, std::string_view bytes) {
  static const char* kNames[] = {"FlateDecode", "LZWDecode", "ASCIIHexDecode", "ASCII85Decode", "RunLengthDecode"};
  gm::FilterParams params;
  params.predictor = selector & 0x10 ? 12 : (selector & 0x20 ? 2 : 1);
  params.colors = 1 + (selector >> 6);
  params.columns = 1 + selector % 17;
  std::string out;
  (void)gm::ApplyByteFilter(kNames[selector % 5], params, bytes, 1 << 20, &out);
  if (out.size() > (1 << 20)) std::abort();
}

void Codecs(uint8_t selector, std::string_view bytes) {
  gm::PixPtr pix;
  if (selector & 1) {
    (void)gm::DecodeJbig2(bytes, {}, 1'000'000, &pix);
    return;
  }
  gm::CcittParams params;
  params.k = static_cast<int>(selector >> 6) - 1;
  params.columns = 8 + (selector >> 1) % 200;
  params.encoded_byte_align = selector & 2;
  (void)gm::DecodeCcitt(bytes, params, 64, &pix);
}

void Samples(uint8_t selector, std::string_view bytes) {
  static const int kDepths[] = {1, 2, 4, 8, 16};
  gm::PdfImage image;
  image.width = 1 + selector % 37;
  image.height = 1 + (selector >> 3) % 23;
  image.bits_per_component = kDepths[selector % 5];
  image.color.kind = static_cast<gm::PdfColorSpace::Kind>((selector >> 5) % 4);
  if (image.color.kind == gm::PdfColorSpace::Kind::kIndexed) {
    image.color.hival = selector % 8;
    image.color.palette = std::string(bytes.substr(0, 12));
  }
  if (selector & 0x80) image.decode = {1, 0, 1, 0, 1, 0, 1, 0};
  image.data = std::make_shared<const std::string>(bytes);
  gm::PixPtr pix;
  if (gm::CanDecodePdfImage(image)) (void)gm::SamplesToPix(bytes, image, &pix);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t mode = data[0], selector = data[1];
  std::string_view bytes(reinterpret_cast<const char*>(data + 2), size - 2);
  switch (mode % 4) {
    case 0: WholeFile(bytes); break;
    case 1: ByteFilters(selector, bytes); break;
    case 2: Codecs(selector, bytes); break;
    default: Samples(selector, bytes); break;
  }
  return 0;
}
