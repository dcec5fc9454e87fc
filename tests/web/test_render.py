"""The renderer on its own: what each page says, in what order, and where its links go."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import site_factory as f
from flagsite.catalog import Catalog
from flagsite.render import render_site
from flagsite.render.search_index import COMMON_MAX, SHARD_MAX
from flagsite.repository import load_repository
from node_search import node_find


def _group(found: re.Match[str] | None) -> str:
    assert found is not None
    return found.group(1)


@pytest.fixture(scope="module")
def catalog(demo_root: str) -> Catalog:
    result = load_repository(demo_root, today=f.TODAY)
    assert result.ok, result.findings
    return result.catalog


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return render_site(catalog)


def body(page: str) -> str:
    """The HTML after the front matter."""
    assert page.startswith("---\n")
    return page.split("\n---\n", 1)[1]


class Elements(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_banner_comes_first_with_every_flag_coloured_by_severity(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-20001/index.md"])
    tags = Elements(html).tags
    assert tags[0] == ("div", {"class": "fs-page fs-customer", "data-customer-id": "C-20001"})
    assert tags[1][0] == "section" and "fs-banner" in (tags[1][1]["class"] or "")
    flags = [attrs for tag, attrs in tags if "data-flag-type" in attrs]
    assert [(a["data-flag-type"], a["class"]) for a in flags] == [
        ("manager", "fs-flag fs-sev-warn"),
        ("delight", "fs-flag fs-sev-positive"),
    ]
    assert html.index("Asked to speak with a manager") < html.index("<h1")


def test_banner_shows_icon_label_reason_and_marks_guidance_internal(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-10042/index.md"])
    banner = html[html.index('<section class="fs-banner'):html.index("</section>")]
    assert 'data-flag-type="on-hold"' in banner and "fs-sev-block" in banner
    assert "<svg" in banner and "On Hold" in banner
    assert "Invoices INV-2031 and INV-2044 unpaid" in banner
    guidance = _group(re.search(r'<div class="fs-internal">(.*?)</div>', banner))
    assert "Internal" in guidance and "Take no new orders" in guidance
    assert "review overdue" in banner  # review_by 2026-09-03 is past on 2026-11-20


def test_banner_marks_a_flag_of_a_non_factual_type_internal(pages: dict[str, str]) -> None:
    """An assessment (delight, at-risk) is never exported: staff must see that before they repeat it."""
    html = body(pages["customers/C-20001/index.md"])
    heads = dict(re.findall(r'data-flag-type="([^"]+)".*?<div class="fs-flag-head">(.*?)</div>', html, re.S))
    assert "fs-internal-tag" in heads["delight"]
    assert "fs-internal-tag" not in heads["manager"]


def test_critical_notes_add_a_see_notes_marker_and_are_pinned_before_the_notes(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-30003/index.md"])
    assert html.index('data-marker="see-notes"') < html.index("<h1")
    assert 'href="#critical-notes"' in html
    assert html.index('id="critical-notes"') < html.index('id="notes"')
    assert 'id="pinned-2026-02-10-language"' in html
    assert "data-flag-type" not in html  # a marker is not a flag
    clean = body(pages["customers/C-40004/index.md"])
    assert 'data-marker="see-notes"' not in clean


def test_customer_without_flags_says_so(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-30003/index.md"])
    assert "fs-banner-clear" in html


def test_notes_newest_first_in_the_outline_with_internal_fields_marked(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-10042/index.md"])
    notes = html[html.index('id="notes"'):]
    assert notes.index("note-2026-10-01-missed-cancellation") < notes.index("note-2026-06-03-refund-after-cancellation")
    older = notes[notes.index("note-2026-06-03-refund-after-cancellation"):]
    terms = re.findall(r"<dt>(.*?)</dt>", older)
    assert terms == ["Contact", "Reason", "Resolution", "Changes", "Amounts", "Follow-up", "Disposition", "Internal"]
    assert "alexmart@covesmart.com" in older and "49.98 USD" in older
    internal = _group(re.search(r'<dd class="fs-internal">(.*?)</dd>', older))
    assert "fs-internal-tag" in internal and "Refund approved by team lead Anna." in internal


def test_missteps_are_listed_after_the_banner(pages: dict[str, str]) -> None:
    html = body(pages["customers/C-10042/index.md"])
    assert html.index("</section>") < html.index('id="missteps"') < html.index('id="preferences"')
    missteps = html[html.index('id="missteps"'):html.index('id="preferences"')]
    assert "The cancellation we promised was not done." in missteps
    assert "Charged after the account" not in missteps


def test_misstep_period_comes_from_configuration(demo_root: str, tmp_path: Path) -> None:
    result = load_repository(demo_root, today=dt.date(2027, 9, 1))  # 335 days after the failure
    html = body(render_site(result.catalog)["customers/C-10042/index.md"])
    assert 'id="missteps"' not in html


def test_history_section_renders_what_it_is_given(catalog: Catalog) -> None:
    history = {"C-10042": [{"sha": "a1b2c3d4e5f6a7b8", "date": "2026-06-04T10:00:00+00:00", "author": "max",
                            "message": "Put C-10042 on hold", "changes": ["customer.yaml: flags[0] added"]}]}
    pages = render_site(catalog, history)
    html = body(pages["customers/C-10042/index.md"])
    section = html[html.index('id="history"'):]
    assert "Put C-10042 on hold" in section and "2026-06-04" in section and "a1b2c3d4e5" in section
    assert "flags[0] added" in section
    assert 'id="history"' not in body(render_site(catalog)["customers/C-10042/index.md"])
    assert "No recorded changes" in body(pages["customers/C-30003/index.md"])


def test_workstack_lists_flagged_customers_once_most_severe_first(pages: dict[str, str]) -> None:
    html = body(pages["workstack/index.md"])
    rows = re.findall(r'<tr data-customer-id="([^"]+)" data-severity="([^"]+)">', html)
    assert rows == [("C-10042", "block"), ("C-20001", "warn"), ("C-40004", "info")]
    assert "2026-07-01" in html  # the newest of C-20001's flags
    assert "fs-sortable" in html


def test_dashboards_count_flags_and_list_what_is_due(pages: dict[str, str]) -> None:
    html = body(pages["dashboards/index.md"])
    assert "<svg" in html and "On Hold" in html
    counts = dict(re.findall(r'<tr data-flag-type="([^"]+)">.*?<td class="fs-num">(\d+)</td>', html))
    assert counts["on-hold"] == "1" and counts["manager"] == "1" and counts["delight"] == "1" and counts["warning"] == "0"
    overdue = html[html.index('id="reviews-overdue"'):html.index('id="follow-ups-due"')]
    assert "C-10042" in overdue and "C-20001" not in overdue
    follow_ups = html[html.index('id="follow-ups-due"'):html.index('id="newest-notes"')]
    assert "Confirm the refund posted." in follow_ups
    newest = html[html.index('id="newest-notes"'):html.index('id="spend-drops"')]
    assert newest.index("The cancellation we promised") < newest.index("Customer only speaks Mandarin.")
    drops = html[html.index('id="spend-drops"'):]
    assert "C-30003" in drops and "-94%" in drops
    assert "the 90 days before" in drops  # its orders do not go back a year: compared with the window before


def test_a_follow_up_marked_done_leaves_the_dashboard_and_says_when_on_the_customer_page(tmp_path: Path) -> None:
    promised = {"due": dt.date(2026, 11, 1), "owner": "anna", "action": "Call back about the refund."}
    kept = {"due": dt.date(2026, 11, 2), "owner": "anna", "action": "Send the statement.", "done": dt.date(2026, 11, 2)}
    root = f.write_repository(str(tmp_path), [f.customer("C-1", "Ann Lee")], {"C-1": [
        ("refund", f.note("2026-10-20T10:00:00+00:00", reason="Asked when the refund for order SO-7 would be paid.", follow_up=promised)),
        ("statement", f.note("2026-10-21T10:00:00+00:00", reason="Asked for a statement of the October invoices.", follow_up=kept)),
    ]})
    result = load_repository(root, today=f.TODAY)
    assert result.ok, result.findings
    pages = render_site(result.catalog)
    dashboard = body(pages["dashboards/index.md"])
    follow_ups = dashboard[dashboard.index('id="follow-ups-due"'):dashboard.index('id="newest-notes"')]
    assert "Call back about the refund." in follow_ups and "Send the statement." not in follow_ups
    page = body(pages["customers/C-1/index.md"])
    assert "Send the statement. — due 2026-11-02, done 2026-11-02, owner anna" in page
    assert re.search(r"Call back about the refund\. — due 2026-11-01 <span class=\"fs-overdue\">overdue</span>", page)


def _due_repository(root: str, follow_up_days: int | None = None) -> str:
    """One customer whose notes promise: one overdue, one due in 3 days, one in 30, one done."""
    def promise(due: dt.date, action: str, done: dt.date | None = None) -> dict[str, object]:
        return {"due": due, "owner": "anna", "action": action, **({"done": done} if done else {})}

    notes = [
        ("soon", f.note("2026-11-10T10:00:00+00:00", reason="Asked for a visit to check the new oven.", follow_up=promise(dt.date(2026, 11, 23), "Book the visit."))),
        ("late", f.note("2026-11-01T10:00:00+00:00", reason="Asked when the refund for order SO-7 would be paid.", follow_up=promise(dt.date(2026, 11, 12), "Call back about the refund."))),
        ("later", f.note("2026-11-02T10:00:00+00:00", reason="Asked for a quote for the yearly service plan.", follow_up=promise(dt.date(2026, 12, 20), "Send the yearly quote."))),
        ("kept", f.note("2026-11-03T10:00:00+00:00", reason="Asked for a statement of the October invoices.",
                        follow_up=promise(dt.date(2026, 11, 4), "Send the statement.", dt.date(2026, 11, 4)))),
    ]
    root = f.write_repository(root, [f.customer("C-1", "Ann Lee", flags=[f.flag("alert", "Moved in October.")])],
                              {"C-1": notes}, orders=[{"order_id": "SO-9", "customer": "C-1", "date": "2026-11-01", "amount": "10.00",
                                                       "currency": "USD", "status": "shipped", "title": "Tickets"}])
    if follow_up_days is not None:
        with open(f"{root}/flagsite.yaml", "w", encoding="utf-8") as handle:
            handle.write(f"follow_up_days: {follow_up_days}\n")
    return root


def test_open_follow_ups_are_listed_right_after_the_banner_overdue_first(tmp_path: Path) -> None:
    result = load_repository(_due_repository(str(tmp_path)), today=f.TODAY)
    assert result.ok, result.findings
    pages = render_site(result.catalog)
    for path, note_link in [("customers/C-1/index.md", "#note-"), ("customers/C-1/orders/SO-9/index.md", "../../#note-")]:
        html = body(pages[path])
        tags = Elements(html).tags
        sections = [attrs.get("class") for tag, attrs in tags if tag == "section"]
        assert sections[:2] == ["fs-banner", "fs-due"], path
        due = html[html.index('class="fs-due"'):]
        due = due[:due.index("</section>")]
        items = re.findall(r'<a class="fs-due-action" href="([^"]+)">(.*?)</a>', due)
        assert items == [(f"{note_link}2026-11-01-late", "Call back about the refund."),
                         (f"{note_link}2026-11-10-soon", "Book the visit.")], path
        assert "8 days overdue" in due and "due in 3 days" in due and "owner anna" in due
        assert "Send the statement." not in due and "Send the yearly quote." not in due


def test_how_far_ahead_follow_ups_are_listed_comes_from_configuration(tmp_path: Path) -> None:
    result = load_repository(_due_repository(str(tmp_path), follow_up_days=40), today=f.TODAY)
    assert result.ok, result.findings
    pages = render_site(result.catalog)
    assert "Send the yearly quote." in body(pages["customers/C-1/index.md"]).split('id="notes"')[0]
    assert "in the next 40 days" in body(pages["dashboards/index.md"])


def test_a_customer_without_open_follow_ups_has_no_due_list(pages: dict[str, str]) -> None:
    assert 'class="fs-due"' not in body(pages["customers/C-20001/index.md"])


def test_flag_labels_stand_alone_and_a_contact_s_relationship_reads_as_words(pages: dict[str, str], tmp_path: Path) -> None:
    html = body(pages["customers/C-20001/index.md"])
    heads = re.findall(r'<div class="fs-flag-head">(.*?)</div>', html)
    assert [re.sub(r"<[^>]+>", "", head).strip() for head in heads] == ["Refer to manager", "Delight Internal"]
    note = f.note(contact={"name": "Dimitrios Pappas", "relationship": "employee (head chef)"})
    root = f.write_repository(str(tmp_path), [f.customer("C-1", "Ann Lee")], {"C-1": [("call", note)]})
    page = body(render_site(load_repository(root, today=f.TODAY).catalog)["customers/C-1/index.md"])
    assert 'Dimitrios Pappas<span class="fs-muted">, employee (head chef)</span>' in page
    assert "((" not in page and "))" not in page


def test_orders_get_pages_with_the_customers_banner_and_preferences(pages: dict[str, str], catalog: Catalog) -> None:
    html = body(pages["customers/C-30003/orders/SO-2/index.md"])
    assert 'data-marker="see-notes"' in html and 'href="../../#critical-notes"' in html
    assert "Single ticket" in html and "50.00 USD" in html


def test_every_link_between_pages_leads_to_a_page(pages: dict[str, str]) -> None:
    folders = {path.removesuffix("index.md").rstrip("/") for path in pages if path.endswith("index.md")}
    for path, content in pages.items():
        if not path.endswith(".md"):
            continue
        here = path.removesuffix("index.md").rstrip("/")
        for href in re.findall(r'href="([^"#:]*)(?:#[^"]*)?"', body(content)):
            if not href:
                continue
            target = posixpath.normpath(posixpath.join(here, href)).strip("/")
            assert ("" if target == "." else target) in folders, f"{path}: {href}"


def test_links_without_directory_urls_name_the_file(catalog: Catalog) -> None:
    html = body(render_site(catalog, directory_urls=False)["workstack/index.md"])
    assert 'href="../customers/C-10042/index.html"' in html


def test_page_titles_carry_no_record_text(pages: dict[str, str]) -> None:
    for path, content in pages.items():
        if path.endswith(".md"):
            title = json.loads(content.split("\n")[1].removeprefix("title: "))
            assert re.fullmatch(r"[A-Za-z0-9 ._-]+", title), (path, title)


def find(pages: dict[str, str], query: str) -> list[str]:
    """What the site's search.js finds, run under node on the rendered index."""
    return node_find(pages, [query])[0]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Erickson", ["C-10042"]),
        ("alex", ["C-10042"]),
        ("C-10042", ["C-10042"]),
        ("alex.cmart@covesmart.com", ["C-10042"]),
        ("555 0303", ["C-30003"]),
        ("+44 20 7946 0018", ["C-20001"]),
        ("maria garcia", ["C-20001"]),
        ("Garcia", ["C-20001"]),
        ("nobody", []),
    ],
)
def test_search_index_finds_a_customer_by_name_id_email_or_phone(pages: dict[str, str], query: str, expected: list[str]) -> None:
    assert find(pages, query) == expected


def test_search_shards_stay_small_as_customers_grow(tmp_path: Path) -> None:
    f.synthetic(str(tmp_path), 1500, notes_per_customer=0)
    result = load_repository(str(tmp_path), today=f.TODAY, jobs=1)
    pages = render_site(result.catalog)
    shards = {p: c for p, c in pages.items() if "/search/t/" in p or "/search/p/" in p}
    sizes = {p: len(json.loads(c)) for p, c in shards.items()}
    # Only a shard for one word that many share (a first name here) may pass SHARD_MAX.
    assert all(n <= SHARD_MAX or p.endswith("_.json") for p, n in sizes.items()), sizes
    assert max(sizes.values()) <= COMMON_MAX
    assert find(pages, "C-11234") == ["C-11234"]
    assert find(pages, "zoë") == find(pages, "zoe") != []
    assert "C-10777" in find(pages, "555 0000777")


def test_note_quality_dashboard_lists_policy_warnings_by_rule_and_links_each_record(pages: dict[str, str]) -> None:
    html = body(pages["dashboards/index.md"])
    section = html[html.index('id="note-quality"'):]
    assert "<code>P201</code> flag-review-overdue" in section  # C-10042's review date has passed
    assert "<code>P108</code> durable-preference-in-note" in section  # C-30003's critical note
    assert 'href="../customers/C-30003/#note-2026-02-10-language"' in section
    assert 'href="../customers/C-10042/"' in section
