// statement_dump: what the statement reader sees on the pages of one file —
// each scanned page's OCR words (text, confidence, box) as the reader gets
// them, and the statements it then finds (kind, pages, figures, doubtful
// ones). The quickest way to see why a figure or a statement is lost. Not a
// test: a tool for the statement reader's work.
//
//   statement_dump FILE [--words] [--tops] [--prepared DIR]
//     --words   print every OCR word of each page read whole
//     --rows    print each page's table rows as the parser gets them (cells
//               cut, wrapped and broken amounts joined); text layers too
//     --prepared DIR  write each scanned page as OCR gets it (page_<n>.png)
//     --show-tops     print each scanned page's top as the title search reads it
//     --tops    search at the page tops only, as for a file the classifier
//               did not take for a statement
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "extractors/classify/page_ocr.h"
#include "extractors/document/open_document.h"
#include "extractors/ocr/engine.h"
#include "extractors/ocr/upright_pages.h"
#include "extractors/statements/statement_reader.h"
#include "extractors/statements/table_layout.h"
#include "pipeline/core/limits.h"

namespace {

int Fail(const gm::Status& s) {
  std::fprintf(stderr, "%s\n", s.ToString().c_str());
  return 1;
}

void WritePrepared(const gm::Document& doc, const std::string& folder) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (doc.pages[p].has_text() || !doc.pages[p].load_image) continue;
    gm::PixPtr prepared;
    if (!gm::PreparePageImage(doc.pages[p], {1.0, gm::RedInk::kDrop, true}, &prepared).ok()) continue;
    pixWrite((folder + "/page_" + std::to_string(p + 1) + ".png").c_str(), prepared.get(), IFF_PNG);
  }
}

// Each scanned page's top as the reader's title search reads it.
void PrintTops(const gm::Document& doc, double fraction, gm::OcrEngine* ocr) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (doc.pages[p].has_text() || !doc.pages[p].load_image) continue;
    gm::OcrResult top;
    if (!gm::OcrPage(doc.pages[p], {fraction, gm::RedInk::kDrop, false}, gm::OcrLayout::kSparse, ocr, &top).ok()) continue;
    std::printf("page %zu top:\n%s\n", p + 1, top.text.c_str());
  }
}

void PrintWords(const gm::Document& doc, gm::OcrEngine* ocr) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const gm::Page& page = doc.pages[p];
    if (page.has_text() || !page.load_image) continue;
    gm::OcrResult whole;
    gm::Status s = gm::OcrTablePage(page, {1.0, gm::RedInk::kDrop, true}, ocr, &whole);
    if (!s.ok()) {
      std::printf("page %zu: %s\n", p + 1, s.ToString().c_str());
      continue;
    }
    std::printf("page %zu: confidence %.2f\n", p + 1, whole.confidence);
    int line = -1;
    for (const gm::OcrWord& w : whole.words) {
      if (w.line != line) std::printf("\n  ");
      line = w.line;
      std::printf("%s[%.0f@%.0f,%.0f] ", w.text.c_str(), 100 * w.confidence, w.box.x, w.box.y);
    }
    std::printf("\n");
  }
}

// Each page's rows as the statement parser reads them: a cell's text, with
// its number when it is one, at its left edge.
void PrintRows(const gm::Document& doc, gm::OcrEngine* ocr) {
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const gm::Page& page = doc.pages[p];
    std::vector<gm::PlacedText> texts;
    if (page.has_text()) {
      for (const gm::TextSpan& span : page.text) texts.push_back({span.text, span.box});
    } else if (page.load_image) {
      gm::OcrResult whole;
      if (!gm::OcrTablePage(page, {1.0, gm::RedInk::kDrop, true}, ocr, &whole).ok()) continue;
      for (const gm::OcrWord& w : whole.words) texts.push_back({w.text, w.box, w.confidence, w.line});
    }
    const std::vector<gm::Row> rows = gm::LayoutRows(texts);
    std::printf("page %zu rows; label columns start at", p + 1);
    for (double x : gm::LabelColumnStarts(rows)) std::printf(" %.0f", x);
    std::printf("\n");
    for (const gm::Row& row : rows) {
      std::printf("  %6.0f |", row.center);
      for (const gm::Cell& c : row.cells)
        std::printf(" %s%s@%.0f%s", c.text.c_str(), c.number ? "#" : "", c.box.x, c.confidence < 0.6 ? "?" : "");
      std::printf("\n");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: statement_dump FILE [--words] [--rows] [--tops] [--show-tops] [--prepared DIR]\n");
    return 2;
  }
  setMsgSeverity(L_SEVERITY_NONE);
  bool words = false, tops = false, show_tops = false, rows = false;
  std::string prepared;
  for (int i = 2; i < argc; ++i) {
    words = words || std::string(argv[i]) == "--words";
    rows = rows || std::string(argv[i]) == "--rows";
    tops = tops || std::string(argv[i]) == "--tops";
    show_tops = show_tops || std::string(argv[i]) == "--show-tops";
    if (std::string(argv[i]) == "--prepared" && i + 1 < argc) prepared = argv[++i];
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  gm::InputFile file;
  file.path = argv[1];
  file.bytes = std::make_shared<const std::string>(bytes.str());
  gm::Document doc;
  gm::Status s = gm::OpenDocument(file, 0, gm::Limits(), &doc);
  if (!s.ok()) return Fail(s);
  std::unique_ptr<gm::OcrEngine> ocr;
  if (!(s = gm::OcrEngine::Create("", "chi_sim", &ocr)).ok()) return Fail(s);
  gm::TurnPagesUpright(&doc, ocr.get());  // as the pipeline opens files
  if (!prepared.empty()) WritePrepared(doc, prepared);
  if (words) PrintWords(doc, ocr.get());
  if (rows) PrintRows(doc, ocr.get());
  if (show_tops) {
    gm::Status vs;
    const gm::StatementVocabulary* vocab = gm::StatementVocabulary::Default(&vs);
    if (vocab) PrintTops(doc, vocab->params.title_top_fraction, ocr.get());
  }

  gm::StatementSearch search;
  search.titled_pages_only = tops;
  std::vector<gm::StatementFigures> found;
  if (!(s = gm::ReadStatements(doc, file.path, ocr.get(), search, &found)).ok()) return Fail(s);
  for (const gm::StatementFigures& f : found) {
    std::printf("%s%s year %d unit %s confidence %.2f pages", f.kind.c_str(), f.parent_company ? " (母公司)" : "",
                f.year.value_or(0), f.unit.c_str(), f.confidence);
    for (int p : f.pages) std::printf(" %d", p);
    std::printf("\n");
    for (const auto& [key, wan] : f.wan)
      std::printf("  %-22s %16.4f 万元  page %d%s\n", key.c_str(), wan, f.page_of.count(key) ? f.page_of.at(key) : 0,
                  f.doubtful.count(key) ? "  doubtful" : "");
  }
  return 0;
}
