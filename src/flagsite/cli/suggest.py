"""``flagsite suggest at-risk``: customers whose spend fell sharply, and At Risk flags for them."""

from __future__ import annotations

import datetime as dt

import click

from ..controls import json_text, visible
from ..spend import DROP_SHARE, WINDOW_DAYS, money
from .dates import DATE


@click.group()
def suggest() -> None:
    """Suggest flags from what the records show."""


@suggest.command("at-risk")
@click.option("--apply", "apply_", is_flag=True, help="Add an At Risk flag to each customer listed who has none: all of them, or none.")
@click.option("--days", type=click.IntRange(min=7, max=366), default=WINDOW_DAYS, show_default=True, help="The window of recent spend, in days.")
@click.option("--drop", type=click.IntRange(min=1, max=100), default=round((1 - DROP_SHARE) * 100), show_default=True,
              help="How far spend must fall against the baseline, in percent.")
@click.option("--by", "created_by", default=None, help="created_by of the flags added (default: from git user.name, else your login).")
@click.option("--today", type=DATE, default=None, help="The last day of the window (default: today).")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def at_risk(root: str, apply_: bool, days: int, drop: int, created_by: str | None, today: dt.date | None, format_: str) -> None:
    """List customers whose spend fell sharply against their own baseline.

    The baseline is the same days a year earlier when the customer's orders go
    back that far (seasonal buyers are compared with their own season),
    otherwise the days just before the window. Refunded, returned, cancelled
    and voided orders do not count as spend. With --apply, each customer
    listed gets an At Risk flag (reason: the spend figures; review in DAYS
    days) in one transaction; customers already flagged At Risk are skipped.
    """
    from ..edit.at_risk import flag_at_risk, suggest_at_risk
    from ..staff import check_staff_name, default_staff_name

    by = (check_staff_name(created_by, "--by") if created_by else default_staff_name(root, "--by")) if apply_ else ""
    found = suggest_at_risk(root, today=today, days=days, share=1 - drop / 100)
    if found.records_with_errors:
        click.echo(f"flagsite: {found.records_with_errors} record file(s) have errors and were left out; run flagsite validate", err=True)
    applied = flag_at_risk(root, found.suggestions, by=by, today=today, review_days=days) if apply_ else None
    if format_ == "json":
        click.echo(json_text({
            "customers": [
                {"id": s.customer_id, "name": s.drop.entry.customer.name, "currency": s.drop.currency, "recent": s.drop.recent,
                 "baseline": s.drop.baseline, "compared_with": s.drop.baseline_label, "change": round(s.drop.change, 4),
                 "reason": s.drop.reason, "already_flagged": s.flagged}
                for s in found.suggestions
            ],
            "updated": applied.paths if applied else [],
        }, indent=2))
        return
    for s in found.suggestions:
        mark = "  (already flagged At Risk)" if s.flagged else ""
        click.echo(visible(f"{s.customer_id}  {s.drop.entry.customer.name}: {money(s.drop.recent, s.drop.currency)} "
                           f"against {money(s.drop.baseline, s.drop.currency)} ({round(s.drop.change * 100)}%){mark}"))
        click.echo(visible(f"    {s.drop.reason}"))
    if not found.suggestions:
        click.echo(f"No customer's spend fell by {drop}% or more in the last {days} days.")
    elif applied is None:
        new = sum(1 for s in found.suggestions if not s.flagged)
        click.echo(f"{len(found.suggestions)} customer(s) listed; --apply adds At Risk flags to {new} of them.")
    else:
        for path in applied.paths:
            click.echo(f"updated {path}")
        click.echo(f"Added {applied.rows} At Risk flag(s), in one transaction.")
