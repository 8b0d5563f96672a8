// MergeTypedCopy: one application form from its two readings — the stamped
// scan (OCR) and the electronic copy (docx, Word-exported PDF) that many
// applicants send as well.
//
// The stamped scan is the authority where it was read surely; where its
// reading is missing or doubtful (confidence below `sure`) the copy's value is
// taken, and the scan's own findings on that field give way to the copy's.
// Every field where the two differ gets a low_confidence finding saying both
// values, since that is a misread or an edit after signing.
//
// Thread-safety: a pure function.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"

namespace gm {

// REQUIRES: `typed_fields` and `*fields` hold every key of templates.fields()
// (as Normalizer::Normalize leaves them). `findings` are the scan's.
void MergeTypedCopy(const Templates& templates, double sure, const std::map<std::string, FieldValue>& typed_fields,
                    const std::vector<Finding>& typed_findings, std::map<std::string, FieldValue>* fields,
                    std::vector<Finding>* findings);

}  // namespace gm
