// Atomic output files: a reader (or a second run) sees either the previous
// complete file or the new complete file, never a half-written one, even when
// the process is killed or the disk fills up mid-write.
//
// The bytes go to a temporary file in the same folder (same file system, so
// rename(2) is atomic), which is fsync'd, renamed over the target, and the
// folder fsync'd so the rename itself survives a crash.
//
// Thread-safety: all functions may be called from several threads at once;
// temporary names are unique per process and call. Two concurrent writers of
// the SAME path both succeed and the last rename wins.
#pragma once

#include <filesystem>
#include <string_view>

#include "pipeline/core/status.h"

namespace gm {

// Writes `bytes` to `path` atomically.
// REQUIRES: the parent folder of `path` exists (it is not created).
// Returns IoError naming the path and the system's reason (strerror) when the
// folder is missing or unwritable, the disk is full, or any step fails; the
// temporary file is removed and an existing `path` is left untouched.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// For writers that insist on writing a path themselves (libxlsxwriter): a
// fresh temporary sibling of `path`, "<stem>.tmp-<pid>-<n><extension>".
std::filesystem::path TemporarySiblingPath(const std::filesystem::path& path);

// Makes a finished temporary file the real one: fsyncs `temporary`, renames
// it over `path` and fsyncs the folder. On failure removes `temporary` and
// returns IoError with the path and strerror.
// REQUIRES: temporary and path are in the same folder.
Status CommitTemporaryFile(const std::filesystem::path& temporary, const std::filesystem::path& path);

}  // namespace gm
