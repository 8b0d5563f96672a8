#include "pipeline/core/page_list.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(PageListText, RunsAreJoinedAndOrderDoesNotMatter) {
  EXPECT_EQ(PageListText({}), "");
  EXPECT_EQ(PageListText({3}), "第3页");
  EXPECT_EQ(PageListText({9, 6, 7, 8}), "第6–9页");
  EXPECT_EQ(PageListText({5, 3}), "第3、5页");
  EXPECT_EQ(PageListText({2, 3, 7, 3}), "第2–3、7页");
}

}  // namespace
}  // namespace gm
