// Table layout: placed text (PDF spans, OCR words, spreadsheet cells) cut
// into cells and grouped into rows, the way the statement parser reads a
// table. Internal to extractors/statements.
//
// OCR boxes a word by its own ink, so the words of one table row sit up to
// half a character higher or lower than each other (a tall 资 beside a flat
// 一); rows are grouped by the OCR text line's middle, not each word's.
//
// A cell is a whitespace-free piece of text, folded (FoldText), with its box:
// a span holding a whole table row is cut at its spaces, each piece boxed by
// its share of the span's width. Rows come from text_lines' GroupRows; in a
// row, amounts OCR broke at a separator are joined again.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extractors/statements/statement_parser.h"

namespace gm {

// A cell: a whitespace-free piece of placed text, folded, with its box.
struct Cell {
  std::string text;  // folded
  Box box;
  std::optional<double> number;
  bool plain_integer = false;
  double confidence = 1;  // of the reading it was cut from
  int line = -1;          // of the reading it was cut from
  double center() const { return box.x + box.w / 2; }
  double right() const { return box.x + box.w; }
};

// A row of cells, left to right, with its vertical centre and height (of its first cell).
struct Row {
  std::vector<Cell> cells;
  double center = 0, height = 0;
};

// The rows of a page, top to bottom; empty rows are left out.
std::vector<Row> LayoutRows(const std::vector<PlacedText>& texts);

// Where a second column of labels starts: the right half of a balance
// sheet. Label starts (the first text cell before a row's numbers) are
// clustered; a cluster seen on a quarter of the rows with numbers (three at
// least) that has numbers to its left splits the page into column groups. Indented labels ("其中：") have no
// numbers to their left and split nothing.
std::vector<double> LabelColumnStarts(const std::vector<Row>& rows);

// The column group of x, given the splits of LabelColumnStarts.
size_t GroupOf(double x, const std::vector<double>& splits);

// The text of a row's cells in group `g` when that part holds no amount (a
// line of a label wrapped inside its cell; a stray "-" is ignored); ""
// otherwise.
std::string Fragment(const Row& row, size_t g, const std::vector<double>& splits);

}  // namespace gm
