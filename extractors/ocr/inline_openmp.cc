#include "extractors/ocr/inline_openmp.h"

#include <dlfcn.h>

namespace {

// The sections of the innermost `parallel sections` region running on this
// thread: the next one to hand out (1-based, as libgomp numbers them) and
// how many there are.
struct SectionRegion {
  unsigned next = 1;
  unsigned count = 0;
};
thread_local SectionRegion* t_sections = nullptr;

}  // namespace

// Signatures as in libgomp's libgomp_g.h (GCC's calling convention for
// outlined OpenMP regions). The thread count and flags are ignored: the body
// runs once, on this thread.
extern "C" {

void GOMP_parallel(void (*body)(void*), void* data, unsigned /*num_threads*/, unsigned /*flags*/) { body(data); }

// GCC outlines `#pragma omp parallel sections` into a body that asks
// GOMP_sections_next for section numbers until it gets 0.
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned /*num_threads*/, unsigned count,
                            unsigned /*flags*/) {
  SectionRegion region;
  region.count = count;
  SectionRegion* outer = t_sections;  // a region inside a section's body nests
  t_sections = &region;
  body(data);
  t_sections = outer;
}

unsigned GOMP_sections_next() {
  if (t_sections == nullptr || t_sections->next > t_sections->count) return 0;
  return t_sections->next++;
}

void GOMP_sections_end_nowait() {}

}  // extern "C"

namespace gm {

bool OpenMpRunsInline() {
  return dlsym(RTLD_DEFAULT, "GOMP_parallel_sections") == reinterpret_cast<void*>(&GOMP_parallel_sections);
}

}  // namespace gm
