// Hand-built records for the emit tests: every field type of fields.tsv,
// findings of each severity, a required field missing, a low-confidence
// value, an unreadable file, statements, and form-cell images drawn with
// Leptonica.
#pragma once

#include <filesystem>
#include <string>

#include "pipeline/core/record.h"
#include "pipeline/core/templates.h"

namespace gm::testing {

// A fresh folder under the system's temporary folder, removed (with its
// contents) when the object goes.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `text` to `path` (test set-up; fails the test on error).
void WriteText(const std::filesystem::path& path, const std::string& text);
std::string ReadText(const std::filesystem::path& path);

// Fields, checklist kinds or any member of two records differ: one
// EXPECT per difference, naming it.
void ExpectSameRecord(const Record& a, const Record& b);

// The repository's templates (fails the test when they cannot be loaded).
const Templates& RepoTemplates();

// A PNG of width x height with a dark frame and `bars` vertical strokes,
// like a scanned form cell.
std::string MakeCellPng(int width, int height, int bars);

// A complete, realistic application: 甘肃陇原绿色矿业有限公司, category
// 4.2.8, with the anomalies listed above.
Record MakeSampleRecord();

// A second, smaller package: another category, no statements (financials
// null), one checklist item missing.
Record MakeSecondRecord();

}  // namespace gm::testing
