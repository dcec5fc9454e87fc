"""Finding one customer's folder in the working tree: the folder discovery finds, without walking everyone's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flagsite.locate import customer_folders, locate_customer

CUSTOMERS = "records/customers"


def customer(root: Path, folder: str, *, notes: tuple[str, ...] = ()) -> None:
    path = root / CUSTOMERS / folder
    path.mkdir(parents=True)
    (path / "customer.yaml").write_text(f"id: {folder.rpartition('/')[2]}\nname: Dana Erickson\n")
    for note in notes:
        (path / "notes").mkdir(exist_ok=True)
        (path / "notes" / note).write_text("at: 2026-06-03T14:12:00-05:00\n")


@pytest.fixture
def layout(tmp_path: Path) -> Path:
    """Customers flat, grouped one and two deep, and folders that discovery does not take for a customer's."""
    customer(tmp_path, "C-1", notes=("2026-06-03-call.yaml",))
    for group in ("g1", "g2"):
        for n in range(3):
            customer(tmp_path, f"{group}/C-{group}{n}")
    customer(tmp_path, "north/east/C-7", notes=("2026-06-03-call.yaml",))
    customer(tmp_path, "C-8/C-8")  # a grouping folder may bear a customer's name
    customer(tmp_path, "C-1/notes/C-9")  # inside a customer's folder: a stray, not a customer
    customer(tmp_path, "g1/C-g10/C-10")  # the same
    customer(tmp_path, "notes/C-11")  # notes/ where only groups stand: not walked
    (tmp_path / "elsewhere" / "C-12").mkdir(parents=True)
    (tmp_path / "elsewhere" / "C-12" / "customer.yaml").write_text("id: C-12\nname: Dana Erickson\n")
    os.symlink(tmp_path / "elsewhere", tmp_path / CUSTOMERS / "linked")  # a link to a folder: not followed
    return tmp_path


def test_every_customer_is_found_where_discovery_finds_it(layout: Path) -> None:
    found = customer_folders(str(layout))
    assert set(found) == {"C-1", "C-g10", "C-g11", "C-g12", "C-g20", "C-g21", "C-g22", "C-7", "C-8"}
    for name in [*found, "C-9", "C-10", "C-11", "C-12", "C-404"]:
        located = locate_customer(str(layout), name)
        whole = found.get(name)
        if whole is None:
            assert located is None, name
            continue
        assert located is not None, name
        assert (located.folder, located.findings) == (whole.folder, whole.findings), name


def test_a_grouped_customer_is_found_without_looking_into_other_customers_folders(layout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[str] = []
    real = os.scandir

    def scandir(path: str) -> object:
        listed.append(os.path.relpath(path, layout))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    located = locate_customer(str(layout), "C-g21")
    assert located is not None and located.folder.rel_path == f"{CUSTOMERS}/g2/C-g21"
    # The grouping folders are listed down to the level the customer stands at; its own folder is read.
    assert sorted(listed) == [CUSTOMERS, f"{CUSTOMERS}/g2/C-g21"]
