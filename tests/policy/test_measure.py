"""A labelled file with a note the data contract refuses is named where it is wrong, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from flagsite.policy.measure import load_labelled

_FILE = """\
customer: Ann Example
notes:
- id: n1
  expect: []
  note:
    contact:
      name: Ann Example
    reason: Asked for the balance of invoice INV-2031.
    resolution:
    - He said: your lads have ruined my patio.
"""


def test_a_note_the_contract_refuses_is_named_by_file_line_column_and_id(tmp_path: Path) -> None:
    (tmp_path / "shop.yaml").write_text(_FILE, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        load_labelled(str(tmp_path))
    assert str(raised.value).startswith("shop.yaml:10:7: note 'n1', resolution.0: Input should be a valid string")
    assert "goes in quotes" in str(raised.value)
