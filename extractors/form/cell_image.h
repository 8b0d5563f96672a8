// CellImage: what is inside one cell of the form's table — the ink left once
// the ruling lines are cut away, its text lines, and the crops handed to the
// OCR and to the review workbook.
//
// Coordinates are page pixels of the CleanPage the cell came from.
// Thread-safety: functions are pure.
#pragma once

#include <string>
#include <vector>

#include "extractors/form/page_cleaner.h"
#include "extractors/form/table_grid.h"

namespace gm::form {

struct InkBox {
  int x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
};

struct CellInk {
  InkBox inner;                 // the cell inside its rulings
  InkBox ink;                   // tight box around the ink; empty when the cell is blank
  std::vector<InkBox> lines;    // text lines, top to bottom (full inner width)
  int ink_pixels = 0;
  int stroke_width = 1;         // typical pen/glyph stroke, in pixels
  PixPtr clean;                 // 1 bpp crop of `inner`, ruling remnants removed; null if the box is degenerate
  bool blank() const { return ink.empty(); }
  // Height of a typical text line (the tallest line when there are several).
  int LineHeight() const;
};

// Finds the ink of `cell` on a 1 bpp page: the box is shrunk inside its
// rulings, remnants of rulings along the edges are dropped, and the rest is
// split into text lines by its row profile.
CellInk AnalyzeCell(PIX* binary, const CellBox& cell, int line_width, int dpi);

// The crop of the cell's ink with a white margin, ready for the OCR;
// `origin_x/y` receive the page position of the crop's (0,0), so that OCR
// boxes can be mapped back. Null for a blank cell. With `grey` (the 8 bpp
// page the cell's binary came from) the crop is grey — Tesseract's LSTM reads
// the faint strokes a threshold loses — with everything away from the
// cell's ink (ruling remnants, specks, paper noise) painted white; without,
// it is the 1 bpp crop of `ink.clean`.
PixPtr CropForOcr(const CellInk& ink, PIX* grey, int* origin_x, int* origin_y);

// The same for one text line of the cell (`line` < ink.lines.size()): the
// line's band, a little widened, across the cell's ink. Multi-line cells are
// read line by line — Tesseract's block layout sometimes drops a line.
PixPtr CropLineForOcr(const CellInk& ink, size_t line, PIX* grey, int* origin_x, int* origin_y);

// The fewest digits a one-line amount cell can show: its ink's width over
// the widest a digit is (0.85 of the line's height; digits are narrower in
// every common face), or the number of its ink components shaped like a
// digit (as tall as half the line, narrower than high) when more. Blurred
// digits touch, so the width counts where components cannot. An OCR reading
// of the amount with fewer digits lost some. 0 for a blank or multi-line cell.
int FewestDigitsShown(const CellInk& ink);

// The cell's ink with the faint strokes the page's binarisation lost —
// the thin brackets of a checkbox group printed light and scanned blurred —
// taken back from `grey` (the 8 bpp page the binary came from): within the
// cell's text lines, what is darker than the cell's own paper by more than
// its noise, in pieces of a fifth of a line or more, and not joined to the
// rulings around the cell. Lines and boxes are the same as `ink`'s; a copy
// of `ink` when it is blank or `grey` is null.
CellInk WithFaintStrokes(const CellInk& ink, PIX* grey);

// A PNG of the cell (its outer box, rulings included) from the grey page,
// scaled to ~150 dpi, for the reviewer. Empty on failure.
std::string CellPng(PIX* grey, const CellBox& cell, int dpi);

}  // namespace gm::form
