"""newsgraph.batch."""
