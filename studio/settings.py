"""The user's settings as one dataclass, with a plain-dict form for storage.

The store keeps them (`studio.store.settings`); everything else receives a `Settings`
value as an argument.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from studio.model import Address, Calibration, Feb29Rule, Offer, PrinterSetup, Sender

DEFAULT_HOLIDAYS = ("christmas", "new-year", "thanksgiving")
APPEARANCES = ("system", "light", "dark")  # the desktop's colours, or always light or dark


@dataclass
class WeeklyGoal:
    """Cards posted and calls made each week (Monday to Sunday); 0 asks for none of that kind."""

    cards: int = 10
    calls: int = 5


@dataclass
class Settings:
    sender: Sender = field(default_factory=Sender)
    home_country: str = "US"  # ISO 3166 code; domestic mail omits the country line
    language: str = "en"  # for dates, ordinals and country names on cards and envelopes
    paper: str = "letter"  # "letter" or "a4"
    envelope_size: str = "a2"
    label_stock: str = "avery-5160"
    calibration: Calibration = field(default_factory=Calibration)
    printer: PrinterSetup = field(default_factory=PrinterSetup)
    transit_days_domestic: int = 3
    transit_days_international: int = 10
    transit_days_by_country: dict[str, int] = field(default_factory=dict)
    preparation_days: int = 1
    holidays: list[str] = field(default_factory=lambda: list(DEFAULT_HOLIDAYS))
    not_thanked_days: int = 90
    feb29: Feb29Rule = Feb29Rule.FEB_28
    appearance: str = "system"  # one of APPEARANCES: the desktop app's colours
    offer: Offer = field(default_factory=Offer)  # the link and offer line cards may print
    weekly_goal: WeeklyGoal = field(default_factory=WeeklyGoal)  # the results loop (`studio report`)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["feb29"] = self.feb29.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build settings from stored data; unknown keys are ignored, missing ones defaulted."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if isinstance(values.get("sender"), dict):
            sender = dict(values["sender"])
            address = sender.pop("address", {}) or {}
            sender_known = {f.name for f in fields(Sender)}
            values["sender"] = Sender(address=Address(**{k: v for k, v in address.items()
                                                         if k in {f.name for f in fields(Address)}}),
                                      **{k: v for k, v in sender.items() if k in sender_known})
        if isinstance(values.get("calibration"), dict):
            values["calibration"] = Calibration(**values["calibration"])
        if isinstance(values.get("printer"), dict):
            printer_known = {f.name for f in fields(PrinterSetup)}
            printer = {k: v for k, v in values["printer"].items() if k in printer_known}
            values["printer"] = PrinterSetup(**printer)
        if isinstance(values.get("offer"), dict):
            offer_known = {f.name for f in fields(Offer)}
            values["offer"] = Offer(**{k: v for k, v in values["offer"].items() if k in offer_known})
        if isinstance(values.get("weekly_goal"), dict):
            goal_known = {f.name for f in fields(WeeklyGoal)}
            values["weekly_goal"] = WeeklyGoal(**{k: v for k, v in values["weekly_goal"].items()
                                                  if k in goal_known})
        if "feb29" in values:
            values["feb29"] = Feb29Rule(values["feb29"])
        return cls(**values)
