"""The steps of follow-up sequences that are due: what Today lists under "Follow-ups".

A card step's ``mail_by`` is its day in the sequence (the start plus its days): the day the
card goes in the post. It comes due ``preparation_days`` earlier, to leave time to print.
A call or a message is due on its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from studio.touches.sequences import Sequence, Step


@dataclass(frozen=True)
class DueStep:
    """One step to do, as `studio today --json` lists it under ``steps``."""

    enrolment_id: int
    contact_id: int
    contact_name: str
    sequence: str  # the sequence's name ("New customer")
    sequence_id: str  # its file's id ("new-customer")
    step: int  # the step's number in the sequence, from 1
    label: str  # "thank-you card", "call: how do you like it?"
    kind: str  # "card", "call" or "message"
    template: str  # a card's template id; "" for a call or a message
    occasion: str  # a card's mailing occasion key; "" when the template's own
    due: dt.date
    mail_by: dt.date | None  # a card's posting day; None for a call or a message

    def to_json(self) -> dict[str, object]:
        return {"contact_id": self.contact_id, "contact_name": self.contact_name, "sequence": self.sequence,
                "sequence_id": self.sequence_id, "step": self.step, "label": self.label, "kind": self.kind,
                "template": self.template or None, "due": self.due.isoformat(),
                "mail_by": self.mail_by.isoformat() if self.mail_by else None,
                "enrolment_id": self.enrolment_id}


def show_days(step: Step, preparation_days: int) -> int:
    """Days from the sequence's start to the day ``step`` comes due."""
    return step.days - preparation_days if step.kind == "card" else step.days


def due_step(sequence: Sequence, step: Step, enrolment_id: int, contact_id: int, contact_name: str,
             anchor: dt.date, preparation_days: int) -> DueStep:
    day = anchor + dt.timedelta(days=step.days)
    return DueStep(enrolment_id, contact_id, contact_name, sequence.name, sequence.id, step.number,
                   step.title, step.kind, step.template, step.occasion,
                   day - dt.timedelta(days=preparation_days) if step.kind == "card" else day,
                   day if step.kind == "card" else None)


@dataclass(frozen=True)
class CardBatch:
    """Due cards of one template, for one mailing: "3 thank-you cards"."""

    template: str
    occasion: str
    label: str  # the steps' label ("thank-you card")
    contact_ids: tuple[int, ...]
    mail_by: dt.date

    def words(self) -> str:
        return plural(len(self.contact_ids), self.label)


def card_batches(steps: Iterable[DueStep]) -> list[CardBatch]:
    """The due card steps grouped by template (a mailing prints one template), most cards first."""
    groups: dict[str, list[DueStep]] = {}
    for step in steps:
        if step.kind == "card":
            groups.setdefault(step.template, []).append(step)
    batches = []
    for template, members in groups.items():
        ids = tuple(dict.fromkeys(s.contact_id for s in members))
        batches.append(CardBatch(template, members[0].occasion, members[0].label, ids,
                                 min(s.mail_by or s.due for s in members)))
    return sorted(batches, key=lambda b: (-len(b.contact_ids), b.mail_by, b.template))


def cards_headline(batches: Iterable[CardBatch]) -> str:
    """ "3 thank-you cards and 2 check-in cards are due"; "" without any."""
    parts = [b.words() for b in batches]
    if not parts:
        return ""
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    count = sum(int(p.split()[0]) for p in parts)
    return f"{joined} {'is' if count == 1 else 'are'} due"


def plural(count: int, label: str) -> str:
    """ "1 thank-you card", "3 thank-you cards" (the last word takes the s)."""
    if count == 1 or not label:
        return f"{count} {label}".strip()
    return f"{count} {label}s" if not label.endswith("s") else f"{count} {label}"
