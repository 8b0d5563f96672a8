// Inline OpenMP: Tesseract's OpenMP regions run directly on the calling
// thread, without libgomp's team machinery.
//
// Why: greenmine runs one OCR engine per worker thread and wants no threads
// inside an engine (the CLI also sets OMP_THREAD_LIMIT=1). But libgomp, even
// for a team of one thread, ends every parallel region with a futex wake on
// the team's barrier — a system call — and Tesseract's LSTM opens a region
// (`parallel sections`, its four gates) at every time step of every text
// line: ~19,000 system calls a second per worker, a sixth of the run's time
// (measurements: docs/HISTORY-notes.md); records are identical inline.
//
// How: inline_openmp.cc defines the four libgomp entry points libtesseract
// imports (GOMP_parallel, GOMP_parallel_sections, GOMP_sections_next,
// GOMP_sections_end_nowait). An executable's own definitions come first in
// the dynamic linker's lookup, so libtesseract's calls land here. Each
// region's body runs once, on the calling thread, and takes every section in
// order: exactly what a team of one thread does, so results are unchanged.
// omp_get_thread_num / omp_get_num_threads stay libgomp's; outside a team
// they answer 0 and 1, which is right here.
//
// The definitions reach an executable only when it uses this file: the OCR
// engine refers to OpenMpRunsInline, which pulls it in.
//
// Thread-safety: the entry points keep their state per thread; any number of
// threads may run regions at once.
#pragma once

namespace gm {

// Whether Tesseract's OpenMP regions run inline in this process: whether the
// dynamic linker resolves GOMP_parallel_sections to this file's definition.
// False (libgomp's regions, slower but correct) if the executable does not
// export the definitions.
bool OpenMpRunsInline();

}  // namespace gm
