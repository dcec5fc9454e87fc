"""Checks on typed records: one record at a time (record.py), and across them (repository.py)."""
