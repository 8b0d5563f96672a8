#include "extractors/image/orientation.h"

namespace gm {

Orientation OrientationFromExif(int value) {
  if (value < 1 || value > 8) return Orientation::kNormal;
  return static_cast<Orientation>(value);
}

bool SwapsAxes(Orientation orientation) {
  return static_cast<int>(orientation) >= static_cast<int>(Orientation::kTranspose);
}

PixPtr ApplyOrientation(PIX* pix, Orientation orientation) {
  switch (orientation) {
    case Orientation::kNormal:
      return ClonePix(pix);
    case Orientation::kFlipLR:
      return AdoptPix(pixFlipLR(nullptr, pix));
    case Orientation::kRotate180:
      return AdoptPix(pixRotateOrth(pix, 2));
    case Orientation::kFlipTB:
      return AdoptPix(pixFlipTB(nullptr, pix));
    case Orientation::kRotate90:
      return AdoptPix(pixRotateOrth(pix, 1));  // quads are clockwise
    case Orientation::kRotate270:
      return AdoptPix(pixRotateOrth(pix, 3));
    case Orientation::kTranspose:
    case Orientation::kTransverse: {
      // A transpose is a clockwise turn followed by a mirror.
      PixPtr turned = AdoptPix(pixRotateOrth(pix, 1));
      if (!turned) return nullptr;
      return AdoptPix(orientation == Orientation::kTranspose ? pixFlipLR(nullptr, turned.get())
                                                             : pixFlipTB(nullptr, turned.get()));
    }
  }
  return ClonePix(pix);
}

}  // namespace gm
