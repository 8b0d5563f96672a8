#include "extractors/archive/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>

#include "extractors/archive/member_name.h"

namespace gm {
namespace {

// The reader hands libarchive the packed bytes in small chunks, so that the
// bytes consumed per member measure its packed size for the ratio check.
constexpr int64_t kChunk = 16 * 1024;
// Below this many unpacked bytes a member is never called a bomb, whatever
// its ratio (a blank page compresses very well and does no harm).
constexpr uint64_t kMinBombBytes = 1u << 20;

// libarchive converts member names between the archive's charset and the
// thread's locale. In the C locale it cannot convert UTF-8 (flagged zip
// names, 7z's UTF-16) at all, so reading runs under a thread-local C.UTF-8:
// flagged and UTF-16 names then arrive as UTF-8, unflagged ones (GBK from
// Windows) as their raw bytes, which DecodeArchiveName reads. The process
// locale is left alone (Tesseract needs "C").
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0))) {
    if (utf8_) previous_ = uselocale(utf8_);
  }
  ~ScopedUtf8Locale() {
    if (utf8_) {
      uselocale(previous_);
      freelocale(utf8_);
    }
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t utf8_;
  locale_t previous_ = static_cast<locale_t>(0);
};

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};

struct MemorySource {
  std::string_view data;
  int64_t pos = 0;
  uint64_t delivered = 0;  // bytes handed to libarchive so far
};

la_ssize_t ReadCallback(struct archive*, void* user, const void** buffer) {
  auto* src = static_cast<MemorySource*>(user);
  int64_t left = static_cast<int64_t>(src->data.size()) - src->pos;
  int64_t n = std::min<int64_t>(kChunk, std::max<int64_t>(left, 0));
  *buffer = src->data.data() + src->pos;
  src->pos += n;
  src->delivered += static_cast<uint64_t>(n);
  return static_cast<la_ssize_t>(n);
}

la_int64_t SkipCallback(struct archive*, void* user, la_int64_t request) {
  auto* src = static_cast<MemorySource*>(user);
  int64_t left = static_cast<int64_t>(src->data.size()) - src->pos;
  int64_t n = std::clamp<int64_t>(request, 0, std::max<int64_t>(left, 0));
  src->pos += n;
  return n;
}

la_int64_t SeekCallback(struct archive*, void* user, la_int64_t offset, int whence) {
  auto* src = static_cast<MemorySource*>(user);
  int64_t size = static_cast<int64_t>(src->data.size());
  int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? src->pos : size;
  if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0 || base + offset > size) return ARCHIVE_FATAL;
  src->pos = base + offset;
  return src->pos;
}

std::string Mb(uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

bool Mentions(const char* text, const char* word) { return text && std::strstr(text, word) != nullptr; }

bool LooksEncrypted(struct archive* a) {
  const char* err = archive_error_string(a);
  return Mentions(err, "ncrypt") || Mentions(err, "assphrase") || Mentions(err, "password");
}

// The status for an archive libarchive gave up on, from its error text.
Status Failure(struct archive* a, size_t members_read) {
  const char* err = archive_error_string(a);
  std::string detail = err ? std::string("（") + err + "）" : std::string();
  if (LooksEncrypted(a))
    return Status::Encrypted("压缩包已加密（需要密码），无法读取；请申报单位提供未加密的压缩包");
  if (Mentions(err, "nsupported") || Mentions(err, "not supported"))
    return Status::Unsupported("压缩包使用了无法读取的格式或压缩方法" + detail +
                               "；请申报单位改用普通ZIP格式重新打包后提供");
  if (members_read == 0)
    return Status::Corrupt("文件无法作为压缩包打开（格式无法识别、已损坏或不完整）" + detail +
                           "；请申报单位重新打包（建议ZIP格式）后提供");
  return Status::Corrupt("压缩包已损坏或不完整（可能下载或复制时中断）" + detail + "，已读出" +
                         std::to_string(members_read) + "个文件，其余无法读取；请申报单位重新提供完整的压缩包");
}

Status CountLimit(const ArchiveLimits& limits) {
  return Status::Limit("压缩包中的文件数量超过上限（" + std::to_string(limits.max_members) +
                       "个，处理预算 max_files），其余文件未读取；请申报单位精简材料或分包提供");
}

std::string MemberName(struct archive_entry* entry) {
  if (const char* raw = archive_entry_pathname(entry)) return DecodeArchiveName(raw);
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return DecodeArchiveName(utf8);
  return std::string();
}

}  // namespace

Status ReadArchive(std::string_view bytes, const ArchiveLimits& limits, ArchiveListing* out) {
  *out = ArchiveListing();
  ScopedUtf8Locale utf8_names;  // declared first: outlives the archive handle
  std::unique_ptr<struct archive, ArchiveFree> holder(archive_read_new());
  struct archive* a = holder.get();
  if (!a) return Status::Internal("libarchive: out of memory");
  archive_read_support_filter_all(a);
  // The formats applicants use; the exotic rest of libarchive is attack surface.
  archive_read_support_format_zip(a);
  archive_read_support_format_7zip(a);
  archive_read_support_format_rar(a);
  archive_read_support_format_rar5(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_cab(a);
  archive_read_support_format_iso9660(a);

  MemorySource src{bytes};
  archive_read_set_callback_data(a, &src);
  archive_read_set_read_callback(a, ReadCallback);
  archive_read_set_skip_callback(a, SkipCallback);
  archive_read_set_seek_callback(a, SeekCallback);
  if (archive_read_open1(a) != ARCHIVE_OK) return Failure(a, 0);

  std::map<std::string, size_t> by_raw_name;  // for tar hard links
  uint64_t total = 0;
  int entries_seen = 0;
  const int max_entries = limits.max_members * 4 + 1000;  // directories and links count too
  std::vector<char> buffer(64 * 1024);
  for (;;) {
    uint64_t delivered_before = src.delivered;
    struct archive_entry* entry = nullptr;
    int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) return Failure(a, out->members.size());
    if (out->format.empty() && archive_format_name(a)) out->format = archive_format_name(a);
    if (++entries_seen > max_entries) return CountLimit(limits);
    const char* link = archive_entry_hardlink(entry);  // tar hard links carry no data of their own
    if (archive_entry_filetype(entry) != AE_IFREG && !link) continue;  // directories, symlinks, devices
    if (static_cast<int>(out->members.size()) >= limits.max_members) return CountLimit(limits);

    ArchiveMember member;
    member.path = SafeRelativePath(MemberName(entry));
    const char* raw_name = archive_entry_pathname(entry);
    if (link) {
      auto it = by_raw_name.find(link);
      if (it == by_raw_name.end() && archive_entry_filetype(entry) != AE_IFREG) continue;  // dangling
      if (it != by_raw_name.end() && archive_entry_size(entry) == 0) {
        member.bytes = out->members[it->second].bytes;
        member.error = out->members[it->second].error;
        total += member.bytes.size();
        if (total > limits.max_total_bytes)
          return Status::Limit("压缩包解压后的总大小超过上限（" + Mb(limits.max_total_bytes) +
                               "，处理预算 max_package_bytes），其余文件未读取；请申报单位精简材料或分包提供");
        out->members.push_back(std::move(member));
        continue;
      }
    }
    if (archive_entry_is_encrypted(entry)) {
      member.error = "文件已加密（需要密码），无法读取，请申报单位提供未加密的文件";
      out->members.push_back(std::move(member));
      continue;
    }
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0 &&
        static_cast<uint64_t>(archive_entry_size(entry)) > limits.max_member_bytes) {
      member.error = "文件解压后超过单个文件上限（" + Mb(limits.max_member_bytes) +
                     "，处理预算 max_file_bytes），未读取；请申报单位核实该文件或拆分后提供";
      out->members.push_back(std::move(member));
      continue;
    }

    uint64_t unpacked = 0;
    for (;;) {
      la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
      if (n == 0) break;
      if (n < 0) {
        if (LooksEncrypted(a)) {
          member.error = "文件已加密（需要密码），无法读取，请申报单位提供未加密的文件";
        } else {
          member.error = "文件数据已损坏或不完整，无法读取；请申报单位重新提供该文件";
        }
        member.bytes.clear();
        if (n == ARCHIVE_FATAL) {
          out->members.push_back(std::move(member));
          return Failure(a, out->members.size() - 1);
        }
        break;
      }
      unpacked += static_cast<uint64_t>(n);
      uint64_t packed = std::max<uint64_t>(src.delivered - delivered_before, kChunk);
      if (unpacked > kMinBombBytes && unpacked / packed >= limits.max_expansion_ratio)
        return Status::Limit("压缩包中的“" + member.path + "”解压比例异常（超过" +
                             std::to_string(limits.max_expansion_ratio) +
                             "倍，处理预算 max_expansion_ratio，疑似压缩炸弹），已停止解压；请申报单位重新打包后提供");
      if (total + unpacked > limits.max_total_bytes)
        return Status::Limit("压缩包解压后的总大小超过上限（" + Mb(limits.max_total_bytes) +
                             "，处理预算 max_package_bytes），其余文件未读取；请申报单位精简材料或分包提供");
      if (unpacked > limits.max_member_bytes) {
        member.error = "文件解压后超过单个文件上限（" + Mb(limits.max_member_bytes) +
                       "，处理预算 max_file_bytes），未读取；请申报单位核实该文件或拆分后提供";
        member.bytes.clear();
        member.bytes.shrink_to_fit();
        break;
      }
      member.bytes.append(buffer.data(), static_cast<size_t>(n));
    }
    total += member.bytes.size();
    if (raw_name) by_raw_name[raw_name] = out->members.size();
    out->members.push_back(std::move(member));
  }
  return Status::OK();
}

}  // namespace gm
