#include "extractors/ocr/inline_openmp.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "extractors/ocr/engine.h"

// libgomp's entry points as inline_openmp.cc defines them.
extern "C" {
void GOMP_parallel(void (*body)(void*), void* data, unsigned num_threads, unsigned flags);
void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned num_threads, unsigned count, unsigned flags);
unsigned GOMP_sections_next();
void GOMP_sections_end_nowait();
}

namespace gm {
namespace {

// What GCC makes of `#pragma omp parallel sections`: the outlined body takes
// section numbers until it gets 0, runs each, and ends without a barrier.
struct Sections {
  std::vector<unsigned> ran;
  Sections* nested = nullptr;  // run as a region inside section 2
  unsigned nested_count = 0;
};

void SectionsBody(void* data) {
  auto* s = static_cast<Sections*>(data);
  for (unsigned i = GOMP_sections_next(); i != 0; i = GOMP_sections_next()) {
    s->ran.push_back(i);
    if (i == 2 && s->nested) GOMP_parallel_sections(SectionsBody, s->nested, 4, s->nested_count, 0);
  }
  GOMP_sections_end_nowait();
}

TEST(InlineOpenMp, TesseractsRegionsRunInlineInThisProgram) {
  // The test program links the OCR engine as greenmine does; if the
  // definitions stop being exported, libgomp's slower regions come back.
  EXPECT_TRUE(OcrEngine::RegionsRunInline());
  EXPECT_TRUE(OpenMpRunsInline());
}

TEST(InlineOpenMp, ParallelRunsTheBodyOnceOnThisThread) {
  struct Seen {
    int calls = 0;
    std::thread::id thread;
  } seen;
  GOMP_parallel([](void* d) {
    auto* s = static_cast<Seen*>(d);
    ++s->calls;
    s->thread = std::this_thread::get_id();
  }, &seen, 4, 0);
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.thread, std::this_thread::get_id());
}

TEST(InlineOpenMp, EverySectionRunsOnceInOrder) {
  Sections s;
  GOMP_parallel_sections(SectionsBody, &s, 4, 4, 0);
  EXPECT_EQ(s.ran, (std::vector<unsigned>{1, 2, 3, 4}));
  EXPECT_EQ(GOMP_sections_next(), 0u) << "outside a region there is no section to take";
}

TEST(InlineOpenMp, ANestedRegionHasItsOwnSections) {
  Sections inner;
  Sections outer;
  outer.nested = &inner;
  outer.nested_count = 2;
  GOMP_parallel_sections(SectionsBody, &outer, 4, 3, 0);
  EXPECT_EQ(outer.ran, (std::vector<unsigned>{1, 2, 3}));
  EXPECT_EQ(inner.ran, (std::vector<unsigned>{1, 2}));
}

TEST(InlineOpenMp, ThreadsKeepTheirOwnRegions) {
  std::vector<Sections> per_thread(4);
  std::vector<std::thread> threads;
  for (Sections& s : per_thread)
    threads.emplace_back([&s] {
      for (int round = 0; round < 1000; ++round) {
        s.ran.clear();
        GOMP_parallel_sections(SectionsBody, &s, 4, 4, 0);
        if (s.ran != std::vector<unsigned>{1, 2, 3, 4}) return;
      }
    });
  for (std::thread& t : threads) t.join();
  for (const Sections& s : per_thread) EXPECT_EQ(s.ran, (std::vector<unsigned>{1, 2, 3, 4}));
}

}  // namespace
}  // namespace gm
