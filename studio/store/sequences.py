"""Who is enrolled in which follow-up sequence, and which steps are done (migration 13).

The steps themselves are TOML files (`studio.touches.sequences`); what is due is worked
out here in one indexed query over the live enrolments, never by walking every contact.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from studio.model import shown_name


@dataclass(frozen=True)
class StepPlan:
    """One step as the due query needs it (`studio.touches.sequences.Step` flattened)."""

    sequence: str  # the sequence's id
    step: int  # its number
    show_days: int  # days from the anchor to the day it comes due (a card: its mail-by less preparation)
    kind: str
    template: str = ""
    stop_on_order: bool = False
    untagged: str = ""  # stopped when the contact no longer has this tag ("": never)


@dataclass(frozen=True)
class DueRow:
    enrolment_id: int
    contact_id: int
    contact_name: str
    sequence: str
    step: int
    due: dt.date
    anchor: dt.date


@dataclass
class Enrolment:
    id: int
    contact_id: int
    contact_name: str
    sequence: str
    started: dt.date
    anchor: dt.date
    enrolled_on: dt.date
    trigger: str
    stopped_on: dt.date | None = None
    ordered_again: dt.date | None = None  # the first order after ``started``, if any
    tags: set[str] = field(default_factory=set)  # the contact's tags, folded
    steps: dict[int, tuple[str, dt.date]] = field(default_factory=dict)  # number -> (outcome, day)


@dataclass(frozen=True)
class KeptStep:
    step: int
    outcome: str
    on_day: str
    event_id: int | None  # the touch the step recorded, by its id when the contact was deleted


@dataclass(frozen=True)
class KeptEnrolment:
    """An enrolment as the bin keeps it while its contact is deleted: everything but the ids."""

    sequence: str
    started: str
    anchor: str
    enrolled_on: str
    trigger: str
    stopped_on: str | None
    steps: tuple[KeptStep, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {**{k: v for k, v in self.__dict__.items() if k != "steps"},
                "steps": [step.__dict__ for step in self.steps]}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KeptEnrolment:
        steps = tuple(KeptStep(**step) for step in data.get("steps", []))  # type: ignore[union-attr]
        return cls(**{**data, "steps": steps})  # type: ignore[arg-type]


# A contact's shown name from its columns (`studio.model.shown_name`), read with the row.
_NAME = ("c.display_name, c.prefix, c.given_name, c.additional_names, c.family_name, c.suffix, c.nickname, "
         "c.organization, json_extract(c.emails, '$[0].value'), json_extract(c.phones, '$[0].value')")


def _name(row: sqlite3.Row, start: int) -> str:
    display, prefix, given, additional, family, suffix, nickname, organization, email, phone = \
        (str(row[i] or "") for i in range(start, start + 10))
    return shown_name(display, (prefix, given, additional, family, suffix), nickname, organization,
                      email, phone)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


class SequenceRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    # --- enrolling ---------------------------------------------------------------------

    def enrol(self, contact_id: int, sequence: str, started: dt.date, anchor: dt.date,
              enrolled_on: dt.date, trigger: str = "manual") -> int | None:
        """Enrol ``contact_id`` (call in a transaction); None when already enrolled from that day."""
        cursor = self._conn.execute(
            "INSERT OR IGNORE INTO sequence_enrolments (contact_id, sequence, started, anchor, enrolled_on, "
            "trigger) VALUES (?, ?, ?, ?, ?, ?)",
            (contact_id, sequence, started.isoformat(), anchor.isoformat(), enrolled_on.isoformat(), trigger))
        return cursor.lastrowid if cursor.rowcount else None

    def move_enrolments(self, from_id: int, to_id: int) -> int:
        """Give ``from_id``'s enrolments (and their steps) to ``to_id`` (a merge; call in a
        transaction). One ``to_id`` already has for the same day stays ``to_id``'s own."""
        cursor = self._conn.execute(
            "UPDATE OR IGNORE sequence_enrolments SET contact_id = ? WHERE contact_id = ?", (to_id, from_id))
        return cursor.rowcount

    def kept(self, contact_id: int) -> list[KeptEnrolment]:
        """The contact's enrolments and steps as the bin keeps them (`put_back` restores them)."""
        steps: dict[int, list[KeptStep]] = {}
        for r in self._conn.execute(
                "SELECT s.enrolment_id, s.step, s.outcome, s.on_day, s.event_id FROM sequence_steps s "
                "JOIN sequence_enrolments e ON e.id = s.enrolment_id WHERE e.contact_id = ? "
                "ORDER BY s.enrolment_id, s.step", (contact_id,)):
            steps.setdefault(r[0], []).append(KeptStep(r[1], r[2], r[3], r[4]))
        return [KeptEnrolment(r["sequence"], r["started"], r["anchor"], r["enrolled_on"], r["trigger"],
                              r["stopped_on"], tuple(steps.get(r["id"], ())))
                for r in self._conn.execute("SELECT * FROM sequence_enrolments WHERE contact_id = ? "
                                            "ORDER BY id", (contact_id,))]

    def put_back(self, contact_id: int, kept: Iterable[KeptEnrolment], event_ids: dict[int, int]) -> None:
        """Enrol ``contact_id`` again as `kept` described it (a restore from the bin; call in a
        transaction). ``event_ids`` maps the touches' ids at deletion to their ids now; one
        enrolled again since (an order after the deletion) keeps what it has."""
        for enrolment in kept:
            cursor = self._conn.execute(
                "INSERT OR IGNORE INTO sequence_enrolments (contact_id, sequence, started, anchor, "
                "enrolled_on, trigger, stopped_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (contact_id, enrolment.sequence, enrolment.started, enrolment.anchor, enrolment.enrolled_on,
                 enrolment.trigger, enrolment.stopped_on))
            if not cursor.rowcount:
                continue
            self._conn.executemany(
                "INSERT OR IGNORE INTO sequence_steps (enrolment_id, step, outcome, on_day, event_id) "
                "VALUES (?, ?, ?, ?, ?)",
                [(cursor.lastrowid, s.step, s.outcome, s.on_day,
                  event_ids.get(s.event_id) if s.event_id is not None else None) for s in enrolment.steps])

    def enrolled(self, sequence: str, contact_ids: Iterable[int]) -> set[tuple[int, dt.date]]:
        """(contact id, anchor) of every enrolment of these contacts in ``sequence``."""
        ids = list(contact_ids)
        found: set[tuple[int, dt.date]] = set()
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            rows = self._conn.execute(
                f"SELECT contact_id, anchor FROM sequence_enrolments WHERE sequence = ? "
                f"AND contact_id IN ({', '.join('?' * len(part))})", [sequence, *part])
            found |= {(r[0], dt.date.fromisoformat(r[1])) for r in rows}
        return found

    def new_tagged(self, sequence: str, tag: str, since: dt.date) -> list[tuple[int, dt.date]]:
        """(contact id, day added) of contacts tagged ``tag`` added on or after ``since`` who were
        never enrolled in ``sequence``: the "new contact with a tag" trigger."""
        rows = self._conn.execute(
            "SELECT c.id, c.created_at FROM contact_tags t JOIN contacts c ON c.id = t.contact_id "
            "WHERE t.tag = ? AND c.created_at >= ? AND NOT EXISTS (SELECT 1 FROM sequence_enrolments e "
            "WHERE e.contact_id = c.id AND e.sequence = ?) ORDER BY c.id",
            (tag.strip(), since.isoformat(), sequence))
        return [(r[0], dt.date.fromisoformat(r[1][:10])) for r in rows]

    def stop(self, contact_id: int, sequence: str, day: dt.date) -> int:
        """Stop the contact's live enrolments in ``sequence``; returns how many."""
        return self._conn.execute(
            "UPDATE sequence_enrolments SET stopped_on = ? WHERE contact_id = ? AND sequence = ? "
            "AND stopped_on IS NULL", (day.isoformat(), contact_id, sequence)).rowcount

    def record_step(self, enrolment_id: int, step: int, outcome: str, day: dt.date,
                    event_id: int | None = None) -> None:
        """A step done or skipped (the first word stays: a step is done once)."""
        self._conn.execute(
            "INSERT OR IGNORE INTO sequence_steps (enrolment_id, step, outcome, on_day, event_id) "
            "VALUES (?, ?, ?, ?, ?)", (enrolment_id, step, outcome, day.isoformat(), event_id))

    def forget_step(self, enrolment_id: int, step: int) -> int | None:
        """Take back a step's outcome (undo); returns the touch it recorded, if any."""
        row = self._conn.execute("SELECT event_id FROM sequence_steps WHERE enrolment_id = ? AND step = ?",
                                 (enrolment_id, step)).fetchone()
        self._conn.execute("DELETE FROM sequence_steps WHERE enrolment_id = ? AND step = ?",
                           (enrolment_id, step))
        return row[0] if row else None

    def enrolment(self, enrolment_id: int) -> Enrolment | None:
        found = self.enrolments(ids=[enrolment_id])
        return found[0] if found else None

    # --- reading ------------------------------------------------------------------------

    def order_days(self, contact_ids: Iterable[int]) -> dict[int, list[dt.date]]:
        """Each contact's order days, oldest first."""
        ids = list(contact_ids)
        days: dict[int, list[dt.date]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            rows = self._conn.execute(
                f"SELECT DISTINCT contact_id, date FROM events WHERE kind = 'order' "
                f"AND contact_id IN ({', '.join('?' * len(part))}) ORDER BY contact_id, date", part)
            for contact_id, day in rows:
                days.setdefault(contact_id, []).append(dt.date.fromisoformat(day))
        return days

    def enrolments(self, *, contact_id: int | None = None,
                   ids: Sequence[int] | None = None) -> list[Enrolment]:
        """Enrolments (of one contact, or these), newest start first, with what stops them."""
        sql = (f"SELECT e.*, {_NAME}, (SELECT min(o.date) FROM events o WHERE "
               "o.contact_id = e.contact_id AND o.kind = 'order' AND o.date > e.started) AS ordered_again "
               "FROM sequence_enrolments e JOIN contacts c ON c.id = e.contact_id")
        params: list[object] = []
        if contact_id is not None:
            sql += " WHERE e.contact_id = ?"
            params.append(contact_id)
        elif ids is not None:
            sql += f" WHERE e.id IN ({', '.join('?' * len(ids))})"
            params.extend(ids)
        sql += " ORDER BY e.anchor DESC, e.id DESC"
        found = [Enrolment(id=r["id"], contact_id=r["contact_id"], contact_name=_name(r, 8),
                           sequence=r["sequence"], started=dt.date.fromisoformat(r["started"]),
                           anchor=dt.date.fromisoformat(r["anchor"]),
                           enrolled_on=dt.date.fromisoformat(r["enrolled_on"]), trigger=r["trigger"],
                           stopped_on=_day(r["stopped_on"]), ordered_again=_day(r["ordered_again"]))
                 for r in self._conn.execute(sql, params)]
        by_id = {e.id: e for e in found}
        contacts = {e.contact_id for e in found}
        for chunk in range(0, len(by_id), 500):
            part = list(by_id)[chunk:chunk + 500]
            for r in self._conn.execute(f"SELECT enrolment_id, step, outcome, on_day FROM sequence_steps "
                                        f"WHERE enrolment_id IN ({', '.join('?' * len(part))})", part):
                by_id[r[0]].steps[r[1]] = (r[2], dt.date.fromisoformat(r[3]))
        tags: dict[int, set[str]] = {}
        ids_ = list(contacts)
        for chunk in range(0, len(ids_), 500):
            part = ids_[chunk:chunk + 500]
            for r in self._conn.execute(f"SELECT contact_id, tag FROM contact_tags "
                                        f"WHERE contact_id IN ({', '.join('?' * len(part))})", part):
                tags.setdefault(r[0], set()).add(r[1].strip().casefold())
        for enrolment in found:
            enrolment.tags = tags.get(enrolment.contact_id, set())
        return found

    def due(self, plans: Sequence[StepPlan], today: dt.date, grace_days: int,
            lapse_days: int) -> list[DueRow]:
        """Steps of live enrolments due on or before ``today`` and not more than ``lapse_days``
        ago (a step left that long has lapsed), earliest first, leaving out:
        steps done or skipped; enrolments a later order or a removed tag stops; a card step a
        mailing already made with its template (from ``grace_days`` before it was due); and steps
        that were more than ``grace_days`` past when the contact was enrolled (history imported
        today does not flood Today with last year's steps).

        One query: each step joined to the live enrolments of its sequence whose anchor puts it
        due (the partial index on (sequence, anchor)), so the cost follows the enrolments, not
        the address book.
        """
        if not plans:
            return []
        values = ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in plans)
        params: list[object] = []
        for p in plans:
            params += [p.sequence, p.step, p.show_days, p.kind, p.template, int(p.stop_on_order), p.untagged]
        sql = f"""
            WITH plan(sequence, step, show_days, kind, template, stop_on_order, untagged) AS (VALUES {values})
            SELECT e.id, e.contact_id, e.sequence, p.step,
                   date(e.anchor, printf('%+d days', p.show_days)) AS due, e.anchor, {_NAME}
            FROM plan p
            JOIN sequence_enrolments e ON e.sequence = p.sequence AND e.stopped_on IS NULL
                 AND e.anchor <= date(?, printf('%+d days', -p.show_days))
                 AND e.anchor >= date(?, printf('%+d days', -p.show_days - ?))
            JOIN contacts c ON c.id = e.contact_id
            WHERE date(e.anchor, printf('%+d days', p.show_days))
                  >= date(e.enrolled_on, printf('-%d days', ?))
              AND NOT EXISTS (SELECT 1 FROM sequence_steps d WHERE d.enrolment_id = e.id AND d.step = p.step)
              AND NOT (p.stop_on_order AND EXISTS (SELECT 1 FROM events o WHERE o.contact_id = e.contact_id
                       AND o.date > e.started AND o.kind = 'order'))
              AND (p.untagged = '' OR EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = e.contact_id
                   AND t.tag = p.untagged))
              AND (p.kind <> 'card' OR NOT EXISTS (SELECT 1 FROM mailing_items i
                   JOIN mailings m ON m.id = i.mailing_id WHERE i.contact_id = e.contact_id
                   AND i.template = p.template AND m.created_at >= e.started
                   AND m.created_at >= date(e.anchor, printf('%+d days', p.show_days - ?))))
            ORDER BY due, c.sort_name, e.id, p.step
        """
        params += [today.isoformat(), today.isoformat(), lapse_days, grace_days, grace_days]
        return [DueRow(r[0], r[1], _name(r, 6), r[2], r[3], dt.date.fromisoformat(r[4]),
                       dt.date.fromisoformat(r[5]))
                for r in self._conn.execute(sql, params)]
