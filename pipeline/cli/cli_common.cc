#include "pipeline/cli/cli_common.h"

#include <cstdio>
#include <ctime>

namespace gm {

int Usage(const std::string& error) {
  std::fprintf(stderr, "greenmine: %s\nRun 'greenmine --help' for the options.\n", error.c_str());
  return 2;
}

std::string Today() {
  std::time_t now = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&now));
  return buf;
}

}  // namespace gm
