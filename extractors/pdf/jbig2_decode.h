// Decodes the data of a PDF JBIG2Decode stream (an embedded JBIG2 stream,
// with the shared symbol dictionaries of /JBIG2Globals) with jbig2dec.
//
// jbig2dec allocates through a counting allocator here, so a stream that
// declares a gigantic page or hoards symbols stops at a memory cap instead of
// exhausting the machine.
// Thread-safety: a pure function; each call has its own decoder context.
#pragma once

#include <cstdint>
#include <string_view>

#include "pipeline/core/pix.h"
#include "pipeline/core/status.h"

namespace gm {

// Decodes page 1 of `data` (`globals` may be empty) into a 1-bit image in
// which 1 is black. Limit when the page declares more than `max_pixels`
// pixels or decoding needs more memory than that many pixels justify;
// Corrupt when the stream cannot be decoded.
Status DecodeJbig2(std::string_view data, std::string_view globals, uint64_t max_pixels, PixPtr* out);

}  // namespace gm
