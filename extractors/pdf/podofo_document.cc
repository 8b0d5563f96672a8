#include "extractors/pdf/podofo_document.h"

#include <openssl/provider.h>
#include <podofo/podofo.h>

#include <mutex>

#include "extractors/pdf/content_walker.h"
#include "extractors/pdf/podofo_access.h"

namespace gm {

using PoDoFo::PdfError;
using PoDoFo::PdfObject;
using namespace podofo;  // NOLINT: the helpers of podofo_access.h

namespace {

constexpr size_t kMaxContentBytes = 256u << 20;  // one page's decoded content streams

const char kEncryptedMessage[] = "PDF文件已加密（需要密码），无法读取，请申报单位提供未加密的文件";
const char kCorruptMessage[] = "PDF文件已损坏或不完整，无法打开，请申报单位重新发送";

// Once per process: PoDoFo logs every parse problem to stderr, which a batch
// reading hostile files must not; and it computes the keys of RC4 and AES-128
// encrypted PDFs (even those opening with an empty password, as most
// "copy-protected" PDFs do) with OpenSSL's RC4, which OpenSSL 3 keeps in its
// legacy provider. Loading "legacy" explicitly stops "default" from loading
// implicitly, so both are loaded.
// The providers are unloaded at exit (before OpenSSL's own clean-up), so
// nothing is left behind for a leak checker.
struct CryptoProviders {
  OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(nullptr, "legacy");
  OSSL_PROVIDER* fallback = OSSL_PROVIDER_load(nullptr, "default");
  ~CryptoProviders() {
    if (legacy) OSSL_PROVIDER_unload(legacy);
    if (fallback) OSSL_PROVIDER_unload(fallback);
  }
};

void PreparePodofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    static CryptoProviders providers;
  });
}

bool ReadColorSpace(PdfObject* cs, PdfColorSpace* out, int depth = 0);

bool DeviceSpace(const std::string& name, PdfColorSpace::Kind* kind) {
  if (name == "DeviceGray" || name == "G" || name == "CalGray") {
    *kind = PdfColorSpace::Kind::kGray;
  } else if (name == "DeviceRGB" || name == "RGB" || name == "CalRGB") {
    *kind = PdfColorSpace::Kind::kRgb;
  } else if (name == "DeviceCMYK" || name == "CMYK") {
    *kind = PdfColorSpace::Kind::kCmyk;
  } else {
    return false;
  }
  return true;
}

bool ReadColorSpace(PdfObject* cs, PdfColorSpace* out, int depth) {
  cs = Resolve(cs);
  if (!cs || depth > 2) return false;
  if (cs->IsName()) return DeviceSpace(Name(cs), &out->kind);
  if (!cs->IsArray() || cs->GetArray().empty()) return false;
  PoDoFo::PdfArray& array = cs->GetArray();
  const std::string family = Name(Resolve(&array[0], cs->GetOwner()));
  if (family == "CalGray" || family == "CalRGB") return DeviceSpace(family, &out->kind);
  if (family == "ICCBased" && array.size() >= 2) {
    PdfObject* profile = Resolve(&array[1], cs->GetOwner());
    const int n = static_cast<int>(Number(Get(profile, "N"), 0));
    if (n == 1 || n == 3 || n == 4) {
      out->kind = n == 1 ? PdfColorSpace::Kind::kGray : n == 3 ? PdfColorSpace::Kind::kRgb : PdfColorSpace::Kind::kCmyk;
      return true;
    }
    return ReadColorSpace(Get(profile, "Alternate"), out, depth + 1);
  }
  if ((family == "Indexed" || family == "I") && array.size() >= 4) {
    PdfColorSpace base;
    if (!ReadColorSpace(&array[1], &base, depth + 1) || base.kind == PdfColorSpace::Kind::kIndexed) return false;
    out->kind = PdfColorSpace::Kind::kIndexed;
    out->base = base.kind;
    out->hival = static_cast<int>(Number(Resolve(&array[2], cs->GetOwner()), -1));
    PdfObject* lookup = Resolve(&array[3], cs->GetOwner());
    if (lookup && (lookup->IsString() || lookup->IsHexString())) {
      const PoDoFo::PdfString& s = lookup->GetString();
      out->palette.assign(s.GetString() ? s.GetString() : "", s.GetLength());
    } else if (lookup && lookup->HasStream()) {
      if (!DecodedStreamBytes(lookup, 4096, &out->palette).ok()) return false;
    } else {
      return false;
    }
    return out->hival >= 0 && out->hival <= 255;
  }
  return false;  // Separation, DeviceN, Lab, Pattern: rendered instead
}

PageGeometry ReadGeometry(PoDoFo::PdfPage* page) {
  PageGeometry g;
  PoDoFo::PdfRect box = page->GetCropBox();
  if (box.GetWidth() <= 1 || box.GetHeight() <= 1) box = page->GetMediaBox();
  if (box.GetWidth() > 1 && box.GetHeight() > 1) {
    g.x0 = box.GetLeft();
    g.y0 = box.GetBottom();
    g.width = box.GetWidth();
    g.height = box.GetHeight();
  }  // else: the US Letter default of PageGeometry, as readers do
  g.rotate = NormalizeRotation(page->GetRotation());
  return g;
}

}  // namespace

PodofoDocument::PodofoDocument() = default;
PodofoDocument::~PodofoDocument() = default;

Status PodofoDocument::Open(std::string_view bytes, std::unique_ptr<PodofoDocument>* out) {
  PreparePodofo();
  out->reset();
  std::unique_ptr<PodofoDocument> doc(new PodofoDocument());
  try {
    doc->doc_ = std::make_unique<PoDoFo::PdfMemDocument>();
    doc->doc_->LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    doc->page_count_ = doc->doc_->GetPageCount();
  } catch (const PdfError& e) {
    if (e.GetError() == PoDoFo::ePdfError_InvalidPassword) return Status::Encrypted(kEncryptedMessage);
    return Status::Corrupt(kCorruptMessage);
  } catch (const std::exception&) {  // std::bad_alloc and friends from a hostile file
    return Status::Corrupt(kCorruptMessage);
  }
  *out = std::move(doc);
  return Status::OK();
}

Status PodofoDocument::ReadPage(int index, PageStructure* out) const {
  *out = PageStructure();
  try {
    PoDoFo::PdfPage* page = doc_->GetPage(index);
    if (!page) return Status::Corrupt("PDF第" + std::to_string(index + 1) + "页已损坏，无法读取");
    out->geometry = ReadGeometry(page);
    // The content is one stream or an array of streams, read as one.
    PdfObject* contents = Resolve(page->GetObject()->GetIndirectKey("Contents"));
    std::vector<PdfObject*> streams;
    if (contents && contents->IsArray()) {
      for (PoDoFo::PdfObject& item : contents->GetArray()) streams.push_back(Resolve(&item, contents->GetOwner()));
    } else if (contents) {
      streams.push_back(contents);
    }
    std::string content;
    for (PdfObject* stream : streams) {
      std::string part;
      Status s = stream ? DecodedStreamBytes(stream, kMaxContentBytes - content.size(), &part) : Status::Corrupt("");
      if (!s.ok()) {
        out->complete = false;
        continue;
      }
      content += part;
      content += '\n';
    }
    WalkContent(content, page->GetResources(), Matrix(), out);
  } catch (const PdfError&) {
    return Status::Corrupt("PDF第" + std::to_string(index + 1) + "页已损坏，无法读取");
  } catch (const std::exception&) {
    return Status::Corrupt("PDF第" + std::to_string(index + 1) + "页已损坏，无法读取");
  }
  return Status::OK();
}

Status PodofoDocument::ReadImage(const PdfObjectId& id, PdfImage* out) const {
  *out = PdfImage();
  try {
    PdfObject* xobject = doc_->GetObjects().GetObject(PoDoFo::PdfReference(id.number, id.generation));
    if (!xobject || !xobject->HasStream()) return Status::Corrupt("PDF中的图像对象已损坏");
    out->width = static_cast<int>(Number(Get(xobject, "Width"), 0));
    out->height = static_cast<int>(Number(Get(xobject, "Height"), 0));
    PdfObject* mask = Get(xobject, "ImageMask");
    out->image_mask = mask && mask->IsBool() && mask->GetBool();
    out->bits_per_component = out->image_mask ? 1 : static_cast<int>(Number(Get(xobject, "BitsPerComponent"), 8));
    out->filters = ReadFilters(xobject);
    const bool jpx = !out->filters.empty() && out->filters.back().name == "JPXDecode";
    if (!out->image_mask && !ReadColorSpace(Get(xobject, "ColorSpace"), &out->color) && !jpx) {
      return Status::Unsupported("PDF图像的颜色空间不受支持");
    }
    if (Get(xobject, "SMask") || (Get(xobject, "Mask") && !jpx)) {
      return Status::Unsupported("PDF图像带有透明蒙版");  // only a render shows what is visible
    }
    PdfObject* decode = Get(xobject, "Decode");
    if (decode && decode->IsArray()) {
      for (PoDoFo::PdfObject& v : decode->GetArray()) out->decode.push_back(Number(Resolve(&v, xobject->GetOwner()), 0));
    }
    for (PdfImageFilter& filter : out->filters) {
      if (filter.name != "JBIG2Decode") continue;
      PdfObject* parms = Get(xobject, "DecodeParms");
      if (parms && parms->IsArray() && !parms->GetArray().empty()) parms = Resolve(&parms->GetArray().back(), xobject->GetOwner());
      PdfObject* globals = Get(parms, "JBIG2Globals");
      if (globals && globals->HasStream()) {
        std::string bytes;
        if (DecodedStreamBytes(globals, 64u << 20, &bytes).ok()) {
          out->jbig2_globals = std::make_shared<const std::string>(std::move(bytes));
        }
      }
    }
    out->data = std::make_shared<const std::string>(RawStreamBytes(xobject));
  } catch (const PdfError&) {
    return Status::Corrupt("PDF中的图像对象已损坏");
  } catch (const std::exception&) {
    return Status::Corrupt("PDF中的图像对象已损坏");
  }
  return CanDecodePdfImage(*out) ? Status::OK() : Status::Unsupported("PDF中的图像格式不受支持");
}

}  // namespace gm
