// form_dump: prints what ScannedForm reads off the pages of one form — every
// table row, every cell's text, confidence and box — and, with a folder,
// writes each inked cell's review PNG there (cell_<page>_<row>_<col>.png).
// The quickest way to see why a field is lost. Not a test: a tool for the
// form reader's work (see eval_forms.py for the manifest).
//
//   form_dump MANIFEST.json ID-substring [PNG-FOLDER]
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "extractors/form/capital_amount.h"
#include "extractors/form/form_labels.h"
#include "extractors/form/ocr_fixes.h"
#include "extractors/form/reread_rules.h"
#include "extractors/form/scanned_form.h"
#include "extractors/ocr/engine.h"

namespace {

int Fail(const gm::Status& s) {
  std::fprintf(stderr, "%s\n", s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: form_dump MANIFEST.json ID-substring [PNG-FOLDER]\n");
    return 2;
  }
  setMsgSeverity(L_SEVERITY_NONE);
  gm::Templates templates;
  gm::Status s = gm::Templates::Load(gm::Templates::DefaultDir(), &templates);
  gm::form::FormLabels labels;
  gm::form::RereadRules reread;
  gm::form::CapitalAmount capital;
  gm::form::OcrFixes fixes;
  gm::form::SecondLookRules second_look;  // none: the dump shows the first reading
  if (s.ok()) s = gm::form::FormLabels::Load(templates, &labels);
  if (s.ok()) s = gm::form::RereadRules::Load(templates, &reread);
  if (s.ok()) s = gm::form::CapitalAmount::Load(templates, &capital);
  if (s.ok()) s = gm::form::OcrFixes::Load(templates, &fixes);
  std::unique_ptr<gm::OcrEngine> ocr;
  if (s.ok()) s = gm::OcrEngine::Create("", "chi_sim", &ocr);
  if (!s.ok()) return Fail(s);

  std::ifstream in(argv[1]);
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded()) return Fail(gm::Status::Corrupt("cannot parse the manifest"));
  const std::string folder = argc > 3 ? argv[3] : "";
  for (const auto& entry : manifest) {
    if (entry["id"].get<std::string>().find(argv[2]) == std::string::npos) continue;
    gm::form::ScannedPages pages;
    int index = 0;
    for (const auto& p : entry["pages"]) {
      gm::PixPtr pix = gm::AdoptPix(pixRead(p["path"].get<std::string>().c_str()));
      if (!pix) return Fail(gm::Status::Corrupt("cannot read " + p["path"].get<std::string>()));
      pages.emplace_back();
      s = gm::form::ScannedPage::Read(labels, fixes, pix.get(), p["dpi"].get<int>(), p["file"].get<std::string>(),
                                      index++, ocr.get(), &pages.back());
      if (!s.ok()) std::printf("page %d: %s\n", index - 1, s.ToString().c_str());
    }
    gm::form::ScannedForm form(reread, capital, fixes, second_look, ocr.get());
    for (gm::form::ScannedPage* page : gm::form::PagesOf(pages)) form.AddPage(page);
    std::printf("== %s\n", entry["id"].get<std::string>().c_str());
    const auto& rows = form.rows();
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < rows[r].cells.size(); ++c) {
        const gm::form::FormCell& cell = rows[r].cells[c];
        if (cell.blank) continue;
        std::string text = cell.text;
        for (char& ch : text)
          if (ch == '\n') ch = '|';
        std::printf("p%d r%02zu c%zu %.2f [%d,%d %dx%d] %s\n", cell.page, r, c, cell.confidence, cell.x, cell.y,
                    cell.w, cell.h, text.c_str());
        if (folder.empty()) continue;
        std::string png = form.Png(cell);
        if (png.empty()) continue;
        std::string path = folder + "/cell_" + std::to_string(cell.page) + "_" + std::to_string(r) + "_" +
                           std::to_string(c) + ".png";
        std::ofstream(path, std::ios::binary) << png;
      }
    }
  }
  return 0;
}
