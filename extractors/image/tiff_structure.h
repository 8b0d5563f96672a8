// TiffStructure: the directory chain of a TIFF file (or of the TIFF block
// inside a JPEG's EXIF segment), read without decoding any pixels. Used to
// count the frames of a multi-page TIFF and to check their sizes before
// Leptonica allocates anything, and to find the EXIF Orientation tag.
//
// Every offset is bounds-checked and the chain is followed with loop
// detection, so hostile files cannot read out of range or spin.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gm {

struct TiffDirectory {
  uint32_t width = 0, height = 0;  // 0 when the tag is absent; the largest when given twice
  double dpi = 0;                  // 0 when absent or not in inches/cm
  int orientation = 1;             // the Orientation tag (274), 1..8
};

// Reads up to `max_directories` directories of `tiff` into `out`, in file
// order, and sets `*total` to how many the chain holds (counted up to a
// bound of 100000). Returns false when `tiff` is not a TIFF structure at all.
bool ReadTiffDirectories(std::string_view tiff, int max_directories, std::vector<TiffDirectory>* out,
                         int* total);

}  // namespace gm
