// PixPtr: owning handle for a Leptonica PIX, so no code calls pixDestroy by hand.
#pragma once

#include <memory>

#include <leptonica/allheaders.h>

namespace gm {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Takes ownership of a PIX returned by a Leptonica call (which may be null).
inline PixPtr AdoptPix(PIX* p) { return PixPtr(p); }
// Adds a reference: the returned handle and the caller's both stay valid.
inline PixPtr ClonePix(PIX* p) { return PixPtr(p ? pixClone(p) : nullptr); }

}  // namespace gm
