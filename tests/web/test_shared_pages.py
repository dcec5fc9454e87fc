"""The shared pages and the search index made again after an edit are, byte for byte, those made from nothing."""

from __future__ import annotations

import csv
import datetime as dt
import glob
import json
import os
import pickle
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import site_factory as f
from flagsite.build import build_site, kept_for_the_site
from flagsite.render import search_index, shared_pages
from flagsite.render.search_index import IndexEntry, SearchShards
from flagsite.render.shared_pages import SharedPages
from flagsite.render.site import SiteRenderer
from flagsite.repository import ReadCache, load_repository

Edit = Callable[[str], None]


@pytest.fixture
def small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards and common words small enough that a few dozen customers split keys several levels deep."""
    monkeypatch.setattr(search_index, "SHARD_MAX", 4)
    monkeypatch.setattr(search_index, "COMMON_MAX", 12)


def _customer_file(root: str, customer_id: str) -> str:
    (path,) = glob.glob(os.path.join(root, "records", "customers", "*", customer_id, "customer.yaml"))
    return path


def _change_customer(customer_id: str, change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(root: str) -> None:
        path = _customer_file(root, customer_id)
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        change(data)
        f._dump(path, data)
    return edit


def _set(field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.__setitem__(field, value)


def _add_note(customer_id: str, slug: str, **note: Any) -> Edit:
    def edit(root: str) -> None:
        folder = os.path.dirname(_customer_file(root, customer_id))
        f._dump(os.path.join(folder, "notes", f"{str(note['at'])[:10]}-{slug}.yaml"), f.note(**note))
    return edit


def _remove_customer(customer_id: str) -> Edit:
    def edit(root: str) -> None:
        shutil.rmtree(os.path.dirname(_customer_file(root, customer_id)))
        _rewrite_orders(root, lambda rows: [row for row in rows if row["customer"] != customer_id])
    return edit


def _erase(customer_id: str) -> Edit:
    def edit(root: str) -> None:
        _remove_customer(customer_id)(root)
        f._dump(os.path.join(root, "records", "erased", f"{customer_id}.yaml"),
                {"id": customer_id, "erased": dt.date(2026, 11, 2), "request": "REQ-77"})
    return edit


def _rewrite_orders(root: str, change: Callable[[list[dict[str, str]]], list[dict[str, str]]]) -> None:
    path = os.path.join(root, "records", "orders", "orders.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields)
        writer.writeheader()
        writer.writerows(change(rows))


def _order_amount(customer_id: str, amount: str) -> Edit:
    def change(rows: list[dict[str, str]]) -> list[dict[str, str]]:
        row = next(row for row in rows if row["customer"] == customer_id)
        row.update(amount=amount, date=(f.TODAY - dt.timedelta(days=400)).isoformat())
        return rows
    return lambda root: _rewrite_orders(root, change)


def _add_customer(customer_id: str, name: str, **fields: Any) -> Edit:
    def edit(root: str) -> None:
        f._dump(os.path.join(root, "records", "customers", "g0000", customer_id, "customer.yaml"), f.customer(customer_id, name, **fields))
    return edit


def _retention(root: str) -> None:
    """Closed customers, some past a retention period, one without a closing date; an erased customer."""
    with open(os.path.join(root, "flagsite.yaml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump({"retention": {"closed_customer_years": 6}}, handle)
    for number, closed in ((10003, dt.date(2015, 3, 1)), (10004, dt.date(2018, 5, 1)), (10005, None), (10006, dt.date(2024, 1, 1))):
        _change_customer(f"C-{number}", lambda data, closed=closed: data.update(  # type: ignore[misc]
            {"status": "closed", **({"closed": closed} if closed else {})}))(root)
    _erase("C-10007")(root)


@pytest.fixture
def records(tmp_path: Path) -> str:
    root = str(tmp_path / "repo")
    f.synthetic(root, 48, notes_per_customer=3, orders_per_customer=2, group=20)
    _retention(root)
    return root


FLAGGED = "C-10001"  # has no flag in the synthetic records until an edit adds one
EDITS: list[tuple[str, Edit]] = [
    ("a flag added", _change_customer(FLAGGED, _set("flags", [f.flag("on-hold", "Unpaid invoice INV-7.", review_by=dt.date(2026, 7, 1))]))),
    ("a flag's reason changed", _change_customer(FLAGGED, lambda data: data["flags"][0].update(reason="Unpaid invoice INV-8."))),
    ("a flag removed", _change_customer(FLAGGED, _set("flags", []))),
    ("a note added", _add_note("C-10010", "late", at="2026-11-19T09:00:00+00:00", reason="Asked about a late delivery.")),
    ("a follow-up due", _add_note("C-10011", "callback", at="2026-11-18T09:00:00+00:00",
                                 reason="Asked when the refund for order 512 would arrive.",
                                 follow_up={"due": dt.date(2026, 11, 21), "owner": "anna", "action": "Call back about the refund."})),
    ("a name changed", _change_customer("C-10012", _set("name", "Ingrid Zyxwvutsrq"))),
    ("a phone and an email changed", _change_customer("C-10013", lambda data: data["contacts"].update(
        phones=["+44 20 7946 0099"], emails=["ingrid.berg@example.org"]))),
    ("a customer added", _add_customer("C-10100", "Chidi Okafor", emails=["chidi.okafor@example.com"], phones=["+1 555 0100100"],
                                       flags=[f.flag("delight", "Thanked the team.")])),
    ("a customer removed", _remove_customer("C-10020")),
    ("a customer erased", _erase("C-10021")),
    ("an order row changed", _order_amount("C-10022", "5000.00")),
    ("an account closed long ago", _change_customer("C-10023", lambda data: data.update(status="closed", closed=dt.date(2010, 1, 1)))),
    ("nothing", lambda root: None),
]


def _render(catalog: Any, shared: SharedPages | None = None, folder_keys: dict[str, str] | None = None) -> dict[str, str]:
    renderer = SiteRenderer(catalog, shared=shared, folder_keys=folder_keys)
    return renderer.list_pages() | renderer.search_index()


def _loaded(root: str, cache: ReadCache, today: dt.date = f.TODAY) -> tuple[Any, dict[str, str]]:
    result = load_repository(root, today=today, cache=cache)
    assert result.ok, [finding for finding in result.findings if finding.severity == "error"]
    return result.catalog, result.folder_keys


def _remade(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The customers whose rows the shared pages work out, as they do."""
    remade: list[str] = []
    make = shared_pages._customer_part

    def counted(renderer: SiteRenderer, rows: Any, workstack_rows: Any, entry: Any, made_from: str | None) -> Any:
        remade.append(entry.id)
        return make(renderer, rows, workstack_rows, entry, made_from)

    monkeypatch.setattr(shared_pages, "_customer_part", counted)
    return remade


@pytest.mark.usefixtures("small_shards")
def test_after_each_edit_the_pages_kept_and_brought_up_to_date_are_those_made_afresh(
        records: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, shared = ReadCache(), SharedPages()
    catalog, keys = _loaded(records, cache)
    before = _render(catalog, shared, keys)
    assert before == _render(catalog)
    assert any("/t/" in path and len(path.rsplit("/", 1)[1]) > len("x.json") for path in before)  # keys split deeper
    remade = _remade(monkeypatch)
    for number, (what, edit) in enumerate(EDITS):
        edit(records)
        if number % 3 == 0:  # as flagsite build keeps it between builds
            shared = pickle.loads(pickle.dumps(shared))
        remade.clear()
        catalog, keys = _loaded(records, cache)
        kept = _render(catalog, shared, keys)
        assert len(remade) <= 1, (what, remade)
        assert kept == _render(catalog), what
        assert (kept == before) == (what == "nothing"), what  # the edit shows
        before = kept


def test_a_change_of_date_templates_or_configuration_makes_every_row_again(records: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, shared = ReadCache(), SharedPages()
    catalog, keys = _loaded(records, cache)
    _render(catalog, shared, keys)
    remade = _remade(monkeypatch)
    catalog, keys = _loaded(records, cache, today=f.TODAY + dt.timedelta(days=30))
    later = _render(catalog, shared, keys)
    assert len(remade) == len(catalog.customers)
    assert later == _render(catalog)
    os.makedirs(os.path.join(records, "site_templates"))
    with open(os.path.join(os.path.dirname(shared_pages.__file__), "..", "site_templates", "_rows.html"), encoding="utf-8") as handle:
        rows = handle.read()
    with open(os.path.join(records, "site_templates", "_rows.html"), "w", encoding="utf-8") as handle:
        handle.write(rows.replace("<td>{{ entry.id }}</td><td data-sort=", "<td>{{ entry.id }} (own row)</td><td data-sort=", 1))
    remade.clear()
    renderer = SiteRenderer(catalog, shared=shared, folder_keys=keys, templates_root=records)
    pages = renderer.list_pages()
    assert len(remade) == len(catalog.customers)
    assert "C-10002 (own row)" in pages["customers/index.md"]
    shutil.rmtree(os.path.join(records, "site_templates"))
    with open(os.path.join(records, "flagsite.yaml"), "a", encoding="utf-8") as handle:
        handle.write("follow_up_days: 60\n")
    catalog, keys = _loaded(records, cache)
    remade.clear()
    assert _render(catalog, shared, keys) == _render(catalog)
    assert len(remade) == 2 * len(catalog.customers)  # made again, then made afresh to compare


# --- the search index alone, over any sequence of changes --------------------------------------
_WORDS = st.text(alphabet="abc1", min_size=1, max_size=4)
_ENTRIES = st.fixed_dictionaries({"words": st.frozensets(_WORDS, max_size=5), "phones": st.frozensets(st.sampled_from(["100", "200"]), max_size=1),
                                  "note": st.sampled_from(["", "again"])})
_CHANGES = st.lists(st.tuples(st.sampled_from([f"C-{n}" for n in range(24)]), st.none() | _ENTRIES), min_size=1, max_size=40)


def _entry(entry_id: str, data: dict[str, Any]) -> IndexEntry:
    return IndexEntry(json.dumps([entry_id, data["note"]]), tuple(sorted(data["words"])), tuple(sorted(data["phones"])))


def _digest(data: dict[str, Any]) -> str:
    return repr((sorted(data["words"]), sorted(data["phones"]), data["note"]))


@given(changes=_CHANGES)
def test_the_index_kept_through_any_changes_is_the_index_made_afresh(changes: list[tuple[str, dict[str, Any] | None]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_MAX", 3)
        patch.setattr(search_index, "COMMON_MAX", 6)
        kept = SearchShards("search")
        now: dict[str, dict[str, Any]] = {}
        for entry_id, data in changes:
            if data is None:
                now.pop(entry_id, None)
            else:
                now[entry_id] = data
            made_from: dict[str, str | None] = {i: _digest(d) for i, d in now.items()}
            kept.update(made_from, lambda i: _entry(i, now[i]))
            fresh = SearchShards("search")
            fresh.update(made_from, lambda i: _entry(i, now[i]))
            assert kept.texts == fresh.texts
            assert sorted(kept.shards) == sorted(fresh.shards)


# --- a real build -------------------------------------------------------------------------------
def _git(root: str, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Records", "-c", "user.email=records@example.org", *args], cwd=root, check=True,
                   capture_output=True)


def test_a_build_after_an_edit_gives_the_site_a_build_into_an_empty_folder_gives(records: str, tmp_path: Path) -> None:
    an_hour_ago = time.time() - 3600  # records saved long enough ago for a build to trust their stat
    for folder, _dirs, names in os.walk(os.path.join(records, "records")):
        for name in names:
            os.utime(os.path.join(folder, name), (an_hour_ago, an_hour_ago))
    _git(records, "init", "-q")
    _git(records, "add", "-A")
    _git(records, "commit", "-qm", "Records")
    site = str(tmp_path / "site")
    build_site(records, today=f.TODAY, site_dir=site)
    for _what, edit in EDITS[:1] + EDITS[4:6] + EDITS[9:10]:
        edit(records)
    _git(records, "add", "-A")
    _git(records, "commit", "-qm", "Edits")
    build_site(records, today=f.TODAY, site_dir=site)
    assert isinstance(kept_for_the_site(records)["shared pages"][1], SharedPages)  # what the next build starts from
    shutil.rmtree(os.path.join(records, ".flagsite", "build-cache"))
    fresh = str(tmp_path / "fresh")
    build_site(records, today=f.TODAY, site_dir=fresh)
    built = f.site_files(site)
    assert built == f.site_files(fresh)
    assert b"Unpaid invoice INV-7." in built[os.path.join("workstack", "index.html")]
    assert b"Ingrid Zyxwvutsrq" in built[os.path.join("customers", "index.html")]
