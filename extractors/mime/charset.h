// Charset: turning the bytes of a name or a text of unknown or mislabelled
// Chinese encoding into UTF-8 (ICU converters).
//
// Chinese mail clients and Windows archivers write names in GBK without
// saying so, label GBK text as "gb2312", and Taiwanese or Hong Kong senders
// use Big5. The functions here decide between them: valid UTF-8 is taken as
// it is; otherwise the bytes are read as GB18030 (a superset of GB2312 and
// GBK) unless that reading yields characters unlikely in a real name or text
// (kana, Cyrillic, box drawing, user-defined areas, rare extension
// characters) and a Big5 reading does better.
//
// Thread-safety: every function is thread-safe (each call opens its own ICU
// converter). Returned strings are owned by the caller.
#pragma once

#include <string>
#include <string_view>

namespace gm {

// True when bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view bytes);

// The Chinese encoding the bytes most probably are in: "UTF-8", "GB18030" or
// "Big5"; nullptr when none of them decodes the bytes without error.
// Pure ASCII is "UTF-8".
const char* GuessChineseCharset(std::string_view bytes);

// Bytes of unknown encoding as UTF-8: the guess above, or, when nothing
// decodes cleanly, GB18030 with U+FFFD for the undecodable bytes. Never fails.
std::string DecodeUnknownCharset(std::string_view bytes);

// Bytes in `charset` (a MIME or ICU name, case-insensitive) as UTF-8.
// GB2312, GBK, CP936 and EUC-CN are read as GB18030, their superset, since
// senders mislabel GBK text as GB2312. Undecodable bytes become U+FFFD. An
// empty, null or unknown charset falls back to DecodeUnknownCharset.
std::string ConvertToUtf8(std::string_view bytes, const char* charset);

// Like ConvertToUtf8 but strict: false (and *out untouched) when `charset` is
// unknown or any byte sequence is invalid in it.
bool TryConvertToUtf8(std::string_view bytes, const char* charset, std::string* out);

}  // namespace gm
