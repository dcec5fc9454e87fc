"""Who is at the keyboard: the staff user name written into created_by and author.

Records hold a short login-like name (``models.StaffName``). The default is
derived from ``git config user.name`` ("Jane Doe" becomes ``jane.doe``), else
the login name ($USER); a command refuses clearly when neither gives one.
"""

from __future__ import annotations

import getpass
import re

from .errors import FlagsiteError
from .git import user_name

_STAFF_NAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


def as_staff_name(text: str) -> str:
    """'Jane  Doe' -> 'jane.doe'; characters a staff name may not hold are dropped."""
    name = re.sub(r"\s+", ".", text.strip().lower())
    name = re.sub(r"[^a-z0-9._@-]", "", name).strip(".")
    return name[:64]


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no $USER and no passwd entry (some containers)
        return ""


def default_staff_name(root: str, option: str) -> str:
    for candidate in (user_name(root), _login_name()):
        name = as_staff_name(candidate)
        if _STAFF_NAME.match(name):
            return name
    raise FlagsiteError(f"cannot tell who you are (no git user.name, no login name); pass {option} NAME")


def check_staff_name(name: str, option: str) -> str:
    if not _STAFF_NAME.match(name):
        raise FlagsiteError(f"{option} {name!r} is not a staff user name: use letters, digits, '.', '_', '@' or '-' (e.g. jdoe)")
    return name
