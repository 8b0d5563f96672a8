// What every greenmine command line shares: the usage error and today's date.
//
// Thread-safety: call from the main thread (Today reads the local time zone).
#pragma once

#include <string>

namespace gm {

// Prints "greenmine: <error>" and where the options are to stderr; returns
// the exit status of bad usage, 2.
int Usage(const std::string& error);

// Today's local date as YYYY-MM-DD: the default of --as-of.
std::string Today();

}  // namespace gm
