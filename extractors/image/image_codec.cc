#include "extractors/image/image_codec.h"

#include <cstdio>
#include <cstring>

#include "extractors/image/exif_orientation.h"
#include "extractors/image/pix_normalize.h"
#include "extractors/image/tiff_structure.h"

namespace gm {
namespace {

const l_uint8* Data(std::string_view bytes) { return reinterpret_cast<const l_uint8*>(bytes.data()); }

uint32_t Le32(std::string_view b, size_t at) {
  return static_cast<uint32_t>(static_cast<uint8_t>(b[at])) | static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(b[at + 3])) << 24;
}

// The resolution recorded in a PNG's pHYs chunk, or 0. Leptonica only reads
// it from a FILE*, so the bytes are opened as one in memory.
double PngDpi(std::string_view bytes) {
  FILE* fp = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
  if (!fp) return 0;
  l_int32 xres = 0, yres = 0;
  fgetPngResolution(fp, &xres, &yres);
  fclose(fp);
  return xres;
}

double FileDpi(std::string_view bytes, int format) {
  l_int32 xres = 0, yres = 0;
  switch (format) {
    case IFF_JFIF_JPEG:
      if (readResolutionMemJpeg(Data(bytes), bytes.size(), &xres, &yres) == 0) return xres;
      return 0;
    case IFF_PNG:
      return PngDpi(bytes);
    case IFF_BMP:
      // BITMAPINFOHEADER: horizontal pixels per metre at offset 38.
      if (bytes.size() >= 42) return static_cast<int32_t>(Le32(bytes, 38)) * 0.0254;
      return 0;
    default:
      return 0;
  }
}

Status ReadTiffInfo(std::string_view bytes, int max_frames, ImageInfo* out) {
  std::vector<TiffDirectory> dirs;
  if (!ReadTiffDirectories(bytes, max_frames, &dirs, &out->total_frames) || dirs.empty()) {
    return Status::Corrupt("TIFF图像文件已损坏，无法读取");
  }
  for (const TiffDirectory& dir : dirs) {
    ImageFrame frame;
    bool swap = SwapsAxes(OrientationFromExif(dir.orientation));  // Leptonica applies the tag
    frame.width = static_cast<int>(std::min<uint32_t>(swap ? dir.height : dir.width, INT32_MAX));
    frame.height = static_cast<int>(std::min<uint32_t>(swap ? dir.width : dir.height, INT32_MAX));
    frame.dpi = dir.dpi;
    out->frames.push_back(frame);
  }
  return Status::OK();
}

}  // namespace

int SniffImageFormat(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return IFF_JFIF_JPEG;
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return IFF_PNG;
  if (bytes.starts_with(std::string_view("II*\0", 4)) || bytes.starts_with(std::string_view("MM\0*", 4))) return IFF_TIFF;
  if (bytes.starts_with("BM") && bytes.size() >= 26) return IFF_BMP;
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return IFF_GIF;
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return IFF_WEBP;
  if (bytes.starts_with(std::string_view("\0\0\0\x0CjP  \r\n\x87\n", 12)) ||
      bytes.starts_with("\xFF\x4F\xFF\x51")) {
    return IFF_JP2;
  }
  return IFF_UNKNOWN;
}

Status ReadImageInfo(std::string_view bytes, int max_frames, ImageInfo* out) {
  *out = ImageInfo();
  out->format = SniffImageFormat(bytes);
  if (out->format == IFF_UNKNOWN) return Status::Unsupported("不支持的图像格式，无法读取");
  if (out->format == IFF_TIFF) return ReadTiffInfo(bytes, max_frames, out);

  ImageFrame frame;
  if (out->format == IFF_GIF) {
    // Leptonica learns a GIF's size only by decoding it: read the logical screen instead.
    if (bytes.size() < 10) return Status::Corrupt("GIF图像文件已损坏，无法读取");
    frame.width = static_cast<uint8_t>(bytes[6]) | static_cast<uint8_t>(bytes[7]) << 8;
    frame.height = static_cast<uint8_t>(bytes[8]) | static_cast<uint8_t>(bytes[9]) << 8;
  } else {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, iscmap = 0;
    if (pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &iscmap) != 0 || w <= 0 ||
        h <= 0) {
      return Status::Corrupt("图像文件已损坏或不完整，无法读取");
    }
    frame.width = w;
    frame.height = h;
  }
  if (frame.width <= 0 || frame.height <= 0) return Status::Corrupt("图像文件已损坏或不完整，无法读取");
  if (out->format == IFF_JFIF_JPEG && SwapsAxes(JpegExifOrientation(bytes))) std::swap(frame.width, frame.height);
  frame.dpi = FileDpi(bytes, out->format);
  out->frames.push_back(frame);
  out->total_frames = 1;
  return Status::OK();
}

Status DecodeImageFrame(std::string_view bytes, int format, int index, PixPtr* out) {
  out->reset();
  PixPtr pix;
  if (format == IFF_TIFF) {
    pix = AdoptPix(pixReadMemTiff(Data(bytes), bytes.size(), index));
  } else if (index == 0) {
    pix = AdoptPix(pixReadMem(Data(bytes), bytes.size()));
  }
  if (!pix) return Status::Corrupt("图像数据已损坏，无法解码");
  if (format == IFF_JFIF_JPEG) {
    Orientation orientation = JpegExifOrientation(bytes);
    if (orientation != Orientation::kNormal) {
      pix = ApplyOrientation(pix.get(), orientation);
      if (!pix) return Status::Internal("image orientation failed");
    }
  }
  l_int32 xres = pixGetXRes(pix.get()), yres = pixGetYRes(pix.get());
  pix = NormalizePagePix(std::move(pix));
  if (!pix) return Status::Unsupported("图像的颜色格式无法处理");
  pixSetResolution(pix.get(), xres, yres);
  *out = std::move(pix);
  return Status::OK();
}

}  // namespace gm
