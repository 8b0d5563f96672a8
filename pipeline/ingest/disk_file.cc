#include "pipeline/ingest/disk_file.h"

#include <openssl/evp.h>

#include <cstdio>
#include <memory>

#include "extractors/mime/charset.h"

namespace gm {
namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileClose>;

struct DigestFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

Status OpenForReading(const std::filesystem::path& path, FilePtr* file) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound("文件不存在（可能已被移走或删除）：" + path.string());
  file->reset(std::fopen(path.c_str(), "rb"));
  if (!*file) return Status::IoError("文件无法打开（权限不足或磁盘错误）：" + path.string());
  return Status::OK();
}

}  // namespace

Status ReadDiskFile(const std::filesystem::path& path, uint64_t max_bytes, std::string* out) {
  std::error_code ec;
  uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) {
    if (!std::filesystem::exists(path, ec)) return Status::NotFound("文件不存在（可能已被移走或删除）：" + path.string());
    return Status::IoError("无法读取文件大小：" + path.string());
  }
  if (size > max_bytes)
    return Status::Limit("文件大小超过单个文件上限（" + std::to_string(max_bytes >> 20) +
                         " MB，处理预算 max_file_bytes），未读取；请申报单位核实该文件或拆分后提供");
  FilePtr file;
  if (Status s = OpenForReading(path, &file); !s.ok()) return s;
  out->clear();
  out->resize(static_cast<size_t>(size));
  size_t got = size ? std::fread(out->data(), 1, out->size(), file.get()) : 0;
  if (got != out->size()) return Status::IoError("文件读取不完整（磁盘错误或文件正在被写入）：" + path.string());
  return Status::OK();
}

Status Sha256OfDiskFile(const std::filesystem::path& path, std::string* hex) {
  FilePtr file;
  if (Status s = OpenForReading(path, &file); !s.ok()) return s;
  std::unique_ptr<EVP_MD_CTX, DigestFree> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return Status::Internal("sha256 init failed");
  std::string buffer(1 << 20, '\0');
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), n);
  if (std::ferror(file.get())) return Status::IoError("文件读取失败（磁盘错误）：" + path.string());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  static const char* kHex = "0123456789abcdef";
  hex->clear();
  for (unsigned int i = 0; i < len; ++i) {
    *hex += kHex[digest[i] >> 4];
    *hex += kHex[digest[i] & 15];
  }
  return Status::OK();
}

std::string DiskNameToUtf8(const std::string& raw) {
  return IsValidUtf8(raw) ? raw : DecodeUnknownCharset(raw);
}

}  // namespace gm
