// ZipReader: the members of a zip container held in memory (an OOXML
// package: .docx, .xlsx), read with libarchive. The one place libarchive is
// used by gm_office; the archive handle lives in a RAII wrapper.
//
// Members are read whole, each under a byte cap, so a zip bomb inside a
// .docx stops with Status::Limit instead of filling memory.
// Thread-safety: pure functions; each call has its own archive handle.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

// The member names of the zip `bytes`, in directory order (at most 100000).
// Corrupt when `bytes` is not a readable zip.
Status ListZipMembers(std::string_view bytes, std::vector<std::string>* names);

// Reads the members for which `wanted(name)` is true into `out` (name ->
// bytes). Limit when they together unpack to more than `max_bytes`
// (Limits::max_xml_bytes); Corrupt when the
// zip or a wanted member cannot be read (damaged, or encrypted).
Status ReadZipMembers(std::string_view bytes, const std::function<bool(const std::string&)>& wanted,
                      uint64_t max_bytes, std::map<std::string, std::string>* out);

}  // namespace gm
