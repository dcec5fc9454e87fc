"""One date parser: every command and the bulk CSV accept the same dates and say the same thing about a wrong one."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from flagsite.dates import DateError, add_days, parse_date, parse_moment

from .conftest import CUSTOMER_YAML, Result, customer_file

# What a person typed -> what they are told.
ADVICE = {
    "31/12/2027": "write dates as YYYY-MM-DD, e.g. 2027-12-31",
    "12/31/2027": "write dates as YYYY-MM-DD, e.g. 2027-12-31",
    "03/04/2027": "write dates as YYYY-MM-DD: 03/04/2027 could be 2027-03-04 or 2027-04-03",
    "2027/12/31": "write dates as YYYY-MM-DD, e.g. 2027-12-31",
    "2027-1-5": "write dates as YYYY-MM-DD, e.g. 2027-01-05",
    "2027-02-30": "February has 28 days in 2027",
    "2028-02-30": "February has 29 days in 2028",
    "2027-04-31": "April has 30 days in 2027",
    "2027-13-01": "there is no month 13",
    "2027-00-10": "there is no month 0",
    "2027-04-00": "there is no day 0 in April",
    "0000-01-01": "there is no year 0000",
    "next week": "write dates as YYYY-MM-DD, e.g. 2026-06-03",
}


@pytest.mark.parametrize(("text", "advice"), ADVICE.items())
def test_a_wrong_date_is_told_in_words_a_person_can_act_on(text: str, advice: str) -> None:
    with pytest.raises(DateError) as told:
        parse_date(text)
    assert advice in str(told.value)


def test_dates_and_moments_that_are_accepted() -> None:
    assert parse_date("2026-06-03") == parse_date("20260603") == dt.date(2026, 6, 3)
    assert parse_date("9999-12-31") == dt.date.max and parse_date("0001-01-01") == dt.date.min
    utc = dt.UTC
    assert parse_moment("2026-06-03") == parse_moment("20260603") == dt.datetime(2026, 6, 3, 23, 59, 59, tzinfo=utc)
    assert parse_moment("9999-12-31") == dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=utc)
    assert parse_moment("2026-06-03T14:00:00+02:00") == dt.datetime(2026, 6, 3, 12, 0, tzinfo=utc)
    assert parse_moment("2026-06-03T14:00") == dt.datetime(2026, 6, 3, 14, 0, tzinfo=utc)
    late = parse_moment("9999-12-31T23:00:00-05:00")  # later than any UTC time Python can hold: kept with its offset
    assert late.utcoffset() == dt.timedelta(hours=-5) and late.timestamp() == 253402315200
    with pytest.raises(DateError, match="February has 28 days in 2027"):
        parse_moment("2027-02-30T10:00:00+00:00")
    with pytest.raises(DateError, match="the time '25:00' is not a time of day"):
        parse_moment("2026-06-03T25:00")


def test_moving_a_date_past_9999_or_before_year_1_stops_there() -> None:
    assert add_days(dt.date(9999, 12, 20), 30) == dt.date.max
    assert add_days(dt.date(1, 1, 10), -90) == dt.date.min
    assert add_days(dt.date(2026, 6, 3), 30) == dt.date(2026, 7, 3)


@pytest.mark.parametrize("args", [
    ("flag", "add", "C-10042", "--type", "alert", "--reason", "Moved.", "--created", "31/12/2027"),
    ("flag", "add", "C-10042", "--type", "alert", "--reason", "Moved.", "--review-by", "31/12/2027"),
    ("flag", "edit", "C-10042", "--type", "on-hold", "--review-by", "31/12/2027"),
    ("flag", "remove", "C-10042", "--type", "on-hold", "--created", "31/12/2027"),
    ("build", "--today", "31/12/2027"),
    ("show", "C-10042", "--as-of", "31/12/2027"),
    ("export", "C-10042", "--as-of", "31/12/2027"),
    ("note", "new", "C-10042", "--at", "31/12/2027"),
])
def test_every_command_tells_a_wrong_date_the_same_way(repo: Path, run: Callable[..., Result], args: list[str]) -> None:
    result = run("--root", str(repo), *args)
    assert result.exit_code == 2
    assert "'31/12/2027' is not a date: write dates as YYYY-MM-DD, e.g. 2027-12-31" in result.stderr
    assert "Traceback" not in result.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML


def test_the_bulk_csv_tells_a_wrong_date_as_the_commands_do(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    csv_path = tmp_path / "flags.csv"
    csv_path.write_text(
        "action,customer,type,reason,review_by,created\n"
        "add,C-10042,alert,Moved offices.,31/12/2027,\n"
        "add,C-10042,alert,Moved offices.,,2027-02-30\n"
        "add,C-10042,alert,Moved offices.,2027-13-01,\n"
    )
    result = run("--root", str(repo), "flag", "bulk", str(csv_path), "--by", "kim")
    assert result.exit_code == 1
    assert "flags.csv:2: review_by '31/12/2027' is not a date: write dates as YYYY-MM-DD, e.g. 2027-12-31" in result.stderr
    assert "flags.csv:3: created '2027-02-30' is not a date: February has 28 days in 2027" in result.stderr
    assert "flags.csv:4: review_by '2027-13-01' is not a date: there is no month 13" in result.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML


def test_what_one_command_accepts_every_command_accepts(repo: Path, run: Callable[..., Result]) -> None:
    """The basic form that --as-of takes is a date for --created and --review-by too."""
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Moved offices.",
                 "--created", "20260604", "--review-by", "99991231", "--by", "kim")
    assert result.exit_code == 0, result.stderr
    text = customer_file(repo).read_text()
    assert "    created: 2026-06-04\n" in text and "    review_by: 9999-12-31\n" in text


def test_the_plugin_s_today_in_mkdocs_yml_is_read_as_the_commands_read_dates(repo: Path) -> None:
    (repo / "pages").mkdir()
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(
        {"site_name": "x", "docs_dir": "pages", "plugins": [{"flagsite": {"today": "31/12/2027"}}]}))
    mkdocs = shutil.which("mkdocs", path=os.path.dirname(sys.executable))
    assert mkdocs is not None
    done = subprocess.run([mkdocs, "build"], cwd=repo, capture_output=True, text=True, check=False,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert done.returncode == 1
    assert "today '31/12/2027' in mkdocs.yml is not a date: write dates as YYYY-MM-DD, e.g. 2027-12-31" in done.stderr
    assert "Traceback" not in done.stderr
