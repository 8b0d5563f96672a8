// Package identity: the content hash and the readable, stable id of a
// package, so that the same application dropped twice is recognised and a
// second run finds its earlier records.
//
//   content_hash = sha256 over the files' (path, sha256) pairs sorted by path
//   id           = SafeIdStem(entry name) + "_" + first 8 hex of
//                  sha256(content_hash "\0" source)
//
// The source (the entry's name in the inbox) is part of the identity: names
// that SafeIdStem folds together ("a:b.pdf" and "a_b.pdf", "pkg/" and
// "pkg.zip", names equal in their first 60 characters) still get distinct
// ids, and a package keeps its id across runs while it keeps its name and
// content. The batch gives the rare id that still collides a longer hash
// (IdWithLongerHash), never a suffix that depends on order.
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
// '_', and so do the characters that reorder or hide text (bidi controls,
// zero-width and other format characters, see display_text.h); for a file
// the extension is dropped; at most 60 characters (code points) and 120
// bytes, cut on a character boundary. "package" when nothing is left.
// REQUIRES: name is UTF-8.
std::string SafeIdStem(std::string_view name, bool is_file);

// SafeIdStem(name, is_file) + "_" + sha256(content_hash "\0" source)[0..8).
// At most 129 bytes: a file name with room for extensions and temporary
// suffixes on any file system.
std::string MakePackageId(std::string_view name, bool is_file, const std::string& content_hash,
                          std::string_view source);

// The same id with 16 hex digits of the hash instead of 8: for the second of
// two packages whose ids collide.
std::string IdWithLongerHash(std::string_view name, bool is_file, const std::string& content_hash,
                             std::string_view source);

}  // namespace gm
