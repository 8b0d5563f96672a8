#include "extractors/pdf/podofo_access.h"

#include <memory>

namespace gm::podofo {

using PoDoFo::PdfObject;

PdfObject* Resolve(PdfObject* object, PoDoFo::PdfVecObjects* owner) {
  // A short chain at most: references to references are legal but rare; loops are not followed.
  for (int hops = 0; object && object->IsReference() && hops < 8; ++hops) {
    PoDoFo::PdfVecObjects* objects = object->GetOwner() ? object->GetOwner() : owner;
    object = objects ? objects->GetObject(object->GetReference()) : nullptr;
  }
  return object && object->IsReference() ? nullptr : object;
}

PdfObject* Get(PdfObject* dict, const char* key) {
  dict = Resolve(dict);
  if (!dict || !dict->IsDictionary()) return nullptr;
  return Resolve(dict->GetDictionary().GetKey(PoDoFo::PdfName(key)), dict->GetOwner());
}

double Number(const PdfObject* object, double fallback) {
  if (!object) return fallback;
  if (object->IsNumber()) return static_cast<double>(object->GetNumber());
  if (object->IsReal()) return object->GetReal();
  return fallback;
}

std::string Name(const PdfObject* object) {
  return object && object->IsName() ? object->GetName().GetName() : std::string();
}

namespace {

FilterParams ReadParams(PdfObject* parms, CcittParams* ccitt) {
  FilterParams p;
  if (!parms || !parms->IsDictionary()) return p;
  p.predictor = static_cast<int>(Number(Get(parms, "Predictor"), 1));
  p.colors = static_cast<int>(Number(Get(parms, "Colors"), 1));
  p.bits_per_component = static_cast<int>(Number(Get(parms, "BitsPerComponent"), 8));
  p.columns = static_cast<int>(Number(Get(parms, "Columns"), 1));
  p.early_change = static_cast<int>(Number(Get(parms, "EarlyChange"), 1));
  ccitt->k = static_cast<int>(Number(Get(parms, "K"), 0));
  ccitt->columns = static_cast<int>(Number(Get(parms, "Columns"), 1728));
  ccitt->rows = static_cast<int>(Number(Get(parms, "Rows"), 0));
  PdfObject* black = Get(parms, "BlackIs1");
  ccitt->black_is_1 = black && black->IsBool() && black->GetBool();
  PdfObject* align = Get(parms, "EncodedByteAlign");
  ccitt->encoded_byte_align = align && align->IsBool() && align->GetBool();
  PdfObject* eol = Get(parms, "EndOfLine");
  ccitt->end_of_line = eol && eol->IsBool() && eol->GetBool();
  return p;
}

}  // namespace

std::vector<PdfImageFilter> ReadFilters(PdfObject* stream) {
  std::vector<PdfImageFilter> filters;
  PdfObject* filter = Get(stream, "Filter");
  if (!filter) filter = Get(stream, "F");
  PdfObject* parms = Get(stream, "DecodeParms");
  if (!parms) parms = Get(stream, "DP");
  std::vector<PdfObject*> names, params;
  if (filter && filter->IsName()) {
    names.push_back(filter);
    params.push_back(parms && parms->IsDictionary() ? parms : nullptr);
  } else if (filter && filter->IsArray()) {
    PoDoFo::PdfArray& array = filter->GetArray();
    for (size_t i = 0; i < array.size() && i < 16; ++i) {
      names.push_back(Resolve(&array[i], stream->GetOwner()));
      PdfObject* p = nullptr;
      if (parms && parms->IsArray() && i < parms->GetArray().size()) {
        p = Resolve(&parms->GetArray()[i], stream->GetOwner());
      }
      params.push_back(p && p->IsDictionary() ? p : nullptr);
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    PdfImageFilter f;
    f.name = Name(names[i]);
    f.params = ReadParams(params[i], &f.ccitt);
    filters.push_back(std::move(f));
  }
  return filters;
}

std::string RawStreamBytes(PdfObject* stream) {
  if (!stream || !stream->HasStream()) return {};
  char* buffer = nullptr;
  PoDoFo::pdf_long length = 0;
  stream->GetStream()->GetCopy(&buffer, &length);
  std::unique_ptr<char, void (*)(void*)> owned(buffer, PoDoFo::podofo_free);
  return buffer && length > 0 ? std::string(buffer, static_cast<size_t>(length)) : std::string();
}

Status DecodedStreamBytes(PdfObject* stream, size_t max_bytes, std::string* out) {
  out->clear();
  std::string data = RawStreamBytes(stream);
  for (const PdfImageFilter& filter : ReadFilters(stream)) {
    if (!IsByteFilter(filter.name)) return Status::Unsupported("不支持的PDF数据流编码（" + filter.name + "）");
    std::string decoded;
    Status s = ApplyByteFilter(filter.name, filter.params, data, max_bytes, &decoded);
    if (!s.ok()) return s;
    data.swap(decoded);
  }
  if (data.size() > max_bytes) return Status::Limit("PDF数据流过大，超出处理上限");
  out->swap(data);
  return Status::OK();
}

}  // namespace gm::podofo
