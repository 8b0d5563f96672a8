// PackageBuilder: fills a Package with the leaf files of everything handed
// to it, unpacking containers as it goes — archives (libarchive), e-mails
// (GMime) and the files embedded in PDFs — recursively, under the package's
// Limits.
//
// Paths: a container's members are "<container path>/<member path>"
// ("申报材料.zip/财务报表/利润表.pdf"), except for the package's own root
// container (the .eml or .zip that is the package), whose members sit at the
// root. A PDF stays a file; its embedded files are "<pdf path>/<name>".
// Duplicate paths get " (2)", " (3)" before the extension.
//
// Nothing is lost silently: a container that cannot be opened, an encrypted
// or oversized member, an empty file stays a file with a Chinese error. A
// limit hit (nesting depth, file count, package size, expansion ratio, MIME
// parts) also adds an unreadable_input finding naming the file and the limit.
// Junk of other systems (ingest_skip.tsv) and e-mail signatures
// (ingest_mime_types.tsv) are skipped without a note.
//
// Thread-safety: one builder per package, used from one thread.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "pipeline/core/limits.h"
#include "pipeline/core/package.h"
#include "pipeline/core/templates.h"
#include "pipeline/ingest/ingest_tables.h"

namespace gm {

class PackageBuilder {
 public:
  // REQUIRES: limits, tables, templates and package outlive the builder.
  PackageBuilder(const Limits& limits, const IngestTables& tables, const Templates& templates, Package* package);

  // The package is this one file (a loose file from the inbox): an e-mail
  // or archive is unpacked with its members at the root; anything else is a
  // file named `name`. Sets package->origin.container.
  void AddRoot(const std::string& name, std::shared_ptr<const std::string> bytes);

  // A file found at `path` (UTF-8, safe, relative), unpacked if it is a
  // container, at nesting `depth` (0 for files of a folder package).
  void AddFile(const std::string& path, std::shared_ptr<const std::string> bytes, int depth);

  // A file that could not be read, kept with its error. `bytes` may be empty.
  void AddUnreadable(const std::string& path, std::shared_ptr<const std::string> bytes, const std::string& sha256,
                     const std::string& error);

  // Adds an unreadable_input finding (field = path).
  void AddFinding(const std::string& path, const std::string& message);

  // Sorts the files by path. Call once, after the last Add.
  void Finish();

 private:
  ContainerKind Detect(const std::string& path, const std::string& bytes) const;
  void Unpack(const std::string& self_path, const std::string& member_prefix,
              const std::shared_ptr<const std::string>& bytes, int depth, bool root);
  void UnpackArchive(const std::string& self_path, const std::string& member_prefix,
                     const std::shared_ptr<const std::string>& bytes, int depth);
  void UnpackEml(const std::string& self_path, const std::string& member_prefix,
                 const std::shared_ptr<const std::string>& bytes, int depth, bool root);
  void UnpackPdfEmbedded(const std::string& pdf_path, const std::shared_ptr<const std::string>& bytes, int depth);
  // A leaf file, subject to the file-count and package-size limits.
  void Leaf(const std::string& path, std::shared_ptr<const std::string> bytes, std::string error);
  // Stores a file under a unique path; sha256 is computed when empty.
  void Append(const std::string& path, std::shared_ptr<const std::string> bytes, const std::string& sha256,
              const std::string& error);
  // False (and a finding, once) when the package already holds max_files files.
  bool HasRoom(const std::string& path);
  std::string UniquePath(const std::string& path);
  uint64_t BytesLeft() const;

  const Limits& limits_;
  const IngestTables& tables_;
  const Templates& templates_;
  Package* package_;
  std::set<std::string> used_paths_;
  uint64_t total_bytes_ = 0;
  int unnamed_attachments_ = 0;
  int unnamed_members_ = 0;
  bool file_limit_noted_ = false;
  bool size_limit_noted_ = false;
};

}  // namespace gm
