// Tests of the PDF image decoding pieces: byte filters, raw samples, CCITT,
// JBIG2, placement and the text-layer test.
#include <gtest/gtest.h>
#include <tiffio.h>

#include <array>
#include <string>

#include "extractors/pdf/ccitt_decode.h"
#include "extractors/pdf/image_samples.h"
#include "extractors/pdf/jbig2_decode.h"
#include "extractors/pdf/pdf_image.h"
#include "extractors/pdf/placement.h"
#include "extractors/pdf/stream_filters.h"
#include "extractors/pdf/text_layer.h"
#include "tests/document/testing/pdf_builder.h"
#include "tests/document/testing/pix_fixtures.h"

namespace gm {
namespace {

using testing::Deflate;
using testing::MarkedPage;
using testing::MarkerShare;

std::string Bytes(std::initializer_list<int> values) {
  std::string s;
  for (int v : values) s.push_back(static_cast<char>(v));
  return s;
}

// ---- byte filters ----

TEST(ByteFilters, FlateRoundTrip) {
  const std::string text(10000, 'x');
  std::string out;
  ASSERT_TRUE(ApplyByteFilter("FlateDecode", {}, Deflate(text), 1 << 20, &out).ok());
  EXPECT_EQ(out, text);
}

TEST(ByteFilters, FlateBombStopsAtCap) {
  const std::string bomb = Deflate(std::string(50 << 20, '\0'));  // 50 MB of zeros in ~50 KB
  std::string out;
  Status s = ApplyByteFilter("FlateDecode", {}, bomb, 1 << 20, &out);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_TRUE(out.empty());
}

TEST(ByteFilters, FlateGarbageIsCorruptButTruncatedKeepsPrefix) {
  std::string out;
  EXPECT_EQ(ApplyByteFilter("FlateDecode", {}, "not zlib at all", 1 << 20, &out).code(), Status::Code::kCorrupt);
  const std::string text(100000, 'y');
  std::string cut = Deflate(text);
  cut.resize(cut.size() / 2);
  ASSERT_TRUE(ApplyByteFilter("Fl", {}, cut, 1 << 20, &out).ok());
  EXPECT_GT(out.size(), 0u);
  EXPECT_LT(out.size(), text.size());
}

TEST(ByteFilters, PngPredictors) {
  // Rows of 4 grey bytes: Sub, Up, Average and Paeth rows.
  const std::string raw = Bytes({10, 20, 30, 40, 11, 22, 33, 44, 12, 24, 36, 48, 13, 26, 39, 52});
  const std::string encoded = Bytes({1, 10, 10, 10, 10,                // Sub
                                     2, 1, 2, 3, 4,                    // Up
                                     3, 12 - 5, 24 - 17, 36 - 28, 48 - 40,  // Average of left and up
                                     4, 1, 2, 3, 4});                  // Paeth: up wins here
  FilterParams p;
  p.predictor = 12;
  p.columns = 4;
  std::string out;
  ASSERT_TRUE(ApplyByteFilter("FlateDecode", p, Deflate(encoded), 1 << 20, &out).ok());
  EXPECT_EQ(out, raw);
}

TEST(ByteFilters, TiffPredictor) {
  FilterParams p;
  p.predictor = 2;
  p.columns = 3;
  std::string out;
  ASSERT_TRUE(ApplyByteFilter("FlateDecode", p, Deflate(Bytes({5, 1, 1, 7, 2, 2})), 1 << 20, &out).ok());
  EXPECT_EQ(out, Bytes({5, 6, 7, 7, 9, 11}));
}

TEST(ByteFilters, LzwExampleFromThePdfReference) {
  std::string out;
  ASSERT_TRUE(
      ApplyByteFilter("LZWDecode", {}, Bytes({0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}), 1 << 20, &out).ok());
  EXPECT_EQ(out, Bytes({45, 45, 45, 45, 45, 65, 45, 45, 45, 66}));
}

TEST(ByteFilters, LzwInvalidCodeIsCorrupt) {
  std::string out;
  // 9-bit code 511 right after a clear code cannot occur.
  EXPECT_EQ(ApplyByteFilter("LZWDecode", {}, Bytes({0x80, 0x7F, 0xC0}), 1 << 20, &out).code(), Status::Code::kCorrupt);
}

TEST(ByteFilters, AsciiHexAscii85RunLength) {
  std::string out;
  ASSERT_TRUE(ApplyByteFilter("ASCIIHexDecode", {}, "48 65 6c6C 6\n>", 100, &out).ok());
  EXPECT_EQ(out, "Hell`");
  EXPECT_EQ(ApplyByteFilter("AHx", {}, "zz", 100, &out).code(), Status::Code::kCorrupt);
  ASSERT_TRUE(ApplyByteFilter("ASCII85Decode", {}, "9jqo^zBOu!rD]j7BEbo7~>", 100, &out).ok());
  EXPECT_EQ(out, std::string("Man ") + std::string(4, '\0') + "hello world");
  ASSERT_TRUE(ApplyByteFilter("RunLengthDecode", {}, Bytes({2, 'a', 'b', 'c', 254, 'z', 128}), 100, &out).ok());
  EXPECT_EQ(out, "abczzz");
  EXPECT_EQ(ApplyByteFilter("RL", {}, Bytes({129, 'z'}), 100, &out).code(), Status::Code::kLimit);
}

TEST(ByteFilters, KnowsItsNames) {
  EXPECT_TRUE(IsByteFilter("FlateDecode"));
  EXPECT_TRUE(IsByteFilter("A85"));
  EXPECT_FALSE(IsByteFilter("DCTDecode"));
  EXPECT_FALSE(IsByteFilter("Crypt"));
}

// ---- raw samples ----

PdfImage Samples(int w, int h, int bpc, PdfColorSpace::Kind kind, std::string data) {
  PdfImage image;
  image.width = w;
  image.height = h;
  image.bits_per_component = bpc;
  image.color.kind = kind;
  image.data = std::make_shared<const std::string>(std::move(data));
  return image;
}

l_uint32 Grey(PIX* pix, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(pix, x, y, &v);
  return v;
}

TEST(SamplesToPix, OneBitGreyZeroIsBlack) {
  PdfImage image = Samples(8, 2, 1, PdfColorSpace::Kind::kGray, Bytes({0x0F, 0xFF}));
  PixPtr pix;
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  ASSERT_EQ(pixGetDepth(pix.get()), 8);
  EXPECT_EQ(Grey(pix.get(), 0, 0), 0u);
  EXPECT_EQ(Grey(pix.get(), 7, 0), 255u);
  EXPECT_EQ(Grey(pix.get(), 0, 1), 255u);
  image.decode = {1, 0};  // inverted
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 255u);
  EXPECT_EQ(Grey(pix.get(), 7, 0), 0u);
}

TEST(SamplesToPix, ImageMaskPaintsZeros) {
  PdfImage image = Samples(8, 1, 1, PdfColorSpace::Kind::kRgb, Bytes({0xF0}));
  image.image_mask = true;
  PixPtr pix;
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 255u);
  EXPECT_EQ(Grey(pix.get(), 7, 0), 0u);
}

TEST(SamplesToPix, EightBitGreyAndTruncatedRowsWhite) {
  PdfImage image = Samples(3, 2, 8, PdfColorSpace::Kind::kGray, Bytes({0, 128, 255}));
  PixPtr pix;
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 0u);
  EXPECT_EQ(Grey(pix.get(), 1, 0), 128u);
  EXPECT_EQ(Grey(pix.get(), 2, 0), 255u);
  EXPECT_EQ(Grey(pix.get(), 0, 1), 255u);  // missing row
  EXPECT_EQ(SamplesToPix("", image, &pix).code(), Status::Code::kCorrupt);
}

TEST(SamplesToPix, FourBitGreyWithDecode) {
  PdfImage image = Samples(2, 1, 4, PdfColorSpace::Kind::kGray, Bytes({0x0F}));
  PixPtr pix;
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 0u);
  EXPECT_EQ(Grey(pix.get(), 1, 0), 255u);
  image.decode = {1, 0};
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 255u);
}

TEST(SamplesToPix, RgbCmykAndIndexed) {
  PixPtr pix;
  l_int32 r, g, b;
  PdfImage rgb = Samples(2, 1, 8, PdfColorSpace::Kind::kRgb, Bytes({255, 0, 0, 0, 0, 255}));
  ASSERT_TRUE(SamplesToPix(*rgb.data, rgb, &pix).ok());
  ASSERT_EQ(pixGetDepth(pix.get()), 32);
  pixGetRGBPixel(pix.get(), 0, 0, &r, &g, &b);
  EXPECT_EQ((std::array<int, 3>{r, g, b}), (std::array<int, 3>{255, 0, 0}));
  pixGetRGBPixel(pix.get(), 1, 0, &r, &g, &b);
  EXPECT_EQ((std::array<int, 3>{r, g, b}), (std::array<int, 3>{0, 0, 255}));

  PdfImage cmyk = Samples(1, 1, 8, PdfColorSpace::Kind::kCmyk, Bytes({0, 255, 255, 0}));
  ASSERT_TRUE(SamplesToPix(*cmyk.data, cmyk, &pix).ok());
  pixGetRGBPixel(pix.get(), 0, 0, &r, &g, &b);
  EXPECT_EQ((std::array<int, 3>{r, g, b}), (std::array<int, 3>{255, 0, 0}));

  PdfImage indexed = Samples(2, 1, 8, PdfColorSpace::Kind::kIndexed, Bytes({1, 0}));
  indexed.color.base = PdfColorSpace::Kind::kRgb;
  indexed.color.hival = 1;
  indexed.color.palette = Bytes({0, 0, 0, 0, 200, 0});
  ASSERT_TRUE(SamplesToPix(*indexed.data, indexed, &pix).ok());
  pixGetRGBPixel(pix.get(), 0, 0, &r, &g, &b);
  EXPECT_EQ((std::array<int, 3>{r, g, b}), (std::array<int, 3>{0, 200, 0}));
  pixGetRGBPixel(pix.get(), 1, 0, &r, &g, &b);
  EXPECT_EQ((std::array<int, 3>{r, g, b}), (std::array<int, 3>{0, 0, 0}));
}

TEST(SamplesToPix, SixteenBitKeepsHighByte) {
  PdfImage image = Samples(1, 1, 16, PdfColorSpace::Kind::kGray, Bytes({0x80, 0x11}));
  PixPtr pix;
  ASSERT_TRUE(SamplesToPix(*image.data, image, &pix).ok());
  EXPECT_EQ(Grey(pix.get(), 0, 0), 0x80u);
}

// ---- whole images ----

TEST(DecodePdfImage, RefusesWhatItCannotDescribe) {
  PdfImage image = Samples(10, 10, 8, PdfColorSpace::Kind::kGray, "x");
  image.filters = {{"DCTDecode", {}, {}}, {"FlateDecode", {}, {}}};  // a codec must come last
  EXPECT_FALSE(CanDecodePdfImage(image));
  image.filters = {{"Crypt", {}, {}}};
  EXPECT_FALSE(CanDecodePdfImage(image));
  image.filters.clear();
  image.bits_per_component = 3;
  EXPECT_FALSE(CanDecodePdfImage(image));
  image.bits_per_component = 8;
  image.width = 0;
  EXPECT_FALSE(CanDecodePdfImage(image));
  PixPtr pix;
  EXPECT_EQ(DecodePdfImage(image, Limits(), &pix).code(), Status::Code::kUnsupported);
}

TEST(DecodePdfImage, PixelLimitBeforeDecoding) {
  PdfImage image = Samples(20000, 20000, 8, PdfColorSpace::Kind::kGray, "tiny");
  Limits limits;
  limits.max_image_pixels = 1000 * 1000;
  PixPtr pix;
  EXPECT_EQ(DecodePdfImage(image, limits, &pix).code(), Status::Code::kLimit);
}

TEST(DecodePdfImage, FlateGrey) {
  PixPtr page = MarkedPage(200, 100, 8);
  std::string raw;
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 200; ++x) raw.push_back(static_cast<char>(Grey(page.get(), x, y)));
  PdfImage image = Samples(200, 100, 8, PdfColorSpace::Kind::kGray, Deflate(raw));
  image.filters = {{"FlateDecode", {}, {}}};
  PixPtr pix;
  ASSERT_TRUE(DecodePdfImage(image, Limits(), &pix).ok());
  l_int32 same = 0;
  pixEqual(pix.get(), page.get(), &same);
  EXPECT_TRUE(same);
}

TEST(DecodePdfImage, CorruptJpegAndJpx) {
  PdfImage image = Samples(10, 10, 8, PdfColorSpace::Kind::kGray, "\xFF\xD8\xFF garbage");
  image.filters = {{"DCTDecode", {}, {}}};
  PixPtr pix;
  EXPECT_EQ(DecodePdfImage(image, Limits(), &pix).code(), Status::Code::kCorrupt);
  image.filters = {{"JPXDecode", {}, {}}};
  EXPECT_EQ(DecodePdfImage(image, Limits(), &pix).code(), Status::Code::kCorrupt);
}

// Raw G4 data of a 1-bit image, as a scanner's PDF carries it.
std::string G4Data(PIX* bilevel) {
  L_COMP_DATA* cid = nullptr;
  EXPECT_EQ(pixGenerateCIData(bilevel, L_G4_ENCODE, 0, 0, &cid), 0);
  std::string data(reinterpret_cast<char*>(cid->datacomp), cid->nbytescomp);
  l_CIDataDestroy(&cid);
  return data;
}

// Decodes `data` with `params` and expects exactly `page` back.
void ExpectDecodesTo(const std::string& data, const CcittParams& params, PIX* page) {
  PixPtr pix;
  ASSERT_TRUE(DecodeCcitt(data, params, pixGetHeight(page), &pix).ok());
  l_int32 same = 0;
  pixEqual(pix.get(), page, &same);
  EXPECT_TRUE(same);
}

TEST(Ccitt, G4RoundTrip) {
  PixPtr page = MarkedPage(640, 480, 1);
  CcittParams params;
  params.k = -1;
  params.columns = 640;
  ExpectDecodesTo(G4Data(page.get()), params, page.get());
}

// Raw data of a one-strip TIFF that Leptonica writes with `format` (G3
// one-dimensional, or byte-aligned Modified Huffman), as a PDF carries it.
std::string TiffStripData(PIX* bilevel, int format) {
  const std::string path = ::testing::TempDir() + "/g3-" + std::to_string(format) + ".tif";
  EXPECT_EQ(pixWriteTiff(path.c_str(), bilevel, format, "w"), 0);
  TIFF* tif = TIFFOpen(path.c_str(), "r");
  EXPECT_NE(tif, nullptr);
  if (tif == nullptr) return "";
  EXPECT_EQ(TIFFNumberOfStrips(tif), 1u);
  std::string data(static_cast<size_t>(TIFFRawStripSize(tif, 0)), '\0');
  tmsize_t n = TIFFReadRawStrip(tif, 0, data.data(), static_cast<tmsize_t>(data.size()));
  data.resize(n > 0 ? static_cast<size_t>(n) : 0);
  TIFFClose(tif);
  std::remove(path.c_str());
  return data;
}

// Fax machines and older scanners write G3 (CCITT T.4) rather than G4.
TEST(Ccitt, G3OneDimensionalRoundTrip) {
  PixPtr page = MarkedPage(640, 480, 1);
  CcittParams params;
  params.k = 0;
  params.columns = 640;
  ExpectDecodesTo(TiffStripData(page.get(), IFF_TIFF_G3), params, page.get());
}

// PDF's K 0 with EncodedByteAlign and no EOLs is TIFF's Modified Huffman.
TEST(Ccitt, ByteAlignedModifiedHuffmanRoundTrip) {
  PixPtr page = MarkedPage(320, 200, 1);
  CcittParams params;
  params.k = 0;
  params.encoded_byte_align = true;
  params.columns = 320;
  ExpectDecodesTo(TiffStripData(page.get(), IFF_TIFF_RLE), params, page.get());
}

TEST(Ccitt, ThroughDecodePdfImageWithBlackIs1) {
  PixPtr page = MarkedPage(320, 240, 1);
  PdfImage image = Samples(320, 240, 1, PdfColorSpace::Kind::kGray, G4Data(page.get()));
  PdfImageFilter filter{"CCITTFaxDecode", {}, {}};
  filter.ccitt.k = -1;
  filter.ccitt.columns = 320;
  image.filters = {filter};
  PixPtr pix;
  ASSERT_TRUE(DecodePdfImage(image, Limits(), &pix).ok());
  EXPECT_EQ(pixGetDepth(pix.get()), 8);
  EXPECT_GT(MarkerShare(pix.get()), 0.99);
  EXPECT_LT(testing::DarkShare(pix.get(), 200, 150, 100, 80), 0.01);
  image.filters[0].ccitt.black_is_1 = true;  // the same codes now show inverted
  ASSERT_TRUE(DecodePdfImage(image, Limits(), &pix).ok());
  EXPECT_LT(MarkerShare(pix.get()), 0.01);
}

TEST(Ccitt, GarbageIsCorrupt) {
  CcittParams params;
  params.k = -1;
  params.columns = 100;
  PixPtr pix;
  EXPECT_FALSE(DecodeCcitt("", params, 100, &pix).ok());
  params.columns = 0;
  EXPECT_EQ(DecodeCcitt("abc", params, 100, &pix).code(), Status::Code::kCorrupt);
}

TEST(Ccitt, TiffWrapperDeclaresTheParameters) {
  CcittParams params;
  params.k = 0;
  params.encoded_byte_align = true;
  params.columns = 1728;
  const std::string tiff = WrapCcittInTiff("DATA", params, 99);
  EXPECT_EQ(tiff.substr(0, 4), std::string("II*\0", 4));
  EXPECT_EQ(tiff.substr(tiff.size() - 4), "DATA");
  // Byte-aligned one-dimensional data without EOLs is TIFF's Modified Huffman (compression 2).
  EXPECT_NE(tiff.find(std::string("\x03\x01\x03\x00\x01\x00\x00\x00\x02\x00", 10)), std::string::npos);
}

// An embedded JBIG2 stream: page information, one immediate lossless
// generic region coded with MMR (the G4 data of `bilevel`), end of page.
std::string Jbig2Stream(PIX* bilevel) {
  auto be32 = [](uint32_t v) {
    return Bytes({static_cast<int>(v >> 24), static_cast<int>(v >> 16 & 255), static_cast<int>(v >> 8 & 255),
                  static_cast<int>(v & 255)});
  };
  const uint32_t w = pixGetWidth(bilevel), h = pixGetHeight(bilevel);
  const std::string mmr = G4Data(bilevel);
  std::string s;
  s += be32(0) + Bytes({48, 0, 1}) + be32(19) + be32(w) + be32(h) + be32(0) + be32(0) + Bytes({0, 0, 0});
  s += be32(1) + Bytes({39, 0, 1}) + be32(18 + mmr.size()) + be32(w) + be32(h) + be32(0) + be32(0) + Bytes({0}) +
       Bytes({1}) + mmr;
  s += be32(2) + Bytes({49, 0, 1}) + be32(0);
  return s;
}

TEST(Jbig2, MmrGenericRegion) {
  PixPtr page = MarkedPage(400, 300, 1);
  PixPtr pix;
  ASSERT_TRUE(DecodeJbig2(Jbig2Stream(page.get()), "", 1 << 30, &pix).ok());
  l_int32 same = 0;
  pixEqual(pix.get(), page.get(), &same);
  EXPECT_TRUE(same);
}

TEST(Jbig2, DeclaredGiantPageIsLimit) {
  PixPtr page = MarkedPage(400, 300, 1);
  PixPtr pix;
  EXPECT_EQ(DecodeJbig2(Jbig2Stream(page.get()), "", 1000, &pix).code(), Status::Code::kLimit);
}

TEST(Jbig2, GarbageIsCorrupt) {
  PixPtr pix;
  EXPECT_EQ(DecodeJbig2("garbage garbage garbage", "", 1 << 30, &pix).code(), Status::Code::kCorrupt);
  EXPECT_EQ(DecodeJbig2("", "", 1 << 30, &pix).code(), Status::Code::kCorrupt);
}

TEST(Jbig2, ThroughDecodePdfImage) {
  PixPtr page = MarkedPage(200, 160, 1);
  PdfImage image = Samples(200, 160, 1, PdfColorSpace::Kind::kGray, Jbig2Stream(page.get()));
  image.filters = {{"JBIG2Decode", {}, {}}};
  PixPtr pix;
  ASSERT_TRUE(DecodePdfImage(image, Limits(), &pix).ok());
  EXPECT_GT(MarkerShare(pix.get()), 0.99);
}

// ---- placement ----

TEST(Placement, UprightImageFillingAPage) {
  PageGeometry page{0, 0, 612, 792, 0};
  // 2550 × 3300 pixels on 8.5 × 11 inches: 300 dpi.
  ImagePlacement p = PlaceImage(Matrix{612, 0, 0, 792, 0, 0}, 2550, 3300, page);
  EXPECT_EQ(p.orientation, Orientation::kNormal);
  EXPECT_NEAR(p.dpi_x, 300, 1e-6);
  EXPECT_NEAR(p.dpi_y, 300, 1e-6);
  EXPECT_NEAR(p.coverage, 1, 1e-9);
  EXPECT_NEAR(p.box.x, 0, 1e-9);
  EXPECT_NEAR(p.box.w, 612, 1e-9);
}

TEST(Placement, PageRotateTurnsTheImage) {
  PageGeometry page{0, 0, 612, 792, 90};
  ImagePlacement p = PlaceImage(Matrix{612, 0, 0, 792, 0, 0}, 2550, 3300, page);
  EXPECT_EQ(p.orientation, Orientation::kRotate90);
  EXPECT_NEAR(p.box.w, 792, 1e-9);  // the displayed page is landscape
  EXPECT_NEAR(p.dpi_x, 300, 1e-6);
  page.rotate = 180;
  EXPECT_EQ(PlaceImage(Matrix{612, 0, 0, 792, 0, 0}, 2550, 3300, page).orientation, Orientation::kRotate180);
  page.rotate = 270;
  EXPECT_EQ(PlaceImage(Matrix{612, 0, 0, 792, 0, 0}, 2550, 3300, page).orientation, Orientation::kRotate270);
}

TEST(Placement, ImageDrawnTurnedAndMirrored) {
  PageGeometry page{0, 0, 612, 792, 0};
  // A landscape scan drawn turned a quarter counter-clockwise into a portrait page: [0 w -h 0 h 0] style.
  ImagePlacement p = PlaceImage(Matrix{0, 792, -612, 0, 612, 0}, 3300, 2550, page);
  EXPECT_EQ(p.orientation, Orientation::kRotate270);
  EXPECT_NEAR(p.dpi_x, 300, 1e-6);
  EXPECT_NEAR(p.dpi_y, 300, 1e-6);
  EXPECT_NEAR(p.coverage, 1, 1e-9);
  EXPECT_EQ(PlaceImage(Matrix{-612, 0, 0, 792, 612, 0}, 10, 10, page).orientation, Orientation::kFlipLR);
  EXPECT_EQ(PlaceImage(Matrix{612, 0, 0, -792, 0, 792}, 10, 10, page).orientation, Orientation::kFlipTB);
}

TEST(Placement, NonSquarePixelsAndPartialCoverage) {
  PageGeometry page{0, 0, 612, 792, 0};
  ImagePlacement p = PlaceImage(Matrix{306, 0, 0, 396, 100, 100}, 1700, 550, page);  // 400 × 100 dpi
  EXPECT_NEAR(p.dpi_x, 400, 1e-6);
  EXPECT_NEAR(p.dpi_y, 100, 1e-6);
  EXPECT_NEAR(p.coverage, 0.25, 1e-9);
  EXPECT_NEAR(p.box.y, 792 - 100 - 396, 1e-9);  // top-left origin
}

TEST(Placement, MatrixAndRotationHelpers) {
  Matrix m = Matrix{2, 0, 0, 2, 0, 0}.Then(Matrix{1, 0, 0, 1, 10, 20});
  double x, y;
  m.Apply(1, 1, &x, &y);
  EXPECT_DOUBLE_EQ(x, 12);
  EXPECT_DOUBLE_EQ(y, 22);
  EXPECT_EQ(NormalizeRotation(-90), 270);
  EXPECT_EQ(NormalizeRotation(450), 90);
  EXPECT_EQ(NormalizeRotation(0), 0);
  PageGeometry g{10, 20, 100, 200, 90};
  EXPECT_DOUBLE_EQ(g.DisplayWidth(), 200);
  g.ToDisplay(10, 220, &x, &y);  // the crop box's top-left corner goes to the top-right
  EXPECT_DOUBLE_EQ(x, 200);
  EXPECT_DOUBLE_EQ(y, 0);
}

// ---- text layer ----

TEST(TextLayer, CountsMeaningfulAndJunk) {
  TextStats s = CountTextChars("项目名称：绿色矿山 ABC 123，㎡ m³");
  EXPECT_EQ(s.meaningful, 8 + 3 + 3 + 1);
  EXPECT_EQ(s.junk, 0);
  s = CountTextChars("\xEF\xBF\xBD\xEE\x80\x80\xC3\xA9\xFF");  // U+FFFD, U+E000, é, a stray byte
  EXPECT_EQ(s.meaningful, 0);
  EXPECT_EQ(s.junk, 4);
}

TEST(TextLayer, RealTextJunkAndTooLittle) {
  EXPECT_TRUE(IsUsableTextLayer({{"甘肃省绿色矿山建设项目申请表", {}}}));
  EXPECT_FALSE(IsUsableTextLayer({{"第1页", {}}}));
  EXPECT_FALSE(IsUsableTextLayer({{"\xC3\xA9\xC3\xA8\xC3\xB1\xC3\xA9\xC3\xA8\xC3\xB1 abcdefghijkl", {}},
                                  {"\xC3\xA9\xC3\xA8\xC3\xB1\xC3\xA9\xC3\xA8\xC3\xB1\xC3\xA9\xC3\xA8", {}}}));
  EXPECT_FALSE(IsUsableTextLayer({}));
}

}  // namespace
}  // namespace gm
