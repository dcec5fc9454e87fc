"""Retention: a closed customer's record kept past ``retention:`` is warned of, listed and shown on the dashboard."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import yaml

from flagsite.dates import add_years
from flagsite.repository import load_repository

from .conftest import Repo, Run, customer_yaml, note_yaml

CLOSED = "records/customers/C-1"
OPEN = "records/customers/retail/C-2"
RETENTION = "retention:\n  closed_customer_years: 6\n"


def closed_customer(customer_id: str, closed: str | None, status: str = "closed", name: str = "Winifred Ashdown") -> str:
    email = name.split()[-1].lower() + "@example.org"
    text = customer_yaml(customer_id, name, emails=[email]).replace("status: active", f"status: {status}")
    return text.replace(f"status: {status}\n", f"status: {status}\nclosed: {closed}\n") if closed else text


def shop(repo: Repo, closed: str = "2019-03-29", config: str = RETENTION) -> Repo:
    if config:
        repo.write("flagsite.yaml", config)
    repo.write(f"{CLOSED}/customer.yaml", closed_customer("C-1", closed))
    repo.write(f"{CLOSED}/notes/2019-03-01-last-box.yaml", note_yaml(
        "Asked to end the wine club membership and close the account because she is moving abroad.", at="2019-03-01T10:00:00+00:00", contact={"name": "Winifred Ashdown"}))
    repo.write(f"{OPEN}/customer.yaml", customer_yaml("C-2", "Ravi Verma"))
    repo.write("records/orders/orders.csv", "order_id,customer,date,amount,currency,status,title\n"
                                            "SO-1,C-1,2019-03-01,39.00,USD,delivered,Wine club box\n"
                                            "SO-2,C-2,2026-03-01,12.00,USD,delivered,Olive oil\n")
    return repo


def warnings(root: Path, today: dt.date) -> list[tuple[str, int | None, str]]:
    return [(f.path, f.line, f.code) for f in load_repository(str(root), today=today).findings if f.severity == "warning"]


def test_validate_warns_on_the_closed_date_of_a_record_past_retention(repo: Repo, run: Run) -> None:
    status, out, _ = run("--root", str(shop(repo).root), "validate")
    assert status == 0  # a warning: the records are right, an action is due
    assert out.splitlines()[0].startswith(
        f"{CLOSED}/customer.yaml:4:9: W001 (warning) past retention since 2025-03-30: closed on 2019-03-29 and kept until 2025-03-29 "
        "by retention: closed_customer_years: 6 in flagsite.yaml")
    assert out.splitlines()[-1] == "0 error(s), 1 warning(s)."


def test_the_period_ends_on_the_same_day_years_later(repo: Repo) -> None:
    root = shop(repo, closed="2020-02-29").root
    assert warnings(root, dt.date(2026, 2, 28)) == []  # 2026 has no 29 February: the last day kept
    assert warnings(root, dt.date(2026, 3, 1)) == [(f"{CLOSED}/customer.yaml", 4, "W001")]
    assert add_years(dt.date(2020, 2, 29), 6) == dt.date(2026, 2, 28)


def test_no_warning_without_a_period_or_for_an_open_account(repo: Repo) -> None:
    assert warnings(shop(repo, config="").root, dt.date(2026, 11, 22)) == []
    repo.write(f"{CLOSED}/customer.yaml", customer_yaml("C-1"))
    repo.write("flagsite.yaml", RETENTION)
    assert warnings(repo.root, dt.date(2026, 11, 22)) == []


def test_a_closed_date_must_agree_with_the_status(repo: Repo, run: Run) -> None:
    shop(repo)
    repo.write(f"{CLOSED}/customer.yaml", closed_customer("C-1", "2019-03-29", status="active"))
    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 1
    assert f"{CLOSED}/customer.yaml:4:9: R020 closed: 2019-03-29 on an account whose status is active" in out
    repo.write(f"{CLOSED}/customer.yaml", closed_customer("C-1", None))
    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 0
    assert f"{CLOSED}/customer.yaml:3:9: W002 (warning) status: closed without a closed: date" in out
    repo.write(f"{CLOSED}/customer.yaml", closed_customer("C-1", "2099-01-01"))
    assert "R010 2099-01-01 is in the future" in run("--root", str(repo.root), "validate")[1]


def test_retention_lists_each_record_past_it_with_what_it_holds(repo: Repo, run: Run) -> None:
    root = str(shop(repo).root)
    status, out, _ = run("--root", root, "retention", "--today", "2026-11-22")
    assert status == 1
    assert out.splitlines() == [
        f"C-1  {CLOSED}  closed 2019-03-29  past retention since 2025-03-30  (closed_customer_years: 6): customer.yaml, 1 note, 1 order row",
        "1 customer record(s) past retention (retention: closed_customer_years: 6 in flagsite.yaml, as of 2026-11-22).",
    ]
    status, out, _ = run("--root", root, "retention", "--format", "json", "--today", "2026-11-22")
    assert status == 1
    assert json.loads(out) == {
        "today": "2026-11-22", "rule": "closed_customer_years: 6", "closed_without_date": [],
        "past_retention": [{
            "customer": "C-1", "folder": CLOSED, "closed": "2019-03-29", "kept_until": "2025-03-29",
            "past_retention_since": "2025-03-30", "rule": "closed_customer_years: 6",
            "notes": [f"{CLOSED}/notes/2019-03-01-last-box.yaml"], "order_rows": ["records/orders/orders.csv:2"],
        }],
    }
    status, out, _ = run("--root", root, "retention", "--today", "2025-03-29")
    assert (status, out) == (0, "No record is past retention (retention: closed_customer_years: 6 in flagsite.yaml, as of 2025-03-29).\n")


def test_retention_names_what_it_cannot_judge(repo: Repo, run: Run) -> None:
    shop(repo, config="")
    status, _, err = run("--root", str(repo.root), "retention")
    assert status == 1 and "flagsite.yaml sets no retention period; add one" in err
    repo.write("flagsite.yaml", "retention:\n  closed_customer_years: six\n")
    status, _, err = run("--root", str(repo.root), "retention")
    assert status == 1 and "flagsite.yaml:2:26: S003" in err
    repo.write("flagsite.yaml", RETENTION)
    repo.write("records/customers/C-3/customer.yaml", "id: C-3\nname: Ann\nstatus: sleeping\n")
    status, out, err = run("--root", str(repo.root), "retention")
    assert status == 1
    assert out.startswith("C-1  ")
    assert "could not be judged" in err and "records/customers/C-3/customer.yaml:3:9: S003" in err


def test_the_dashboard_lists_records_past_retention(repo: Repo, run: Run, tmp_path: Path) -> None:
    shop(repo)
    site = tmp_path / "site"
    status, _, err = run("--root", str(repo.root), "build", "--site-dir", str(site), "--today", "2026-11-22")
    assert status == 0, err
    page = (site / "dashboards" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="past-retention"', 1)[1].split("</section>", 1)[0]
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr data-customer=[^>]*>(.*?)</tr>", section, re.S)]
    assert rows == [["Winifred Ashdown C-1", "2019-03-29", "2025-03-30", "closed_customer_years: 6", "1", "1"]]
    assert "retention: closed_customer_years: 6" in section
    page = html.unescape(re.sub(r"<[^>]+>", "", (site / "customers" / "C-1" / "index.html").read_text(encoding="utf-8")))
    assert "closed 2019-03-29" in page
    assert "Past retention since 2025-03-30 (retention: closed_customer_years: 6 in flagsite.yaml): this record is due to be erased." in page


def test_init_writes_a_retention_example_that_works_uncommented(tmp_path: Path, run: Run) -> None:
    assert run("init", str(tmp_path / "new"))[0] == 0
    text = (tmp_path / "new" / "flagsite.yaml").read_text(encoding="utf-8")
    assert "retention" not in yaml.safe_load(text)  # an example: no period applies until a team chooses one
    block = text[text.index("# retention:"):].split("\n\n", 1)[0]
    assert yaml.safe_load("\n".join(line[2:] for line in block.splitlines())) == {"retention": {"closed_customer_years": 6}}


def test_erase_past_retention_sweeps_every_record_past_it_out_of_the_records_and_history(repo: Repo, run: Run) -> None:
    shop(repo)
    repo.write("records/customers/C-3/customer.yaml", closed_customer("C-3", "2024-01-31", name="Olu Adeyemi"))
    repo.commit("Add the shop's customers", "2026-06-01T10:00:00+00:00")

    status, out, err = run("--root", str(repo.root), "erase", "--past-retention", "--ref", "RET-2026-11", "--today", "2026-11-22")
    assert status == 0, err
    assert out.startswith("1 customer record(s) past retention (retention: closed_customer_years: 6 in flagsite.yaml, as of 2026-11-22).\n")
    assert "records/erased/C-1.yaml: C-1 erased on 2026-11-22 (request RET-2026-11)" in out
    objects = subprocess.run(["git", "cat-file", "--batch-all-objects", "--batch"], cwd=repo.root, capture_output=True, check=True).stdout
    assert b"Winifred" not in objects and b"ashdown@example.org" not in objects and b"moving abroad" not in objects
    assert not (repo.root / CLOSED).exists()
    assert repo.read("records/orders/orders.csv").splitlines()[1:] == ["SO-2,C-2,2026-03-01,12.00,USD,delivered,Olive oil"]
    # Closed in 2024, C-3 is kept until 2030; the open account is not swept.
    assert (repo.root / "records/customers/C-3/customer.yaml").exists() and (repo.root / OPEN / "customer.yaml").exists()
    assert run("--root", str(repo.root), "retention", "--today", "2026-11-22")[:2] == (
        0, "No record is past retention (retention: closed_customer_years: 6 in flagsite.yaml, as of 2026-11-22).\n")
    assert run("--root", str(repo.root), "validate")[0] == 0

    head = repo.git("rev-parse", "HEAD")
    status, out, _ = run("--root", str(repo.root), "erase", "--past-retention", "--ref", "RET-2026-12", "--today", "2026-12-22")
    assert (status, out) == (0, "No record is past retention (retention: closed_customer_years: 6 in flagsite.yaml, as of 2026-12-22).\n")
    assert repo.git("rev-parse", "HEAD") == head  # nothing to erase, nothing committed


def test_erase_past_retention_erases_nothing_while_a_record_cannot_be_judged(repo: Repo, run: Run) -> None:
    shop(repo)
    repo.write("records/customers/C-3/customer.yaml", "id: C-3\nname: Ann\nstatus: sleeping\n")
    repo.commit("Add the shop's customers", "2026-06-01T10:00:00+00:00")
    status, _, err = run("--root", str(repo.root), "erase", "--past-retention", "--ref", "RET-2026-11")
    assert status == 1
    assert "cannot be judged" in err and "nothing was erased" in err and "records/customers/C-3/customer.yaml:3:9: S003" in err
    assert (repo.root / CLOSED / "customer.yaml").exists() and repo.git("status", "--porcelain") == ""
    status, _, err = run("--root", str(repo.root), "erase", "--ref", "RET-2026-11")
    assert status == 2 and "give --past-retention" in err
