"""The HTML export in a real browser: it prints to PDF and shows record text as text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Repo, Run, customer_yaml, flag

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), shutil.which("google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found on PATH (chromium, chromium-browser, google-chrome)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "chromium-profile"
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90, check=False,
    )


def test_the_html_export_prints_to_pdf_with_record_text_as_text(repo: Repo, run: Run, tmp_path: Path) -> None:
    hostile = '<img src=x onerror="document.title=\'pwned\'">Invoices unpaid'
    repo.write("records/customers/C-1/customer.yaml", customer_yaml("C-1", flags=[flag("on-hold", "2026-06-01", hostile)]))
    page = tmp_path / "C-1.html"
    status, _, err = run("--root", str(repo.root), "export", "C-1", "--format", "html", "-o", str(page))
    assert status == 0, err

    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    assert "<img" not in dom.stdout and "pwned" not in dom.stdout.split("<title>")[1].split("</title>")[0]
    assert "&lt;img src=x" in dom.stdout

    pdf = tmp_path / "C-1.pdf"
    printed = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
