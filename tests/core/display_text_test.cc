#include "pipeline/core/display_text.h"

#include <gtest/gtest.h>

#include "pipeline/core/limits.h"

namespace gm {
namespace {

TEST(DisplayText, ShowsHiddenAndControlCharacters) {
  EXPECT_EQ(DisplayText("bidi\u202Efdp.exe"), "bidi[U+202E]fdp.exe");
  EXPECT_EQ(DisplayText("esc\x1b[31mred"), "esc[U+001B][31mred");
  EXPECT_EQ(DisplayText("a\u200Bb\u2066c\uFEFFd\u00ADe\U000E0041"), "a[U+200B]b[U+2066]c[U+FEFF]d[U+00AD]e[U+E0041]");
  EXPECT_EQ(DisplayText("\xC2\x9B" "c"), "[U+009B]c");  // C1 CSI
  EXPECT_EQ(DisplayText("line\nnext\ttab"), "line[U+000A]next[U+0009]tab");
  EXPECT_EQ(DisplayText("line\nnext\ttab", true), "line\nnext\ttab");
  EXPECT_EQ(DisplayText("bad\xff"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(DisplayText("甘肃矿业 (副本)"), "甘肃矿业 (副本)");
  EXPECT_FALSE(NeedsDisplayForm("甘肃矿业 (副本).pdf"));
  EXPECT_TRUE(NeedsDisplayForm("bidi\u202Efdp.exe"));
  EXPECT_FALSE(NeedsDisplayForm("a\nb", true));
}

// templates/budgets.tsv lists every budget at its default: the README's table
// and the defaults of limits.h cannot drift apart unnoticed.
TEST(LoadBudgets, TemplateHoldsTheDefaults) {
  Limits loaded;
  loaded.max_file_bytes = loaded.max_package_bytes = loaded.max_expansion_ratio = 1;
  loaded.max_nesting_depth = loaded.max_files = loaded.max_mime_parts = loaded.max_pages = 1;
  loaded.max_image_pixels = loaded.max_xml_bytes = loaded.max_xml_nodes = loaded.max_table_cells = 1;
  loaded.max_xml_depth = loaded.max_file_seconds = 1;
  loaded.max_text_bytes = 1;
  ASSERT_TRUE(LoadBudgets(std::filesystem::path(GREENMINE_TEMPLATES_DIR) / "budgets.tsv", &loaded).ok());
  const Limits defaults;
  EXPECT_EQ(loaded.max_file_bytes, defaults.max_file_bytes);
  EXPECT_EQ(loaded.max_package_bytes, defaults.max_package_bytes);
  EXPECT_EQ(loaded.max_expansion_ratio, defaults.max_expansion_ratio);
  EXPECT_EQ(loaded.max_nesting_depth, defaults.max_nesting_depth);
  EXPECT_EQ(loaded.max_files, defaults.max_files);
  EXPECT_EQ(loaded.max_mime_parts, defaults.max_mime_parts);
  EXPECT_EQ(loaded.max_pages, defaults.max_pages);
  EXPECT_EQ(loaded.max_image_pixels, defaults.max_image_pixels);
  EXPECT_EQ(loaded.max_xml_bytes, defaults.max_xml_bytes);
  EXPECT_EQ(loaded.max_xml_depth, defaults.max_xml_depth);
  EXPECT_EQ(loaded.max_xml_nodes, defaults.max_xml_nodes);
  EXPECT_EQ(loaded.max_table_cells, defaults.max_table_cells);
  EXPECT_EQ(loaded.max_text_bytes, defaults.max_text_bytes);
  EXPECT_EQ(loaded.max_file_seconds, defaults.max_file_seconds);
}

}  // namespace
}  // namespace gm
