#include <gtest/gtest.h>

#include "pipeline/core/base64.h"
#include "pipeline/emit/text_util.h"

namespace gm {
namespace {

TEST(Base64, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode(std::string("\x00\xff\xfe", 3)), "AP/+");
}

TEST(Base64, DecodesWhatItEncodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n < all.size(); n += 37) {
    std::string out;
    ASSERT_TRUE(Base64Decode(Base64Encode(all.substr(0, n)), &out));
    EXPECT_EQ(out, all.substr(0, n));
  }
}

TEST(Base64, RejectsNonCanonicalText) {
  std::string out;
  for (const char* bad : {"Zg=", "Zg", "Z===", "=Zg=", "Zm9v\n", "Zm 9v", "Zg==Zg==", "Zm9!", "Z=g="})
    EXPECT_FALSE(Base64Decode(bad, &out)) << bad;
  EXPECT_TRUE(Base64Decode("", &out));
  EXPECT_EQ(out, "");
}

TEST(TextUtil, SanitizeKeepsValidTextAndReplacesInvalidSequences) {
  EXPECT_EQ(SanitizeUtf8("甘肃 ok 😀"), "甘肃 ok 😀");
  EXPECT_EQ(SanitizeUtf8("a\xffz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(SanitizeUtf8("\xe7\x9f"), "\xEF\xBF\xBD\xEF\xBF\xBD");            // truncated
  EXPECT_EQ(SanitizeUtf8("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");            // overlong '/'
  EXPECT_EQ(SanitizeUtf8("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(SanitizeUtf8("\xf4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");  // > U+10FFFF
}

TEST(TextUtil, CellTextShowsControlsNormalizesNewlinesAndCuts) {
  EXPECT_EQ(CellText("a\r\nb\rc\x01\x1f\td"), "a\nb\nc[U+0001][U+001F]\td");
  // A name that bidi controls would show reversed ("bidiexe.pdf") is shown as it is.
  EXPECT_EQ(CellText("bidi\u202Efdp.exe"), "bidi[U+202E]fdp.exe");
  EXPECT_EQ(CellText("a\u200Bb\x1b[31m"), "a[U+200B]b[U+001B][31m");
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "甘";
  std::string cut = CellText(long_text, 20);
  EXPECT_LE(cut.size(), 20u);
  EXPECT_EQ(cut, "甘甘甘甘甘…");
  EXPECT_EQ(SanitizeUtf8(cut), cut);
}

TEST(TextUtil, TruncateNeverSplitsACharacter) {
  EXPECT_EQ(TruncateUtf8("甘肃", 4), "甘");
  EXPECT_EQ(TruncateUtf8("甘肃", 2), "");
  EXPECT_EQ(TruncateUtf8("ab", 10), "ab");
}

TEST(TextUtil, WidthCountsChineseDouble) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("甘肃省"), 6u);
  EXPECT_EQ(DisplayWidth("（万元）"), 8u);
  EXPECT_EQ(DisplayWidth("a\xff"), 2u);
}

TEST(TextUtil, WrappedLinesFollowWidthAndNewlines) {
  EXPECT_EQ(WrappedLineCount("", 10), 1);
  EXPECT_EQ(WrappedLineCount("甘肃省", 10), 1);
  EXPECT_EQ(WrappedLineCount("甘肃省白银市平川区", 10), 2);  // 18 units in 9 usable
  EXPECT_EQ(WrappedLineCount("a\nb\nc", 10), 3);
  EXPECT_EQ(WrappedLineCount("abc", 0), 3);
}

}  // namespace
}  // namespace gm
