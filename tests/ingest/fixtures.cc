#include "tests/ingest/fixtures.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <podofo/podofo.h>
#include <unicode/ucnv.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "extractors/mime/charset.h"

namespace gm::testing {

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) throw std::runtime_error("ucnv_convert failed");
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int k = 3; k >= 0; --k) out += kAlphabet[(v >> (6 * k)) & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  std::string wrapped;
  for (size_t p = 0; p < out.size(); p += 76) wrapped += out.substr(p, 76) + "\r\n";
  return wrapped;
}

namespace {

uint32_t Crc32(const std::string& data) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void Put16(std::string* s, uint16_t v) {
  *s += char(v & 0xFF);
  *s += char(v >> 8);
}
void Put32(std::string* s, uint32_t v) {
  for (int k = 0; k < 4; ++k) *s += char((v >> (8 * k)) & 0xFF);
}

struct WriteFree {
  void operator()(struct archive* a) const { archive_write_free(a); }
};

la_ssize_t AppendCallback(struct archive*, void* user, const void* buffer, size_t length) {
  static_cast<std::string*>(user)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

// Wide string from UTF-8 (tests run in the C locale, where mbstowcs cannot).
std::wstring Widen(const std::string& utf8) {
  std::wstring out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) { cp = c; len = 1; }
    else if (c < 0xE0) { cp = c & 0x1F; len = 2; }
    else if (c < 0xF0) { cp = c & 0x0F; len = 3; }
    else { cp = c & 0x07; len = 4; }
    for (size_t k = 1; k < len && i + k < utf8.size(); ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out += static_cast<wchar_t>(cp);
    i += len;
  }
  return out;
}

enum class Kind { kZip, kEncryptedZip, kSevenZip, kTarGz };

std::string Write(Kind kind, const std::vector<Member>& members, const std::string& password = "") {
  // libarchive needs a UTF-8 locale to write 7z's UTF-16 names; zip and tar
  // names are written as the raw bytes given in the C locale, without the
  // UTF-8 flag, the way Windows tools in China write them.
  locale_t utf8 =
      kind == Kind::kSevenZip ? newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0)) : static_cast<locale_t>(0);
  locale_t previous = utf8 ? uselocale(utf8) : static_cast<locale_t>(0);
  struct Restore {
    locale_t utf8, previous;
    ~Restore() {
      if (utf8) {
        uselocale(previous);
        freelocale(utf8);
      }
    }
  } restore{utf8, previous};
  std::unique_ptr<struct archive, WriteFree> a(archive_write_new());
  switch (kind) {
    case Kind::kZip: archive_write_set_format_zip(a.get()); break;
    case Kind::kEncryptedZip:
      archive_write_set_format_zip(a.get());
      if (archive_write_set_options(a.get(), "zip:encryption=traditional") != ARCHIVE_OK ||
          archive_write_set_passphrase(a.get(), password.c_str()) != ARCHIVE_OK)
        throw std::runtime_error(archive_error_string(a.get()));
      break;
    case Kind::kSevenZip: archive_write_set_format_7zip(a.get()); break;
    case Kind::kTarGz:
      archive_write_set_format_ustar(a.get());
      archive_write_add_filter_gzip(a.get());
      break;
  }
  archive_write_set_bytes_in_last_block(a.get(), 1);  // no zero padding after the archive
  std::string out;
  if (archive_write_open2(a.get(), &out, nullptr, AppendCallback, nullptr, nullptr) != ARCHIVE_OK)
    throw std::runtime_error(archive_error_string(a.get()));
  for (const auto& m : members) {
    struct archive_entry* e = archive_entry_new();
    if (kind == Kind::kSevenZip) {
      archive_entry_copy_pathname_w(e, Widen(m.name).c_str());
    } else {
      archive_entry_set_pathname(e, m.name.c_str());
    }
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(m.data.size()));
    if (!m.hard_link_to.empty()) {
      archive_entry_set_hardlink(e, m.hard_link_to.c_str());
      archive_entry_set_size(e, 0);
    }
    archive_entry_set_mtime(e, 1700000000, 0);
    if (archive_write_header(a.get(), e) != ARCHIVE_OK) {
      std::string err = archive_error_string(a.get()) ? archive_error_string(a.get()) : "?";
      archive_entry_free(e);
      throw std::runtime_error("archive_write_header: " + err);
    }
    archive_write_data(a.get(), m.data.data(), m.data.size());
    archive_entry_free(e);
  }
  archive_write_close(a.get());
  return out;
}

}  // namespace

std::string RawZip(const std::vector<RawZipEntry>& entries) {
  std::string out, central;
  for (const auto& e : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    uint16_t flags = (e.utf8_flag ? 0x800 : 0) | (e.encrypted_flag ? 1 : 0);
    uint32_t crc = Crc32(e.data);
    Put32(&out, 0x04034b50);
    Put16(&out, 20);
    Put16(&out, flags);
    Put16(&out, 0);       // stored
    Put16(&out, 0);       // time
    Put16(&out, 0x21);    // date 1980-01-01
    Put32(&out, crc);
    Put32(&out, static_cast<uint32_t>(e.data.size()));
    Put32(&out, static_cast<uint32_t>(e.data.size()));
    Put16(&out, static_cast<uint16_t>(e.name.size()));
    Put16(&out, 0);
    out += e.name;
    out += e.data;
    Put32(&central, 0x02014b50);
    Put16(&central, 20);
    Put16(&central, 20);
    Put16(&central, flags);
    Put16(&central, 0);
    Put16(&central, 0);
    Put16(&central, 0x21);
    Put32(&central, crc);
    Put32(&central, static_cast<uint32_t>(e.data.size()));
    Put32(&central, static_cast<uint32_t>(e.data.size()));
    Put16(&central, static_cast<uint16_t>(e.name.size()));
    Put16(&central, 0);
    Put16(&central, 0);
    Put16(&central, 0);
    Put16(&central, 0);
    Put32(&central, 0);
    Put32(&central, offset);
    central += e.name;
  }
  uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(&out, 0x06054b50);
  Put16(&out, 0);
  Put16(&out, 0);
  Put16(&out, static_cast<uint16_t>(entries.size()));
  Put16(&out, static_cast<uint16_t>(entries.size()));
  Put32(&out, static_cast<uint32_t>(central.size()));
  Put32(&out, central_offset);
  Put16(&out, 0);
  return out;
}

std::string DeflateZip(const std::vector<Member>& members) { return Write(Kind::kZip, members); }
std::string EncryptedZip(const std::vector<Member>& members, const std::string& password) {
  return Write(Kind::kEncryptedZip, members, password);
}
std::string SevenZip(const std::vector<Member>& members) { return Write(Kind::kSevenZip, members); }
std::string TarGz(const std::vector<Member>& members) { return Write(Kind::kTarGz, members); }

namespace {

// UTF-8 names go into /UF as a Unicode string; other bytes (GBK) into /F as they are.
void NameSpec(PoDoFo::PdfFileSpec* spec, const std::string& name) {
  namespace pdf = PoDoFo;
  pdf::PdfDictionary& dict = spec->GetObject()->GetDictionary();
  if (IsValidUtf8(name)) {
    dict.AddKey(pdf::PdfName("UF"), pdf::PdfString(reinterpret_cast<const pdf::pdf_utf8*>(name.c_str())));
  } else {
    dict.RemoveKey(pdf::PdfName("UF"));
  }
  dict.AddKey(pdf::PdfName("F"), pdf::PdfString(name.data(), static_cast<pdf::pdf_long>(name.size())));
}

}  // namespace

std::string PdfWithAttachments(const std::vector<Member>& attached, const std::vector<Member>& annotated) {
  namespace pdf = PoDoFo;
  pdf::PdfMemDocument doc;
  pdf::PdfPage* page = doc.CreatePage(pdf::PdfPage::CreateStandardPageSize(pdf::ePdfPageSize_A4));
  for (const auto& m : attached) {
    pdf::PdfFileSpec spec("file.bin", reinterpret_cast<const unsigned char*>(m.data.data()),
                          static_cast<ptrdiff_t>(m.data.size()), &doc);
    NameSpec(&spec, m.name);
    doc.AttachFile(spec);
  }
  double y = 700;
  for (const auto& m : annotated) {
    pdf::PdfFileSpec spec("file.bin", reinterpret_cast<const unsigned char*>(m.data.data()),
                          static_cast<ptrdiff_t>(m.data.size()), &doc);
    NameSpec(&spec, m.name);
    pdf::PdfAnnotation* annot = page->CreateAnnotation(pdf::ePdfAnnotation_FileAttachement, pdf::PdfRect(50, y, 20, 20));
    annot->SetFileAttachement(spec);
    y -= 40;
  }
  pdf::PdfRefCountedBuffer buffer;
  pdf::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string PlainPdf() { return PdfWithAttachments({}, {}); }

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "gm-ingest-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempDir::Write(const std::string& rel, const std::string& bytes) const {
  std::filesystem::path p = path_ / rel;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace gm::testing
