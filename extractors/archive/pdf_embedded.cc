#include "extractors/archive/pdf_embedded.h"

#include <podofo/podofo.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "extractors/archive/member_name.h"
#include "extractors/mime/charset.h"
#include "pipeline/core/inflate.h"

namespace gm {
namespace {

namespace pdf = PoDoFo;

constexpr uint64_t kMinBombBytes = 1u << 20;  // as for archives: small files are never bombs
constexpr int kMaxTreeNodes = 20000;          // name-tree and page-tree nodes visited, at most

std::string Mb(uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// Collects decoded stream bytes; throws PdfError past `cap` so that PoDoFo
// stops inflating a bomb midway.
class CappedOutput : public pdf::PdfOutputStream {
 public:
  explicit CappedOutput(uint64_t cap) : cap_(cap) {}
  pdf::pdf_long Write(const char* buffer, pdf::pdf_long len) override {
    if (len <= 0) return 0;
    if (data_.size() + static_cast<uint64_t>(len) > cap_) {
      overflow_ = true;
      throw pdf::PdfError(pdf::ePdfError_ValueOutOfRange, __FILE__, __LINE__);
    }
    data_.append(buffer, static_cast<size_t>(len));
    return len;
  }
  void Close() override {}
  bool overflow() const { return overflow_; }
  std::string& data() { return data_; }

 private:
  uint64_t cap_;
  bool overflow_ = false;
  std::string data_;
};

// What decoding an embedded file gave: the inflater's three outcomes.
using Decoded = InflateResult;

// True when the stream's only filter is FlateDecode without a predictor, the
// way embedded files are written: then zlib decodes it under the cap.
bool PlainFlate(PoDoFo::PdfObject* stream_object, bool* unfiltered) {
  namespace pdf = PoDoFo;
  pdf::PdfDictionary& dict = stream_object->GetDictionary();
  pdf::PdfObject* filter = dict.GetKey(pdf::PdfName("Filter"));
  *unfiltered = filter == nullptr;
  if (!filter) return false;
  if (filter->IsArray() && filter->GetArray().size() == 1) filter = &filter->GetArray()[0];
  if (!filter->IsName()) return false;
  const std::string& name = filter->GetName().GetName();
  if (name != "FlateDecode" && name != "Fl") return false;
  pdf::PdfObject* parms = dict.GetKey(pdf::PdfName("DecodeParms"));
  return parms == nullptr;
}

// A PDF string as UTF-8: UTF-16 (BOM) strings decoded by PoDoFo, byte strings
// guessed (Chinese producers write GBK there, not PDFDocEncoding).
std::string PdfText(const pdf::PdfString& s) {
  if (!s.IsValid()) return std::string();
  if (s.IsUnicode()) return s.GetStringUtf8();
  std::string_view raw(s.GetString() ? s.GetString() : "", s.GetString() ? static_cast<size_t>(s.GetLength()) : 0);
  if (raw.size() >= 3 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  return IsValidUtf8(raw) ? std::string(raw) : DecodeUnknownCharset(raw);
}

class Extractor {
 public:
  Extractor(const ArchiveLimits& limits, std::vector<ArchiveMember>* out)
      : limits_(limits), out_(out), first_(out->size()) {}

  Status Run(std::string_view bytes) {
    doc_.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    pdf::PdfObject* catalog = doc_.GetCatalog();
    if (!catalog || !catalog->IsDictionary()) return Status::OK();
    pdf::PdfObject* names = Resolve(catalog->GetDictionary().GetKey(pdf::PdfName("Names")));
    if (names && names->IsDictionary()) WalkNameTree(names->GetDictionary().GetKey(pdf::PdfName("EmbeddedFiles")));
    if (status_.ok()) WalkPages(catalog->GetDictionary().GetKey(pdf::PdfName("Pages")));
    return status_;
  }

 private:
  pdf::PdfObject* Resolve(pdf::PdfObject* o) {
    if (o && o->IsReference()) return doc_.GetObjects().GetObject(o->GetReference());
    return o;
  }

  // True the first time a reference is seen (direct objects are always new).
  bool FirstVisit(pdf::PdfObject* raw) {
    if (++nodes_ > kMaxTreeNodes) return false;
    if (!raw || !raw->IsReference()) return true;
    return visited_.insert(raw->GetReference()).second;
  }

  pdf::PdfObject* Key(pdf::PdfObject* dict, const char* key) {
    if (!dict || !dict->IsDictionary()) return nullptr;
    return dict->GetDictionary().GetKey(pdf::PdfName(key));
  }

  void WalkNameTree(pdf::PdfObject* root) {
    std::vector<pdf::PdfObject*> stack{root};
    while (!stack.empty() && status_.ok()) {
      pdf::PdfObject* raw = stack.back();
      stack.pop_back();
      if (!raw || !FirstVisit(raw)) continue;
      pdf::PdfObject* node = Resolve(raw);
      if (!node || !node->IsDictionary()) continue;
      if (pdf::PdfObject* names = Resolve(Key(node, "Names")); names && names->IsArray()) {
        pdf::PdfArray& arr = names->GetArray();
        for (size_t i = 0; i + 1 < arr.size() && status_.ok(); i += 2) {
          std::string key = arr[i].IsString() || arr[i].IsHexString() ? PdfText(arr[i].GetString()) : std::string();
          AddFileSpec(&arr[i + 1], key);
        }
      }
      if (pdf::PdfObject* kids = Resolve(Key(node, "Kids")); kids && kids->IsArray()) {
        pdf::PdfArray& arr = kids->GetArray();
        for (size_t i = arr.size(); i-- > 0;) stack.push_back(&arr[i]);
      }
    }
  }

  void WalkPages(pdf::PdfObject* root) {
    std::vector<pdf::PdfObject*> stack{root};
    int pages = 0;
    while (!stack.empty() && status_.ok() && pages < kMaxAttachmentPages) {
      pdf::PdfObject* raw = stack.back();
      stack.pop_back();
      if (!raw || !FirstVisit(raw)) continue;
      pdf::PdfObject* node = Resolve(raw);
      if (!node || !node->IsDictionary()) continue;
      if (pdf::PdfObject* kids = Resolve(Key(node, "Kids")); kids && kids->IsArray()) {
        pdf::PdfArray& arr = kids->GetArray();
        for (size_t i = arr.size(); i-- > 0;) stack.push_back(&arr[i]);
        continue;
      }
      ++pages;
      pdf::PdfObject* annots = Resolve(Key(node, "Annots"));
      if (!annots || !annots->IsArray()) continue;
      pdf::PdfArray& arr = annots->GetArray();
      for (size_t i = 0; i < arr.size() && status_.ok(); ++i) {
        pdf::PdfObject* annot = Resolve(&arr[i]);
        pdf::PdfObject* subtype = Key(annot, "Subtype");
        if (subtype && subtype->IsName() && subtype->GetName().GetName() == "FileAttachment")
          AddFileSpec(Key(annot, "FS"), std::string());
      }
    }
  }

  // The stream's decoded bytes, at most cap of them. Plain and Flate streams
  // are decoded here; other filter chains through PoDoFo, stopped by an
  // exception from the sink (PoDoFo may leak its filter state on that path).
  Decoded Decode(pdf::PdfObject* stream, uint64_t cap, std::string* out) {
    bool unfiltered = false;
    bool flate = PlainFlate(stream, &unfiltered);
    if (flate || unfiltered) {
      CappedOutput raw(std::numeric_limits<uint64_t>::max());
      stream->GetStream()->GetCopy(&raw);
      if (unfiltered) {
        if (raw.data().size() > cap) return Decoded::kOverflow;
        *out = std::move(raw.data());
        return Decoded::kOk;
      }
      return InflateCapped(raw.data(), cap, out);
    }
    CappedOutput sink(cap);
    try {
      stream->GetStream()->GetFilteredCopy(&sink);
    } catch (const pdf::PdfError&) {
      return sink.overflow() ? Decoded::kOverflow : Decoded::kCorrupt;
    }
    *out = std::move(sink.data());
    return Decoded::kOk;
  }

  std::string SpecName(pdf::PdfObject* spec, const std::string& fallback) {
    for (const char* key : {"UF", "F", "Unix", "DOS", "Mac"}) {
      pdf::PdfObject* v = Resolve(Key(spec, key));
      if (v && (v->IsString() || v->IsHexString())) {
        std::string name = SafeRelativePath(PdfText(v->GetString()));
        if (!name.empty()) return name.substr(name.rfind('/') + 1);
      }
    }
    std::string name = SafeRelativePath(fallback);
    return name.empty() ? name : name.substr(name.rfind('/') + 1);
  }

  void AddFileSpec(pdf::PdfObject* raw_spec, const std::string& tree_key) {
    if (!raw_spec || (raw_spec->IsReference() && !specs_.insert(raw_spec->GetReference()).second)) return;
    pdf::PdfObject* spec = Resolve(raw_spec);
    pdf::PdfObject* ef = Resolve(Key(spec, "EF"));
    if (!ef || !ef->IsDictionary()) return;  // a reference to an outside file: nothing embedded
    pdf::PdfObject* raw_stream = Key(ef, "UF") ? Key(ef, "UF") : Key(ef, "F");
    if (raw_stream && raw_stream->IsReference() && !streams_.insert(raw_stream->GetReference()).second) return;
    if (static_cast<int>(out_->size() - first_) >= limits_.max_members) {
      status_ = Status::Limit("PDF中内嵌的附件数量超过上限（" + std::to_string(limits_.max_members) +
                              "个），其余未读取；请申报单位将附件单独提供");
      return;
    }
    ArchiveMember member;
    member.path = SpecName(spec, tree_key);
    pdf::PdfObject* stream = Resolve(raw_stream);
    if (!stream || !stream->HasStream()) {
      member.error = "PDF中内嵌的附件数据缺失，无法读取；请申报单位将该附件单独提供";
      out_->push_back(std::move(member));
      return;
    }
    uint64_t packed = static_cast<uint64_t>(std::max<pdf::pdf_long>(stream->GetStream()->GetLength(), 1));
    uint64_t ratio_cap = std::max(kMinBombBytes, packed * limits_.max_expansion_ratio);
    uint64_t total_cap = limits_.max_total_bytes > total_ ? limits_.max_total_bytes - total_ : 0;
    uint64_t cap = std::min({ratio_cap, total_cap, limits_.max_member_bytes});
    std::string data;
    Decoded result = Decode(stream, cap, &data);
    if (result == Decoded::kCorrupt) {
      member.error = "PDF中内嵌的附件数据已损坏，无法读取；请申报单位将该附件单独提供";
      out_->push_back(std::move(member));
      return;
    }
    if (result == Decoded::kOverflow) {
      if (cap == ratio_cap) {
        status_ = Status::Limit("PDF中内嵌的“" + member.path + "”解压比例异常（超过" +
                                std::to_string(limits_.max_expansion_ratio) + "倍，疑似压缩炸弹），已停止读取");
        return;
      }
      if (cap == total_cap) {
        status_ = Status::Limit("PDF中内嵌附件的总大小超过上限（" + Mb(limits_.max_total_bytes) + "），其余未读取");
        return;
      }
      member.error = "PDF中内嵌的附件超过单个文件上限（" + Mb(limits_.max_member_bytes) +
                     "），未读取；请申报单位核实该附件或单独提供";
      out_->push_back(std::move(member));
      return;
    }
    member.bytes = std::move(data);
    total_ += member.bytes.size();
    out_->push_back(std::move(member));
  }

  const ArchiveLimits& limits_;
  std::vector<ArchiveMember>* out_;
  size_t first_;
  pdf::PdfMemDocument doc_;
  std::set<pdf::PdfReference> visited_, specs_, streams_;
  int nodes_ = 0;
  uint64_t total_ = 0;
  Status status_;
};

void QuietPodofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    pdf::PdfError::EnableLogging(false);
    pdf::PdfError::EnableDebug(false);
  });
}

}  // namespace

Status ExtractPdfEmbeddedFiles(std::string_view pdf_bytes, const ArchiveLimits& limits,
                               std::vector<ArchiveMember>* out) {
  QuietPodofo();
  if (pdf_bytes.empty()) return Status::Corrupt("PDF文件为空");
  if (pdf_bytes.size() > static_cast<size_t>(std::numeric_limits<long>::max()))
    return Status::Limit("PDF文件过大");
  try {
    Extractor extractor(limits, out);
    return extractor.Run(pdf_bytes);
  } catch (const pdf::PdfError& e) {
    if (e.GetError() == pdf::ePdfError_InvalidPassword)
      return Status::Encrypted("PDF文件已加密（需要密码），其中的内嵌附件无法读取");
    return Status::Corrupt(std::string("PDF文件结构损坏，内嵌附件可能未全部读出（") +
                           pdf::PdfError::ErrorName(e.GetError()) + "）");
  } catch (const std::exception& e) {
    return Status::Corrupt(std::string("PDF文件无法解析，内嵌附件可能未全部读出（") + e.what() + "）");
  }
}

}  // namespace gm
