"""The whole reply to a record-access request: letter, record, third parties redacted, manifest."""

from __future__ import annotations

from .bundle import Reply, prepare_reply, request_folder

__all__ = ["Reply", "prepare_reply", "request_folder"]
