"""What another view asks the mailing wizard to start with (an occasion, people, a template)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MailingPreset:
    """A mailing half-chosen elsewhere: from Today's "Prepare…" or the Cards gallery.

    Empty fields are left for the user to choose in the wizard.
    """

    occasion: str | None = None  # an occasion key: "christmas", "birthday", "thank-you", ...
    year: int | None = None
    contact_ids: list[int] = field(default_factory=list)
    tag: str | None = None
    template: str | None = None
    title: str = ""  # what the wizard's first page says this mailing is for
