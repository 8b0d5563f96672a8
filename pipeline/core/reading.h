// Reading: what the reader saw for one field of the form, before
// normalization — the raw text, where it came from and how sure the reader is.
// Produced by extractors/form (scans) and by the electronic-form reader
// (docx / text PDF); consumed by pipeline/normalize, which never looks at
// pixels.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/core/record.h"

namespace gm {

struct Reading {
  std::string raw;           // the cell's text as read (UTF-8); empty = blank cell
  // For checkbox groups: the option labels the reader judged marked, in the
  // form's order (e.g. {"已取得"}); empty when none is marked. `raw` then
  // holds the OCR text of the whole group, for the reviewer.
  std::vector<std::string> marked;
  bool is_checkbox = false;
  double confidence = 0.0;   // 0..1
  Provenance provenance;
};

// All readings of one application form, keyed by the field keys of
// fields.tsv. A key is absent when its label was not found at all.
struct FormReading {
  std::map<std::string, Reading> fields;
  std::string source_file;   // the file the form was read from
  std::string method;        // "ocr" | "text"
  double mean_confidence = 0.0;
};

}  // namespace gm
