// The committed scan fixtures of tests/form/fixtures/ as documents, for the
// tests that read them (tests/form, tests/batch).
#pragma once

#include <string>

#include "pipeline/core/document.h"
#include "pipeline/core/pix.h"

namespace gm::form::testing {

inline const char kFixtures[] = GREENMINE_SOURCE_DIR "/tests/form/fixtures/";

// A document of one image page, the fixture `name` scanned at `dpi`; the
// image is read when the page is loaded.
inline Document FixtureImageDoc(const std::string& name, int dpi = 200) {
  Document doc;
  doc.format = DocumentFormat::kImage;
  Page page;
  page.dpi = dpi;
  std::string path = std::string(kFixtures) + name;
  page.load_image = [path](PixPtr* pix) {
    *pix = AdoptPix(pixRead(path.c_str()));
    return *pix ? Status::OK() : Status::NotFound("cannot read " + path);
  };
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace gm::form::testing
