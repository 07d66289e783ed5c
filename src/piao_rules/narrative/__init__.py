"""Italian status narratives for indicators, objectives, areas and the whole report."""
