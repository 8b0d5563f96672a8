// Tests of OpenPdf on whole files: scans in every encoding, rotation, text
// layers, encryption, damage and limits.
#include <gtest/gtest.h>
#include <openssl/provider.h>
#include <podofo/podofo.h>

#include <cmath>
#include <string>

#include "extractors/pdf/open_pdf.h"
#include "extractors/pdf/page_reading.h"
#include "extractors/pdf/podofo_document.h"
#include "extractors/pdf/poppler_document.h"
#include "tests/document/testing/pdf_builder.h"
#include "tests/document/testing/pix_fixtures.h"

namespace gm {
namespace {

using testing::DarkShare;
using testing::Deflate;
using testing::Hex;
using testing::ImageResources;
using testing::MarkedPage;
using testing::MarkerShare;
using testing::PdfBuilder;

std::shared_ptr<const std::string> Share(std::string bytes) {
  return std::make_shared<const std::string>(std::move(bytes));
}

// A one-page PDF of `pix` written by Leptonica 1.82, which leaves out the
// "endobj" of its page tree object: PoDoFo refuses such files, poppler repairs them.
std::string LeptonicaPdf(PIX* pix, int type, int dpi) {
  l_uint8* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(pixConvertToPdfData(pix, type, 75, &data, &size, 0, 0, dpi, nullptr, nullptr, 0), 0);
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  return out;
}

// A one-page scan as scanners write it: the image (JPEG, or G4 for a 1-bit
// PIX) fills a page of its size at `dpi`.
std::string ScanPdf(PIX* pix, int dpi) {
  const bool bilevel = pixGetDepth(pix) == 1;
  L_COMP_DATA* cid = nullptr;
  EXPECT_EQ(pixGenerateCIData(pix, bilevel ? L_G4_ENCODE : L_JPEG_ENCODE, 75, 0, &cid), 0);
  const std::string data(reinterpret_cast<char*>(cid->datacomp), cid->nbytescomp);
  l_CIDataDestroy(&cid);
  const int w = pixGetWidth(pix), h = pixGetHeight(pix);
  std::string dict = "/Type /XObject /Subtype /Image /Width " + std::to_string(w) + " /Height " + std::to_string(h);
  if (bilevel) {
    dict += " /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns " +
            std::to_string(w) + " /Rows " + std::to_string(h) + " >>";
  } else {
    dict += std::string(" /ColorSpace ") + (pixGetDepth(pix) == 8 ? "/DeviceGray" : "/DeviceRGB") +
            " /BitsPerComponent 8 /Filter /DCTDecode";
  }
  PdfBuilder pdf;
  const int image = pdf.AddStream(dict, data);
  const double pw = w * 72.0 / dpi, ph = h * 72.0 / dpi;
  pdf.AddPage(testing::DrawImage(0, 0, pw, ph), ImageResources(image), pw, ph);
  return pdf.Build();
}

// The raw samples of an 8- or 32-bit PIX, rows of whole bytes (grey or RGB).
std::string RawSamples(PIX* pix) {
  std::string raw;
  const int depth = pixGetDepth(pix);
  for (int y = 0; y < pixGetHeight(pix); ++y) {
    for (int x = 0; x < pixGetWidth(pix); ++x) {
      l_uint32 v = 0;
      pixGetPixel(pix, x, y, &v);
      if (depth == 8) {
        raw.push_back(static_cast<char>(v));
      } else {
        l_int32 r, g, b;
        extractRGBValues(v, &r, &g, &b);
        raw += {static_cast<char>(r), static_cast<char>(g), static_cast<char>(b)};
      }
    }
  }
  return raw;
}

// A Flate image XObject of `pix` (8-bit grey or 32-bit RGB).
int AddFlateImage(PdfBuilder* pdf, PIX* pix) {
  const std::string space = pixGetDepth(pix) == 8 ? "/DeviceGray" : "/DeviceRGB";
  return pdf->AddStream("/Type /XObject /Subtype /Image /Width " + std::to_string(pixGetWidth(pix)) + " /Height " +
                            std::to_string(pixGetHeight(pix)) + " /ColorSpace " + space +
                            " /BitsPerComponent 8 /Filter /FlateDecode",
                        Deflate(RawSamples(pix)));
}

// A CJK font that needs no embedding: Adobe-GB1 through UCS-2 codes, so text
// is written as UTF-16BE hex.
int AddCjkFont(PdfBuilder* pdf) {
  const int descriptor = pdf->Add(
      "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
      "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
  const int cid = pdf->Add(
      "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
      "/Ordering (GB1) /Supplement 2 >> /FontDescriptor " +
      std::to_string(descriptor) + " 0 R /DW 1000 >>");
  return pdf->Add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [" +
                  std::to_string(cid) + " 0 R] >>");
}

// UTF-16BE of a UTF-8 string of BMP characters.
std::string Utf16Hex(const std::string& utf8) {
  std::string be;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    unsigned c;
    if (b < 0x80) {
      c = b, i += 1;
    } else if ((b >> 5) == 6) {
      c = (b & 0x1F) << 6 | (utf8[i + 1] & 0x3F), i += 2;
    } else {
      c = (b & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F), i += 3;
    }
    be += {static_cast<char>(c >> 8), static_cast<char>(c & 0xFF)};
  }
  return "<" + Hex(be) + ">";
}

const char kTitle[] = "甘肃省绿色矿山建设项目申请表";
const char kName[] = "项目名称：某某矿业公司尾矿综合利用";

// A text page: two lines of Chinese at known places.
std::string TextPdf(const std::string& extra_page_entries = "") {
  PdfBuilder pdf;
  const int font = AddCjkFont(&pdf);
  const std::string content = "BT /F1 20 Tf 72 760 Td " + Utf16Hex(kTitle) + " Tj ET BT /F1 12 Tf 72 700 Td " +
                              Utf16Hex(kName) + " Tj ET";
  pdf.AddPage(content, "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>", 595, 842, extra_page_entries);
  return pdf.Build();
}

Document MustOpen(const std::string& bytes, const Limits& limits = Limits()) {
  Document doc;
  Status s = OpenPdf(Share(bytes), limits, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

PixPtr MustLoad(const Page& page) {
  PixPtr pix;
  EXPECT_TRUE(page.load_image) << "page has no image";
  if (!page.load_image) return pix;
  Status s = page.load_image(&pix);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return pix;
}

// ---- scans ----

TEST(OpenPdf, JpegScanComesOutAtItsOwnResolution) {
  PixPtr page = MarkedPage(850, 1100, 32);  // 8.5 × 11 in at 100 dpi
  Document doc = MustOpen(ScanPdf(page.get(), 100));
  EXPECT_EQ(doc.format, DocumentFormat::kPdf);
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.width, 850);
  EXPECT_EQ(p.height, 1100);
  EXPECT_NEAR(p.dpi, 100, 0.5);
  EXPECT_FALSE(p.has_text());
  PixPtr pix = MustLoad(p);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 850);
  EXPECT_EQ(pixGetHeight(pix.get()), 1100);
  EXPECT_EQ(pixGetDepth(pix.get()), 32);
  EXPECT_EQ(pixGetXRes(pix.get()), 100);
  EXPECT_GT(MarkerShare(pix.get()), 0.95);
  double r, g, b;
  testing::MeanRgb(pix.get(), 850 * 7 / 10 + 10, 1100 * 7 / 10 + 10, 100, 150, &r, &g, &b);
  EXPECT_GT(r, 200);
  EXPECT_LT(g, 60);
  EXPECT_LT(b, 60);
}

TEST(OpenPdf, G4ScanIsBitExact) {
  PixPtr page = MarkedPage(1275, 1650, 1);  // 150 dpi
  Document doc = MustOpen(ScanPdf(page.get(), 150));
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NEAR(doc.pages[0].dpi, 150, 0.5);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetDepth(pix.get()), 8);
  PixPtr expected = AdoptPix(pixConvertTo8(page.get(), 0));
  l_int32 same = 0;
  pixEqual(pix.get(), expected.get(), &same);
  EXPECT_TRUE(same);
}

TEST(OpenPdf, FlateGreyAndRgbScans) {
  for (int depth : {8, 32}) {
    PixPtr page = MarkedPage(400, 300, depth);
    PdfBuilder pdf;
    const int image = AddFlateImage(&pdf, page.get());
    pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(image), 288, 216);  // 4 × 3 in: 100 dpi
    Document doc = MustOpen(pdf.Build());
    ASSERT_EQ(doc.pages.size(), 1u);
    EXPECT_EQ(doc.pages[0].width, 400);
    EXPECT_NEAR(doc.pages[0].dpi, 100, 1e-6);
    PixPtr pix = MustLoad(doc.pages[0]);
    ASSERT_TRUE(pix);
    l_int32 same = 0;
    pixEqual(pix.get(), page.get(), &same);
    EXPECT_TRUE(same) << "depth " << depth;
  }
}

TEST(OpenPdf, JpegTwoThousandScan) {
  PixPtr page = MarkedPage(400, 300, 32);
  l_uint8* data = nullptr;
  size_t size = 0;
  ASSERT_EQ(pixWriteMemJp2k(&data, &size, page.get(), 40, 5, 0, 0), 0);
  std::string jp2(reinterpret_cast<char*>(data), size);
  lept_free(data);
  PdfBuilder pdf;
  const int image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 400 /Height 300 /Filter /JPXDecode", jp2);
  pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(image), 288, 216);
  Document doc = MustOpen(pdf.Build());
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 400);
  EXPECT_GT(MarkerShare(pix.get()), 0.95);
}

// An embedded JBIG2 stream holding `bilevel` as one MMR-coded generic region.
std::string Jbig2Page(PIX* bilevel) {
  auto be32 = [](uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16 & 255), static_cast<char>(v >> 8 & 255),
                       static_cast<char>(v & 255)};
  };
  L_COMP_DATA* cid = nullptr;
  EXPECT_EQ(pixGenerateCIData(bilevel, L_G4_ENCODE, 0, 0, &cid), 0);
  const std::string mmr(reinterpret_cast<char*>(cid->datacomp), cid->nbytescomp);
  l_CIDataDestroy(&cid);
  const uint32_t w = pixGetWidth(bilevel), h = pixGetHeight(bilevel);
  std::string s = be32(0) + std::string("\x30\x00\x01", 3) + be32(19) + be32(w) + be32(h) + be32(0) + be32(0) +
                  std::string(3, '\0');
  s += be32(1) + std::string("\x27\x00\x01", 3) + be32(18 + mmr.size()) + be32(w) + be32(h) + be32(0) + be32(0) +
       std::string("\x00\x01", 2) + mmr;
  return s;
}

TEST(OpenPdf, Jbig2ScanWithGlobals) {
  PixPtr page = MarkedPage(600, 400, 1);
  PdfBuilder pdf;
  // Globals normally hold shared symbol dictionaries; an ASCII comment exercises the path harmlessly.
  const std::string comment = std::string("\0\0\0\0\x3E\x00\x00", 7) + std::string("\0\0\0\x0A", 4) +
                              std::string("\x20\0\0\0", 4) + std::string("k\0v\0\0\0", 6);
  const int globals = pdf.AddStream("", comment);
  const int image = pdf.AddStream(
      "/Type /XObject /Subtype /Image /Width 600 /Height 400 /ColorSpace /DeviceGray /BitsPerComponent 1 "
      "/Filter /JBIG2Decode /DecodeParms << /JBIG2Globals " + std::to_string(globals) + " 0 R >>",
      Jbig2Page(page.get()));
  pdf.AddPage(testing::DrawImage(0, 0, 216, 144), ImageResources(image), 216, 144);  // 200 dpi
  Document doc = MustOpen(pdf.Build());
  EXPECT_NEAR(doc.pages[0].dpi, 200, 1e-6);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  PixPtr expected = AdoptPix(pixConvertTo8(page.get(), 0));
  l_int32 same = 0;
  pixEqual(pix.get(), expected.get(), &same);
  EXPECT_TRUE(same);
}

TEST(OpenPdf, PageRotateTurnsTheScan) {
  PixPtr page = MarkedPage(400, 300, 8);
  PdfBuilder pdf;
  const int image = AddFlateImage(&pdf, page.get());
  pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(image), 288, 216, "/Rotate 90");
  Document doc = MustOpen(pdf.Build());
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.width, 300);
  EXPECT_EQ(p.height, 400);
  PixPtr pix = MustLoad(p);
  ASSERT_TRUE(pix);
  ASSERT_EQ(pixGetWidth(pix.get()), 300);
  // The marker at the stored top-left shows at the top-right once the page is turned clockwise.
  EXPECT_GT(DarkShare(pix.get(), 215, 45, 50, 90), 0.95);
  EXPECT_LT(DarkShare(pix.get(), 35, 45, 50, 90), 0.05);
}

TEST(OpenPdf, ImageDrawnTurnedAQuarter) {
  PixPtr page = MarkedPage(400, 300, 8);
  PdfBuilder pdf;
  const int image = AddFlateImage(&pdf, page.get());
  // Columns drawn upwards on a portrait page: the stored landscape scan is shown turned counter-clockwise.
  pdf.AddPage("q 0 288 -216 0 216 0 cm /Im0 Do Q", ImageResources(image), 216, 288);
  Document doc = MustOpen(pdf.Build());
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.width, 300);
  EXPECT_EQ(p.height, 400);
  EXPECT_NEAR(p.dpi, 100, 1e-6);
  PixPtr pix = MustLoad(p);
  ASSERT_TRUE(pix);
  EXPECT_GT(DarkShare(pix.get(), 35, 265, 50, 90), 0.95);
}

TEST(OpenPdf, FaxResolutionBecomesSquarePixels) {
  PixPtr page = MarkedPage(400, 150, 8);
  PdfBuilder pdf;
  const int image = AddFlateImage(&pdf, page.get());
  pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(image), 288, 216);  // 100 × 50 dpi
  Document doc = MustOpen(pdf.Build());
  EXPECT_EQ(doc.pages[0].width, 400);
  EXPECT_EQ(doc.pages[0].height, 300);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetHeight(pix.get()), 300);
}

TEST(OpenPdf, JunkOcrLayerIsIgnoredAndRealOneKept) {
  PixPtr page = MarkedPage(400, 300, 8);
  for (bool junk : {true, false}) {
    PdfBuilder pdf;
    const int image = AddFlateImage(&pdf, page.get());
    const int font = AddCjkFont(&pdf);
    const std::string layer = junk ? "<E000E001E002E003E004E005E006E007E008E009E00AE00BE00CE00D>" : Utf16Hex(kTitle);
    pdf.AddPage(testing::DrawImage(0, 0, 288, 216) + " BT 3 Tr /F1 10 Tf 36 180 Td " + layer + " Tj ET",
                "<< /XObject << /Im0 " + std::to_string(image) + " 0 R >> /Font << /F1 " + std::to_string(font) +
                    " 0 R >> >>",
                288, 216);
    Document doc = MustOpen(pdf.Build());
    const Page& p = doc.pages[0];
    EXPECT_NEAR(p.dpi, 100, 1e-6) << "still read as a scan";
    EXPECT_EQ(p.has_text(), !junk);
    if (!junk) {
      // Points moved into the scan's pixels: x = 36 pt is 50 px at 100 dpi.
      EXPECT_NEAR(p.text[0].box.x, 50, 3);
      EXPECT_NEAR(p.text[0].box.y + p.text[0].box.h, (216 - 180) * 100 / 72.0, 6);
    }
    ASSERT_TRUE(MustLoad(p));
  }
}

TEST(OpenPdf, PixelLimitOnAScan) {
  PixPtr page = MarkedPage(400, 300, 8);
  PdfBuilder pdf;
  pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(AddFlateImage(&pdf, page.get())), 288, 216);
  Limits limits;
  limits.max_image_pixels = 1000;
  Document doc = MustOpen(pdf.Build(), limits);
  PixPtr pix;
  EXPECT_EQ(doc.pages[0].load_image(&pix).code(), Status::Code::kLimit);
  EXPECT_FALSE(pix);
}

TEST(OpenPdf, IndexedIccAndPredictorImagesAreExtracted) {
  // A 2-colour indexed image (hex palette) and an ICC-based RGB image with a PNG predictor.
  PdfBuilder pdf;
  std::string indexed_rows;
  for (int y = 0; y < 100; ++y) indexed_rows += std::string(50, y < 50 ? '\x01' : '\x00') + std::string(50, '\x00');
  const int palette = pdf.Add("[/Indexed /DeviceRGB 1 <FFFFFF C81E1E>]");
  const int indexed = pdf.AddStream("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace " +
                                        std::to_string(palette) + " 0 R /BitsPerComponent 8 /Filter /FlateDecode",
                                    Deflate(indexed_rows));
  pdf.AddPage(testing::DrawImage(0, 0, 72, 72), ImageResources(indexed), 72, 72);
  const int icc = pdf.AddStream("/N 3", "fake profile");
  std::string predicted;
  for (int y = 0; y < 20; ++y) predicted += std::string(1, '\x02') + std::string(60, y == 0 ? '\x40' : '\x00');  // Up rows
  const int rgb = pdf.AddStream("/Type /XObject /Subtype /Image /Width 20 /Height 20 /ColorSpace [/ICCBased " +
                                    std::to_string(icc) + " 0 R] /BitsPerComponent 8 /Filter /FlateDecode "
                                    "/DecodeParms << /Predictor 15 /Colors 3 /Columns 20 >>",
                                Deflate(predicted));
  pdf.AddPage(testing::DrawImage(0, 0, 14.4, 14.4), ImageResources(rgb), 14.4, 14.4);
  Document doc = MustOpen(pdf.Build());
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_NEAR(doc.pages[0].dpi, 100, 1e-6);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  double r, g, b;
  testing::MeanRgb(pix.get(), 5, 5, 40, 40, &r, &g, &b);
  EXPECT_NEAR(r, 200, 1);
  EXPECT_NEAR(g, 30, 1);
  testing::MeanRgb(pix.get(), 60, 60, 30, 30, &r, &g, &b);
  EXPECT_NEAR(r, 255, 1);
  pix = MustLoad(doc.pages[1]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 20);
  testing::MeanRgb(pix.get(), 0, 19, 20, 1, &r, &g, &b);
  EXPECT_NEAR(r, 0x40, 1);  // the Up predictor carried the first row down to the last
}

TEST(OpenPdf, ScanInsideAFormXObjectWithSplitContent) {
  PixPtr page = MarkedPage(400, 300, 8);
  PdfBuilder pdf;
  const int image = AddFlateImage(&pdf, page.get());
  // The form doubles its unit square, so the page's matrix only has to give half the page size;
  // the page's content is split across two streams in the middle of an operator's operands.
  const int form = pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix [2 0 0 2 0 0] /Resources " +
                                     ImageResources(image),
                                 "/Im0 Do");
  const int part1 = pdf.AddStream("", "q 144 0 0");
  const int part2 = pdf.AddStream("", "108 0 0 cm /Fm0 Do Q");
  pdf.AddRawPage("<< /Type /Page /Parent @PAGES@ /MediaBox [0 0 288 216] /Resources << /XObject << /Fm0 " +
                 std::to_string(form) + " 0 R >> >> /Contents [" + std::to_string(part1) + " 0 R " +
                 std::to_string(part2) + " 0 R] >>");
  Document doc = MustOpen(pdf.Build());
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NEAR(doc.pages[0].dpi, 100, 1e-6);
  EXPECT_EQ(doc.pages[0].width, 400);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  l_int32 same = 0;
  pixEqual(pix.get(), page.get(), &same);
  EXPECT_TRUE(same);
}

TEST(OpenPdf, ImagesOnlyARenderShowsRightAreRendered) {
  PixPtr page = MarkedPage(400, 300, 8);
  const std::string raw = RawSamples(page.get());
  for (const std::string& twist : {std::string("/ColorSpace /DeviceGray /SMask 1 0 R"),
                                   std::string("/ColorSpace [/Separation /Black /DeviceCMYK 1 0 R]")}) {
    PdfBuilder pdf;
    pdf.AddStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
                  std::string(1, '\x80'));  // object 1: a soft mask, or a tint transform's stand-in
    const int image = pdf.AddStream("/Type /XObject /Subtype /Image /Width 400 /Height 300 " + twist +
                                        " /BitsPerComponent 8 /Filter /FlateDecode",
                                    Deflate(raw));
    pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(image), 288, 216);
    Document doc = MustOpen(pdf.Build());
    EXPECT_EQ(doc.pages[0].dpi, 72) << twist;  // rendered, not extracted
    EXPECT_TRUE(doc.pages[0].load_image) << twist;
  }
}

// ---- text ----

TEST(OpenPdf, TextPageHasWordsWithPositionsAndNoImage) {
  Document doc = MustOpen(TextPdf());
  ASSERT_EQ(doc.pages.size(), 1u);
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.dpi, 72);
  EXPECT_EQ(p.width, 595);
  EXPECT_EQ(p.height, 842);
  ASSERT_TRUE(p.has_text());
  EXPECT_FALSE(p.load_image) << "a pure text page needs no image";
  const std::string text = doc.PlainText();
  EXPECT_NE(text.find(kTitle), std::string::npos) << text;
  EXPECT_NE(text.find("某某矿业公司"), std::string::npos) << text;
  const TextSpan* title = nullptr;
  for (const TextSpan& span : p.text)
    if (span.text.find("甘肃省") != std::string::npos) title = &span;
  ASSERT_NE(title, nullptr);
  EXPECT_NEAR(title->box.x, 72, 2);
  EXPECT_NEAR(title->box.y + title->box.h, 842 - 760, 6);  // baseline near y = 760 pt from the bottom
  EXPECT_NEAR(title->box.w, 20 * 14, 10);                   // fourteen ideographs of 20 pt
}

TEST(OpenPdf, RotatedTextPageHasTurnedCoordinates) {
  Document doc = MustOpen(TextPdf("/Rotate 90"));
  const Page& p = doc.pages[0];
  EXPECT_EQ(p.width, 842);
  EXPECT_EQ(p.height, 595);
  ASSERT_TRUE(p.has_text());
  // Turned clockwise, the line that ran along the top now runs down the right side.
  EXPECT_GT(p.text[0].box.x, 842 - 100);
  EXPECT_GT(p.text[0].box.h, p.text[0].box.w);
}

TEST(OpenPdf, TextWithAnImageIsRendered) {
  PdfBuilder pdf;
  const int font = AddCjkFont(&pdf);
  PixPtr logo = MarkedPage(40, 40, 8);
  const int image = AddFlateImage(&pdf, logo.get());
  pdf.AddPage("q 40 0 0 40 10 10 cm /Im0 Do Q BT /F1 12 Tf 20 150 Td " + Utf16Hex(kName) + " Tj ET",
              "<< /XObject << /Im0 " + std::to_string(image) + " 0 R >> /Font << /F1 " + std::to_string(font) +
                  " 0 R >> >>",
              288, 216);
  Document doc = MustOpen(pdf.Build());
  const Page& p = doc.pages[0];
  EXPECT_TRUE(p.has_text());
  EXPECT_EQ(p.dpi, 72);
  PixPtr pix = MustLoad(p);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 1200);  // 4 in at kRenderDpi
  EXPECT_EQ(pixGetHeight(pix.get()), 900);
  EXPECT_EQ(pixGetXRes(pix.get()), 300);
  // The logo's marker, drawn at (10, 10) pt from the bottom-left, is dark in the render.
  EXPECT_GT(DarkShare(pix.get(), (10 + 5) * 300 / 72, 900 - (10 + 34) * 300 / 72, 20, 20), 0.9);
}

TEST(OpenPdf, VectorOnlyPageIsRenderedAndLimitLowersResolution) {
  PdfBuilder pdf;
  pdf.AddPage("0 0 0 rg 10 10 100 100 re f 120 10 50 50 re f 0 0 1 RG 5 5 m 200 200 l S", "<< >>", 288, 216);
  Limits limits;
  limits.max_image_pixels = 600 * 450;  // fits at 150 dpi, not 300
  Document doc = MustOpen(pdf.Build(), limits);
  const Page& p = doc.pages[0];
  EXPECT_FALSE(p.has_text());
  PixPtr pix = MustLoad(p);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 600);
  EXPECT_GT(DarkShare(pix.get(), 30 * 150 / 72, (216 - 100) * 150 / 72, 60, 60), 0.95);
  limits.max_image_pixels = 100;  // not even at 72 dpi
  doc = MustOpen(pdf.Build(), limits);
  EXPECT_EQ(doc.pages[0].load_image(&pix).code(), Status::Code::kLimit);
}

// ---- damage, encryption, limits ----

// PoDoFo needs OpenSSL's RC4 (the legacy provider) to write encrypted files.
void LoadLegacyCrypto() {
  struct Providers {
    OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    OSSL_PROVIDER* fallback = OSSL_PROVIDER_load(nullptr, "default");
    ~Providers() {
      OSSL_PROVIDER_unload(legacy);
      OSSL_PROVIDER_unload(fallback);
    }
  };
  static Providers providers;
}

TEST(OpenPdf, EncryptedWithAPasswordIsRefused) {
  LoadLegacyCrypto();
  PoDoFo::PdfMemDocument doc;
  const std::string plain = TextPdf();
  doc.LoadFromBuffer(plain.data(), static_cast<long>(plain.size()));
  doc.SetEncrypted("secret", "owner", PoDoFo::PdfEncrypt::ePdfPermissions_Print,
                   PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV2, PoDoFo::PdfEncrypt::ePdfKeyLength_128);
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  Document out;
  Status s = OpenPdf(Share(std::string(buffer.GetBuffer(), device.GetLength())), Limits(), &out);
  EXPECT_EQ(s.code(), Status::Code::kEncrypted);
  EXPECT_EQ(s.message(), "PDF文件已加密（需要密码），无法读取，请申报单位提供未加密的文件");
}

TEST(OpenPdf, EncryptedWithAnEmptyUserPasswordOpens) {
  PixPtr page = MarkedPage(400, 300, 8);
  PdfBuilder builder;
  builder.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(AddFlateImage(&builder, page.get())), 288, 216);
  const std::string plain = builder.Build();
  LoadLegacyCrypto();
  for (auto algorithm : {PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_RC4V2, PoDoFo::PdfEncrypt::ePdfEncryptAlgorithm_AESV2}) {
    PoDoFo::PdfMemDocument doc;
    doc.LoadFromBuffer(plain.data(), static_cast<long>(plain.size()));
    doc.SetEncrypted("", "owner", PoDoFo::PdfEncrypt::ePdfPermissions_Print, algorithm,
                     PoDoFo::PdfEncrypt::ePdfKeyLength_128);
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    Document out = MustOpen(std::string(buffer.GetBuffer(), device.GetLength()));
    ASSERT_EQ(out.pages.size(), 1u);
    PixPtr pix = MustLoad(out.pages[0]);  // the image stream was decrypted before decoding
    ASSERT_TRUE(pix);
    l_int32 same = 0;
    pixEqual(pix.get(), page.get(), &same);
    EXPECT_TRUE(same);
  }
}

TEST(OpenPdf, TruncatedFileIsCorrupt) {
  const std::string pdf = TextPdf();
  Document doc;
  Status s = OpenPdf(Share(pdf.substr(0, 40)), Limits(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kCorrupt);
  EXPECT_EQ(s.message(), "PDF文件已损坏或不完整，无法打开，请申报单位重新发送");
  EXPECT_EQ(OpenPdf(Share("%PDF-1.4\n garbage garbage"), Limits(), &doc).code(), Status::Code::kCorrupt);
}

TEST(OpenPdf, DamagedCrossReferenceTableIsRepaired) {
  std::string pdf = TextPdf();
  // Garble the xref table and point startxref nowhere: poppler rebuilds the table from the objects.
  const size_t xref = pdf.find("xref"), trailer = pdf.find("trailer");
  pdf = pdf.substr(0, xref) + "xref\ngarbage\n" + pdf.substr(trailer);
  pdf.replace(pdf.find("startxref\n") + 10, 1, "9");
  Document doc = MustOpen(pdf);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NE(doc.PlainText().find(kTitle), std::string::npos);
}

TEST(OpenPdf, MalformedFilePoDoFoRefusesIsRenderedByPoppler) {
  PixPtr page = MarkedPage(425, 550, 8);
  Document doc = MustOpen(LeptonicaPdf(page.get(), L_FLATE_ENCODE, 50));
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].width, 612);
  EXPECT_EQ(doc.pages[0].dpi, 72);
  PixPtr pix = MustLoad(doc.pages[0]);
  ASSERT_TRUE(pix);
  EXPECT_EQ(pixGetWidth(pix.get()), 2550);
  EXPECT_GT(MarkerShare(pix.get()), 0.95);
}

TEST(OpenPdf, TruncatedScanNeverCrashes) {
  PixPtr page = MarkedPage(850, 1100, 32);
  const std::string pdf = ScanPdf(page.get(), 100);
  for (size_t cut : {pdf.size() / 4, pdf.size() / 2, pdf.size() * 9 / 10}) {
    Document doc;
    Status s = OpenPdf(Share(pdf.substr(0, cut)), Limits(), &doc);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), Status::Code::kCorrupt);
      continue;
    }
    for (const Page& p : doc.pages) {
      PixPtr pix;
      if (p.load_image) (void)p.load_image(&pix);  // may fail, must not crash
    }
  }
}

TEST(OpenPdf, PageLimitReadsTheFirstPagesAndSaysSo) {
  PdfBuilder pdf;
  for (int i = 0; i < 3; ++i) pdf.AddPage("0 0 0 rg 10 10 10 10 re f", "<< >>", 100, 100);
  Limits limits;
  limits.max_pages = 2;
  Document doc = MustOpen(pdf.Build(), limits);
  EXPECT_EQ(doc.pages.size(), 2u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].find("共3页"), std::string::npos);
  EXPECT_NE(doc.warnings[0].find("前2页"), std::string::npos);
}

TEST(OpenPdf, MixedDocument) {
  PdfBuilder pdf;
  const int font = AddCjkFont(&pdf);
  pdf.AddPage("BT /F1 12 Tf 20 150 Td " + Utf16Hex(kName) + " Tj ET",
              "<< /Font << /F1 " + std::to_string(font) + " 0 R >> >>", 288, 216);
  PixPtr page = MarkedPage(400, 300, 8);
  pdf.AddPage(testing::DrawImage(0, 0, 288, 216), ImageResources(AddFlateImage(&pdf, page.get())), 288, 216);
  Document doc = MustOpen(pdf.Build());
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_TRUE(doc.pages[0].has_text());
  EXPECT_EQ(doc.pages[0].dpi, 72);
  EXPECT_FALSE(doc.pages[1].has_text());
  EXPECT_NEAR(doc.pages[1].dpi, 100, 1e-6);
  EXPECT_EQ(doc.pages[1].index, 1);
}

// ---- the library wrappers ----

TEST(PopplerDocument, OpensMeasuresAndRefusesBadIndexes) {
  std::unique_ptr<PopplerDocument> doc;
  ASSERT_TRUE(PopplerDocument::Open(Share(TextPdf("/Rotate 270")), &doc).ok());
  EXPECT_EQ(doc->page_count(), 1);
  double w = 0, h = 0;
  ASSERT_TRUE(doc->PageSize(0, &w, &h).ok());
  EXPECT_EQ(w, 842);
  EXPECT_EQ(h, 595);
  std::vector<TextSpan> words;
  EXPECT_EQ(doc->PageSize(1, &w, &h).code(), Status::Code::kCorrupt);
  EXPECT_EQ(doc->PageText(-1, &words).code(), Status::Code::kCorrupt);
  PixPtr pix;
  EXPECT_EQ(doc->Render(5, 72, &pix).code(), Status::Code::kCorrupt);
  ASSERT_TRUE(doc->Render(0, 36, &pix).ok());
  EXPECT_EQ(pixGetWidth(pix.get()), 421);  // 842 pt at 36 dpi
  EXPECT_EQ(PopplerDocument::Open(Share("not a pdf"), &doc).code(), Status::Code::kCorrupt);
}

TEST(PodofoDocument, ReadsStructureAndRefusesBadObjects) {
  PixPtr page = MarkedPage(40, 30, 8);
  PdfBuilder pdf;
  const int image = AddFlateImage(&pdf, page.get());
  pdf.AddPage(testing::DrawImage(0, 0, 40, 30) + " BT 3 Tr ET", ImageResources(image), 40, 30, "/Rotate -90");
  std::unique_ptr<PodofoDocument> doc;
  ASSERT_TRUE(PodofoDocument::Open(pdf.Build(), &doc).ok());
  EXPECT_EQ(doc->page_count(), 1);
  PageStructure structure;
  ASSERT_TRUE(doc->ReadPage(0, &structure).ok());
  EXPECT_EQ(structure.geometry.rotate, 270);
  ASSERT_EQ(structure.images.size(), 1u);
  EXPECT_EQ(structure.images[0].id.number, image);
  EXPECT_EQ(structure.images[0].width, 40);
  EXPECT_TRUE(structure.complete);
  PdfImage extracted;
  ASSERT_TRUE(doc->ReadImage(structure.images[0].id, &extracted).ok());
  EXPECT_EQ(extracted.filters.size(), 1u);
  EXPECT_EQ(extracted.color.kind, PdfColorSpace::Kind::kGray);
  EXPECT_EQ(doc->ReadImage({999, 0}, &extracted).code(), Status::Code::kCorrupt);
  EXPECT_FALSE(doc->ReadImage({1 + image, 0}, &extracted).ok()) << "a content stream is no image";
  EXPECT_EQ(PodofoDocument::Open("%PDF-1.4 nothing else", &doc).code(), Status::Code::kCorrupt);
}

// ---- the choice of scan ----

TEST(ChooseScanImage, Rules) {
  PageStructure page;
  page.geometry = {0, 0, 612, 792, 0};
  EXPECT_EQ(ChooseScanImage(page), -1) << "no image";
  DrawnImage full{{5, 0}, 2550, 3300, Matrix{612, 0, 0, 792, 0, 0}};
  DrawnImage stamp{{6, 0}, 100, 100, Matrix{50, 0, 0, 50, 500, 50}};
  page.images = {stamp, full};
  EXPECT_EQ(ChooseScanImage(page), 1) << "the image covering the page, under a stamp";
  page.images = {stamp};
  EXPECT_EQ(ChooseScanImage(page), 0) << "a page drawing a single image";
  page.images = {stamp, stamp};
  EXPECT_EQ(ChooseScanImage(page), -1) << "several small images";
  page.images = {full};
  page.visible_text_ops = 1;
  EXPECT_EQ(ChooseScanImage(page), -1) << "visible text";
  page.visible_text_ops = 0;
  page.invisible_text_ops = 40;
  EXPECT_EQ(ChooseScanImage(page), 0) << "an OCR layer";
  page.paint_ops = 3;
  EXPECT_EQ(ChooseScanImage(page), -1) << "vector drawing";
  page.paint_ops = 0;
  page.complete = false;
  EXPECT_EQ(ChooseScanImage(page), -1) << "unreadable content";
}

}  // namespace
}  // namespace gm
