"""Editing records in place: one customer's flags, or many at once from a CSV.

Edits change only the lines of the flag concerned; every other byte of the
file stays as it was (comments, quoting, layout). The result is checked with
the same loader and models as ``flagsite validate`` before anything is
written, and files are replaced in one transaction under the repository's
edit lock (transaction.py): all or nothing, even through a crash.
"""
