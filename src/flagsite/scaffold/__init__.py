"""New files to fill in: a whole records repository (init) and a note from the outline (note new)."""
