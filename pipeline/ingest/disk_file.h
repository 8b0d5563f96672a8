// Disk files: the only place ingest reads the inbox (it never writes it).
//
// Thread-safety: thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/core/status.h"

namespace gm {

// Reads a regular file whole. Returns NotFound when it is gone, IoError when
// it cannot be read, Limit (without reading) when it is larger than
// max_bytes. Messages are Chinese.
Status ReadDiskFile(const std::filesystem::path& path, uint64_t max_bytes, std::string* out);

// The sha256 (lower-case hex) of a file, read in pieces: for files too large
// to hold, which still need their hash to be accounted for.
Status Sha256OfDiskFile(const std::filesystem::path& path, std::string* hex);

// A file or folder name from disk as UTF-8: kept when valid UTF-8, else
// decoded as GBK/GB18030/Big5 (names copied from Windows USB sticks).
std::string DiskNameToUtf8(const std::string& raw);

}  // namespace gm
