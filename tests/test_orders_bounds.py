"""Orders files are streamed and bounded: past a bound, one finding, not minutes and gigabytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from flagsite.load.orders import COLUMNS, OrderLimits, read_orders

from .test_cli_validate import run, write

HEADER = ",".join(COLUMNS) + "\n"
ROW = "O-{n},C-1,2026-06-0{day},12.50,EUR,delivered,Hamper\n"


def _orders(count: int) -> str:
    return HEADER + "".join(ROW.format(n=n, day=1 + n % 9) for n in range(count))


def _repository(root: Path, orders: str, config: str = "") -> None:
    write(root, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann Example\n")
    write(root, "records/orders/orders.csv", orders)
    if config:
        write(root, "flagsite.yaml", config)


def test_orders_within_the_bounds_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(5), "orders: {max_rows: 5}\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert (code, out) == (0, "All records are valid.\n")


def test_more_rows_than_the_bound_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(6) + "not,a,valid,row\n", "orders: {max_rows: 5}\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines() == [
        "records/orders/orders.csv:7:1: O002 the orders files hold more than 5 rows in all, this row past the bound "
        "(orders: max_rows in flagsite.yaml); leave out orders older than the site needs, or raise the bound",
        "1 error(s), 0 warning(s).",
    ]


def test_the_row_bound_counts_the_rows_of_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(3), "orders: {max_rows: 5}\n")
    write(tmp_path, "records/orders/orders-2027.csv", HEADER + "".join(ROW.format(n=100 + n, day=1) for n in range(3)))
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0].startswith("records/orders/orders.csv:4:1: O002 the orders files hold more than 5 rows in all")
    assert len(out.splitlines()) == 2


def test_a_larger_file_than_the_bound_is_one_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(30_000), "orders: {max_megabytes: 1}\n")  # about 1.3 MiB
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0].startswith("records/orders/orders.csv: O002 the file is larger than 1 MiB (orders: max_megabytes in flagsite.yaml)")
    assert len(out.splitlines()) == 2


def test_export_refuses_to_leave_out_the_orders_of_a_file_over_the_bound(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(6), "orders: {max_rows: 5}\n")
    code, out, err = run(capsys, "--root", str(tmp_path), "export", "C-1")
    assert code == 1 and out == ""
    assert "O002 the orders files hold more than 5 rows in all" in err


def test_a_bad_bound_in_the_configuration_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, _orders(1), "orders: {max_rows: 0, max_lines: 3}\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "flagsite.yaml:1:" in out and "max_rows" in out and "max_lines" in out


class _EndlessExport(io.RawIOBase):
    """An orders export that never ends; counts what was read from it."""

    def __init__(self, line: bytes) -> None:
        super().__init__()
        self.header, self.line, self.read_bytes = HEADER.encode(), line, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = 1 << 16 if size is None or size < 0 else size
        if self.header:
            chunk, self.header = self.header[:size], self.header[size:]
        else:
            chunk = (self.line * (size // len(self.line) + 1))[:size]
        self.read_bytes += len(chunk)
        return chunk


@pytest.mark.parametrize("line", [ROW.format(n=1, day=1).encode(), b"x" * 1000], ids=["rows", "one-endless-line"])
def test_reading_stops_at_the_byte_bound_whatever_the_file_holds(line: bytes) -> None:
    export = _EndlessExport(line)
    limits = OrderLimits(max_megabytes=1, max_rows=10**9)
    rows, findings = read_orders(export, "records/orders/endless.csv", limits)  # type: ignore[arg-type]
    assert rows == []
    assert [f.code for f in findings] == ["O002"]
    assert export.read_bytes <= limits.max_bytes + 1  # streamed: never more than the bound is held


def test_a_control_character_in_an_order_cell_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, HEADER + "O-1,C-1,2026-06-01,12.50,EUR,delivered,Ham\x00per\x1b[2J\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0] == "records/orders/orders.csv:2:1: S005 column 'title' holds U+0000 (NUL), a control character; remove it from the export"
