#include "pipeline/emit/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace gm {
namespace {

namespace fs = std::filesystem;

std::atomic<unsigned long> g_temporary_counter{0};

// "写入 <path> 失败：<what>（<strerror>）" — the operator needs both the file
// and the system's reason to act (free space, fix permissions).
Status IoFailure(const fs::path& path, const char* what, int error) {
  return Status::IoError("写入 " + path.string() + " 失败：" + what + "（" + std::strerror(error) + "）");
}

// Closes a descriptor once, remembering close(2)'s verdict: on NFS and some
// full-disk cases the write error only surfaces at close.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() { Close(); }
  int get() const { return fd_; }
  // Returns 0 or the errno of a failed close.
  int Close() {
    if (fd_ < 0) return 0;
    int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

int WriteAll(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return ENOSPC;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return 0;
}

// fsync of the folder makes the rename durable; file systems that cannot
// fsync a folder (EINVAL) are accepted as they are.
int SyncFolder(const fs::path& folder) {
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  Descriptor d(fd);
  if (::fsync(fd) != 0 && errno != EINVAL) return errno;
  return d.Close();
}

}  // namespace

fs::path TemporarySiblingPath(const fs::path& path) {
  std::string name = path.stem().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                     std::to_string(g_temporary_counter.fetch_add(1)) + path.extension().string();
  return path.parent_path() / name;
}

Status CommitTemporaryFile(const fs::path& temporary, const fs::path& path) {
  int fd = ::open(temporary.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    ::unlink(temporary.c_str());
    return IoFailure(path, "无法打开临时文件", e);
  }
  Descriptor d(fd);
  if (::fsync(fd) != 0) {
    int e = errno;
    ::unlink(temporary.c_str());
    return IoFailure(path, "同步到磁盘失败", e);
  }
  d.Close();
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(temporary.c_str());
    return IoFailure(path, "无法替换目标文件", e);
  }
  if (int e = SyncFolder(path.parent_path()); e != 0) return IoFailure(path, "同步目录失败", e);
  return Status::OK();
}

Status WriteFileAtomically(const fs::path& path, std::string_view bytes) {
  if (path.empty() || !path.has_filename()) return Status::InvalidArgument("输出文件路径为空或不是文件：" + path.string());
  fs::path temporary = TemporarySiblingPath(path);
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoFailure(path, "无法创建临时文件", errno);
  Descriptor d(fd);
  int e = WriteAll(fd, bytes);
  if (e == 0 && ::fsync(fd) != 0) e = errno;
  int close_error = d.Close();
  if (e == 0) e = close_error;
  if (e != 0) {
    ::unlink(temporary.c_str());
    return IoFailure(path, "写入临时文件失败", e);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    e = errno;
    ::unlink(temporary.c_str());
    return IoFailure(path, "无法替换目标文件", e);
  }
  if (int e2 = SyncFolder(path.parent_path()); e2 != 0) return IoFailure(path, "同步目录失败", e2);
  return Status::OK();
}

}  // namespace gm
