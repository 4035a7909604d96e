"""newsgraph.extract."""
