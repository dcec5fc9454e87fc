"""``privacy:`` in flagsite.yaml: what every reply to a record-access request must tell the person.

The controller and how to reach them, why the data is held, what is held, who
receives it, how long it is kept, where it came from, the person's rights
(with the complaint to a supervisory authority), automated decisions, and the
legal ground for each class of content withheld from the customer's copy.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# The classes of withheld content, keyed as the withheld manifest keys them: a field's
# name, the flags of non-factual types, and other people's data found in free text.
THIRD_PARTIES = "third_parties"


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Controller(_Settings):
    name: Line = Field(description="Who holds the data: the organisation's legal name.")
    address: Line
    email: Line = Field(description="Where the person writes about their data.")
    data_protection_officer: str = Field("", description="The data protection officer's name and address, when there is one.")


class Authority(_Settings):
    name: Line = Field(description="The supervisory authority a person may complain to.")
    contact: Line = Field(description="Its address or web page.")


class PrivacySettings(_Settings):
    controller: Controller
    purposes: list[Line] = Field(min_length=1, description="Why the records are kept.")
    categories: list[Line] = Field(min_length=1, description="What kinds of personal data the records hold.")
    recipients: list[Line] = Field(min_length=1, description="Who receives the data (teams, processors).")
    retention: Line = Field(description="How long the data is kept, or how that is decided.")
    source: Line = Field(description="Where the data came from when not from the person.")
    rights: list[Line] = Field(min_length=1, description="The person's rights: rectification, erasure, restriction, objection, ...")
    supervisory_authority: Authority
    automated_decisions: Line = Field(description="Whether decisions about the person are made by automated means, and how.")
    withheld: dict[str, Line] = Field(
        default_factory=dict,
        description="The legal ground for withholding each class of content: a field's name (guidance, internal, "
        f"author, created_by, owner, policy_exceptions), non_factual_flags, or {THIRD_PARTIES}.",
    )
