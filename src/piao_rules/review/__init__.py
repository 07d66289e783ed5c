"""Reviewing flagged deviations: the decision journal, open flags, plan revisions, the review screen."""
