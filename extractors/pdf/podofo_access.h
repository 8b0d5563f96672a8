// Internal to extractors/pdf: small helpers over PoDoFo objects shared by the
// files that read a parsed document. Every helper may throw PoDoFo::PdfError;
// callers catch it at their public boundary (podofo_document.cc).
#pragma once

#include <podofo/podofo.h>

#include <string>
#include <vector>

#include "extractors/pdf/pdf_image.h"
#include "pipeline/core/status.h"

namespace gm::podofo {

// Follows a reference to the object it names, looked up in `owner` when the
// object does not know its own (values nested in arrays and dictionaries);
// null stays null, and so does a dangling reference.
PoDoFo::PdfObject* Resolve(PoDoFo::PdfObject* object, PoDoFo::PdfVecObjects* owner = nullptr);
// The value of dictionary key `key` of `dict`, references followed; null when absent.
PoDoFo::PdfObject* Get(PoDoFo::PdfObject* dict, const char* key);
// A number (integer or real), or `fallback`.
double Number(const PoDoFo::PdfObject* object, double fallback);
// A name's text, or "".
std::string Name(const PoDoFo::PdfObject* object);

// The filters of a stream dictionary (/Filter, /DecodeParms), in decoding order.
std::vector<PdfImageFilter> ReadFilters(PoDoFo::PdfObject* stream);
// The stream's raw (still encoded, but decrypted) bytes.
std::string RawStreamBytes(PoDoFo::PdfObject* stream);
// The stream's bytes with its byte filters undone, at most `max_bytes`.
// Unsupported when it uses an image codec (which only images may).
Status DecodedStreamBytes(PoDoFo::PdfObject* stream, size_t max_bytes, std::string* out);

}  // namespace gm::podofo
