// Brings a decoded image to the forms a Page promises its readers: 8-bit
// grey or 32-bit RGB, without a colormap or alpha channel (transparent areas
// become white, as on paper).
//
// Thread-safety: a pure function.
#pragma once

#include "pipeline/core/pix.h"

namespace gm {

// Returns `pix` itself when it is already 8-bit grey or 32-bit RGB without a
// colormap; a converted copy otherwise; null when pix is null or the
// conversion fails. Keeps the resolution of `pix`.
PixPtr NormalizePagePix(PixPtr pix);

}  // namespace gm
