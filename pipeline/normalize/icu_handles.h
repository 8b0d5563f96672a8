// The ICU services this module relies on, behind two plain functions. All ICU
// handles live here (one place for their lifetimes): the NFKC normalizer is
// ICU's shared immutable instance; the "Traditional-Simplified" transliterator
// and the decimal parser are created lazily once per thread and released when
// the thread ends, since ICU does not promise that one instance may be used
// from several threads at once.
//
// Thread-safety: both functions may be called from any number of threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gm::normalize {

// Unicode NFKC (full-width letters, digits and punctuation to their ordinary
// forms), then traditional characters to simplified. Malformed UTF-8 becomes
// U+FFFD. If ICU's data is unavailable the input comes back unchanged.
std::string IcuNfkcSimplified(std::string_view utf8);

// Parses an arabic number with ICU's strict decimal parser: optional leading
// minus, digits with correctly placed thousands separators (",") and an
// optional decimal point; no exponent, nothing else. The WHOLE text must be
// consumed. Returns nullopt otherwise.
std::optional<double> IcuParseArabic(std::string_view ascii);

}  // namespace gm::normalize
