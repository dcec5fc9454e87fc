"""Print an HTML page to PDF with headless Chromium: the engine the browser tests already use.

Chromium lays out the page as a browser shows it (the same CSS, the system fonts,
every script of the world), needs no Python build of its own and is one Debian
package; the page is opened from a file with the network switched off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..errors import FlagsiteError

ENGINE_VARIABLE = "FLAGSITE_CHROMIUM"
_NAMES = ("chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = (
    "install Chromium to print the PDF (Debian or Ubuntu: `sudo apt-get install chromium`), or set "
    f"{ENGINE_VARIABLE} to a Chromium or Chrome program; the HTML is written, and can be printed to PDF from a browser"
)


class NoPdfEngine(FlagsiteError):
    """No Chromium to print with."""


def pdf_engine() -> str | None:
    named = os.environ.get(ENGINE_VARIABLE)
    if named:
        return shutil.which(named)
    return next((found for found in map(shutil.which, _NAMES) if found), None)


def print_pdf(html_path: str, pdf_path: str, *, timeout: float = 120) -> None:
    engine = pdf_engine()
    if engine is None:
        raise NoPdfEngine(f"no PDF written: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="flagsite-pdf-") as profile:
        command = [
            engine, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            "--no-pdf-header-footer", f"--print-to-pdf={os.path.abspath(pdf_path)}", "file://" + os.path.abspath(html_path),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as error:
            raise FlagsiteError(f"no PDF written: {engine} did not finish printing within {timeout:.0f} seconds") from error
    if done.returncode != 0 or not os.path.isfile(pdf_path):
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise FlagsiteError(f"no PDF written: {engine} failed to print ({last})")
