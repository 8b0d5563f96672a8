#include "pipeline/batch/output_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace gm {

OutputLock::~OutputLock() {
  if (fd_ >= 0) close(fd_);
}

Status OutputLock::Acquire(const std::filesystem::path& out_dir) {
  std::string path = (out_dir / ".lock").string();
  // The lock file is greenmine's own: a link at its name (to a file the
  // pid would overwrite) is removed, never followed.
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd_ < 0 && errno == ELOOP && unlink(path.c_str()) == 0)
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::IoError("cannot write to the output folder " + out_dir.string() + ": " + std::strerror(errno));
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {0};
    ssize_t n = pread(fd_, holder, sizeof(holder) - 1, 0);
    std::string pid = n > 0 ? std::string(holder, n) : "?";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    close(fd_);
    fd_ = -1;
    return Status::InvalidArgument("another greenmine run (pid " + pid + ") is writing to " + out_dir.string() +
                                   "; wait for it to finish or choose another --out folder");
  }
  std::string me = std::to_string(getpid()) + "\n";
  if (ftruncate(fd_, 0) == 0) {
    ssize_t ignored = pwrite(fd_, me.data(), me.size(), 0);
    (void)ignored;
  }
  return Status::OK();
}

}  // namespace gm
