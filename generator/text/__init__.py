"""Indonesian words and numbers, and the inline and narrative markup of plan texts."""
