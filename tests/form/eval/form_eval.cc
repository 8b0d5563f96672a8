// form_eval: runs FormReader::ReadScanned over the forms of a manifest made
// by eval_forms.py prepare, and writes what it read (raw text, marks,
// confidence) with timings, for eval_forms.py score. Not a test: a
// measuring tool (tests/form/eval/README in eval_forms.py's docstring).
//
//   form_eval MANIFEST.json READINGS.json [ID-substring]
#include <chrono>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "extractors/form/form_reader.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: form_eval MANIFEST.json READINGS.json [ID-substring]\n");
    return 2;
  }
  setMsgSeverity(L_SEVERITY_NONE);
  gm::Templates templates;
  gm::Status s = gm::Templates::Load(gm::Templates::DefaultDir(), &templates);
  std::unique_ptr<gm::FormReader> reader;
  if (s.ok()) s = gm::FormReader::Create(templates, &reader);
  std::unique_ptr<gm::OcrEngine> ocr;
  if (s.ok()) s = gm::OcrEngine::Create("", "chi_sim", &ocr);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::ifstream in(argv[1]);
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_discarded()) return 1;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& entry : manifest) {
    std::string id = entry["id"];
    if (argc > 3 && id.find(argv[3]) == std::string::npos) continue;
    std::vector<gm::Document> docs;
    std::vector<std::string> paths;
    for (const auto& p : entry["pages"]) {
      gm::Document doc;
      doc.format = gm::DocumentFormat::kImage;
      gm::Page page;
      page.dpi = p["dpi"].get<int>() > 0 ? p["dpi"].get<int>() : 0;
      std::string path = p["path"];
      page.load_image = [path](gm::PixPtr* pix) {
        *pix = gm::AdoptPix(pixRead(path.c_str()));
        return *pix ? gm::Status::OK() : gm::Status::Corrupt("cannot read " + path);
      };
      doc.pages.push_back(std::move(page));
      docs.push_back(std::move(doc));
      paths.push_back(p["file"]);
    }
    std::vector<const gm::Document*> ptrs;
    for (const auto& d : docs) ptrs.push_back(&d);
    auto start = std::chrono::steady_clock::now();
    gm::FormReading reading;
    s = reader->ReadScanned(ptrs, paths, ocr.get(), &reading);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (const auto& [key, r] : reading.fields) {
      fields[key] = {{"raw", r.raw}, {"marked", r.marked}, {"is_checkbox", r.is_checkbox}, {"confidence", r.confidence},
                     {"page", r.provenance.page}, {"png_bytes", r.provenance.cell_png.size()}};
    }
    out[id] = {{"status", s.ToString()}, {"ms", ms}, {"pages", entry["pages"].size()}, {"fields", fields}};
    std::fprintf(stderr, "%-50s %6.0f ms %2zu fields %s\n", id.c_str(), ms, reading.fields.size(), s.ToString().c_str());
  }
  std::ofstream(argv[2]) << out.dump(1);
  return 0;
}
