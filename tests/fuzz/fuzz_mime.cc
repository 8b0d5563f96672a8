// libFuzzer target: e-mail parsing (GMime), header decoding and charset guessing
// on arbitrary bytes. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractors/mime/charset.h"
#include "extractors/mime/header_decode.h"
#include "extractors/mime/mime_message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  gm::Limits limits;
  limits.max_mime_parts = 200;
  gm::MimeMessage message;
  (void)gm::ParseMimeMessage(bytes, limits, &message);
  if (size < 4096) {
    gm::DecodeHeaderText(bytes);
    gm::ParseHeaderValue(bytes);
    gm::DecodeUnknownCharset(bytes);
  }
  return 0;
}
