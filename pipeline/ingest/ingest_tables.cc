#include "pipeline/ingest/ingest_tables.h"

#include "pipeline/core/templates.h"

namespace gm {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Status IngestTables::Load(const std::filesystem::path& dir, IngestTables* out) {
  IngestTables t;
  TsvTable tsv;
  Status s = LoadTsv(dir / "ingest_containers.tsv", &tsv);
  if (!s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& kind = tsv.Get(row, "kind");
    ContainerKind k;
    if (kind == "archive") k = ContainerKind::kArchive;
    else if (kind == "eml") k = ContainerKind::kEml;
    else if (kind == "pdf") k = ContainerKind::kPdf;
    else if (kind == "document") k = ContainerKind::kDocument;
    else return Status::Corrupt(tsv.Where(row) + ": unknown kind '" + kind + "'");
    t.kinds_.emplace_back(AsciiLower(tsv.Get(row, "extension")), k);
  }
  if ((s = LoadTsv(dir / "ingest_skip.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& match = tsv.Get(row, "match");
    std::string pattern = AsciiLower(tsv.Get(row, "pattern"));
    if (pattern.empty()) return Status::Corrupt(tsv.Where(row) + ": empty pattern");
    if (match == "name") t.junk_names_.push_back(pattern);
    else if (match == "prefix") t.junk_prefixes_.push_back(pattern);
    else if (match == "dir") t.junk_dirs_.push_back(pattern);
    else return Status::Corrupt(tsv.Where(row) + ": unknown match '" + match + "'");
  }
  if ((s = LoadTsv(dir / "ingest_mime_types.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    std::string type = AsciiLower(tsv.Get(row, "content_type"));
    const std::string& action = tsv.Get(row, "action");
    if (action != "file" && action != "skip")
      return Status::Corrupt(tsv.Where(row) + ": unknown action '" + action + "'");
    t.extensions_[type] = tsv.Get(row, "extension");
    t.skip_[type] = action == "skip";
  }
  if ((s = LoadTsv(dir / "ingest_names.tsv", &tsv)); !s.ok()) return s;
  for (const auto& row : tsv.rows) {
    const std::string& key = tsv.Get(row, "key");
    const std::string& value = tsv.Get(row, "value");
    if (value.empty()) return Status::Corrupt(tsv.Where(row) + ": empty value for '" + key + "'");
    if (key == "unnamed_attachment") t.unnamed_attachment_ = value;
    else if (key == "unnamed_member") t.unnamed_member_ = value;
  }
  *out = std::move(t);
  return Status::OK();
}

bool IngestTables::KindByName(std::string_view name, ContainerKind* kind) const {
  std::string lower = AsciiLower(name);
  size_t best = 0;
  for (const auto& [suffix, k] : kinds_) {
    if (suffix.size() > best && lower.size() > suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      best = suffix.size();
      *kind = k;
    }
  }
  return best > 0;
}

bool IngestTables::IsJunk(std::string_view path) const {
  std::string lower = AsciiLower(path);
  size_t start = 0;
  for (;;) {
    size_t slash = lower.find('/', start);
    bool last = slash == std::string::npos;
    std::string_view part = std::string_view(lower).substr(start, last ? std::string::npos : slash - start);
    for (const auto& n : junk_names_)
      if (part == n) return true;
    for (const auto& p : junk_prefixes_)
      if (part.substr(0, p.size()) == p) return true;
    if (!last)
      for (const auto& d : junk_dirs_)
        if (part == d) return true;
    if (last) return false;
    start = slash + 1;
  }
}

std::string IngestTables::ExtensionFor(const std::string& content_type) const {
  auto it = extensions_.find(AsciiLower(content_type));
  return it == extensions_.end() ? ".bin" : it->second;
}

bool IngestTables::SkipContentType(const std::string& content_type) const {
  auto it = skip_.find(AsciiLower(content_type));
  return it != skip_.end() && it->second;
}

}  // namespace gm
