// The library's commands, as `greenmine collect | publish | library` run them
// (pipeline/cli/main.cc parses the options). Each opens the library file
// (created when missing), records its events in one transaction, reads the
// library back and writes its outputs atomically into the output folder.
//
// Errors are Status with a Chinese message for the operator: InvalidArgument
// for a request the library refuses (a date outside the calendar, an
// extension outside its window, an unknown project), IoError / Corrupt for
// files that cannot be read or written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/core/status.h"

namespace gm {

struct LibraryPaths {
  std::filesystem::path library;        // the SQLite file
  std::filesystem::path out;            // output folder, created if needed
  std::filesystem::path templates_dir;
};

struct CollectReport {
  int workbooks = 0, packages = 0, imported = 0, with_problems = 0, passed = 0;
};

// Reads every .xlsx under `returned`; writes OUT/collected.jsonl and OUT/入库名单.xlsx.
Status RunCollect(const LibraryPaths& paths, const std::filesystem::path& returned, const std::string& as_of,
                  CollectReport* report);

// Starts publicity on `start` for every passed project not yet published;
// writes OUT/公示名单.xlsx and OUT/公示公告.txt. *published: projects listed.
Status RunPublish(const LibraryPaths& paths, const std::string& start, const std::string& command_line, int* published);

// An extension, objection or removal to record before the outputs are made.
struct LibraryChange {
  std::string kind;        // kEventExtended | kEventObjected | kEventRemoved
  std::string project_id;
};

// Records `changes` (effective on `as_of`, with `reason`), then writes
// OUT/项目库.xlsx, OUT/推介项目.xlsx, OUT/推介项目.csv and OUT/library.jsonl.
Status RunLibrary(const LibraryPaths& paths, const std::string& as_of, const std::vector<LibraryChange>& changes,
                  const std::string& reason, const std::string& command_line, int* projects);

}  // namespace gm
