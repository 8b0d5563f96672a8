// Display text: how names and text from the applicant reach a reviewer's
// screen and a terminal without spoofing them. A file named "bidi<U+202E>fdp.exe"
// is shown by any bidi-aware viewer as "bidiexe.pdf"; a zero-width space makes
// two names look equal; an ESC in an inbox name drives the operator's
// terminal. The display form replaces each such character with a visible
// "[U+XXXX]"; records keep the original beside it.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gm {

// True for a character that is invisible or changes how the text around it
// is shown: C0 and C1 controls, DEL, bidi embeddings, overrides and isolates
// (U+202A..U+202E, U+2066..U+2069), marks (U+200E, U+200F, U+061C),
// zero-width and other format characters (U+00AD, U+180E, U+200B..U+200D,
// U+2060..U+2064, U+206A..U+206F, U+FEFF, U+FFF9..U+FFFB), tag characters
// (U+E0000..U+E007F). Tab and newline are controls too.
bool IsHiddenOrControl(uint32_t code_point);

// `text` with every IsHiddenOrControl character shown as "[U+XXXX]" (upper
// hex, 4 to 6 digits) and every invalid byte as U+FFFD; tab and newline are
// kept when keep_line_breaks. Text without such characters is returned
// unchanged.
std::string DisplayText(std::string_view text, bool keep_line_breaks = false);

// True when DisplayText(text, keep_line_breaks) != text.
bool NeedsDisplayForm(std::string_view text, bool keep_line_breaks = false);

}  // namespace gm
