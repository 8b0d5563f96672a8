#include "pipeline/batch/record_cache.h"

#include <fstream>
#include <sstream>

#include "pipeline/core/hash.h"
#include "pipeline/emit/atomic_file.h"
#include "pipeline/emit/record_json.h"

namespace gm {

RecordCache::RecordCache(std::filesystem::path dir, std::string fingerprint, const Templates* templates)
    : dir_(std::move(dir)), fingerprint_(std::move(fingerprint)), templates_(templates) {}

std::filesystem::path RecordCache::PathFor(const std::string& content_hash) const {
  return dir_ / (Sha256Hex(content_hash + '\0' + fingerprint_).substr(0, 32) + ".json");
}

bool RecordCache::Get(const std::string& content_hash, Record* out) const {
  std::ifstream in(PathFor(content_hash), std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  Json json = Json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return false;
  if (json.value("_fingerprint", "") != fingerprint_ || json.value("_content_hash", "") != content_hash) return false;
  return RecordFromJson(json, out).ok();
}

Status RecordCache::Put(const std::string& content_hash, const Record& record) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Status::IoError("cannot create " + dir_.string() + ": " + ec.message());
  Json json = RecordToJson(record, *templates_, /*with_provenance=*/true);
  json["_fingerprint"] = fingerprint_;
  json["_content_hash"] = content_hash;
  json["_pages_read"] = record.pages_read;
  return WriteFileAtomically(PathFor(content_hash), json.dump());
}

}  // namespace gm
