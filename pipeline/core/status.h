// Status: the outcome of an operation that can fail, passed across module
// boundaries instead of exceptions (the LevelDB convention).
//
// A Status is either OK or carries a code and a message. Messages that can
// reach a reviewer (through a finding) are written in Chinese; messages meant
// for the operator or a developer may be English.
//
// A Status is [[nodiscard]] (Abseil's ABSL_MUST_USE_RESULT, on the class):
// every call that returns one must look at it, or say why not with a (void)
// cast and a comment. The build makes an ignored Status an error
// (-Werror=unused-result).
//
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads freely.
#pragma once

#include <string>
#include <utility>

namespace gm {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk, kNotFound, kCorrupt, kEncrypted, kUnsupported, kLimit, kIoError, kInvalidArgument, kInternal };

  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status Corrupt(std::string msg) { return Status(Code::kCorrupt, std::move(msg)); }
  static Status Encrypted(std::string msg) { return Status(Code::kEncrypted, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  // A safety limit (size, ratio, depth, page count, pixels) was hit.
  static Status Limit(std::string msg) { return Status(Code::kLimit, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "Corrupt: <message>", or "OK".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace gm
