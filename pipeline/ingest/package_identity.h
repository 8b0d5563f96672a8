// Package identity: the content hash and the readable, stable id of a
// package, so that the same application dropped twice is recognised and a
// second run finds its earlier records.
//
//   content_hash = sha256 over the files' (path, sha256) pairs sorted by path
//   id           = SafeIdStem(entry name) + "_" + first 8 hex of content_hash
//
// Thread-safety: pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/package.h"

namespace gm {

// sha256 (lower-case hex) over "path\0sha256\n" for every file, sorted by
// path (byte order); the order of `files` does not matter.
std::string ContentHash(const std::vector<InputFile>& files);

// The entry name made safe for a file name: Chinese kept; / \ : * ? " < > |,
// control characters and whitespace (ASCII and Unicode, e.g. U+3000) become
// '_'; for a file the extension is dropped; at most 60 characters (code
// points). "package" when nothing is left.
// REQUIRES: name is UTF-8.
std::string SafeIdStem(std::string_view name, bool is_file);

// SafeIdStem(name, is_file) + "_" + content_hash[0..8).
std::string MakePackageId(std::string_view name, bool is_file, const std::string& content_hash);

}  // namespace gm
