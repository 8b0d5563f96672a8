"""Helpers for scripts/gen_samples.py: realistic greenmine application packages."""
