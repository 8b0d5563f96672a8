// OfficeFormat: what kind of office file a zip container or an OLE compound
// file is, from its member names or directory — enough to read .docx and
// .xlsx and to tell the reviewer what else was sent (a legacy .doc, a
// password-protected workbook, an OFD e-document, a PowerPoint).
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace gm {

enum class OfficeKind {
  kUnknown,        // not an office file this module recognizes
  kDocx,
  kXlsx,
  kPptx,
  kOpenDocument,   // .odt / .ods / .odp
  kOfd,            // GB/T 33190 OFD e-document (a zip with OFD.xml)
  kZip,            // a plain zip archive
  kOleWord,        // .doc (or WPS's .wps, which shares the layout)
  kOleExcel,       // .xls (or WPS's .et)
  kOlePowerPoint,  // .ppt
  kOleEncrypted,   // a password-protected .docx / .xlsx (an OLE wrapper around the encrypted package)
  kOleOther,       // some other OLE compound file
};

// True for the OLE compound file signature D0 CF 11 E0 A1 B1 1A E1.
bool IsOleCompoundFile(std::string_view bytes);
// True for a zip local file header ("PK\3\4") or an empty zip ("PK\5\6").
bool IsZip(std::string_view bytes);

// The kind of a zip container, from its member names (kZip when none
// matches; kUnknown when it cannot be read as a zip).
OfficeKind SniffZipKind(std::string_view bytes);

// The kind of an OLE compound file, from the stream names of its directory.
OfficeKind SniffOleKind(std::string_view bytes);

}  // namespace gm
