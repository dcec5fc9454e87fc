"""Policy settings: the ``policy:`` section of a repository's ``flagsite.yaml``.

```yaml
policy:
  rules:
    P302: {severity: error}          # by code ...
    amount-not-recorded: {enabled: false}   # ... or by name
  allow_words: [Covesmart, autopay]  # never misspellings
  slang: {cx: customer}              # more text-speak, with what to write instead
  derogatory: [muppet]               # more words that are never acceptable
  placeholder_names: [walk-in]       # more stand-ins that are not a contact's name
  opinion_words: [stroppy]           # more words that judge a person
  vague_words: [stuff]               # more words that say nothing about a reason
  learned_reading: false             # P103-P106, P108, P305 read notes by their written patterns alone
```
Word lists add to the built-in ones. An unknown rule or key is a finding on
``flagsite.yaml`` that points at it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .rules import Rule, Severity, find_rule


def _known_rule(key: str) -> str:
    found = find_rule(key)
    if found is None:
        raise ValueError(f"unknown policy rule {key!r}; `flagsite rules` lists the codes and names")
    return found.code


RuleKey = Annotated[str, AfterValidator(_known_rule)]
Word = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[^\s]+( [^\s]+)*$")]


class RuleSetting(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(True, description="false switches the rule off for the whole repository.")
    severity: Severity | None = Field(None, description="error fails validation; warning is reported only.")


class PolicySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: dict[RuleKey, RuleSetting] = Field(default_factory=dict, description="Per rule, by code or name.")
    allow_words: list[Word] = Field(default_factory=list, description="Words that are never misspellings: product names, the organisation's vocabulary.")
    slang: dict[Word, str] = Field(default_factory=dict, description="More slang or text-speak, each with what to write instead.")
    derogatory: list[Word] = Field(default_factory=list, description="More derogatory or profane words or phrases.")
    placeholder_names: list[Word] = Field(default_factory=list, description="More stand-ins that are not a contact's name.")
    opinion_words: list[Word] = Field(default_factory=list, description="More words that judge a person or an interaction.")
    vague_words: list[Word] = Field(default_factory=list, description="More words that say nothing about why a customer got in touch.")
    # On by default: what it alone finds is a warning, it flags none of the demo records' clean notes, and on
    # notes written after it was fitted it finds more of the bad ones (tests/policy/labelled/README.md).
    learned_reading: bool = Field(
        default=True,
        description="false: P103-P106, P108 and P305 read notes by their written patterns alone, without the model learned from labelled notes.",
    )

    def setting(self, rule: Rule) -> tuple[bool, Severity]:
        """Whether the rule runs here, and at which severity."""
        chosen = self.rules.get(rule.code)
        if chosen is None:
            return True, rule.severity
        return chosen.enabled, chosen.severity or rule.severity

    def cache_key(self) -> str:
        """The word lists and rule settings as one string: lexicons are built once per distinct key."""
        return self.model_dump_json()
