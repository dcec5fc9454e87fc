"""New files to fill in: a whole records repository (init) and a note from the outline (note new)."""

from __future__ import annotations

# The branch a new repository's workflow builds and publishes from, unless init is told another.
DEFAULT_BRANCH = "main"
