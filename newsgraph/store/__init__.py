"""newsgraph.store."""
