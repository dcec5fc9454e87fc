"""Synthetic records repositories for the site's tests and benchmarks.

Records are written with yaml.safe_dump, so any string (markup, template
syntax, control of quoting) reaches the file exactly as given.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import socket
from typing import Any

import yaml

TODAY = dt.date(2026, 11, 20)


def flag(type_: str, reason: str, *, guidance: str | None = None, created: dt.date = dt.date(2026, 6, 3),
         created_by: str = "max", review_by: dt.date | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"type": type_, "reason": reason, "created": created, "created_by": created_by}
    if guidance is not None:
        data["guidance"] = guidance
    if review_by is not None:
        data["review_by"] = review_by
    return data


def customer(id_: str, name: str, *, emails: list[str] | None = None, phones: list[str] | None = None,
             flags: list[dict[str, Any]] | None = None, preferences: list[dict[str, Any]] | None = None,
             status: str = "active") -> dict[str, Any]:
    return {
        "id": id_,
        "name": name,
        "status": status,
        "contacts": {"emails": emails or [], "phones": phones or []},
        "preferences": preferences or [],
        "flags": flags or [],
    }


def note(at: str = "2026-06-03T14:12:00-05:00", *, reason: str = "Asked about an invoice.", author: str = "jdoe",
         channel: str = "phone", contact: dict[str, Any] | None = None, resolution: list[str] | None = None,
         changes: list[dict[str, Any]] | None = None, amounts: list[dict[str, Any]] | None = None,
         disposition: str = "general-inquiry", follow_up: Any = "none", critical: bool = False,
         internal: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "at": at,
        "author": author,
        "channel": channel,
        "contact": contact or {"name": "Sam Taylor", "relationship": "spouse of the account holder"},
        "reason": reason,
        "resolution": resolution if resolution is not None else ["Explained the invoice."],
        "changes": changes or [],
        "amounts": amounts or [],
        "disposition": disposition,
        "follow_up": follow_up,
        "critical": critical,
    }
    if internal is not None:
        data["internal"] = internal
    return data


def _dump(path: str, data: Any) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, sort_keys=False, allow_unicode=True)


def write_repository(root: str, customers: list[dict[str, Any]], notes: dict[str, list[tuple[str, dict[str, Any]]]] | None = None,
                     orders: list[dict[str, Any]] | None = None, group: int = 0, policy: bool = True) -> str:
    """Write customers (and notes by customer id as (slug, note) pairs, and orders) under root/records.

    ``policy=False`` switches the note and flag policy rules off in the repository's
    flagsite.yaml: records made of attack payloads say nothing a policy could accept.
    """
    notes = notes or {}
    if not policy:
        from flagsite.rules import all_rules

        _dump(os.path.join(root, "flagsite.yaml"), {"policy": {"rules": {r.code: {"enabled": False} for r in all_rules()}}})
    for index, data in enumerate(customers):
        folder = os.path.join(root, "records", "customers")
        if group:
            folder = os.path.join(folder, f"g{index // group:04d}")
        folder = os.path.join(folder, data["id"])
        _dump(os.path.join(folder, "customer.yaml"), data)
        for slug, note_data in notes.get(data["id"], []):
            day = str(note_data["at"])[:10]
            _dump(os.path.join(folder, "notes", f"{day}-{slug}.yaml"), note_data)
    if orders:
        os.makedirs(os.path.join(root, "records", "orders"), exist_ok=True)
        with open(os.path.join(root, "records", "orders", "orders.csv"), "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["order_id", "customer", "date", "amount", "currency", "status", "title"])
            writer.writeheader()
            writer.writerows(orders)
    return root


FIRST = ["Alexander", "Maria", "Wei", "Fatima", "John", "Aisha", "Pedro", "Olga", "Kenji", "Zoë", "Liam", "Noor",
         "Sven", "Chidi", "Ana", "Hiroshi", "Emma", "Omar", "Ingrid", "Raj"]
LAST = ["Erickson", "García", "Chen", "Okafor", "Smith", "Khan", "Silva", "Petrov", "Tanaka", "Müller", "Brown",
        "Haddad", "Larsen", "Nwosu", "Costa", "Sato", "Wilson", "Farah", "Berg", "Patel"]
TYPES = ["on-hold", "warning", "manager", "at-risk", "alert", "important", "delight"]


def synthetic(root: str, count: int, *, seed: int = 7, notes_per_customer: int = 3, orders_per_customer: int = 0,
              group: int = 100) -> str:
    """A repository of ``count`` plausible customers: a quarter flagged, a few notes each."""
    rng = random.Random(seed)
    customers, notes, orders = [], {}, []
    for i in range(count):
        cid = f"C-{10000 + i}"
        first, last = rng.choice(FIRST), rng.choice(LAST)
        flags = []
        if rng.random() < 0.25:
            for type_ in rng.sample(TYPES, rng.choice([1, 1, 2])):
                created = TODAY - dt.timedelta(days=rng.randint(1, 400))
                review = created + dt.timedelta(days=rng.randint(30, 200)) if rng.random() < 0.6 else None
                flags.append(flag(type_, f"Recorded on call {rng.randint(1000, 9999)}.", guidance="Check the notes first.",
                                  created=created, created_by="max", review_by=review))
        customers.append(customer(cid, f"{first} {last}", emails=[f"{first.lower()}.{last.lower()}{i}@example.com"],
                                  phones=[f"+1 555 {i:07d}"], flags=flags,
                                  preferences=[{"text": "Prefers contact by email.", "since": dt.date(2026, 1, 5)}]))
        own = []
        for n in range(notes_per_customer):
            at = dt.datetime(2026, 1, 1, 9, 0) + dt.timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 600))
            follow: str | dict[str, object] = "none"
            if rng.random() < 0.1:
                follow = {"due": (at + dt.timedelta(days=10)).date(), "owner": "anna", "action": "Call back about the refund."}
            own.append((f"call-{n}", note(at.strftime("%Y-%m-%dT%H:%M:00+00:00"), reason=f"Asked when order {rng.randint(100, 999)} would be delivered.",
                                         disposition=rng.choice(["general-inquiry", "billing-refund", "service-failure"]),
                                         follow_up=follow, critical=rng.random() < 0.03)))
        notes[cid] = own
        for k in range(orders_per_customer):
            day = TODAY - dt.timedelta(days=rng.randint(0, 360))
            orders.append({"order_id": f"SO-{i}-{k}", "customer": cid, "date": day.isoformat(),
                           "amount": f"{rng.uniform(10, 900):.2f}", "currency": "USD", "status": "shipped", "title": "Season tickets"})
    return write_repository(root, customers, notes, orders, group=group)


DEMO_ORDERS = [
    {"order_id": "SO-1", "customer": "C-30003", "date": "2026-07-01", "amount": "900.00", "currency": "USD", "status": "shipped", "title": "Season tickets"},
    {"order_id": "SO-2", "customer": "C-30003", "date": "2026-10-01", "amount": "50.00", "currency": "USD", "status": "shipped", "title": "Single ticket"},
]


def demo_records(root: str) -> str:
    """Four customers covering every banner case, with notes and orders."""
    customers = [
        customer("C-10042", "Alexander Erickson", emails=["alex.cmart@covesmart.com"], phones=["+1 555 0100"],
                   flags=[flag("on-hold", "Invoices INV-2031 and INV-2044 unpaid for more than 60 days.",
                                 guidance="Take no new orders; transfer payment questions to Accounts.",
                                 created=dt.date(2026, 6, 3), review_by=dt.date(2026, 9, 3))],
                   preferences=[{"text": "Prefers contact by email.", "since": dt.date(2026, 6, 3)}]),
        customer("C-20001", "Maria Garcia", emails=["maria@example.org"], phones=["+44 20 7946 0018"],
                   flags=[flag("manager", "Asked to speak with a manager on every call since May.", created=dt.date(2026, 7, 1)),
                          flag("delight", "Sang to the box office team.", created=dt.date(2026, 3, 1))]),
        customer("C-30003", "Wei Chen", emails=["wei.chen@example.com"], phones=["+1 555 0303"]),
        customer("C-40004", "Fatima Okafor", emails=["fatima@example.net"],
                   flags=[flag("alert", "Moved to a new address in October.", created=dt.date(2026, 10, 2))]),
    ]
    notes = {
        "C-10042": [
            ("refund-after-cancellation", note("2026-06-03T14:12:00-05:00", reason="Charged after the account was cancelled.",
                                                 contact={"name": "Alexander Erickson", "relationship": "son of the account holder"},
                                                 changes=[{"field": "email", "from": "alexmart@covesmart.com", "to": "alex.cmart@covesmart.com"}],
                                                 amounts=[{"kind": "refund", "amount": 49.98, "currency": "USD"}],
                                                 disposition="billing-refund", internal="Refund approved by team lead Anna.")),
            ("missed-cancellation", note("2026-10-01T10:00:00+00:00", reason="The cancellation we promised was not done.",
                                           disposition="service-failure",
                                           follow_up={"due": dt.date(2026, 11, 25), "owner": "anna", "action": "Confirm the refund posted."})),
        ],
        "C-30003": [
            ("language", note("2026-02-10T09:00:00+08:00", reason="Customer only speaks Mandarin.", critical=True,
                                disposition="account-change")),
        ],
    }
    return write_repository(root, customers, notes, DEMO_ORDERS)


def engine_build(catalog: Any, site_dir: str, docs_dir: str, **overrides: Any) -> str:
    """Build with MkDocs and the flagsite plugin from an already-loaded catalog.

    This is the plugin's real path, minus the validation gate, so a test can
    render records that a stricter future check might refuse.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from flagsite.build import default_config_path

    os.makedirs(docs_dir, exist_ok=True)
    config = load_config(config_file=default_config_path(), docs_dir=docs_dir, site_dir=site_dir,
                         plugins=[{"flagsite": {"root": catalog.root}}], **overrides)
    config.plugins["flagsite"].preloaded = catalog  # type: ignore[attr-defined]  # the flagsite plugin's own attribute
    build(config)
    return site_dir


def site_files(site: str) -> dict[str, bytes]:
    """Every file of a built site but the record of which customer pages were written (no web server serves it)."""
    from flagsite.fast_pages import PAGES_RECORD

    found: dict[str, bytes] = {}
    for folder, _dirs, names in os.walk(site):
        for name in names:
            if name == PAGES_RECORD:
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, site)] = handle.read()
    return found


def free_port() -> int:
    """A port nothing on 127.0.0.1 listens on just now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


LONG_WORD = "Reference" + "X" * 90  # a pasted token with no place to break


def long_values_records(root: str) -> str:
    """The demo records plus a customer with everything as long as real records get it.

    A long name, a long email address, several phone numbers, every flag type with
    long reasons, notes holding unbroken words and long lists, overdue and coming
    follow-ups, and orders: what makes a page wider than a phone's screen.
    """
    demo_records(root)
    long_name = "Maximiliana Alexandra Konstantinopoulou-Vanderbilt-Featherstonehaugh"
    flags = [
        flag("on-hold", "Invoices INV-2031, INV-2044 and INV-2051 unpaid for more than 60 days (case 88412).",
             guidance="Take no new orders; transfer questions about payment to Accounts.", created=dt.date(2026, 9, 3),
             review_by=dt.date(2026, 12, 3)),
        flag("manager", "Asked to speak with a manager on every call since the price change in May.",
             created=dt.date(2026, 5, 20), review_by=dt.date(2026, 11, 1)),
        flag("alert", "Moved to the new kitchen at 14 Harbour Road in October.", created=dt.date(2026, 10, 2)),
        flag("delight", "Thanked the delivery team by name in a letter to the owner.", created=dt.date(2026, 2, 14)),
    ]
    wide = customer("C-77777", long_name,
                    emails=["maximiliana.konstantinopoulou-vanderbilt@accounts-payable.example-enterprises.co.uk",
                            "m.k.v@example.org"],
                    phones=["+44 20 7946 0958", "+1 (555) 010-7788"], flags=flags,
                    preferences=[{"text": f"Send every invoice by email to the accounts team; quote {LONG_WORD}.",
                                  "since": dt.date(2026, 1, 5)}])
    notes = [
        ("overdue-call-back", note("2026-11-02T10:00:00+00:00", reason=f"Asked why {LONG_WORD} was charged twice.",
                                   contact={"name": "Dimitrios Konstantinopoulos", "relationship": "employee (head chef)"},
                                   resolution=["Explained the charge.", f"Opened case {LONG_WORD}."],
                                   changes=[{"field": "email", "from": "maximiliana@old-provider.example.com",
                                             "to": "maximiliana.konstantinopoulou-vanderbilt@accounts-payable.example-enterprises.co.uk"}],
                                   amounts=[{"kind": "refund", "amount": 1234567.89, "currency": "USD"}],
                                   disposition="billing-refund",
                                   follow_up={"due": dt.date(2026, 11, 15), "owner": "anna",
                                              "action": "Call back to confirm the refund of the double charge posted."})),
        ("coming-visit", note("2026-11-18T09:30:00+00:00", reason="Booked a visit to check the new equipment.",
                              follow_up={"due": dt.date(2026, 11, 24), "owner": "max", "action": "Confirm the visit time by email."})),
    ]
    orders = [{"order_id": f"SO-7777-{k}-LONG-REFERENCE-NUMBER", "customer": "C-77777", "date": f"2026-{k + 1:02d}-15",
               "amount": "123456.78", "currency": "USD", "status": "shipped",
               "title": f"Commercial kitchen equipment, maintenance plan {LONG_WORD}"} for k in range(3)]
    write_repository(root, [wide], {"C-77777": notes})
    return write_repository(root, [], orders=DEMO_ORDERS + orders)  # the demo's orders file, with these rows added
