#include "extractors/image/pix_normalize.h"

namespace gm {

PixPtr NormalizePagePix(PixPtr pix) {
  if (!pix) return nullptr;
  if (PIXCMAP* cmap = pixGetColormap(pix.get())) {
    l_int32 has_color = 0;
    pixcmapHasColor(cmap, &has_color);
    pix = AdoptPix(pixRemoveColormap(pix.get(), has_color ? REMOVE_CMAP_TO_FULL_COLOR : REMOVE_CMAP_TO_GRAYSCALE));
    if (!pix) return nullptr;
  }
  switch (pixGetDepth(pix.get())) {
    case 8:
      return pix;
    case 32:
      if (pixGetSpp(pix.get()) == 4) {
        PixPtr flat = AdoptPix(pixRemoveAlpha(pix.get()));  // blends over white
        if (!flat) return nullptr;
        pixSetSpp(flat.get(), 3);
        return flat;
      }
      return pix;
    case 24:
      return AdoptPix(pixConvert24To32(pix.get()));
    case 16:
      return AdoptPix(pixConvert16To8(pix.get(), L_MS_BYTE));
    case 1:
    case 2:
    case 4:
      return AdoptPix(pixConvertTo8(pix.get(), 0));
    default:
      return nullptr;
  }
}

}  // namespace gm
