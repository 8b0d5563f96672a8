// The command line of `greenmine collect | publish | library`: options,
// --help texts and exit statuses (0 done; 1 the library or an output could
// not be read or written, or the library refused the request; 2 bad usage).
#pragma once

#include <string>
#include <vector>

namespace gm {

// REQUIRES: args[0] is "collect", "publish" or "library".
int RunLibraryCli(const std::vector<std::string>& args);

// The usage lines of the three commands, for greenmine --help.
extern const char* const kLibraryUsage;

}  // namespace gm
