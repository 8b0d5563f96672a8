// Package: one application as it arrived — an e-mail, an archive, a folder or
// a loose file — unpacked into the files it holds. Produced by ingest; read by
// every later stage.
//
// Files are leaves: a zip inside an e-mail contributes its members
// ("申报材料.zip/环评批复.pdf"), not itself; a container that could not be
// opened is kept as a file with its error so that nothing is silently lost.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "pipeline/core/record.h"

namespace gm {

struct InputFile {
  std::string path;          // UTF-8, '/'-separated, relative to the package
  std::string sha256;        // of bytes, lower-case hex
  std::shared_ptr<const std::string> bytes;  // never null; may be empty
  std::string error;         // empty, or why it could not be unpacked (Chinese)
};

struct Package {
  std::string id;            // stable for the same content and source; starts with the name
  std::string id_if_taken;   // the same with a longer hash, for the rare id that collides
  std::string source;        // entry name relative to the inbox
  std::string content_hash;  // sha256 over the package's files (names and bytes)
  Origin origin;
  std::vector<InputFile> files;
  std::vector<Finding> findings;  // ingest's own (limits hit, duplicates)
  // A message of a mailbox that carries no application (an auto-reply, a
  // delivery report, a newsletter, a letter without attachments; see
  // ingest/mail_screen.h): a short tag and the Chinese reason. Such a package
  // is listed, not read. Empty for every other package.
  std::string not_application_kind, not_application_reason;
};

}  // namespace gm
