// Header decoding: the text and parameters of raw MIME header values as
// Chinese mail clients really write them, decoded to UTF-8.
//
// Handles RFC 2047 encoded-words (B and Q, also inside quoted strings, also
// split in the middle of a multi-byte character across adjacent words),
// RFC 2231 parameters (name*=charset'lang'%XX and name*0*=, name*1= ...
// continuations), and raw 8-bit bytes with no declared charset (decoded by
// DecodeUnknownCharset). Charset labels go through ConvertToUtf8, so text
// labelled GB2312 that is really GBK decodes right.
//
// GMime's own decoding (g_mime_utils_header_decode_text/_phrase, the
// parameters behind g_mime_part_get_filename) is not used: in GMime 3.2.13
// it agrees on well-formed values but loses what Chinese mailers send — the
// rest of a header after a B word ending in '=' padding (it decodes a run of
// same-charset words as one base64 stream, which the padding ends), GB18030
// characters in words labelled gb2312, raw Big5 text and names (read through
// the fallback charsets as GB18030: it has no Big5 guess), a %XX escape
// split across RFC 2231 continuations, and filename*= over a plain filename=
// given first. Telling its good cases from these needs this parser anyway
// (header_decode_test pins each; docs/STATUS.md, session 12, compares them).
//
// Thread-safety: pure functions, thread-safe. Results are owned by the caller.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace gm {

// The text of an unstructured header value (Subject, a display name) as UTF-8:
// folding undone, encoded-words decoded, whitespace between adjacent
// encoded-words dropped, leading and trailing whitespace trimmed.
std::string DecodeHeaderText(std::string_view raw);

// A structured header value: "type/subtype; name=value; ..." or
// "attachment; filename=...".
struct HeaderValue {
  std::string value;                          // the part before the first ';', lower-case, trimmed
  std::map<std::string, std::string> params;  // lower-case name → decoded UTF-8 value
};

// Parses a Content-Type or Content-Disposition value. Tolerant: unquoted
// values with spaces, missing quotes and stray ';' are read as well as they
// can be; never fails.
HeaderValue ParseHeaderValue(std::string_view raw);

}  // namespace gm
