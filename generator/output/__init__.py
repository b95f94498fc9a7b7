"""Building outputs: one plan's files rendered then written atomically, many plans in parallel
skipping unchanged ones, one timestamp per build, JDIH names and records."""
