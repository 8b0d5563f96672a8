// ArchiveReader: the members of an archive held in memory (zip, 7z, rar,
// tar, tar.gz/bz2/xz — whatever libarchive reads), extracted into memory
// under limits that stop decompression bombs early.
//
// Member names are decoded (DecodeArchiveName) and made safe
// (SafeRelativePath); folders are kept in the path ("申报材料/财务报表/利润表.pdf").
// Directories, links and the junk of other systems are not members: the
// caller filters junk by name (ingest_skip.tsv), this reader drops
// everything that is not a regular file.
//
// Thread-safety: ReadArchive is thread-safe; results are plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

struct ArchiveLimits {
  uint64_t max_member_bytes = 512ull << 20;  // one member, unpacked
  uint64_t max_total_bytes = 2048ull << 20;  // all members together, unpacked
  uint64_t max_expansion_ratio = 200;        // unpacked / packed, per member
  int max_members = 2000;                    // regular-file members
};

struct ArchiveMember {
  std::string path;   // decoded UTF-8, safe relative path; "" if the name was empty
  std::string bytes;  // the content; empty when error is set
  std::string error;  // Chinese, for the reviewer: why this member could not be read
};

struct ArchiveListing {
  std::string format;                  // libarchive's name of the format, e.g. "ZIP 2.0 (deflation)"
  std::vector<ArchiveMember> members;  // in archive order
};

// Reads every member of the archive in `bytes`. Members that cannot be read
// on their own (encrypted, larger than max_member_bytes) are listed with an
// error and reading goes on. Returns OK when the archive was read to its end.
// Otherwise returns, with the members read so far still in *out:
//   Corrupt      not an archive, or damaged / truncated part way;
//   Encrypted    the whole archive needs a password (encrypted headers);
//   Unsupported  a format or method libarchive cannot read;
//   Limit        a member expanding beyond max_expansion_ratio (a bomb: the
//                rest is not read), max_total_bytes or max_members reached.
// Every message is Chinese, says what is wrong and what to ask the applicant for.
Status ReadArchive(std::string_view bytes, const ArchiveLimits& limits, ArchiveListing* out);

}  // namespace gm
