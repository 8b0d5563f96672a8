// Tests of the image opener: formats, frames, EXIF orientation, resolution
// and the decompression-bomb guard.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "extractors/image/exif_orientation.h"
#include "extractors/image/image_codec.h"
#include "extractors/image/open_image.h"
#include "extractors/image/orientation.h"
#include "extractors/image/pix_normalize.h"
#include "extractors/image/tiff_structure.h"
#include "tests/document/testing/pix_fixtures.h"

namespace gm {
namespace {

using testing::DarkShare;
using testing::Encode;
using testing::MarkedPage;
using testing::MarkerShare;

std::shared_ptr<const std::string> Share(std::string bytes) {
  return std::make_shared<const std::string>(std::move(bytes));
}

std::string Bytes(std::initializer_list<int> values) {
  std::string s;
  for (int v : values) s.push_back(static_cast<char>(v));
  return s;
}

// A JPEG with an EXIF APP1 segment right after SOI holding Orientation = value.
std::string JpegWithOrientation(PIX* pix, int value, bool big_endian = false) {
  std::string jpeg = Encode(pix, IFF_JFIF_JPEG);
  std::string tiff = big_endian ? Bytes({'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, value, 0, 0,
                                         0, 0, 0, 0})
                                : Bytes({'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, value, 0, 0, 0,
                                         0, 0, 0, 0});
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const size_t length = payload.size() + 2;
  const std::string app1 = Bytes({0xFF, 0xE1, static_cast<int>(length >> 8), static_cast<int>(length & 255)}) + payload;
  return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

Document MustOpen(const std::string& bytes, const Limits& limits = Limits()) {
  Document doc;
  Status s = OpenImage(Share(bytes), limits, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

PixPtr MustLoad(const Page& page) {
  PixPtr pix;
  Status s = page.load_image(&pix);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return pix;
}

uint32_t Crc(const std::string& type_and_data) {
  return crc32(0, reinterpret_cast<const Bytef*>(type_and_data.data()), type_and_data.size());
}

std::string PngChunk(const std::string& type, const std::string& data) {
  auto be32 = [](uint32_t v) {
    return Bytes({static_cast<int>(v >> 24), static_cast<int>(v >> 16 & 255), static_cast<int>(v >> 8 & 255),
                  static_cast<int>(v & 255)});
  };
  return be32(data.size()) + type + data + be32(Crc(type + data));
}

// A 60-byte PNG that declares width × height pixels: the bomb's header.
std::string PngHeaderOnly(uint32_t width, uint32_t height) {
  auto be32 = [](uint32_t v) {
    return Bytes({static_cast<int>(v >> 24), static_cast<int>(v >> 16 & 255), static_cast<int>(v >> 8 & 255),
                  static_cast<int>(v & 255)});
  };
  return std::string("\x89PNG\r\n\x1A\n", 8) + PngChunk("IHDR", be32(width) + be32(height) + Bytes({8, 0, 0, 0, 0})) +
         PngChunk("IDAT", Bytes({0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})) + PngChunk("IEND", "");
}

// ---- orientation ----

TEST(Orientation, EveryExifValueShowsTheMarkerTopLeft) {
  // Stored images whose marker lands top-left once turned as each EXIF value says.
  PixPtr upright = MarkedPage(200, 100, 8);
  struct Case {
    int exif;
    PixPtr stored;
  };
  std::vector<Case> cases;
  cases.push_back({1, ClonePix(upright.get())});
  cases.push_back({2, AdoptPix(pixFlipLR(nullptr, upright.get()))});
  cases.push_back({3, AdoptPix(pixRotateOrth(upright.get(), 2))});
  cases.push_back({4, AdoptPix(pixFlipTB(nullptr, upright.get()))});
  cases.push_back({6, AdoptPix(pixRotateOrth(upright.get(), 3))});  // stored turned counter-clockwise
  cases.push_back({8, AdoptPix(pixRotateOrth(upright.get(), 1))});
  {
    PixPtr turned = AdoptPix(pixRotateOrth(upright.get(), 1));
    cases.push_back({5, AdoptPix(pixFlipLR(nullptr, turned.get()))});  // the transpose is its own inverse
    PixPtr back = AdoptPix(pixRotateOrth(upright.get(), 1));
    cases.push_back({7, AdoptPix(pixFlipTB(nullptr, back.get()))});
  }
  for (const Case& c : cases) {
    const Orientation o = OrientationFromExif(c.exif);
    EXPECT_EQ(SwapsAxes(o), c.exif >= 5);
    PixPtr shown = ApplyOrientation(c.stored.get(), o);
    ASSERT_TRUE(shown);
    EXPECT_EQ(pixGetWidth(shown.get()), 200) << c.exif;
    EXPECT_GT(MarkerShare(shown.get()), 0.95) << "EXIF " << c.exif;
  }
  EXPECT_EQ(OrientationFromExif(0), Orientation::kNormal);
  EXPECT_EQ(OrientationFromExif(9), Orientation::kNormal);
}

TEST(ExifOrientation, ReadsBothByteOrders) {
  PixPtr pix = MarkedPage(64, 48, 32);
  EXPECT_EQ(JpegExifOrientation(JpegWithOrientation(pix.get(), 6)), Orientation::kRotate90);
  EXPECT_EQ(JpegExifOrientation(JpegWithOrientation(pix.get(), 8, true)), Orientation::kRotate270);
  EXPECT_EQ(JpegExifOrientation(Encode(pix.get(), IFF_JFIF_JPEG)), Orientation::kNormal);
  EXPECT_EQ(JpegExifOrientation("not a jpeg"), Orientation::kNormal);
  std::string cut = JpegWithOrientation(pix.get(), 6);
  EXPECT_EQ(JpegExifOrientation(cut.substr(0, 20)), Orientation::kNormal);  // segment longer than the file
  cut[cut.find("II") + 2] = 41;  // not a TIFF header any more
  EXPECT_EQ(JpegExifOrientation(cut), Orientation::kNormal);
}

TEST(TiffStructure, CountsDirectoriesAndStopsLoops) {
  // Two directories, the second pointing back at the first.
  std::string tiff = Bytes({'I', 'I', 42, 0, 8, 0, 0, 0});
  tiff += Bytes({1, 0, 0, 1, 3, 0, 1, 0, 0, 0, 100, 0, 0, 0}) + Bytes({26, 0, 0, 0});  // width 100, next at 26
  tiff += Bytes({1, 0, 1, 1, 4, 0, 1, 0, 0, 0, 50, 0, 0, 0}) + Bytes({8, 0, 0, 0});    // height 50, next back at 8
  std::vector<TiffDirectory> dirs;
  int total = 0;
  ASSERT_TRUE(ReadTiffDirectories(tiff, 10, &dirs, &total));
  EXPECT_EQ(total, 2);
  ASSERT_EQ(dirs.size(), 2u);
  EXPECT_EQ(dirs[0].width, 100u);
  EXPECT_EQ(dirs[1].height, 50u);
  ASSERT_TRUE(ReadTiffDirectories(tiff, 1, &dirs, &total));
  EXPECT_EQ(dirs.size(), 1u);
  EXPECT_EQ(total, 2);
  EXPECT_FALSE(ReadTiffDirectories("II*", 10, &dirs, &total));
  EXPECT_FALSE(ReadTiffDirectories("PK\x03\x04....", 10, &dirs, &total));
}

// ---- opening ----

TEST(OpenImage, JpegWithExifOrientationSixIsTurnedUpright) {
  PixPtr stored = MarkedPage(400, 300, 32);
  Document doc = MustOpen(JpegWithOrientation(stored.get(), 6));
  EXPECT_EQ(doc.format, DocumentFormat::kImage);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].width, 300);
  EXPECT_EQ(doc.pages[0].height, 400);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 300);
  EXPECT_EQ(pixGetDepth(pix.get()), 32);
  // Turned clockwise, the stored top-left marker is at the top-right.
  EXPECT_GT(DarkShare(pix.get(), 215, 45, 50, 90), 0.9);
  EXPECT_LT(DarkShare(pix.get(), 35, 45, 50, 90), 0.05);
}

TEST(OpenImage, MultiPageTiffHasAPageAFrame) {
  PIXA* pixa = pixaCreate(3);
  for (int i = 0; i < 3; ++i) {
    PixPtr frame = MarkedPage(300 + 100 * i, 200, 1);
    pixSetResolution(frame.get(), 200, 200);
    pixaAddPix(pixa, frame.get(), L_COPY);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  const std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);

  Document doc = MustOpen(tiff);
  ASSERT_EQ(doc.pages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(doc.pages[i].index, i);
    EXPECT_EQ(doc.pages[i].width, 300 + 100 * i);
    EXPECT_EQ(doc.pages[i].dpi, 200);
    PixPtr pix = MustLoad(doc.pages[i]);
    ASSERT_TRUE(pix);
    EXPECT_EQ(pixGetWidth(pix.get()), 300 + 100 * i);
    EXPECT_EQ(pixGetDepth(pix.get()), 8);
    EXPECT_GT(MarkerShare(pix.get()), 0.99);
  }
  Limits limits;
  limits.max_pages = 2;
  doc = MustOpen(tiff, limits);
  EXPECT_EQ(doc.pages.size(), 2u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("共3页"), std::string::npos);
}

TEST(OpenImage, DecompressionBombIsRefusedFromItsHeader) {
  const std::string bomb = PngHeaderOnly(100000, 100000);
  Document doc;
  Status s = OpenImage(Share(bomb), Limits(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("100000×100000"), std::string::npos) << s.message();
}

TEST(OpenImage, PixelLimitOnOneTiffFrameOnly) {
  PIXA* pixa = pixaCreate(2);
  PixPtr small = MarkedPage(100, 100, 1), large = MarkedPage(1000, 1000, 1);
  pixaAddPix(pixa, small.get(), L_COPY);
  pixaAddPix(pixa, large.get(), L_COPY);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixaWriteMemMultipageTiff(&data, &size, pixa), 0);
  pixaDestroy(&pixa);
  const std::string tiff(reinterpret_cast<char*>(data), size);
  lept_free(data);
  Limits limits;
  limits.max_image_pixels = 100 * 100;
  Document doc = MustOpen(tiff, limits);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_TRUE(MustLoad(doc.pages[0]));
  PixPtr pix;
  EXPECT_EQ(doc.pages[1].load_image(&pix).code(), Status::Code::kLimit);
  ASSERT_EQ(doc.warnings.size(), 1u);  // the reviewer learns that page 2 was not read
  EXPECT_NE(doc.warnings[0].find("max_image_pixels"), std::string::npos) << doc.warnings[0];
}

// libtiff decodes with the first ImageWidth/ImageLength, other readers with
// the last: 100000 x 100000 then 1000 x 1000 decoded 10^10 pixels unchecked.
TEST(TiffStructure, SizeGivenTwiceCountsTheLargest) {
  std::string tiff = Bytes({'I', 'I', 42, 0, 8, 0, 0, 0, 4, 0});
  tiff += Bytes({0, 1, 4, 0, 1, 0, 0, 0, 0xA0, 0x86, 0x01, 0});  // width 100000
  tiff += Bytes({1, 1, 4, 0, 1, 0, 0, 0, 0xA0, 0x86, 0x01, 0});  // height 100000
  tiff += Bytes({0, 1, 3, 0, 1, 0, 0, 0, 0xE8, 0x03, 0, 0});     // width 1000
  tiff += Bytes({1, 1, 3, 0, 1, 0, 0, 0, 0xE8, 0x03, 0, 0});     // height 1000
  tiff += Bytes({0, 0, 0, 0});
  std::vector<TiffDirectory> dirs;
  int total = 0;
  ASSERT_TRUE(ReadTiffDirectories(tiff, 10, &dirs, &total));
  ASSERT_EQ(dirs.size(), 1u);
  EXPECT_EQ(dirs[0].width, 100000u);
  EXPECT_EQ(dirs[0].height, 100000u);
  Document doc;
  Status s = OpenImage(Share(tiff), Limits(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kLimit);
  EXPECT_NE(s.message().find("max_image_pixels"), std::string::npos) << s.message();
}

TEST(OpenImage, ResolutionFromTheFileOrAssumed) {
  PixPtr page = MarkedPage(400, 300, 8);
  pixSetResolution(page.get(), 200, 200);
  Document doc = MustOpen(Encode(page.get(), IFF_PNG));
  EXPECT_EQ(doc.pages[0].dpi, 200);
  PixPtr pix = MustLoad(doc.pages[0]);
  EXPECT_EQ(pixGetXRes(pix.get()), 200);
  pixSetResolution(page.get(), 72, 72);  // what phones write
  doc = MustOpen(Encode(page.get(), IFF_JFIF_JPEG));
  EXPECT_EQ(doc.pages[0].dpi, kAssumedImageDpi);
  pixSetResolution(page.get(), 0, 0);
  doc = MustOpen(Encode(page.get(), IFF_PNG));
  EXPECT_EQ(doc.pages[0].dpi, kAssumedImageDpi);
  EXPECT_EQ(pixGetXRes(MustLoad(doc.pages[0]).get()), 300);
}

TEST(OpenImage, OtherFormats) {
  PixPtr page = MarkedPage(120, 90, 32);
  pixSetResolution(page.get(), 300, 300);
  for (int format : {IFF_BMP, IFF_GIF, IFF_WEBP, IFF_TIFF_LZW, IFF_JP2}) {
    std::string bytes;
    if (format == IFF_WEBP) {
      l_uint8* data = nullptr;
      size_t size = 0;
      ASSERT_EQ(pixWriteMemWebP(&data, &size, page.get(), 90, 1), 0);
      bytes.assign(reinterpret_cast<char*>(data), size);
      lept_free(data);
    } else if (format == IFF_JP2) {
      l_uint8* data = nullptr;
      size_t size = 0;
      ASSERT_EQ(pixWriteMemJp2k(&data, &size, page.get(), 50, 5, 0, 0), 0);
      bytes.assign(reinterpret_cast<char*>(data), size);
      lept_free(data);
    } else {
      bytes = Encode(page.get(), format);
    }
    ASSERT_FALSE(bytes.empty()) << format;
    Document doc = MustOpen(bytes);
    ASSERT_EQ(doc.pages.size(), 1u) << format;
    EXPECT_EQ(doc.pages[0].width, 120) << format;
    EXPECT_EQ(doc.pages[0].height, 90) << format;
    PixPtr pix = MustLoad(doc.pages[0]);
    ASSERT_TRUE(pix) << format;
    EXPECT_GT(MarkerShare(pix.get()), 0.9) << format;
    const int depth = pixGetDepth(pix.get());
    EXPECT_TRUE(depth == 8 || depth == 32) << format;
  }
}

TEST(OpenImage, BadInputs) {
  Document doc;
  EXPECT_EQ(OpenImage(Share("random bytes, not an image"), Limits(), &doc).code(), Status::Code::kUnsupported);
  PixPtr page = MarkedPage(400, 300, 32);
  const std::string jpeg = Encode(page.get(), IFF_JFIF_JPEG);
  EXPECT_EQ(OpenImage(Share(jpeg.substr(0, 12)), Limits(), &doc).code(), Status::Code::kCorrupt);
  std::string png = Encode(page.get(), IFF_PNG);
  EXPECT_EQ(OpenImage(Share(png.substr(0, 20)), Limits(), &doc).code(), Status::Code::kCorrupt);
  // A PNG whose pixel data is garbage opens (its header is fine) and fails when decoded.
  std::string broken = PngHeaderOnly(50, 50);
  Status s = OpenImage(Share(broken), Limits(), &doc);
  if (s.ok()) {
    PixPtr pix;
    EXPECT_FALSE(doc.pages[0].load_image(&pix).ok());
  } else {
    EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  }
  EXPECT_EQ(OpenImage(Share(std::string("II*\0\x08\0\0\0", 8)), Limits(), &doc).code(), Status::Code::kCorrupt);
  // A TIFF directory without a size.
  const std::string sizeless = Bytes({'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x03, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
  EXPECT_EQ(OpenImage(Share(sizeless), Limits(), &doc).code(), Status::Code::kCorrupt);
}

TEST(PixNormalize, DepthsAndColormaps) {
  PixPtr one = MarkedPage(16, 16, 1);
  PixPtr out = NormalizePagePix(ClonePix(one.get()));
  EXPECT_EQ(pixGetDepth(out.get()), 8);
  PixPtr cmapped = AdoptPix(pixConvertTo8(one.get(), 1));  // 8-bit with a grey colormap
  ASSERT_TRUE(pixGetColormap(cmapped.get()));
  out = NormalizePagePix(std::move(cmapped));
  EXPECT_EQ(pixGetDepth(out.get()), 8);
  EXPECT_FALSE(pixGetColormap(out.get()));
  PixPtr rgba = MarkedPage(16, 16, 32);
  pixSetSpp(rgba.get(), 4);
  out = NormalizePagePix(std::move(rgba));
  EXPECT_EQ(pixGetSpp(out.get()), 3);
  EXPECT_FALSE(NormalizePagePix(nullptr));
}

TEST(ImageCodec, SniffsFormats) {
  EXPECT_EQ(SniffImageFormat("\xFF\xD8\xFF\xE0"), IFF_JFIF_JPEG);
  EXPECT_EQ(SniffImageFormat(std::string("\x89PNG\r\n\x1A\n", 8)), IFF_PNG);
  EXPECT_EQ(SniffImageFormat(std::string("MM\0*", 4)), IFF_TIFF);
  EXPECT_EQ(SniffImageFormat("GIF89a"), IFF_GIF);
  EXPECT_EQ(SniffImageFormat(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), IFF_WEBP);
  EXPECT_EQ(SniffImageFormat(std::string("RIFF\x10\0\0\0AVI LIST", 16)), IFF_UNKNOWN);
  EXPECT_EQ(SniffImageFormat("%PDF-1.4"), IFF_UNKNOWN);
  EXPECT_EQ(SniffImageFormat(""), IFF_UNKNOWN);
}

}  // namespace
}  // namespace gm
