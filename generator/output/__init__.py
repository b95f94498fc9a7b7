"""Building outputs: one plan's files rendered then written atomically into its own folder, many
plans in parallel in workers that die with zi, unchanged ones skipped, one timestamp per build,
JDIH names and records."""
