"""Plain domain objects shared by every layer.

Nothing here touches disk, SQLite, Jinja, ReportLab or Qt: these are the nouns the
rest of Card Studio talks in. Lengths on paper are always millimetres.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

_PARTIAL_DATE = re.compile(r"^(?:(?P<year>\d{4})-|--)(?P<month>\d{2})-(?P<day>\d{2})$")


class Feb29Rule(StrEnum):
    """Where a 29 February date falls in a common year (a documented user setting)."""

    FEB_28 = "feb28"
    MAR_1 = "mar1"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date whose year may be unknown (vCard 4 `--MMDD`, Apple's omit-year).

    Month and day are always known; ``year`` is None when the source did not give it.
    A year-less 29 February is valid (any leap year has it).
    """

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        probe_year = self.year if self.year is not None else 2000  # 2000 is a leap year
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        if not 1 <= self.day <= calendar.monthrange(probe_year, self.month)[1]:
            year = probe_year if self.year else "--"
            raise ValueError(f"{year}-{self.month:02d}-{self.day:02d} is not a date")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD`` or ``--MM-DD``; raises ValueError otherwise."""
        match = _PARTIAL_DATE.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is neither YYYY-MM-DD nor --MM-DD")
        year = match.group("year")
        return cls(int(match.group("month")), int(match.group("day")), int(year) if year else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.month, value.day, value.year)

    def iso(self) -> str:
        """``YYYY-MM-DD``, or ``--MM-DD`` when the year is unknown (the CLI's JSON form)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def in_year(self, year: int, feb29: Feb29Rule = Feb29Rule.FEB_28) -> dt.date:
        """The date this recurs on in ``year``; 29 February moves by ``feb29`` in common years."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return dt.date(year, 2, 28) if feb29 is Feb29Rule.FEB_28 else dt.date(year, 3, 1)
        return dt.date(year, self.month, self.day)

    def years_on(self, day: dt.date) -> int | None:
        """Whole years completed on ``day`` (an age), or None when the year is unknown."""
        if self.year is None:
            return None
        years = day.year - self.year
        if (day.month, day.day) < (self.month, self.day):
            years -= 1
        return years

    def __str__(self) -> str:
        return self.iso()


@dataclass
class Email:
    value: str
    label: str = ""
    preferred: bool = False


@dataclass
class Phone:
    """A telephone number, always text (leading zeros, '+', extensions survive)."""

    value: str
    label: str = ""
    preferred: bool = False


@dataclass
class Address:
    """A postal address as the contact gave it. Postal codes are text.

    ``street`` may hold several lines (separated by newlines): PO box and extended
    address from a vCard are folded into it. ``country`` is free text as exported
    ("USA", "Deutschland", "DE"); ``studio.postal`` resolves it to a code.
    """

    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    label: str = ""
    preferred: bool = False

    def is_empty(self) -> bool:
        return not any((self.street.strip(), self.city.strip(), self.region.strip(),
                        self.postal_code.strip(), self.country.strip()))


@dataclass
class LabelledDate:
    """Another date of the contact's, e.g. ``Customer since`` or a custom label."""

    label: str
    date: PartialDate


@dataclass
class Relative:
    """A child of the contact's household: printed on family cards ("Anna, Jonas & Mia")."""

    name: str
    birthday: PartialDate | None = None


# RFC 9554 GRAMGENDER values: how a language addresses the person ("Liebe Anna", "Lieber Jonas").
GRAMMATICAL_GENDERS = ("feminine", "masculine", "neuter", "common", "animate", "inanimate")


@dataclass
class Contact:
    """One person in the address book.

    ``id`` is None until the store saves it. Lists keep the source's order, except that
    the item the source marks preferred comes first (and is the only one flagged).
    """

    id: int | None = None
    uid: str = ""
    display_name: str = ""
    given_name: str = ""
    family_name: str = ""
    additional_names: str = ""
    prefix: str = ""
    suffix: str = ""
    nickname: str = ""
    organization: str = ""
    title: str = ""
    emails: list[Email] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    birthday: PartialDate | None = None
    anniversary: PartialDate | None = None
    customer_since: PartialDate | None = None
    dates: list[LabelledDate] = field(default_factory=list)
    spouse: str = ""
    children: list[Relative] = field(default_factory=list)
    gram_gender: str = ""  # one of GRAMMATICAL_GENDERS, or "" when not known
    pronouns: str = ""  # as the person gives them: "she/her", "er/ihm", "they/them"
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    photo: bytes | None = None
    photo_type: str = ""  # MIME type, e.g. "image/jpeg"

    @property
    def name(self) -> str:
        """The name to show a user (`shown_name`)."""
        return shown_name(self.display_name, (self.prefix, self.given_name, self.additional_names,
                                              self.family_name, self.suffix),
                          self.nickname, self.organization,
                          self.emails[0].value if self.emails else "",
                          self.phones[0].value if self.phones else "")

    def preferred_address(self) -> Address | None:
        """The address to mail to: the preferred one, else the first non-empty one."""
        usable = [a for a in self.addresses if not a.is_empty()]
        for address in usable:
            if address.preferred:
                return address
        return usable[0] if usable else None


def shown_name(display_name: str, parts: Iterable[str], nickname: str, organization: str,
               email: str, phone: str) -> str:
    """The name to show a user: the display name, else built from the name ``parts``
    (prefix to suffix), else nickname, organisation, first e-mail, first phone (a card
    may hold nothing else)."""
    if display_name.strip():
        return display_name.strip()
    built = " ".join(p for p in parts if p.strip())
    if built.strip():
        return built.strip()
    for fallback in (nickname, organization):
        if fallback.strip():
            return fallback.strip()
    return email or phone


@dataclass(slots=True)
class DatedPerson:
    """What the occasion lists need of a contact and nothing more: the name shown, the
    dates, the tags and the address mailed to. Read for everyone at once (Today over
    20,000 contacts) where building whole `Contact`s would cost most of the time."""

    id: int
    name: str
    birthday: PartialDate | None = None
    anniversary: PartialDate | None = None
    customer_since: PartialDate | None = None
    dates: tuple[LabelledDate, ...] = ()
    tags: tuple[str, ...] = ()
    address: Address | None = None  # the preferred address (`Contact.preferred_address`)

    def preferred_address(self) -> Address | None:
        return self.address


# The touches a user records or imports (`studio log`); a posted card is a touch too ("card").
TOUCH_KINDS = ("call", "message", "meeting", "order", "referral", "note")
THANKED_KINDS = ("order", "referral")  # the touches that make a thank-you card due


# Whom an occasion is worked out for: a whole contact, or just what the lists need of one.
Person = Contact | DatedPerson


@dataclass
class Sender:
    """Who the cards come from (the distributor), kept in settings."""

    name: str = ""
    company: str = ""
    signature_line: str = ""
    phone: str = ""
    email: str = ""
    address: Address = field(default_factory=Address)
    mailer_id: str = ""  # USPS Intelligent Mail mailer ID; empty means no barcode
    imb_service: str = "310"  # the barcode's service type (studio.postal.imb.SERVICE_TYPES)
    signature_image: str = ""  # path to a PNG/JPEG of a handwritten signature
    handwriting_font: str = ""  # a TrueType font of one's own handwriting; "" the script face
    handwriting_jitter: bool = True  # handwritten lines a little off, differently on each card
    photo: str = ""  # path to a JPEG/PNG of the sender, for templates with a "sender.photo" box
    ref: str = ""  # the sender's referral or distributor code, for the offer's link (``sender.ref``)


@dataclass
class Offer:
    """The call to action on cards: a link (printed as a QR code) and an offer line.

    Both are Jinja sources filled per card in the card sandbox (`studio.cards.offer`);
    "" leaves them off. The offer runs ``days`` from the day the cards are posted.
    """

    url: str = ""  # e.g. "https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}"
    text: str = ""  # e.g. "10% off your next order until {{ offer.expires }}"
    days: int = 30


@dataclass
class Calibration:
    """Printer correction applied to every label sheet and envelope (millimetres, factors)."""

    offset_x: float = 0.0
    offset_y: float = 0.0
    scale_x: float = 1.0
    scale_y: float = 1.0


@dataclass
class PrinterSetup:
    """How the user's printer turns and stacks sheets, as the printer test shows."""

    duplex: str = "long"  # "long" or "short" edge, or "manual" (no duplexer: one PDF per side)
    stack: str = "face-down"  # "face-down" (pages come out in order) or "face-up" (last on top)
    margin_mm: float = 4.2  # what it leaves blank at every paper edge (most lasers 4.2, inkjets 3-5)


DUPLEX_MODES = ("long", "short", "manual")
STACKINGS = ("face-down", "face-up")
ENVELOPE_FEEDS = ("centre", "edge")  # where the tray's guides hold an envelope: the middle or one side
ENVELOPE_FACES = ("up", "down")  # which way the side to print on lies in the tray
ROTATIONS = (0, 90, 180, 270)  # degrees anticlockwise the envelope lies turned on the page fed
CARRIERS = ("none", "letter", "a4")  # a page the envelope is printed on, for drivers refusing its size
PIECE_KINDS = ("cards", "envelopes", "labels")  # what a profile calibrates separately


@dataclass
class PrinterProfile:
    """One printer as the user set it up: how it turns and stacks sheets, where it prints
    each kind of piece off true (a `Calibration` per kind), what it cannot print at the
    edge, and how envelopes go into it.

    ``envelope_feed``/``envelope_rotation`` say where an envelope lies on the page the
    driver sends (its leading edge at the page's top): centred across the page or against
    its left edge, turned by the rotation. ``envelope_carrier`` prints each envelope on a
    Letter/A4 page at that place, for drivers that refuse an envelope-sized page.
    ``manual_turn`` is the edge the printed stack is turned over by hand before its
    insides are printed ("long": like a book page; "short": over its top edge).
    ``back_offset_x``/``back_offset_y`` move the back (inside) of every card sheet, in mm as
    seen from the front with the sheet held against the light (+ right/down): what lines the
    back up with the front on a printer whose duplexer lands the back a little off.
    """

    name: str = "Default"
    duplex: str = "long"
    stack: str = "face-down"
    margin_mm: float = 4.2
    cards: Calibration = field(default_factory=Calibration)
    envelopes: Calibration = field(default_factory=Calibration)
    labels: Calibration = field(default_factory=Calibration)
    envelope_feed: str = "centre"
    envelope_face: str = "up"
    envelope_rotation: int = 0
    envelope_carrier: str = "none"
    manual_turn: str = "long"
    queue: str = ""  # the system printer (CUPS queue) this profile is for; "" any
    back_offset_x: float = 0.0
    back_offset_y: float = 0.0

    def calibration(self, kind: str) -> Calibration:
        """The offset and scale for ``kind`` (one of `PIECE_KINDS`)."""
        return getattr(self, kind)

    def to_dict(self) -> dict[str, object]:
        data = dataclasses.asdict(self)
        data.pop("name")
        return data

    @classmethod
    def from_dict(cls, name: str, data: dict[str, object]) -> PrinterProfile:
        """A profile from its stored form; unknown keys ignored, missing ones defaulted."""
        known = {f.name for f in dataclasses.fields(cls)} - {"name"}
        values: dict[str, object] = {k: v for k, v in data.items() if k in known}
        for kind in PIECE_KINDS:
            if isinstance(values.get(kind), dict):
                parts = {f.name for f in dataclasses.fields(Calibration)}
                values[kind] = Calibration(**{k: float(v) for k, v in values[kind].items()  # type: ignore[union-attr]
                                              if k in parts})
        return cls(name=name, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LabelStock:
    """A label product as gLabels describes it: a grid of equal labels on a sheet (mm).

    The label in column c, row r (from 0, rows counted from the top) has its top-left
    corner at ``(x0 + c*dx, y0 + r*dy)`` measured from the sheet's top-left corner.
    A roll (Dymo LabelWriter, Brother QL) is a "sheet" of one label, paper "roll"; when
    ``rotate`` is set the printer feeds the label's short edge first, so the text is set
    along its long edge and turned onto the page (`laid_out`).
    """

    id: str
    brand: str
    part: str
    description: str
    paper: str  # "letter" or "a4"
    sheet_width: float
    sheet_height: float
    nx: int
    ny: int
    x0: float
    y0: float
    dx: float
    dy: float
    label_width: float
    label_height: float
    corner_radius: float = 0.0
    equivalents: tuple[str, ...] = ()
    kind: str = "address"  # "address", "return-address", "shipping", ...
    rotate: bool = False

    @property
    def per_sheet(self) -> int:
        return self.nx * self.ny

    def laid_out(self) -> LabelStock:
        """The stock as its text is set: turned a quarter when ``rotate`` (width and height
        swapped), else itself. Only a one-label roll can be turned."""
        if not self.rotate:
            return self
        return dataclasses.replace(
            self, sheet_width=self.sheet_height, sheet_height=self.sheet_width, x0=self.y0, y0=self.x0,
            dx=self.dy, dy=self.dx, label_width=self.label_height, label_height=self.label_width,
            rotate=False)


@dataclass(frozen=True)
class EnvelopeSize:
    """An envelope stock (mm, landscape: width is the long side)."""

    id: str
    name: str
    width: float
    height: float
    region: str = ""  # "us", "iso", ...
    fits: tuple[str, ...] = ()  # card formats that go in it


@dataclass
class Occasion:
    """Something a card is due for: a contact's birthday, a holiday, a thank-you."""

    kind: str  # birthday, anniversary, customer-anniversary, date, thank-you, holiday
    name: str  # what a user reads: "Birthday", "Christmas Day", "Customer since"
    date: dt.date
    mail_by: dt.date
    contact_id: int | None = None
    contact_name: str = ""
    years: int | None = None  # age or years together, None when unknown
    key: str = ""  # stable id of the occasion type, e.g. "birthday", "christmas", "thanksgiving"
