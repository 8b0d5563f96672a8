// RecordCache: finished records kept under OUT/.cache, keyed by the
// package's content hash and the batch fingerprint (program version,
// templates, OCR engine, blacklist, as-of date). A second run over an
// unchanged inbox reads records instead of re-reading scans; a changed file
// changes the content hash, a changed setting changes the fingerprint, so a
// stale record is never served. The same content dropped twice under two
// names is read once.
//
// Entries are written atomically (temporary file, then rename), so a killed
// run leaves either a whole entry or none.
//
// Thread-safety: Get and Put may be called from several threads at once.
#pragma once

#include <filesystem>
#include <string>

#include "pipeline/core/record.h"
#include "pipeline/core/status.h"
#include "pipeline/core/templates.h"

namespace gm {

class RecordCache {
 public:
  RecordCache(std::filesystem::path dir, std::string fingerprint, const Templates* templates);

  // Fills *out and returns true when a record for this content is cached.
  // The record's package_id and source are the cached package's; the caller
  // sets its own.
  bool Get(const std::string& content_hash, Record* out) const;
  Status Put(const std::string& content_hash, const Record& record) const;

 private:
  std::filesystem::path PathFor(const std::string& content_hash) const;
  std::filesystem::path dir_;
  std::string fingerprint_;
  const Templates* templates_;
};

}  // namespace gm
