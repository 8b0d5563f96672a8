#include "extractors/office/zip_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "pipeline/core/limits.h"

namespace gm {
namespace {

constexpr size_t kMaxMembers = 100000;

struct ArchiveDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

Status NotAZip() { return Status::Corrupt("文件已损坏，无法作为Office文档（zip格式）打开"); }

// Opens `bytes` as a zip, reading its central directory (as Office does)
// rather than scanning local headers.
Status OpenZip(std::string_view bytes, ArchivePtr* out) {
  ArchivePtr a(archive_read_new());
  if (!a) return Status::Internal("archive_read_new failed");
  archive_read_support_format_zip_seekable(a.get());
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) return NotAZip();
  *out = std::move(a);
  return Status::OK();
}

}  // namespace

Status ListZipMembers(std::string_view bytes, std::vector<std::string>* names) {
  names->clear();
  ArchivePtr a;
  Status s = OpenZip(bytes, &a);
  if (!s.ok()) return s;
  archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
    const char* name = archive_entry_pathname(entry);
    if (name) names->emplace_back(name);
    if (names->size() >= kMaxMembers) break;
  }
  if (rc == ARCHIVE_FATAL || (rc != ARCHIVE_EOF && names->empty())) return NotAZip();
  return Status::OK();
}

Status ReadZipMembers(std::string_view bytes, const std::function<bool(const std::string&)>& wanted,
                      uint64_t max_bytes, std::map<std::string, std::string>* out) {
  out->clear();
  uint64_t total = 0;
  ArchivePtr a;
  Status s = OpenZip(bytes, &a);
  if (!s.ok()) return s;
  archive_entry* entry = nullptr;
  size_t seen = 0;
  int rc;
  while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
    if (++seen > kMaxMembers) break;
    const char* raw_name = archive_entry_pathname(entry);
    if (!raw_name) continue;
    const std::string name = raw_name;
    if (!wanted(name)) continue;
    if (archive_entry_is_encrypted(entry)) return Status::Encrypted("Office文档已加密，无法读取，请申报单位提供未加密的文件");
    std::string data;
    char chunk[64 * 1024];
    la_ssize_t n;
    while ((n = archive_read_data(a.get(), chunk, sizeof(chunk))) > 0) {
      total += static_cast<uint64_t>(n);
      if (total > max_bytes) {
        out->clear();
        return Status::Limit("Office文档中的“" + name + "”解压后过大，超出" +
                             BudgetText("max_xml_bytes", "解压出的XML字节数", max_bytes) +
                             "；请申报单位精简文档或另存为PDF后重新发送");
      }
      data.append(chunk, static_cast<size_t>(n));
    }
    if (n < 0) return Status::Corrupt("Office文档已损坏（“" + name + "”无法解压），请申报单位重新发送");
    (*out)[name] = std::move(data);
  }
  if (rc == ARCHIVE_FATAL) return Status::Corrupt("Office文档已损坏，无法读取，请申报单位重新发送");
  return Status::OK();
}

}  // namespace gm
