"""Reading record files: strict YAML with source positions, and order CSV files."""
