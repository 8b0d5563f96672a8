// The contract's output set (../shared/spec/README.md "Output"):
//   OUT/records/<package_id>.json   one record a package
//   OUT/review/<package_id>.xlsx    its review workbook
//   OUT/records.jsonl               every record, one a line
//   OUT/summary.xlsx                the batch summary
// Every file is written atomically (a temporary sibling renamed into place):
// a killed run leaves each output either as it was or complete.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

// The record as the JSON text written to records/<id>.json and, compacted,
// as one line of records.jsonl: RecordToJson without provenance, with every
// hidden or control character (display_text.h) written as a \uXXXX escape,
// so the file cannot reorder or drive what shows it; the values read back
// are exact.
std::string RecordJsonText(const Record& record, const Templates& templates, bool pretty);

// Writes OUT/records/<id>.json and OUT/review/<id>.xlsx for one record,
// creating the two folders when needed.
// REQUIRES: record.package_id is a plain file name (no '/', not "." or "..").
// Returns InvalidArgument for an unusable package id, IoError (path and
// reason) when a file cannot be written.
// Thread-safety: may be called from several threads at once for different
// records.
Status WritePackageOutputs(const Record& record, const Templates& templates, const std::filesystem::path& out_dir);

// Writes OUT/records.jsonl (every record in the given order, one a line) and
// OUT/summary.xlsx. Leaves every other file of OUT alone.
// Thread-safety: one call at a time for a given out_dir.
Status WriteBatchOutputs(const std::vector<Record>& records, const Templates& templates,
                         const std::filesystem::path& out_dir);

// The same, with the summary's rows given apart from the records: one row an
// application when packages are joined into applications (batch/applications.h).
Status WriteBatchOutputs(const std::vector<Record>& records, const std::vector<Record>& summary_rows,
                         const Templates& templates, const std::filesystem::path& out_dir);

}  // namespace gm
