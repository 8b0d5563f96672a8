// IngestTables: ingest's data — which extensions are containers or
// documents, which entries are junk of other systems, which e-mail parts are
// files and how unnamed files are named — loaded from the templates folder
// (ingest_containers.tsv, ingest_skip.tsv, ingest_mime_types.tsv,
// ingest_names.tsv).
//
// Thread-safety: immutable after Load; safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

enum class ContainerKind { kDocument, kArchive, kEml, kPdf };

class IngestTables {
 public:
  // Loads the four tables from dir. Returns NotFound/Corrupt (English, for the
  // operator) when one is missing or malformed.
  static Status Load(const std::filesystem::path& dir, IngestTables* out);

  // The kind the file name's extension says (longest listed suffix,
  // case-insensitive); false when the extension is not listed.
  bool KindByName(std::string_view name, ContainerKind* kind) const;
  // True when a component of the '/'-separated path is junk (ingest_skip.tsv).
  bool IsJunk(std::string_view path) const;
  // The extension for a nameless e-mail part of this content type (".bin" if unknown).
  std::string ExtensionFor(const std::string& content_type) const;
  // True when e-mail parts of this content type are not application files.
  bool SkipContentType(const std::string& content_type) const;
  // "附件": the stem of names given to unnamed attachments ("附件1.pdf").
  const std::string& unnamed_attachment() const { return unnamed_attachment_; }
  // "未命名文件": the name given to archive members whose name is empty.
  const std::string& unnamed_member() const { return unnamed_member_; }

 private:
  std::vector<std::pair<std::string, ContainerKind>> kinds_;  // suffix → kind
  std::vector<std::string> junk_names_, junk_prefixes_, junk_dirs_;  // lower case
  std::map<std::string, std::string> extensions_;
  std::map<std::string, bool> skip_;
  std::string unnamed_attachment_ = "附件", unnamed_member_ = "未命名文件";
};

// ASCII lower case (names keep their Chinese characters as they are).
std::string AsciiLower(std::string_view s);

}  // namespace gm
