"""Configuration of a records repository: vocabulary and rules, with built-in defaults.

A repository with no ``flagsite.yaml`` works with the defaults below. A
configuration file overrides them key by key; a bad one is reported as
findings like any record, and the defaults are used meanwhile.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .findings import Finding
from .load.orders import OrderLimits
from .load.yaml_strict import load_yaml_file
from .models import VocabularyName
from .privacy import PrivacySettings
from .retention import RetentionSettings
from .rule_settings import PolicySettings
from .schema_errors import findings_from_validation_error

CONFIG_FILE = "flagsite.yaml"

Severity = Literal["block", "warn", "info", "positive"]


class FlagType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    severity: Severity
    icon: str = Field(description="A Material icon name, e.g. octicons-stop-16.")
    factual: bool = Field(description="False for assessments: such flags are dropped from customer exports whole.")
    meaning: str = ""


DEFAULT_FLAG_TYPES: dict[str, FlagType] = {
    "on-hold": FlagType(label="On Hold", severity="block", icon="octicons-stop-16", factual=True,
                        meaning="Orders must not progress (unpaid invoices, compliance)."),
    "warning": FlagType(label="Warning", severity="block", icon="octicons-alert-16", factual=True,
                        meaning="Must be adhered to: security protocol, who may order, approvals."),
    "manager": FlagType(label="Refer to manager", severity="warn", icon="octicons-person-16", factual=True,
                        meaning="Route this customer to a manager."),
    "at-risk": FlagType(label="At Risk", severity="warn", icon="octicons-flame-16", factual=False,
                        meaning="May leave or is unhappy: an assessment."),
    "alert": FlagType(label="Alert", severity="info", icon="octicons-bell-16", factual=True,
                      meaning="Notable but not critical."),
    "important": FlagType(label="Important", severity="info", icon="octicons-info-16", factual=True,
                          meaning="Vital details that fit no other type."),
    "delight": FlagType(label="Delight", severity="positive", icon="octicons-heart-16", factual=False,
                        meaning="A customer who made someone's day."),
}

DEFAULT_DISPOSITIONS = [
    "billing-refund",
    "cancellation",
    "complaint",
    "account-change",
    "general-inquiry",
    "order-support",
    "service-failure",
]

DEFAULT_CHANNELS = ["phone", "email", "chat", "in-person", "letter", "other"]


class BuildSettings(BaseModel):
    """How the workflow `flagsite init` writes builds the site."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shards_above: int = Field(
        default=100000, ge=1,
        description="Above this many customers the workflow builds the customer pages as slices on parallel jobs, each of this "
                    "many customers or fewer (flagsite build --shard I/N), and one job merges them (flagsite build --merge).",
    )


class Config(BaseModel):
    """Everything an organisation may change, with flagsite's defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    flag_types: dict[VocabularyName, FlagType] = Field(default_factory=lambda: dict(DEFAULT_FLAG_TYPES))
    dispositions: list[VocabularyName] = Field(default_factory=lambda: list(DEFAULT_DISPOSITIONS))
    channels: list[VocabularyName] = Field(default_factory=lambda: list(DEFAULT_CHANNELS))
    service_failure_dispositions: list[VocabularyName] = Field(
        default_factory=lambda: ["service-failure"],
        description="Notes with these dispositions are 'missteps', listed near the top of the customer page.",
    )
    missteps_days: int = Field(default=180, ge=0, description="How long a misstep stays near the top of the page.")
    follow_up_days: int = Field(
        default=14, ge=0,
        description="Open follow-ups due within this many days (and every overdue one) are listed under the flag banner "
                    "and on the dashboard.",
    )
    policy: PolicySettings = Field(default_factory=PolicySettings, description="Policy rule settings (see `flagsite rules`).")
    orders: OrderLimits = Field(default_factory=OrderLimits, description="How large one file of records/orders/ may be.")
    build: BuildSettings = Field(default_factory=BuildSettings, description="How the workflow builds the site.")
    privacy: PrivacySettings | None = Field(default=None, description="What a reply to a record-access request must tell the person.")
    retention: RetentionSettings | None = Field(default=None, description="How long a closed customer's record is kept before it is erased.")

    @field_validator("flag_types", mode="before")
    @classmethod
    def _merge_with_default_flag_types(cls, value: Any) -> Any:
        """Configured flag types add to or replace the defaults; a type set to null removes one."""
        if not isinstance(value, dict):
            return value
        merged: dict[str, Any] = dict(DEFAULT_FLAG_TYPES)
        for name, flag_type in value.items():
            if flag_type is None:
                merged.pop(name, None)
            else:
                merged[name] = flag_type
        return merged

    def flag_type(self, name: str) -> FlagType | None:
        return self.flag_types.get(name)

    def vocabulary(self) -> dict[str, list[str]]:
        """The configured names by the record field that takes them (list indexes left out)."""
        return {"flags.type": list(self.flag_types), "channel": list(self.channels), "disposition": list(self.dispositions)}


def load_config(root: str) -> tuple[Config, list[Finding]]:
    """The repository's configuration, or the defaults with findings if it is broken."""
    path = os.path.join(root, CONFIG_FILE)
    if not os.path.lexists(path):
        return Config(), []
    if not os.path.isfile(path):
        return Config(), [Finding(CONFIG_FILE, None, None, "X001", f"cannot be read: not a plain file (a folder, a pipe or a broken "
                                                                   f"link); make {CONFIG_FILE} a file, or remove it to use the defaults")]
    try:
        loaded = load_yaml_file(path, CONFIG_FILE)
    except OSError as error:
        return Config(), [Finding(CONFIG_FILE, None, None, "X001", f"cannot be read: {error.strerror}; check the file's permissions")]
    if loaded.data is None:
        return Config(), loaded.findings
    try:
        return Config.model_validate(loaded.data), loaded.findings
    except ValidationError as error:
        return Config(), loaded.findings + findings_from_validation_error(error, CONFIG_FILE, loaded.source, Config)
