// Test fixtures for ingest, built in the test: text in Chinese legacy
// encodings, raw zips (names in any bytes, with or without the UTF-8 flag),
// archives written by libarchive (deflate, 7z, tar.gz, encrypted zip), PDFs
// with embedded files (PoDoFo), e-mail pieces, and a temporary folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gm::testing {

// UTF-8 text in another charset (ICU name: "gbk", "gb18030", "windows-950-2000").
std::string Encode(const std::string& utf8, const char* charset);

std::string Base64(const std::string& bytes);

// A zip written byte by byte with stored (uncompressed) members.
struct RawZipEntry {
  std::string name;       // raw bytes, as written into the headers
  std::string data;
  bool utf8_flag = false;  // general-purpose bit 11
  bool encrypted_flag = false;  // general-purpose bit 0 (data left as is)
};
std::string RawZip(const std::vector<RawZipEntry>& entries);

// Archives written by libarchive. Names are raw bytes (the writer keeps them
// as they are in the C locale); 7z names are given as UTF-8 and stored as UTF-16.
struct Member {
  std::string name;
  std::string data;
  std::string hard_link_to = {};  // tar only: a hard link to this earlier member, no data
};
std::string DeflateZip(const std::vector<Member>& members);
std::string EncryptedZip(const std::vector<Member>& members, const std::string& password);
std::string SevenZip(const std::vector<Member>& members);
std::string TarGz(const std::vector<Member>& members);

// A one-page PDF; each of `attached` embedded through the EmbeddedFiles name
// tree, each of `annotated` through a FileAttachment annotation. Names UTF-8.
std::string PdfWithAttachments(const std::vector<Member>& attached, const std::vector<Member>& annotated);

// A minimal valid one-page PDF with no attachments.
std::string PlainPdf();

// A temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes bytes to path()/rel, creating folders.
  void Write(const std::string& rel, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

}  // namespace gm::testing
