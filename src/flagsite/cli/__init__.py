"""The command line: thin adapters that parse options and call the library."""
