"""narrative."""
