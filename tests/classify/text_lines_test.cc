#include "extractors/classify/text_lines.h"

#include <gtest/gtest.h>

namespace gm {
namespace {

TEST(GroupRowsTest, BoxesOnOneBaselineShareARowLeftToRight) {
  std::vector<Box> boxes = {{300, 101, 50, 12}, {10, 100, 80, 14}, {10, 130, 80, 14}, {150, 99, 60, 13}};
  auto rows = GroupRows(boxes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<size_t>{1, 3, 0}));
  EXPECT_EQ(rows[1], (std::vector<size_t>{2}));
}

TEST(GroupRowsTest, TallBoxDoesNotSwallowTheNextRow) {
  // A title twice the height of body text; the body line below it overlaps it a little.
  std::vector<Box> boxes = {{10, 0, 200, 40}, {10, 36, 50, 12}, {100, 37, 50, 12}};
  auto rows = GroupRows(boxes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<size_t>{1, 2}));
}

TEST(GroupRowsTest, UnplacedBoxesKeepTheirOrderAtTheEnd) {
  std::vector<Box> boxes = {{0, 0, 0, 0}, {5, 5, 10, 10}, {0, 0, 0, 0}};
  auto rows = GroupRows(boxes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<size_t>{1}));
  EXPECT_EQ(rows[1], (std::vector<size_t>{0}));
  EXPECT_EQ(rows[2], (std::vector<size_t>{2}));
  EXPECT_TRUE(GroupRows({}).empty());
}

TEST(PageLinesTest, JoinsSpansOfARow) {
  Page page;
  page.text = {{"期末余额", {200, 50, 40, 10}}, {"资产", {20, 50, 20, 10}}, {"资产负债表", {100, 10, 60, 14}}};
  EXPECT_EQ(PageLines(page), (std::vector<std::string>{"资产负债表", "资产 期末余额"}));
}

TEST(SplitLinesTest, SkipsBlankLines) {
  EXPECT_EQ(SplitLines("a\n\n  \nb\r\n"), (std::vector<std::string>{"a", "b\r"}));
  EXPECT_TRUE(SplitLines("").empty());
}

}  // namespace
}  // namespace gm
