// Shared fixtures of the normalize tests: the project's real templates.
#pragma once

#include <memory>

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

}  // namespace gm::testing
