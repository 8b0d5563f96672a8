// Ratio: a proportion of a glyph's, a line's or a cell's size, in integer
// arithmetic, so that the form's image thresholds hold at every resolution
// and compute exactly as `whole * num / den` and `part * den < whole * num`
// (no rounding of a double at a threshold's edge).
//
// Thread-safety: a constant value.
#pragma once

namespace gm::form {

// num/den; pixel sizes times small numerators do not overflow an int.
struct Ratio {
  int num, den;
  // num/den of `whole`, rounded toward zero.
  template <typename Int>
  constexpr Int Of(Int whole) const { return whole * num / den; }
  // Whether `part` is less than num/den of `whole`.
  constexpr bool Below(int part, int whole) const { return part * den < whole * num; }
  // Whether `part` is no more than num/den of `whole`.
  constexpr bool AtMost(int part, int whole) const { return part * den <= whole * num; }
  // Whether `part` is num/den of `whole` or more.
  constexpr bool AtLeast(int part, int whole) const { return part * den >= whole * num; }
  // Whether `part` is more than num/den of `whole`.
  constexpr bool Above(int part, int whole) const { return part * den > whole * num; }
};

}  // namespace gm::form
