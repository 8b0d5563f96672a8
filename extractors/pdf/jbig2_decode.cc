#include "extractors/pdf/jbig2_decode.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>

extern "C" {
#include <jbig2.h>
}

namespace gm {
namespace {

// A jbig2dec allocator that refuses to go over a byte budget. Each block
// carries its size in a header so that free and realloc can account for it.
struct BudgetAllocator {
  Jbig2Allocator vtable;  // first member: jbig2dec passes a pointer to it back
  size_t budget = 0;
  size_t used = 0;
  bool exceeded = false;
};

constexpr size_t kHeader = alignof(std::max_align_t);

void* BudgetAlloc(Jbig2Allocator* a, size_t size) {
  auto* self = reinterpret_cast<BudgetAllocator*>(a);
  if (size > self->budget - self->used) {
    self->exceeded = true;
    return nullptr;
  }
  auto* block = static_cast<char*>(std::malloc(size + kHeader));
  if (!block) return nullptr;
  std::memcpy(block, &size, sizeof(size));
  self->used += size;
  return block + kHeader;
}

void BudgetFree(Jbig2Allocator* a, void* p) {
  if (!p) return;
  auto* self = reinterpret_cast<BudgetAllocator*>(a);
  char* block = static_cast<char*>(p) - kHeader;
  size_t size;
  std::memcpy(&size, block, sizeof(size));
  self->used -= size;
  std::free(block);
}

void* BudgetRealloc(Jbig2Allocator* a, void* p, size_t size) {
  if (!p) return BudgetAlloc(a, size);
  auto* self = reinterpret_cast<BudgetAllocator*>(a);
  char* block = static_cast<char*>(p) - kHeader;
  size_t old;
  std::memcpy(&old, block, sizeof(old));
  if (size > old && size - old > self->budget - self->used) {
    self->exceeded = true;
    return nullptr;
  }
  auto* grown = static_cast<char*>(std::realloc(block, size + kHeader));
  if (!grown) return nullptr;
  std::memcpy(grown, &size, sizeof(size));
  self->used = self->used - old + size;
  return grown + kHeader;
}

void IgnoreMessages(void*, const char*, Jbig2Severity, uint32_t) {}

struct CtxDeleter {
  void operator()(Jbig2Ctx* ctx) const { jbig2_ctx_free(ctx); }
};
struct GlobalDeleter {
  void operator()(Jbig2GlobalCtx* ctx) const { jbig2_global_ctx_free(ctx); }
};
using CtxPtr = std::unique_ptr<Jbig2Ctx, CtxDeleter>;
using GlobalPtr = std::unique_ptr<Jbig2GlobalCtx, GlobalDeleter>;

// Releases a page image back to its context.
class PageImage {
 public:
  PageImage(Jbig2Ctx* ctx, Jbig2Image* image) : ctx_(ctx), image_(image) {}
  ~PageImage() {
    if (image_) jbig2_release_page(ctx_, image_);
  }
  PageImage(const PageImage&) = delete;
  PageImage& operator=(const PageImage&) = delete;
  Jbig2Image* get() const { return image_; }

 private:
  Jbig2Ctx* ctx_;
  Jbig2Image* image_;
};

// Reads the page size a stream declares in its page information segment
// (segment type 48), if one is near the start: checked before decoding.
bool DeclaredPageSize(std::string_view data, uint64_t* pixels) {
  // Embedded segment header: number(4) flags(1) referred(1..) page(1 or 4) length(4).
  size_t at = 0;
  for (int segment = 0; segment < 8 && at + 11 <= data.size(); ++segment) {
    auto byte = [&](size_t i) { return static_cast<uint8_t>(data[i]); };
    const uint8_t flags = byte(at + 4);
    const uint8_t referred = byte(at + 5);
    if ((referred >> 5) > 4) return false;  // long-form referral lists: stop looking
    size_t header = 6 + (referred >> 5) * 1 + ((flags & 0x40) ? 4 : 1) + 4;
    if (at + header > data.size()) return false;
    size_t len_at = at + header - 4;
    uint32_t length = uint32_t{byte(len_at)} << 24 | uint32_t{byte(len_at + 1)} << 16 |
                      uint32_t{byte(len_at + 2)} << 8 | byte(len_at + 3);
    if ((flags & 0x3F) == 48 && at + header + 8 <= data.size()) {
      size_t d = at + header;
      uint64_t w = uint64_t{byte(d)} << 24 | uint64_t{byte(d + 1)} << 16 | uint64_t{byte(d + 2)} << 8 | byte(d + 3);
      uint64_t h = uint64_t{byte(d + 4)} << 24 | uint64_t{byte(d + 5)} << 16 | uint64_t{byte(d + 6)} << 8 | byte(d + 7);
      *pixels = w * h;
      return h != 0xFFFFFFFF;  // striped pages of unknown height: decided by the allocator
    }
    if (length == 0xFFFFFFFF) return false;
    at += header + length;
  }
  return false;
}

}  // namespace

Status DecodeJbig2(std::string_view data, std::string_view globals, uint64_t max_pixels, PixPtr* out) {
  out->reset();
  uint64_t declared = 0;
  if (DeclaredPageSize(data, &declared) && declared > max_pixels) {
    return Status::Limit("PDF中的JBIG2图像尺寸过大，超出处理上限");
  }
  BudgetAllocator alloc;
  alloc.vtable = {BudgetAlloc, BudgetFree, BudgetRealloc};
  // The page bitmap is max_pixels / 8 bytes at most; symbols and buffers get as much again plus slack.
  alloc.budget = static_cast<size_t>(max_pixels / 4) + (64u << 20);
  Jbig2Allocator* allocator = &alloc.vtable;

  GlobalPtr global;
  if (!globals.empty()) {
    Jbig2Ctx* gctx = jbig2_ctx_new(allocator, JBIG2_OPTIONS_EMBEDDED, nullptr, IgnoreMessages, nullptr);
    if (!gctx) return Status::Internal("jbig2_ctx_new failed");
    jbig2_data_in(gctx, reinterpret_cast<const unsigned char*>(globals.data()), globals.size());
    global.reset(jbig2_make_global_ctx(gctx));  // takes over gctx
  }
  CtxPtr ctx(jbig2_ctx_new(allocator, JBIG2_OPTIONS_EMBEDDED, global.get(), IgnoreMessages, nullptr));
  if (!ctx) return alloc.exceeded ? Status::Limit("PDF中的JBIG2图像过大，超出处理上限") : Status::Internal("jbig2_ctx_new failed");
  int rc = jbig2_data_in(ctx.get(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  if (rc >= 0) jbig2_complete_page(ctx.get());
  PageImage page(ctx.get(), jbig2_page_out(ctx.get()));
  if (alloc.exceeded) return Status::Limit("PDF中的JBIG2图像过大，超出处理上限");
  Jbig2Image* image = page.get();
  if (!image || image->width == 0 || image->height == 0 || image->width > (1u << 20) || image->height > (1u << 20)) {
    return Status::Corrupt("PDF中的JBIG2图像已损坏，无法解码");
  }
  PixPtr pix = AdoptPix(pixCreate(static_cast<int>(image->width), static_cast<int>(image->height), 1));
  if (!pix) return Status::Internal("pixCreate failed");
  l_uint32* dst = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  const size_t row_bytes = std::min<size_t>(image->stride, static_cast<size_t>(wpl) * 4);
  for (uint32_t y = 0; y < image->height; ++y) {
    std::memcpy(dst + static_cast<size_t>(y) * wpl, image->data + static_cast<size_t>(y) * image->stride, row_bytes);
  }
  pixEndianByteSwap(pix.get());  // jbig2dec rows are bytes, MSB first, 1 = black: Leptonica's convention
  *out = std::move(pix);
  return Status::OK();
}

}  // namespace gm
