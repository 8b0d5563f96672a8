#include "pipeline/core/status.h"

namespace gm {

std::string Status::ToString() const {
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kNotFound: return "NotFound: " + message_;
    case Code::kCorrupt: return "Corrupt: " + message_;
    case Code::kEncrypted: return "Encrypted: " + message_;
    case Code::kUnsupported: return "Unsupported: " + message_;
    case Code::kLimit: return "Limit: " + message_;
    case Code::kIoError: return "IoError: " + message_;
    case Code::kInvalidArgument: return "InvalidArgument: " + message_;
    case Code::kInternal: return "Internal: " + message_;
  }
  return "Unknown: " + message_;
}

}  // namespace gm
