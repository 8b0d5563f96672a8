// Shared fixtures of the normalize tests: the project's real templates.
#pragma once

#include <memory>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "pipeline/core/templates.h"
#include "pipeline/normalize/normalizer.h"

namespace gm::testing {

inline const Templates& ProjectTemplates() {
  static const Templates* templates = [] {
    auto* t = new Templates();
    Status s = Templates::Load(std::filesystem::path(GREENMINE_SOURCE_DIR) / "templates", t);
    if (!s.ok()) ADD_FAILURE() << s.ToString();
    return t;
  }();
  return *templates;
}

inline const Normalizer& ProjectNormalizer() {
  static const Normalizer* normalizer = [] {
    std::unique_ptr<Normalizer> n;
    Status s = Normalizer::Create(ProjectTemplates(), &n);
    if (!s.ok()) ADD_FAILURE() << s.ToString();
    return n.release();
  }();
  return *normalizer;
}

// A path under the test temp dir that no other test process uses at the
// same time (ctest runs the tests of this binary in parallel processes).
inline std::filesystem::path ScratchPath(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string unique = std::to_string(getpid()) + "_" + (info ? std::string(info->test_suite_name()) + "." + info->name() : "");
  return std::filesystem::path(::testing::TempDir()) / ("normalize_" + unique + "_" + name);
}

}  // namespace gm::testing
