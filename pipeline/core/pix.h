// PixPtr and its kin: owning handles for Leptonica objects (PIX, BOX, BOXA,
// PIXA, PTA, NUMA), so no code calls a *Destroy function by hand.
#pragma once

#include <memory>

#include <leptonica/allheaders.h>

namespace gm {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct BoxDeleter {
  void operator()(BOX* b) const { boxDestroy(&b); }
};
struct BoxaDeleter {
  void operator()(BOXA* b) const { boxaDestroy(&b); }
};
struct PixaDeleter {
  void operator()(PIXA* p) const { pixaDestroy(&p); }
};
struct PtaDeleter {
  void operator()(PTA* p) const { ptaDestroy(&p); }
};
struct NumaDeleter {
  void operator()(NUMA* n) const { numaDestroy(&n); }
};
using BoxPtr = std::unique_ptr<BOX, BoxDeleter>;
using BoxaPtr = std::unique_ptr<BOXA, BoxaDeleter>;
using PixaPtr = std::unique_ptr<PIXA, PixaDeleter>;
using PtaPtr = std::unique_ptr<PTA, PtaDeleter>;
using NumaPtr = std::unique_ptr<NUMA, NumaDeleter>;

// Takes ownership of a PIX returned by a Leptonica call (which may be null).
inline PixPtr AdoptPix(PIX* p) { return PixPtr(p); }
// Adds a reference: the returned handle and the caller's both stay valid.
inline PixPtr ClonePix(PIX* p) { return PixPtr(p ? pixClone(p) : nullptr); }

}  // namespace gm
