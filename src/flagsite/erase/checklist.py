"""What an erasure or a rectification still needs outside this repository: Git copies and builds hold the old history."""

from __future__ import annotations

CHECKLIST = (
    "Push the rewritten history over the old one: git push --force --all origin && git push --force --tags origin "
    "(the remote's branches were rewritten here as local branches).",
    "The Git host: open pull requests and their refs (refs/pull/*), forks and cached views keep the old commits; close or "
    "re-open the pull requests from the new history and ask the host's support to remove the old commits (give them the "
    "first changed commits printed above).",
    "Every other clone (colleagues, servers, CI runners with a persistent checkout): delete it and clone again; never pull "
    "or merge an old clone, which brings the old history back.",
    "CI caches and artifacts: delete the workflow caches and every artifact built before now (a site artifact holds the "
    "customer's pages).",
    "The published site: rebuild and publish it now (flagsite build), and purge any proxy or CDN cache in front of it.",
    "Backups of the repository and of the site: erase the customer there too, or record when those backups expire.",
    "Copies outside Git: reply folders and zips of flagsite request (.flagsite/requests/), exports sent or saved.",
    "The sales system: erase the customer's orders there, or the next export brings their rows back (validate reports "
    "them, R018).",
)
