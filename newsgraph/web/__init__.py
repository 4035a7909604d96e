"""newsgraph.web."""
