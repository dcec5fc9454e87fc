"""flagsite: customer flags and notes as schema-validated YAML in Git."""

__version__ = "0.1.0"
