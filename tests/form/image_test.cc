// Tests of the pixel side of the form reader, on images drawn in the test:
// page cleaning (seal, skew, edges, orientation), the table grid, cell ink,
// and checkbox marks (no OCR: the OCR's part is given).
#include <cmath>

#include <gtest/gtest.h>

#include "extractors/form/cell_image.h"
#include "extractors/form/checkbox.h"
#include "extractors/form/keystone.h"
#include "extractors/form/page_cleaner.h"
#include "extractors/form/table_grid.h"
#include "tests/form/synthetic.h"

namespace gm::form {
namespace {

using namespace gm::form::testing;

l_uint32 GreyAt(PIX* p, int x, int y) {
  l_uint32 v = 0;
  pixGetPixel(p, x, y, &v);
  return v;
}

l_uint32 Rgb(int r, int g, int b) {
  l_uint32 v = 0;
  composeRGBPixel(r, g, b, &v);
  return v;
}

// ---------------------------------------------------------------- cleaning

TEST(PageCleaner, SealRemovedByColourTextUnderItKept) {
  PixPtr page = Blank(200, 100, 32);
  // Black text, blue pen, and a red seal over part of the black text: the
  // seal multiplies onto the page, so black stays black under it.
  for (int y = 20; y < 40; ++y)
    for (int x = 10; x < 190; ++x) pixSetPixel(page.get(), x, y, Rgb(0, 0, 0));
  for (int y = 60; y < 70; ++y)
    for (int x = 10; x < 50; ++x) pixSetPixel(page.get(), x, y, Rgb(20, 30, 90));
  for (int y = 10; y < 90; ++y)
    for (int x = 100; x < 180; ++x) {
      l_int32 r, g, b;
      extractRGBValues(GreyAt(page.get(), x, y), &r, &g, &b);
      pixSetPixel(page.get(), x, y, Rgb(r * 215 / 255, g * 30 / 255, b * 45 / 255));
    }
  PixPtr grey = GreyWithoutSeal(page.get());
  ASSERT_TRUE(grey);
  ASSERT_EQ(pixGetDepth(grey.get()), 8);
  EXPECT_LT(GreyAt(grey.get(), 120, 30), 40u);    // text under the seal
  EXPECT_GT(GreyAt(grey.get(), 120, 80), 190u);   // seal alone: paper
  EXPECT_LT(GreyAt(grey.get(), 30, 65), 80u);     // blue pen
  EXPECT_GT(GreyAt(grey.get(), 5, 5), 250u);      // paper
  // Other depths come back as 8 bpp.
  PixPtr one = Blank(50, 50, 1);
  PixPtr g1 = GreyWithoutSeal(one.get());
  ASSERT_TRUE(g1);
  EXPECT_EQ(pixGetDepth(g1.get()), 8);
}

TEST(PageCleaner, BinarizeKeepsStrokesDropsSpecksAndGradient) {
  PixPtr grey = Blank(400, 300, 8);
  // A paper gradient from 250 to 170, dark strokes, faint tails on them,
  // and lone specks.
  for (int y = 0; y < 300; ++y)
    for (int x = 0; x < 400; ++x) pixSetPixel(grey.get(), x, y, 250 - x / 5);
  for (int y = 100; y < 110; ++y)
    for (int x = 50; x < 350; ++x) pixSetPixel(grey.get(), x, y, 40);
  for (int y = 110; y < 130; ++y)
    for (int x = 60; x < 62; ++x) pixSetPixel(grey.get(), x, y, 150);  // faint, touches the stroke
  pixSetPixel(grey.get(), 200, 250, 60);
  PixPtr bin = Binarize(grey.get(), 300);
  ASSERT_TRUE(bin);
  EXPECT_EQ(pixGetDepth(bin.get()), 1);
  EXPECT_EQ(GreyAt(bin.get(), 100, 105), 1u);
  EXPECT_EQ(GreyAt(bin.get(), 340, 105), 1u);   // on the dark side of the gradient too
  EXPECT_EQ(GreyAt(bin.get(), 60, 120), 1u);    // the faint tail, kept by hysteresis
  EXPECT_EQ(GreyAt(bin.get(), 200, 250), 0u);   // a speck
  EXPECT_EQ(GreyAt(bin.get(), 380, 50), 0u);    // dark paper is still paper
}

// Ink pixels of a 1 bpp image inside a box.
int InkIn(PIX* bin, int x, int y, int w, int h) {
  int n = 0;
  for (int yy = y; yy < y + h; ++yy)
    for (int xx = x; xx < x + w; ++xx) n += GreyAt(bin, xx, yy) ? 1 : 0;
  return n;
}

TEST(PageCleaner, BinarizeKeepsWholeFaintGlyph) {
  // A thin digit faint all over (a small fangsong font scanned at 200 dpi
  // as JPEG) has no pixel dark enough to seed the hysteresis; a dark
  // stroke beside it sets the page's thresholds.
  PixPtr grey = Blank(400, 300, 8);
  for (int y = 0; y < 300; ++y)
    for (int x = 0; x < 400; ++x) pixSetPixel(grey.get(), x, y, 245);
  for (int y = 100; y < 104; ++y)
    for (int x = 50; x < 350; ++x) pixSetPixel(grey.get(), x, y, 40);
  // An outlined 0, 12 x 18 px, strokes 2 px, grey 160.
  for (int y = 200; y < 218; ++y)
    for (int x = 100; x < 112; ++x)
      if (x < 102 || x >= 110 || y < 202 || y >= 216) pixSetPixel(grey.get(), x, y, 160);
  // A faint dot of dust, the same grey.
  for (int y = 200; y < 203; ++y)
    for (int x = 300; x < 303; ++x) pixSetPixel(grey.get(), x, y, 160);
  PixPtr bin = Binarize(grey.get(), 200);
  ASSERT_TRUE(bin);
  EXPECT_GT(InkIn(bin.get(), 98, 198, 16, 22), 40);  // the faint 0, whole
  EXPECT_GT(InkIn(bin.get(), 50, 100, 300, 4), 1000);
  EXPECT_EQ(InkIn(bin.get(), 298, 198, 8, 8), 0);    // the dust is not a glyph
}

TEST(PageCleaner, RemovesDarkEdgesKeepsFrames) {
  PixPtr bin = Blank(400, 400, 1);
  Fill(bin.get(), 0, 0, 30, 400);         // scanner lid shadow
  Rect(bin.get(), 40, 40, 320, 359, 3);   // a frame reaching the bottom edge
  Fill(bin.get(), 100, 100, 20, 20);      // ink inside
  RemoveDarkEdges(bin.get());
  EXPECT_EQ(GreyAt(bin.get(), 10, 200), 0u);
  EXPECT_EQ(GreyAt(bin.get(), 40, 200), 1u);
  EXPECT_EQ(GreyAt(bin.get(), 110, 110), 1u);
  RemoveDarkEdges(nullptr);  // no crash
}

// A phone photo: the desk binarised white, the sheet's edge left as a thin
// outline just inside the image. It goes; the table's frame, with its
// rulings, stays — also when it comes as close to the border as the sheet.
TEST(PageCleaner, RemovesTheSheetsOutlineKeepsTheTable) {
  PixPtr bin = Blank(1000, 1400, 1);
  Rect(bin.get(), 12, 20, 975, 1370, 4);   // the sheet's edge
  Rect(bin.get(), 100, 120, 800, 1100, 3);  // the table, with a ruling inside
  Line(bin.get(), 100, 600, 900, 600, 3);
  RemoveDarkEdges(bin.get());
  EXPECT_EQ(GreyAt(bin.get(), 13, 700), 0u);
  EXPECT_EQ(GreyAt(bin.get(), 500, 21), 0u);
  EXPECT_EQ(GreyAt(bin.get(), 101, 300), 1u);
  EXPECT_EQ(GreyAt(bin.get(), 500, 601), 1u);
  PixPtr tight = Blank(1000, 1400, 1);
  Rect(tight.get(), 12, 20, 975, 1370, 4);  // a photo cropped to the table's frame
  Line(tight.get(), 12, 600, 987, 600, 3);
  RemoveDarkEdges(tight.get());
  EXPECT_EQ(GreyAt(tight.get(), 13, 700), 1u);
}

// A page with a ruled table and rows of glyph-like text, at 300 dpi.
PixPtr DrawFormPage(int w, int h) {
  PixPtr page = Blank(w, h, 8);
  int x0 = 200, x1 = w - 200, y = 300;
  int cols[] = {x0, x0 + 400, x0 + 1050, x0 + 1450, x1};
  for (int row = 0; row < 12; ++row) {
    Line(page.get(), x0, y, x1, y, 3);
    for (int c : cols) Line(page.get(), c, y, c, y + 150, 3);
    for (int c = 0; c < 4; ++c)
      for (int k = 0; k < 5; ++k) Glyph(page.get(), cols[c] + 20 + k * 50, y + 50, 40, 4);
    y += 150;
  }
  Line(page.get(), x0, y, x1, y, 3);
  return page;
}

TEST(PageCleaner, CorrectsSkew) {
  PixPtr page = DrawFormPage(2480, 3300);
  PixPtr skewed = AdoptPix(pixRotate(page.get(), 1.5f * M_PI / 180, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  CleanPage clean;
  ASSERT_TRUE(CleanPageImage(skewed.get(), 300, &clean).ok());
  EXPECT_NEAR(std::fabs(clean.skew_degrees), 1.5, 0.3);
  EXPECT_EQ(clean.rotation, 0);
  EXPECT_EQ(clean.dpi, 300);
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(clean.binary.get(), clean.dpi, &grid).ok());
  ASSERT_EQ(grid.rows.size(), 12u);
  for (const GridRow& r : grid.rows) EXPECT_EQ(r.cells.size(), 4u);
}

// The page as a phone sees it from below its bottom edge: the table's top
// corners pulled inwards by `pull` pixels and down a little.
PixPtr Keystoned(PIX* page, int pull) {
  // Upright table corners (DrawFormPage) and where the photo shows them.
  Quad upright, photo;
  double xs[4] = {200, 2280, 2280, 200}, ys[4] = {300, 300, 2100, 2100};
  for (int i = 0; i < 4; ++i) {
    upright.x[i] = photo.x[i] = xs[i];
    upright.y[i] = photo.y[i] = ys[i];
  }
  photo.x[0] += pull, photo.x[1] -= pull, photo.y[0] += pull / 3, photo.y[1] += pull / 3;
  PTA* dst = ptaCreate(4);
  PTA* src = ptaCreate(4);
  for (int i = 0; i < 4; ++i) {
    ptaAddPt(dst, photo.x[i], photo.y[i]);
    ptaAddPt(src, upright.x[i], upright.y[i]);
  }
  PixPtr out = AdoptPix(pixProjectivePta(page, dst, src, L_BRING_IN_WHITE));
  ptaDestroy(&dst);
  ptaDestroy(&src);
  pixSetResolution(out.get(), 300, 300);
  return out;
}

TEST(Keystone, FindsTheFrameAndStraightensAPhoto) {
  PixPtr page = DrawFormPage(2480, 3300);
  PixPtr photo = Keystoned(page.get(), 60);
  PixPtr bin = Binarize(photo.get(), 300);
  Quad frame;
  ASSERT_TRUE(FindTableFrame(bin.get(), 300, &frame));
  EXPECT_NEAR(frame.x[0], 260, 5);
  EXPECT_NEAR(frame.y[0], 320, 5);
  EXPECT_NEAR(frame.x[2], 2280, 5);
  EXPECT_NEAR(frame.y[2], 2100, 5);
  EXPECT_GT(KeystoneDistance(frame), 25);  // half the pull: the target rectangle takes the mean

  CleanPage clean;
  ASSERT_TRUE(CleanPageImage(photo.get(), 300, &clean).ok());
  EXPECT_GT(clean.keystone_px, 25);
  Quad after;
  ASSERT_TRUE(FindTableFrame(clean.binary.get(), 300, &after));
  EXPECT_LT(KeystoneDistance(after), 4);
  // Straightened, every column boundary is one x again from top to bottom.
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(clean.binary.get(), clean.dpi, &grid).ok());
  ASSERT_EQ(grid.rows.size(), 12u);
  for (const GridRow& r : grid.rows) {
    ASSERT_EQ(r.cells.size(), 4u);
    EXPECT_NEAR(r.cells[1].x, grid.rows[0].cells[1].x, 4);
    EXPECT_NEAR(r.cells[3].x, grid.rows[0].cells[3].x, 4);
  }
}

TEST(Keystone, LeavesStraightPagesAndNonFramesAlone) {
  PixPtr page = DrawFormPage(2480, 3300);
  CleanPage clean;
  ASSERT_TRUE(CleanPageImage(page.get(), 300, &clean).ok());
  EXPECT_EQ(clean.keystone_px, 0);
  // A straight frame: nothing to do.
  Quad frame;
  PixPtr bin = Binarize(page.get(), 300);
  ASSERT_TRUE(FindTableFrame(bin.get(), 300, &frame));
  EXPECT_LT(KeystoneDistance(frame), 3);
  EXPECT_EQ(StraightenKeystone(page.get(), frame, 300), nullptr);
  // Rulings that do not close a frame (no right side, no bottom) are not
  // taken for one.
  PixPtr open = Blank(2480, 3300, 1);
  Line(open.get(), 200, 300, 2280, 300, 3);
  Line(open.get(), 200, 300, 200, 2100, 3);
  Line(open.get(), 200, 1200, 1800, 2000, 3);
  EXPECT_FALSE(FindTableFrame(open.get(), 300, &frame));
  // A frame found wrongly (one corner far off) is not applied.
  Quad wild = frame;
  wild.x[1] -= 400;
  EXPECT_EQ(StraightenKeystone(page.get(), wild, 300), nullptr);
  EXPECT_FALSE(FindTableFrame(nullptr, 300, &frame));
}

TEST(PageCleaner, RescalesAndRejectsTinyImages) {
  PixPtr wide = Blank(1200, 800, 8);
  CleanPage clean;
  ASSERT_TRUE(CleanPageImage(wide.get(), 150, &clean).ok());
  EXPECT_EQ(clean.rotation, 0);  // which way is up needs text: the reader's call
  EXPECT_EQ(clean.dpi, 300);     // 150 dpi is scaled up
  EXPECT_EQ(pixGetWidth(clean.grey.get()), 2400);
  PixPtr big = Blank(1000, 1400, 8);
  ASSERT_TRUE(CleanPageImage(big.get(), 600, &clean).ok());
  EXPECT_EQ(clean.dpi, 300);
  EXPECT_EQ(pixGetWidth(clean.binary.get()), 500);
  // No resolution at all: the short side taken as A4's width.
  PixPtr unknown = Blank(1654, 2339, 8);
  pixSetResolution(unknown.get(), 1, 1);  // implausible: unknown
  ASSERT_TRUE(CleanPageImage(unknown.get(), 0, &clean).ok());
  EXPECT_EQ(clean.dpi, 200);
  PixPtr sideways = Blank(2339, 1654, 8);
  pixSetResolution(sideways.get(), 1, 1);
  ASSERT_TRUE(CleanPageImage(sideways.get(), 0, &clean).ok());
  EXPECT_EQ(clean.dpi, 200);
  PixPtr tiny = Blank(100, 50, 8);
  Status s = CleanPageImage(tiny.get(), 300, &clean);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("过小"), std::string::npos);
  EXPECT_EQ(CleanPageImage(nullptr, 300, &clean).code(), Status::Code::kInvalidArgument);
}

TEST(PageCleaner, RotatePageTurnsBothImages) {
  PixPtr page = Blank(400, 600, 8);
  Fill(page.get(), 10, 10, 50, 50);
  CleanPage clean;
  ASSERT_TRUE(CleanPageImage(page.get(), 300, &clean).ok());
  EXPECT_LT(GreyAt(clean.grey.get(), 30, 30), 100u);
  RotatePage(&clean, 180);
  EXPECT_EQ(clean.rotation, 180);
  EXPECT_LT(GreyAt(clean.grey.get(), 400 - 31, 600 - 31), 100u);
  EXPECT_EQ(GreyAt(clean.binary.get(), 400 - 31, 600 - 31), 1u);
  EXPECT_EQ(GreyAt(clean.binary.get(), 30, 30), 0u);
  RotatePage(&clean, 90);  // a quarter turn clockwise: the page lies on its side
  EXPECT_EQ(clean.rotation, 270);
  EXPECT_EQ(pixGetWidth(clean.grey.get()), 600);
  EXPECT_EQ(pixGetHeight(clean.binary.get()), 400);
  RotatePage(&clean, 0);
  EXPECT_EQ(clean.rotation, 270);
}

// ---------------------------------------------------------------- grid

TEST(TableGrid, RowsWithTheirOwnColumnsAndFullWidthCells) {
  PixPtr bin = Blank(2000, 1400, 1);
  // Row 0: a section header spanning the table. Rows 1-2: four columns,
  // with the second row's columns dragged elsewhere. Row 3: label + wide value.
  int ys[] = {100, 220, 420, 600, 800};
  for (int y : ys) Line(bin.get(), 100, y, 1900, y, 3);
  Line(bin.get(), 100, 100, 100, 800, 3);
  Line(bin.get(), 1900, 100, 1900, 800, 3);
  for (int x : {400, 1000, 1300}) Line(bin.get(), x, 220, x, 420, 3);
  for (int x : {500, 1100, 1450}) Line(bin.get(), x, 420, x, 600, 3);
  Line(bin.get(), 400, 600, 400, 800, 3);
  // An underline inside a cell and under the title is no ruling.
  Line(bin.get(), 1350, 560, 1700, 560, 3);
  Line(bin.get(), 100, 60, 700, 60, 3);
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(bin.get(), 300, &grid).ok());
  ASSERT_EQ(grid.rows.size(), 4u);
  EXPECT_EQ(grid.rows[0].cells.size(), 1u);
  ASSERT_EQ(grid.rows[1].cells.size(), 4u);
  ASSERT_EQ(grid.rows[2].cells.size(), 4u);
  EXPECT_EQ(grid.rows[3].cells.size(), 2u);
  EXPECT_NEAR(grid.rows[1].cells[1].x, 400, 4);
  EXPECT_NEAR(grid.rows[2].cells[1].x, 500, 4);
  EXPECT_NEAR(grid.rows[2].cells[3].x + grid.rows[2].cells[3].w, 1900, 4);
  EXPECT_NEAR(grid.rows[3].cells[1].w, 1500, 6);
  EXPECT_NEAR(grid.rows[2].h, 180, 4);
  EXPECT_NEAR(grid.left, 100, 4);
  EXPECT_NEAR(grid.right, 1900, 4);
  EXPECT_FALSE(grid.cut_at_bottom);
  EXPECT_FALSE(grid.cut_at_top);
  EXPECT_GE(grid.line_width, 1);
}

TEST(TableGrid, MergesCellsWithoutARulingBetween) {
  PixPtr bin = Blank(1600, 1000, 1);
  // A label cell spanning two rows: the middle ruling stops at its right edge.
  Line(bin.get(), 100, 100, 1500, 100, 3);
  Line(bin.get(), 500, 300, 1500, 300, 3);
  Line(bin.get(), 100, 500, 1500, 500, 3);
  for (int x : {100, 500, 1500}) Line(bin.get(), x, 100, x, 500, 3);
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(bin.get(), 300, &grid).ok());
  ASSERT_EQ(grid.rows.size(), 2u);
  ASSERT_EQ(grid.rows[0].cells.size(), 2u);
  EXPECT_EQ(grid.rows[0].cells[0].rows, 2);
  EXPECT_NEAR(grid.rows[0].cells[0].h, 400, 4);
  ASSERT_EQ(grid.rows[1].cells.size(), 1u);  // only the value cell is new
  EXPECT_NEAR(grid.rows[1].cells[0].x, 500, 4);
}

TEST(TableGrid, TableCutByThePageBreak) {
  PixPtr bin = Blank(1600, 1000, 1);
  // The last row runs off the page: no bottom ruling, columns to the edge.
  for (int y : {100, 300}) Line(bin.get(), 100, y, 1500, y, 3);
  for (int x : {100, 500, 1500}) Line(bin.get(), x, 100, x, 999, 3);
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(bin.get(), 300, &grid).ok());
  EXPECT_TRUE(grid.cut_at_bottom);
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_GT(grid.rows[1].h, 600);
  // And a table continued from the previous page: columns from the top.
  PixPtr top = Blank(1600, 1000, 1);
  for (int y : {400, 700}) Line(top.get(), 100, y, 1500, y, 3);
  for (int x : {100, 500, 1500}) Line(top.get(), x, 0, x, 700, 3);
  ASSERT_TRUE(FindTableGrid(top.get(), 300, &grid).ok());
  EXPECT_TRUE(grid.cut_at_top);
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_LT(grid.rows[0].y, 10);
}

// A bold heading blurred by the scan: its glyphs' horizontal strokes touch
// into a run longer than any glyph, as long as a short ruling. It lies
// inside its row, not on a grid line: WithoutRulings leaves it in the cell,
// and takes out the table's own rulings.
TEST(TableGrid, WithoutRulingsKeepsALongStrokeInsideARow) {
  PixPtr bin = Blank(1600, 800, 1);
  for (int y : {100, 300, 500}) Line(bin.get(), 100, y, 1500, y, 3);
  for (int x : {100, 1500}) Line(bin.get(), x, 100, x, 500, 3);
  Line(bin.get(), 600, 300, 600, 500, 3);
  for (int k = 0; k < 8; ++k) Glyph(bin.get(), 200 + k * 44, 170, 40, 5);
  Line(bin.get(), 200, 190, 550, 190, 5);  // the touching strokes: 350 px at 300 dpi
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(bin.get(), 300, &grid).ok());
  ASSERT_EQ(grid.rows.size(), 2u);
  EXPECT_GE(350, RulingLength(300, true));
  PixPtr text = WithoutRulings(bin.get(), grid);
  ASSERT_TRUE(text);
  l_uint32 v = 0;
  pixGetPixel(text.get(), 400, 190, &v);
  EXPECT_EQ(v, 1u) << "the heading's stroke was taken for a ruling";
  pixGetPixel(text.get(), 1000, 300, &v);
  EXPECT_EQ(v, 0u) << "a table ruling is left";
  pixGetPixel(text.get(), 600, 400, &v);
  EXPECT_EQ(v, 0u) << "a column ruling is left";
  CellInk ink = AnalyzeCell(text.get(), grid.rows[0].cells[0], grid.line_width, 300);
  EXPECT_EQ(ink.lines.size(), 1u);
}

TEST(TableGrid, NoTableAndBadInput) {
  PixPtr bin = Blank(800, 800, 1);
  for (int k = 0; k < 10; ++k) Glyph(bin.get(), 100 + k * 50, 100, 40);
  TableGrid grid;
  ASSERT_TRUE(FindTableGrid(bin.get(), 300, &grid).ok());
  EXPECT_TRUE(grid.empty());
  PixPtr tiny = Blank(5, 5, 1);
  ASSERT_TRUE(FindTableGrid(tiny.get(), 300, &grid).ok());
  EXPECT_TRUE(grid.empty());
  PixPtr grey = Blank(100, 100, 8);
  EXPECT_EQ(FindTableGrid(grey.get(), 300, &grid).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(FindTableGrid(nullptr, 300, &grid).code(), Status::Code::kInvalidArgument);
}

// ---------------------------------------------------------------- cells

TEST(CellImage, InkLinesCropsAndPng) {
  PixPtr bin = Blank(900, 300, 1);
  Rect(bin.get(), 50, 50, 800, 200, 3);
  for (int k = 0; k < 6; ++k) Glyph(bin.get(), 80 + k * 50, 70, 40);
  for (int k = 0; k < 3; ++k) Glyph(bin.get(), 80 + k * 50, 150, 40);
  CellBox box{50, 50, 800, 200, 1};
  CellInk ink = AnalyzeCell(bin.get(), box, 3, 300);
  ASSERT_FALSE(ink.blank());
  EXPECT_EQ(ink.lines.size(), 2u);
  EXPECT_NEAR(ink.ink.x, 80, 3);
  EXPECT_NEAR(ink.ink.y, 70, 3);
  EXPECT_GE(ink.stroke_width, 2);
  int ox = 0, oy = 0;
  PixPtr crop = CropForOcr(ink, nullptr, &ox, &oy);
  ASSERT_TRUE(crop);
  EXPECT_EQ(pixGetDepth(crop.get()), 1);
  EXPECT_LT(ox, 80);
  EXPECT_LT(oy, 70);
  PixPtr grey = Blank(900, 300, 8);
  PixPtr gcrop = CropForOcr(ink, grey.get(), &ox, &oy);
  ASSERT_TRUE(gcrop);
  EXPECT_EQ(pixGetDepth(gcrop.get()), 8);
  std::string png = CellPng(grey.get(), box, 300);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  PixPtr back = AdoptPix(pixReadMem(reinterpret_cast<const l_uint8*>(png.data()), png.size()));
  ASSERT_TRUE(back);
  EXPECT_NEAR(pixGetWidth(back.get()), 400, 2);  // 150 dpi
  EXPECT_EQ(CellPng(nullptr, box, 300), "");
}

TEST(CellImage, RulingRemnantsAndSpecksAreBlank) {
  PixPtr bin = Blank(600, 300, 1);
  Rect(bin.get(), 50, 50, 500, 200, 6);  // thick rulings leave remnants inside the inset
  pixSetPixel(bin.get(), 300, 150, 1);    // a speck
  CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 50, 500, 200, 1}, 3, 300);
  EXPECT_TRUE(ink.blank());
  int ox, oy;
  EXPECT_FALSE(CropForOcr(ink, nullptr, &ox, &oy));
  // A degenerate box.
  CellInk none = AnalyzeCell(bin.get(), CellBox{10, 10, 5, 5, 1}, 3, 300);
  EXPECT_TRUE(none.blank());
}

// Text written close to a ruling (a photo at 216 dpi, a cramped Word cell):
// the left stroke of the first glyph, as tall as most of the cell, is not a
// ruling remnant — with the ruling itself present or already taken out.
TEST(CellImage, GlyphStrokeNearTheRulingIsKept) {
  for (bool ruling_removed : {false, true}) {
    PixPtr bin = Blank(600, 120, 1);
    if (!ruling_removed) Rect(bin.get(), 50, 30, 500, 60, 3);
    // 甘-like: a tall left stroke 6 px inside the left ruling, then a glyph.
    Line(bin.get(), 58, 36, 58, 84, 3);
    Line(bin.get(), 58, 60, 80, 60, 3);
    Glyph(bin.get(), 90, 40, 40);
    CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 30, 500, 60, 1}, 3, 216);
    ASSERT_FALSE(ink.blank()) << ruling_removed;
    EXPECT_LE(ink.inner.x, 57) << ruling_removed;
    EXPECT_LE(ink.ink.x, 57) << ruling_removed;
  }
  // A blurred photo joins the stroke to the ruling: the ruling is no
  // thicker than a ruling, the rest is the glyph's.
  PixPtr bin = Blank(600, 120, 1);
  Rect(bin.get(), 50, 30, 500, 60, 3);
  Fill(bin.get(), 50, 36, 8, 48);
  Line(bin.get(), 56, 60, 80, 60, 3);  // 甘's crossbar from the joined stroke
  Glyph(bin.get(), 90, 40, 40);
  CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 30, 500, 60, 1}, 3, 216);
  ASSERT_FALSE(ink.blank());
  EXPECT_LE(ink.ink.x, 57);
}

// A sentence's final 。 printed too faint for the binarisation: the grey
// image still shows it, and the OCR crop takes it in. A dark speck the
// binarisation left out on purpose stays out, and so does faint ink right
// of a short value.
TEST(CellImage, AFaintFullStopAfterASentenceIsKeptForTheOcr) {
  auto draw = [](int stop_grey, int glyphs, PixPtr* bin, PixPtr* grey) {
    *bin = Blank(900, 120, 1);
    *grey = Blank(900, 120, 8);
    pixSetAll(grey->get());  // white paper
    for (int k = 0; k < glyphs; ++k) {
      Glyph(bin->get(), 70 + k * 50, 40, 40);
      pixRasterop(grey->get(), 70 + k * 50, 40, 40, 40, PIX_CLR, nullptr, 0, 0);  // solid dark glyph
    }
    const int x = 70 + glyphs * 50 + 4;
    for (int y = 68; y < 78; ++y)
      for (int dx = 0; dx < 10; ++dx) pixSetPixel(grey->get(), x + dx, y, stop_grey);
    return x;
  };
  PixPtr bin, grey;
  for (int stop_grey : {180, 0}) {
    for (int glyphs : {8, 2}) {
      const int stop_x = draw(stop_grey, glyphs, &bin, &grey);
      CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 20, 800, 80, 1}, 3, 300);
      ASSERT_FALSE(ink.blank());
      int ox = 0, oy = 0;
      PixPtr crop = CropForOcr(ink, grey.get(), &ox, &oy);
      ASSERT_TRUE(crop);
      // The grey of the stop inside the crop, if the crop reaches it.
      l_uint32 v = 255;
      const int cx = stop_x + 5 - ox, cy = 72 - oy;
      if (cx < pixGetWidth(crop.get())) pixGetPixel(crop.get(), cx, cy, &v);
      const bool kept = stop_grey == 180 && glyphs == 8;
      EXPECT_EQ(v < 255, kept) << "stop grey " << stop_grey << ", " << glyphs << " glyphs, value " << v;
    }
  }
}

// Dust far from a short value (2年 … ·) is no part of it: the ink box stops
// at the text and the crop for the OCR holds no speck to read as a
// character (2年5). A full stop right after the text stays.
TEST(CellImage, ASpeckFarFromTheTextIsErased) {
  PixPtr bin = Blank(900, 160, 1);
  Rect(bin.get(), 50, 20, 800, 100, 3);
  Glyph(bin.get(), 80, 50, 40);
  Glyph(bin.get(), 130, 50, 40);
  Fill(bin.get(), 176, 84, 6, 6);   // a full stop touching the text
  Fill(bin.get(), 600, 86, 6, 6);   // dust, ten glyphs away
  CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 20, 800, 100, 1}, 3, 300);
  ASSERT_FALSE(ink.blank());
  EXPECT_LT(ink.ink.x + ink.ink.w, 200);
  EXPECT_GE(ink.ink.x + ink.ink.w, 182);  // the full stop is kept
  ASSERT_TRUE(ink.clean);
  l_uint32 v = 0;
  pixGetPixel(ink.clean.get(), 600 - ink.inner.x + 3, 86 - ink.inner.y + 3, &v);
  EXPECT_EQ(v, 0u);
  pixGetPixel(ink.clean.get(), 176 - ink.inner.x + 3, 84 - ink.inner.y + 3, &v);
  EXPECT_EQ(v, 1u);
  // A cell of specks alone keeps them (they are judged blank or not as before).
  PixPtr dots = Blank(900, 160, 1);
  for (int k = 0; k < 3; ++k) Fill(dots.get(), 100 + k * 300, 60, 6, 6);
  CellInk only = AnalyzeCell(dots.get(), CellBox{50, 20, 800, 100, 1}, 3, 300);
  ASSERT_TRUE(only.clean);
  pixGetPixel(only.clean.get(), 400 - only.inner.x + 3, 60 - only.inner.y + 3, &v);
  EXPECT_EQ(v, 1u);
}

// A short mark half a glyph or more above the text (a scratch) is no line of
// its own and does not join the text's line: the line stays a glyph high.
// A mark close under the text (an underline) joins it.
TEST(CellImage, AStrayMarkAwayFromTheTextIsNoLine) {
  PixPtr bin = Blank(900, 200, 1);
  Rect(bin.get(), 50, 20, 800, 160, 3);
  for (int k = 0; k < 4; ++k) Glyph(bin.get(), 80 + k * 50, 100, 40);
  Fill(bin.get(), 300, 50, 30, 6);  // a scratch 44 px (1.1 glyphs) above
  CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 20, 800, 160, 1}, 3, 300);
  ASSERT_EQ(ink.lines.size(), 1u);
  EXPECT_GE(ink.lines[0].y, 95);
  EXPECT_LE(ink.lines[0].h, 50);
  PixPtr under = Blank(900, 200, 1);
  Rect(under.get(), 50, 20, 800, 160, 3);
  for (int k = 0; k < 4; ++k) Glyph(under.get(), 80 + k * 50, 60, 40);
  Fill(under.get(), 80, 106, 190, 3);  // an underline 5 px below
  CellInk underlined = AnalyzeCell(under.get(), CellBox{50, 20, 800, 160, 1}, 3, 300);
  ASSERT_EQ(underlined.lines.size(), 1u);
  EXPECT_GE(underlined.lines[0].y + underlined.lines[0].h, 108);
}

TEST(CellImage, AGlyphTheBinarisationLostBesideKeptOnesIsInTheOcrCrop) {
  // Five glyphs on the grey page; the binarisation kept all but the second
  // (a faint 5 of 58300) — and, far right, a speck of grey with no kept ink
  // near it.
  PixPtr bin = Blank(900, 120, 1), grey = Blank(900, 120, 8);
  pixSetAll(grey.get());
  for (int k = 0; k < 5; ++k) {
    const int x = 100 + k * 34;  // digits: 30 wide, 4 apart, 40 high
    pixRasterop(grey.get(), x, 40, 30, 40, PIX_CLR, nullptr, 0, 0);
    if (k != 1) Glyph(bin.get(), x, 40, 40);
  }
  pixRasterop(grey.get(), 700, 50, 20, 20, PIX_CLR, nullptr, 0, 0);
  CellInk ink = AnalyzeCell(bin.get(), CellBox{50, 20, 800, 80, 1}, 3, 300);
  ASSERT_FALSE(ink.blank());
  int ox = 0, oy = 0;
  PixPtr crop = CropForOcr(ink, grey.get(), &ox, &oy);
  ASSERT_TRUE(crop);
  ASSERT_EQ(pixGetDepth(crop.get()), 8);
  l_uint32 lost = 255;
  pixGetPixel(crop.get(), 100 + 34 + 15 - ox, 60 - oy, &lost);
  EXPECT_LT(lost, 128u) << "the lost glyph's ink is kept for the OCR";
  l_uint32 speck = 0;
  if (700 + 10 - ox < pixGetWidth(crop.get())) pixGetPixel(crop.get(), 700 + 10 - ox, 60 - oy, &speck);
  else speck = 255;
  EXPECT_EQ(speck, 255u) << "grey far from any kept ink stays out";
}

TEST(CellImage, FewestDigitsShownCountsTouchingDigitsByWidth) {
  auto cell = [](int digits, int gap, int lines) {
    PixPtr bin = Blank(900, 200, 1);
    for (int line = 0; line < lines; ++line)
      for (int k = 0; k < digits; ++k) pixRasterop(bin.get(), 100 + k * (28 + gap), 40 + line * 70, 28, 40, PIX_SET, nullptr, 0, 0);
    return AnalyzeCell(bin.get(), CellBox{50, 20, 800, 160, 1}, 3, 300);
  };
  EXPECT_EQ(FewestDigitsShown(cell(3, 8, 1)), 3) << "three digits apart";
  // Five blurred digits touching (an advance of 0.7 line heights, as printed): one component, as wide as five.
  EXPECT_GE(FewestDigitsShown(cell(5, 0, 1)), 4);
  EXPECT_LE(FewestDigitsShown(cell(5, 0, 1)), 5);
  EXPECT_EQ(FewestDigitsShown(cell(4, 8, 2)), 0) << "a multi-line cell is no amount";
  EXPECT_EQ(FewestDigitsShown(cell(0, 0, 1)), 0);
}

// ---------------------------------------------------------------- checkboxes

enum class Mark { kNone, kTick, kTickTouching, kCross, kFilled, kText };

struct DrawnGroup {
  PixPtr page;
  CellBox box;
  OcrResult ocr;  // what an OCR would give: the option characters with boxes, brackets
};

// Draws a checkbox group: options (as glyph blobs, one per character) each
// followed by （ ）, `per_line` options a line, with marks as asked.
DrawnGroup DrawGroup(const std::vector<std::string>& options, const std::vector<Mark>& marks, int per_line,
                     bool ocr_knows_labels = true) {
  DrawnGroup g;
  const int s = 40, advance = 48, bh = 46;
  g.page = Blank(1400, 120 + 70 * ((options.size() + per_line - 1) / per_line), 1);
  g.box = CellBox{20, 20, 1360, pixGetHeight(g.page.get()) - 40, 1};
  Rect(g.page.get(), g.box.x, g.box.y, g.box.w, g.box.h, 3);
  int line = 0, x = 50, y = 60;
  std::string text;
  for (size_t k = 0; k < options.size(); ++k) {
    if (k > 0 && k % per_line == 0) {
      ++line;
      x = 50;
      y += 70;
      text += "\n";
    }
    std::u32string chars;
    for (size_t i = 0; i < options[k].size();) {
      unsigned char c = options[k][i];
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      Glyph(g.page.get(), x, y, s);
      if (ocr_knows_labels) {
        OcrWord w;
        w.text = options[k].substr(i, len);
        w.box = Box{double(x), double(y), double(s), double(s)};
        w.line = line;
        g.ocr.symbols.push_back(w);
      }
      i += len;
      x += advance;
    }
    text += ocr_knows_labels ? options[k] : std::string("某");
    int open_x = x + 6, close_x = x + 70;
    Bracket(g.page.get(), open_x, y - 3, bh, true);
    Bracket(g.page.get(), close_x, y - 3, bh, false);
    Mark m = k < marks.size() ? marks[k] : Mark::kNone;
    switch (m) {
      case Mark::kNone: text += "( )"; break;
      case Mark::kTick: Tick(g.page.get(), open_x + 20, y + 6, 30); text += "(V)"; break;
      // A big tick running into both brackets: one blob.
      case Mark::kTickTouching: Tick(g.page.get(), open_x + 4, y + 2, 72, 5); text += "(人)"; break;
      case Mark::kCross: Cross(g.page.get(), open_x + 20, y + 8, 30); text += "(X)"; break;
      case Mark::kFilled: Fill(g.page.get(), open_x + 22, y + 10, 26, 26); text += "(■)"; break;
      case Mark::kText:
        Glyph(g.page.get(), open_x + 18, y, 36);
        text += "(融)";
        break;
    }
    x = close_x + 40;
  }
  g.ocr.text = text;
  return g;
}

CheckboxDecision Judge(const DrawnGroup& g, const std::vector<std::string>& options) {
  CellInk ink = AnalyzeCell(g.page.get(), g.box, 3, 300);
  return JudgeCheckboxes(ink, g.ocr, options);
}

// Every checkbox group of the form, each option marked in turn, and none.
TEST(Checkbox, EachOptionOfEachGroupAndNone) {
  const std::vector<std::pair<std::vector<std::string>, int>> groups = {
      {{"是", "否"}, 2},
      {{"已完成核准", "已完成备案", "正在办理", "不涉及"}, 1},
      {{"正在办理", "已取得用地预审", "已取得不动产权证", "不涉及"}, 1},
      {{"已取得", "正在办理", "不涉及"}, 1},
      {{"已认证", "未认证"}, 1},
      {{"股权", "发债", "贷款", "其他"}, 2},
  };
  for (const auto& [options, per_line] : groups) {
    for (size_t k = 0; k <= options.size(); ++k) {
      std::vector<Mark> marks(options.size(), Mark::kNone);
      if (k < options.size()) marks[k] = Mark::kTick;
      CheckboxDecision d = Judge(DrawGroup(options, marks, per_line), options);
      std::vector<std::string> want;
      if (k < options.size()) want.push_back(options[k]);
      EXPECT_EQ(d.marked, want) << options[0] << " option " << k;
      EXPECT_GT(d.confidence, 0.7) << options[0] << " option " << k;
      for (bool l : d.located) EXPECT_TRUE(l);
    }
  }
}

TEST(Checkbox, MarkStyles) {
  const std::vector<std::string> options = {"已取得", "正在办理", "不涉及"};
  for (Mark m : {Mark::kTick, Mark::kTickTouching, Mark::kCross, Mark::kFilled}) {
    CheckboxDecision d = Judge(DrawGroup(options, {Mark::kNone, m, Mark::kNone}, 1), options);
    EXPECT_EQ(d.marked, std::vector<std::string>{"正在办理"}) << static_cast<int>(m);
  }
}

TEST(Checkbox, SeveralMarkedAndTextInOther) {
  const std::vector<std::string> options = {"股权", "发债", "贷款", "其他"};
  CheckboxDecision d = Judge(DrawGroup(options, {Mark::kNone, Mark::kNone, Mark::kTick, Mark::kText}, 2), options);
  EXPECT_EQ(d.marked, (std::vector<std::string>{"贷款", "其他"}));
}

TEST(Checkbox, OcrLostTheLabels) {
  // The OCR read none of the option words: the pairs still go in printed order.
  const std::vector<std::string> options = {"已取得", "正在办理", "不涉及"};
  CheckboxDecision d = Judge(DrawGroup(options, {Mark::kNone, Mark::kNone, Mark::kCross}, 1, false), options);
  EXPECT_EQ(d.marked, std::vector<std::string>{"不涉及"});
}

TEST(Checkbox, PairsShareOneSpan) {
  auto pair = [](int x, int span) {
    BracketPair p;
    p.open = InkBox{x, 10, 8, 28};
    p.close = InkBox{x + span - 8, 10, 8, 28};
    return p;
  };
  EXPECT_TRUE(PairsShareOneSpan({}));
  EXPECT_TRUE(PairsShareOneSpan({pair(0, 45)}));
  EXPECT_TRUE(PairsShareOneSpan({pair(0, 45), pair(150, 46), pair(300, 44), pair(450, 45)}));
  // A glyph's stroke paired with the ） of a lost （: twice the span.
  EXPECT_FALSE(PairsShareOneSpan({pair(0, 45), pair(150, 46), pair(300, 44), pair(400, 96)}));
}

// A light print scanned blurred: the glyphs and the tick are dark, the thin
// brackets light grey, and the page's threshold keeps only the dark. The
// brackets come back from the grey page with the faint strokes, and settle
// the group; the table's rulings around the cell do not come back.
TEST(Checkbox, FaintBracketsComeBackFromTheGreyPage) {
  const std::vector<std::string> options = {"已完成核准", "已完成备案", "正在办理", "不涉及"};
  PixPtr grey = Blank(900, 400, 8);
  PixPtr light = Blank(900, 400, 1);
  CellBox box{20, 20, 860, 360, 1};
  Rect(grey.get(), box.x, box.y, box.w, box.h, 3);
  for (int k = 0; k < 4; ++k) {
    int y = 50 + 80 * k;
    for (int c = 0; c < 4; ++c) Glyph(grey.get(), 50 + 48 * c, y, 40);
    Bracket(light.get(), 250, y - 3, 46, true, 8, 2);
    Bracket(light.get(), 320, y - 3, 46, false, 8, 2);
    if (k == 1) Tick(grey.get(), 270, y + 6, 30);
  }
  pixSetMasked(grey.get(), light.get(), 190);
  PixPtr binary = AdoptPix(pixThresholdToBinary(grey.get(), 128));
  CellInk ink = AnalyzeCell(binary.get(), box, 3, 300);
  ASSERT_EQ(ink.lines.size(), 4u);
  EXPECT_TRUE(FindBracketPairs(ink).empty());
  CheckboxDecision d;
  EXPECT_FALSE(MarksFromPixelsAlone(ink, options, &d));

  CellInk faint = WithFaintStrokes(ink, grey.get());
  EXPECT_EQ(faint.lines.size(), ink.lines.size());
  ASSERT_EQ(FindBracketPairs(faint).size(), 4u);
  ASSERT_TRUE(MarksFromPixelsAlone(faint, options, &d));
  EXPECT_EQ(d.marked, std::vector<std::string>{"已完成备案"});
  // Nothing along the cell's edges: the rulings stayed out.
  l_int32 edge = 0;
  PixPtr left = AdoptPix(pixClipRectangle(faint.clean.get(), BoxPtr(boxCreate(0, 0, 6, ink.inner.h)).get(), nullptr));
  pixCountPixels(left.get(), &edge, nullptr);
  EXPECT_EQ(edge, 0);
  // A blank cell, or no grey page: the ink as it was.
  EXPECT_TRUE(WithFaintStrokes(AnalyzeCell(binary.get(), CellBox{600, 40, 200, 100, 1}, 3, 300), grey.get()).blank());
  CellInk same = WithFaintStrokes(ink, nullptr);
  EXPECT_TRUE(FindBracketPairs(same).empty());
}

TEST(Checkbox, BracketShapesAndBlankCell) {
  DrawnGroup g = DrawGroup({"是", "否"}, {Mark::kTick, Mark::kNone}, 2);
  CellInk ink = AnalyzeCell(g.page.get(), g.box, 3, 300);
  std::vector<BracketPair> pairs = FindBracketPairs(ink);
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_TRUE(pairs[0].marked);
  EXPECT_FALSE(pairs[1].marked);
  EXPECT_LT(pairs[0].open.x, pairs[0].close.x);
  EXPECT_LT(pairs[0].close.x, pairs[1].open.x);
  // Glyphs alone have no brackets.
  PixPtr glyphs = Blank(600, 200, 1);
  for (int k = 0; k < 8; ++k) Glyph(glyphs.get(), 40 + 60 * k, 60, 40);
  CellInk gi = AnalyzeCell(glyphs.get(), CellBox{10, 10, 580, 180, 1}, 3, 300);
  EXPECT_TRUE(FindBracketPairs(gi).empty());
  // A blank cell: nothing marked, nothing located, and sure of it.
  PixPtr blank = Blank(600, 200, 1);
  CellInk bi = AnalyzeCell(blank.get(), CellBox{10, 10, 580, 180, 1}, 3, 300);
  CheckboxDecision d = JudgeCheckboxes(bi, OcrResult(), {"是", "否"});
  EXPECT_TRUE(d.marked.empty());
  EXPECT_GT(d.confidence, 0.8);
}

TEST(Checkbox, MarksFromText) {
  const std::vector<std::string> eia = {"已取得", "正在办理", "不涉及"};
  EXPECT_EQ(MarksFromText("已取得（√）正在办理（ ）不涉及（）", eia).marked, std::vector<std::string>{"已取得"});
  EXPECT_EQ(MarksFromText("已取得( )\n正在办理(V)\n不涉及( )", eia).marked, std::vector<std::string>{"正在办理"});
  EXPECT_EQ(MarksFromText("☑已取得 □正在办理 □不涉及", eia).marked, std::vector<std::string>{"已取得"});
  EXPECT_TRUE(MarksFromText("已取得（ ）正在办理（　）不涉及（）", eia).marked.empty());
  // A misread character of a long option is forgiven.
  EXPECT_EQ(MarksFromText("已取得( )正在办哩(x)不涉及( )", eia).marked, std::vector<std::string>{"正在办理"});
  const std::vector<std::string> ways = {"股权", "发债", "贷款", "其他"};
  EXPECT_EQ(MarksFromText("股权（ ）发债（ ）贷款（√）其他（融资租赁）", ways).marked,
            (std::vector<std::string>{"贷款", "其他"}));
  CheckboxDecision none = MarksFromText("", ways);
  EXPECT_TRUE(none.marked.empty());
  EXPECT_LT(none.confidence, 1.0);
}

}  // namespace
}  // namespace gm::form
