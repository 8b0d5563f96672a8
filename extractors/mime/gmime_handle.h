// GMime handles: the one place where GMime objects are owned.
//
// GObjectPtr<T> owns a reference to a GObject (GMime messages, parts,
// streams, parsers) and drops it with g_object_unref. EnsureGMimeReady()
// initialises the library exactly once per process; call it before any
// GMime function.
//
// Thread-safety: EnsureGMimeReady is thread-safe. A GObjectPtr is not shared
// between threads (GMime objects are not thread-safe), but distinct objects
// may be used from distinct threads.
#pragma once

#include <gmime/gmime.h>

#include <memory>

namespace gm {

struct GObjectUnref {
  void operator()(void* object) const {
    if (object) g_object_unref(object);
  }
};

template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

void EnsureGMimeReady();

}  // namespace gm
