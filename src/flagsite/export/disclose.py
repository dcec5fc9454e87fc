"""Decide what of a customer's record is disclosed, walking the models by their fields' classes.

Nothing here names a field: every field's class comes from the schema
(``disclosure_of``) and every flag type's from the configuration (``factual``),
so a field or a flag type added later is classed where it is declared. For the
customer, internal content is left out and counted in the withheld manifest;
for the reviewer, everything is kept and labelled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..catalog import CustomerEntry
from ..config import Config
from ..models import Disclosure, Flag, disclosure_of


class Audience(str, Enum):
    CUSTOMER = "customer"
    REVIEWER = "reviewer"


@dataclass
class Item:
    name: str  # the field's name in the record file
    value: Any  # a JSON scalar, a list of scalars, a Section or a list of Sections
    disclosure: Disclosure


@dataclass
class Section:
    kind: str  # customer, flag, note, order, contact, follow-up, ...
    items: list[Item]
    disclosure: Disclosure = Disclosure.FACTUAL
    why: str = ""  # why a whole section is internal (reviewer exports only)

    def get(self, name: str) -> Any:
        return next((item.value for item in self.items if item.name == name), None)


@dataclass(frozen=True)
class Withheld:
    what: str
    count: int
    why: str
    key: str = ""  # the class of content: the field's name, or NON_FACTUAL_FLAGS_KEY


@dataclass
class Disclosed:
    audience: Audience
    customer: Section
    lists: dict[str, list[Section]] = field(default_factory=dict)  # flags, preferences, notes, orders
    withheld: list[Withheld] = field(default_factory=list)
    moment: str = "as it stands now"  # or "as it stood on <time> (commit <sha>)"
    labels: dict[str, str] = field(default_factory=dict)  # flag type → label

    @property
    def customer_id(self) -> str:
        return str(self.customer.get("id"))


NON_FACTUAL_FLAGS = "flags of non-factual types"
NON_FACTUAL_FLAGS_KEY = "non_factual_flags"
NON_FACTUAL_WHY = "assessments or opinions of staff, not facts: the configuration marks these flag types as not factual"


def disclose(entry: CustomerEntry, config: Config, audience: Audience, *, moment: str = "as it stands now") -> Disclosed:
    walker = _Walker(audience)
    customer = walker.section(entry.customer, lift_lists=True)
    disclosed = Disclosed(audience, customer, moment=moment)
    for name, (records, disclosure) in walker.lifted.items():
        sections = [walker.record(r, config, disclosure, name) for r in records]
        if audience is Audience.CUSTOMER and disclosure is Disclosure.INTERNAL:
            continue  # counted in the manifest: no heading over an empty list
        disclosed.lists[name] = [s for s in sections if s is not None]
    disclosed.lists["notes"] = [walker.section(note.note) for note in entry.notes]
    disclosed.lists["orders"] = [walker.section(row.order) for row in entry.orders]
    disclosed.withheld = [Withheld(what, count, walker.why[what], walker.key[what]) for what, count in walker.withheld.items()]
    disclosed.labels = {name: flag_type.label for name, flag_type in config.flag_types.items()}
    return disclosed


def factual_data(record: BaseModel, config: Config) -> dict[str, Any]:
    """What a customer may read of one record (a customer or a note), as plain data: the
    customer audience's view of a past version, decided as the export decides it."""
    walker = _Walker(Audience.CUSTOMER)
    data = section_data(walker.section(record, lift_lists=True))
    for name, (records, disclosure) in walker.lifted.items():
        if disclosure is Disclosure.INTERNAL:
            continue
        sections = (walker.record(r, config, disclosure, name) for r in records)
        data[name] = [section_data(s) for s in sections if s is not None]
    return data


def section_data(section: Section) -> dict[str, Any]:
    """A section's items as the plain data they came from."""
    return {item.name: _plain(item.value) for item in section.items}


def _plain(value: Any) -> Any:
    if isinstance(value, Section):
        return section_data(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _Walker:
    def __init__(self, audience: Audience) -> None:
        self.audience = audience
        self.withheld: Counter[str] = Counter()
        self.why: dict[str, str] = {}
        self.key: dict[str, str] = {}
        self.lifted: dict[str, tuple[list[BaseModel], Disclosure]] = {}

    def _withhold(self, what: str, why: str, key: str) -> None:
        self.withheld[what] += 1
        self.why[what] = why
        self.key[what] = key

    def record(self, record: BaseModel, config: Config, disclosure: Disclosure, name: str) -> Section | None:
        """One item of a list the customer record holds (a flag, a preference)."""
        if disclosure is Disclosure.INTERNAL:
            self._withhold(f"customer field '{name}'", "marked internal in the record schema", name)
            if self.audience is Audience.CUSTOMER:
                return None
            return self.section(record, inherited=Disclosure.INTERNAL, count=False)
        if isinstance(record, Flag):
            return self.flag(record, config)
        return self.section(record)

    def flag(self, flag: Flag, config: Config) -> Section | None:
        flag_type = config.flag_type(flag.type)
        if flag_type is not None and flag_type.factual:
            return self.section(flag)
        # An unknown type is treated as not factual: when in doubt, withhold.
        self._withhold(NON_FACTUAL_FLAGS, NON_FACTUAL_WHY, NON_FACTUAL_FLAGS_KEY)
        if self.audience is Audience.CUSTOMER:
            return None
        section = self.section(flag, inherited=Disclosure.INTERNAL, count=False)
        section.why = NON_FACTUAL_WHY
        return section

    def section(
        self, record: BaseModel, *, inherited: Disclosure = Disclosure.FACTUAL, lift_lists: bool = False, count: bool = True
    ) -> Section:
        """One record as a section; ``lift_lists`` sets lists of records aside (the customer's flags, preferences)."""
        kind = _kind(type(record))
        items: list[Item] = []
        for name, info in type(record).model_fields.items():
            key = info.alias or name
            value = getattr(record, name)
            disclosure = Disclosure.INTERNAL if inherited is Disclosure.INTERNAL else disclosure_of(info)
            if lift_lists and isinstance(value, list) and all(isinstance(v, BaseModel) for v in value) and _is_record_list(info.annotation):
                self.lifted[key] = (list(value), disclosure)
                continue
            if disclosure is Disclosure.INTERNAL:
                if count and value not in (None, "", []):
                    self._withhold(f"{kind} field '{key}'", _why_internal(info.description), key)
                if self.audience is Audience.CUSTOMER:
                    continue
            items.append(Item(key, self._value(value, disclosure, count), disclosure))
        return Section(kind, items, inherited)

    def _value(self, value: Any, disclosure: Disclosure, count: bool) -> Any:
        # Fields inside an internal field are internal whatever their own class.
        count = count and disclosure is Disclosure.FACTUAL
        if isinstance(value, BaseModel):
            return self.section(value, inherited=disclosure, count=count)
        if isinstance(value, (list, tuple)):
            return [self._value(v, disclosure, count) for v in value]
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, Enum):
            return value.value
        return value


def _is_record_list(annotation: Any) -> bool:
    """list[SomeRecord], as declared in the model."""
    args: tuple[Any, ...] = tuple(getattr(annotation, "__args__", ()))
    if getattr(annotation, "__origin__", None) is not list or len(args) != 1:
        return False
    return isinstance(args[0], type) and issubclass(args[0], BaseModel)


def _kind(model: type[BaseModel]) -> str:
    """FollowUp → 'follow-up'."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", model.__name__).lower()


def _why_internal(description: str | None) -> str:
    first = (description or "").split(". ")[0].rstrip(".")
    reason = f": {first[:1].lower()}{first[1:]}" if first else ""
    return f"marked internal in the record schema{reason}"
