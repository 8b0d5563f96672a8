// OutputLock: one run at a time on an output folder. Two runs writing the
// same records and workbooks would interleave and corrupt each other, so the
// second is refused with a clear message instead. The lock is an flock on
// OUT/.lock, released by the kernel when the process ends however it ends
// (a killed run never leaves a stale lock).
#pragma once

#include <filesystem>

#include "pipeline/core/status.h"

namespace gm {

class OutputLock {
 public:
  OutputLock() = default;
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  // Takes the lock without waiting. IoError when the folder is not writable,
  // InvalidArgument (with the holder's pid) when another run holds it.
  Status Acquire(const std::filesystem::path& out_dir);

 private:
  int fd_ = -1;
};

}  // namespace gm
