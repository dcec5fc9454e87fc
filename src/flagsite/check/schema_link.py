"""R016: a record's ``$schema`` line leads to the repository's schema from where the file stands.

A customer.yaml copied into a grouping folder keeps ``../../../schema/...``,
which then points nowhere: the editor silently loses completion and checks.
A schema given by URL is the team's choice and is not checked here.
"""

from __future__ import annotations

import posixpath

from ..findings import Finding
from ..load.yaml_strict import SchemaLink
from ..schema import schema_file_for, schema_target


def check_schema_link(path: str, link: SchemaLink | None) -> list[Finding]:
    if link is None or "://" in link.target:
        return []
    wanted = schema_file_for(path)
    if posixpath.isabs(link.target):
        lands = "is an absolute path, which holds on one machine only"
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), link.target))
        if resolved == wanted:
            return []
        lands = "leads outside the repository" if resolved.startswith("../") else f"leads to {resolved}"
    return [
        Finding(
            path, link.line, link.column, "R016",
            f"$schema={link.target} {lands}, not to {wanted}; write $schema={schema_target(path)}",
        )
    ]
