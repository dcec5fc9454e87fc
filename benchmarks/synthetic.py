"""Deterministic synthetic records repositories for benchmarks."""

from __future__ import annotations

import os
import random

FLAG_TYPES = ["on-hold", "warning", "manager", "at-risk", "alert", "important", "delight"]
DISPOSITIONS = ["billing-refund", "cancellation", "complaint", "account-change", "general-inquiry"]
FIRST = ["Alexander", "Maria", "Chen", "Fatima", "Olu", "Ingrid", "Rahul", "Sofia", "Tomasz", "Aiko"]
LAST = ["Erickson", "Garcia", "Wei", "Haddad", "Adeyemi", "Larsen", "Patel", "Rossi", "Nowak", "Sato"]


def customer_yaml(index: int, rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    flags = []
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        flags.append(
            f"  - type: {rng.choice(FLAG_TYPES)}\n"
            f"    reason: Invoice INV-{rng.randrange(1000, 9999)} unpaid for more than 60 days.\n"
            f"    guidance: Transfer payment questions to Accounts.\n"
            f"    created: 2026-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}\n"
            f"    created_by: staff{rng.randrange(20)}\n"
            f"    review_by: 2026-1{rng.randrange(0, 2)}-0{rng.randrange(1, 9)}\n"
        )
    return (
        "# yaml-language-server: $schema=../../../../schema/customer.schema.json\n"
        f"id: C-{index:06d}\n"
        f"name: {name}\n"
        "status: active\n"
        "contacts:\n"
        f"  emails: [customer{index}@example.com]\n"
        f'  phones: ["+1 555 {index % 10000:04d}"]\n'
        "preferences:\n"
        "  - text: Prefers contact by email.\n"
        "    since: 2026-01-15\n"
        + ("flags:\n" + "".join(flags) if flags else "flags: []\n")
    )


def note_yaml(index: int, number: int, rng: random.Random) -> str:
    return (
        "# yaml-language-server: $schema=../../../../../schema/note.schema.json\n"
        f"at: 2026-0{rng.randrange(1, 9)}-1{number}T{rng.randrange(10, 18)}:12:00-05:00\n"
        f"author: staff{rng.randrange(20)}\n"
        "channel: phone\n"
        "contact:\n"
        f"  name: {rng.choice(FIRST)} {rng.choice(LAST)}\n"
        "  relationship: son of the account holder\n"
        "reason: Charged after the account was cancelled; asked for a refund and an email change.\n"
        "resolution:\n"
        "  - Found that the cancellation requested earlier was not completed.\n"
        "  - Cancelled the account and sent the confirmation to the new email.\n"
        "changes:\n"
        f"  - {{field: email, from: old{index}@example.com, to: new{index}@example.com}}\n"
        "amounts:\n"
        f"  - {{kind: refund, amount: {rng.randrange(100, 9999) / 100}, currency: USD}}\n"
        f"disposition: {rng.choice(DISPOSITIONS)}\n"
        "follow_up: none\n"
        "critical: false\n"
    )


def make_repository(root: str, customers: int, notes_per_customer: int = 5, seed: int = 42, group_size: int = 100) -> list[str]:
    """Write the repository; return every record file's path."""
    rng = random.Random(seed)
    paths = []
    for index in range(customers):
        folder = os.path.join(root, "records", "customers", f"G-{index // group_size:04d}", f"C-{index:06d}")
        os.makedirs(os.path.join(folder, "notes"), exist_ok=True)
        path = os.path.join(folder, "customer.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(customer_yaml(index, rng))
        paths.append(path)
        for number in range(notes_per_customer):
            note_path = os.path.join(folder, "notes", f"2026-06-1{number}-call-{number}.yaml")
            with open(note_path, "w", encoding="utf-8") as handle:
                handle.write(note_yaml(index, number, rng))
            paths.append(note_path)
    return paths
