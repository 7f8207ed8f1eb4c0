"""Mailings over a real store of the sample contacts: plans, folders, history, cancelling."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pypdf
import pytest

from studio.contacts.reader import read_vcard_file
from studio.errors import Cancelled, StudioError, UsageError
from studio.model import Sender
from studio.paths import AppPaths, bundled_dir
from studio.progress import Progress
from studio.services import mailings
from studio.services.mailings import MailingRequest

D = dt.date
SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
TEMPLATE = "thank-you-order"  # its inside says "Dear <first name>"
NOV_20 = D(2026, 11, 20)


@pytest.fixture
def sample_store(store):
    with store.transaction():
        for card in read_vcard_file(SAMPLES).cards:
            store.contacts.add(card.contact)
        settings = store.settings.load()
        settings.sender = Sender(name="Maya Lindqvist")  # signed cards: no "unsigned" warning
        store.settings.save(settings)
    return store


def test_a_mailing_without_a_sender_warns_that_the_cards_come_out_unsigned(sample_store, paths,
                                                                           tmp_path) -> None:
    with sample_store.transaction():
        settings = sample_store.settings.load()
        settings.sender = Sender()
        sample_store.settings.save(settings)
    plan = mailings.plan_mailing(sample_store, christmas(template="holiday-snow", tag="team"), NOV_20, paths)
    assert plan.warnings == ["your name is not set (Settings > Sender, or `studio settings --set "
                             "sender.name=…`): the holiday-snow cards come out unsigned"]
    # The preview is what prints: the sample contact, but no sample sender's signature.
    from studio.services.card_render import preview_png, render_for_contacts

    shown = preview_png(sample_store, paths, "thank-you-order", tmp_path / "p.png", today=NOV_20)
    assert shown.unsigned == plan.warnings[0].replace("holiday-snow", "thank-you-order")
    ids = [r.contact.id for r in plan.recipients]
    made = render_for_contacts(sample_store, paths, "thank-you-order", ids, tmp_path / "c.pdf", today=NOV_20)
    assert made.unsigned and "Maya" not in "".join(pdf_pages(tmp_path / "c.pdf"))


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "unused.sqlite3")


def ids_of(store, *names: str) -> tuple[int, ...]:
    by_name = {c.name: c.id for c in store.contacts.iter_all()}
    return tuple(by_name[n] for n in names)


def christmas(**fields) -> MailingRequest:
    # The order card as a Christmas mailing, on purpose (its "Dear <first name>" is easy to find):
    # so it insists on the template (see the test of a template for another occasion).
    return MailingRequest(**{"template": TEMPLATE, "occasion": "christmas", "year": 2026, "tag": "customer",
                             "any_template": True, **fields})


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_dry_run_lists_recipients_skips_and_mail_by(sample_store, paths) -> None:
    plan = mailings.plan_mailing(sample_store, christmas(), NOV_20, paths)
    names = [r.contact.name for r in plan.recipients]
    assert len(names) == 21 and "Noah Anderson" not in names
    # The families tagged hanukkah and diwali get their own holiday's card, not a Christmas one.
    assert sorted((s.contact_name, s.reason) for s in plan.skipped) == [
        ("Daniel Cohen", "tagged hanukkah: gets a Hanukkah card, not a Christmas one (tag them christmas "
                         "too to send both)"),
        ("Noah Anderson", "no postal address"),
        ("Priya Raman", "tagged diwali: gets a Diwali card, not a Christmas one (tag them christmas too "
                        "to send both)")]
    # International cards (10 days + 1) go first; domestic ones by 21 December.
    assert plan.mail_by == D(2026, 12, 14)
    assert plan.mail_by_counts()[-1][0] == D(2026, 12, 21)
    assert [r.position for r in plan.recipients] == list(range(1, 22))
    assert {r.occasion.date for r in plan.recipients} == {D(2026, 12, 25)}
    assert sample_store.history.mailings() == []


def test_the_three_pdfs_and_the_csv_list_the_same_recipients_in_the_same_order(sample_store, paths,
                                                                               tmp_path: Path) -> None:
    out = tmp_path / "christmas"
    result = mailings.produce_mailing(sample_store, christmas(envelopes="a2", labels="avery-5160", start=4),
                                      NOV_20, out, paths)
    files = sorted(p.name for p in out.iterdir())
    assert files == ["cards.pdf", "envelopes.pdf", "labels.pdf", "mailing.csv"]
    with open(out / "mailing.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    names = [row["name"] for row in rows]
    assert [int(row["position"]) for row in rows] == list(range(1, 22))
    assert names == [r.contact.name for r in result.plan.recipients]
    assert {"王小明", "Анна Смирнова", "Zoë Ångström-Núñez"} <= set(names)
    zoe = next(row for row in rows if row["name"] == "Zoë Ångström-Núñez")
    assert (zoe["address_1"], zoe["occasion"], zoe["date"], zoe["mail_by"]) == (
        "1437 SW Morrison Street", "Christmas", "2026-12-25", "2026-12-21")

    envelopes = pdf_pages(out / "envelopes.pdf")
    assert len(envelopes) == 21
    for name, page in zip(names, envelopes, strict=True):
        assert name.casefold() in page.casefold()  # Canada Post wants capitals

    labels = "\n".join(pdf_pages(out / "labels.pdf")).casefold()
    positions = [labels.index(name.casefold()) for name in names]
    assert positions == sorted(positions)

    cards = "\n".join(pdf_pages(out / "cards.pdf"))
    firsts = {c.name: c.given_name or c.name for c in sample_store.contacts.iter_all()}
    positions = [cards.index(f"Dear {firsts[name]},") for name in names]
    assert positions == sorted(positions)

    [mailing] = sample_store.history.mailings()
    assert mailing.id == result.mailing_id and mailing.folder == str(out.resolve())
    assert [i.contact_name for i in mailing.items] == names
    assert mailing.output == "envelopes:a2+labels:avery-5160@4"


def test_a_second_mailing_of_the_same_occasion_skips_those_already_in_one(sample_store, paths,
                                                                          tmp_path: Path) -> None:
    first = ids_of(sample_store, "Zoë Ångström-Núñez", "王小明", "Emma Wilson")
    mailings.produce_mailing(sample_store, christmas(tag=None, contact_ids=first), NOV_20,
                             tmp_path / "a", paths)

    plan = mailings.plan_mailing(sample_store, christmas(), NOV_20, paths)
    skipped = {s.contact_name: s.reason for s in plan.skipped}
    assert skipped["王小明"] == "already in mailing 1 (christmas/2026)"
    assert len(plan.recipients) == 18
    # The order card has a QR box and no offer link is set: that is said too.
    assert plan.warnings == ["no offer link is set (Settings > Offer on the cards, or "
                             "`studio settings --set offer.url=…`): "
                             "the thank-you-order cards come out without their QR code",
                             "3 contacts are already in an earlier mailing of Christmas 2026 and were "
                             "skipped (--force includes them)"]
    result = mailings.produce_mailing(sample_store, christmas(), NOV_20, tmp_path / "b", paths)
    assert len(result.plan.recipients) == 18

    # Next year is another occasion; --force sends again this year.
    assert len(mailings.plan_mailing(sample_store, christmas(year=2027), NOV_20, paths).recipients) == 21
    assert len(mailings.plan_mailing(sample_store, christmas(force=True), NOV_20, paths).recipients) == 21


def test_birthday_mailing_without_recipients_takes_the_cards_due(sample_store, paths) -> None:
    request = MailingRequest(template=TEMPLATE, occasion="birthday", days=7)
    plan = mailings.plan_mailing(sample_store, request, D(2026, 11, 25), paths)
    due = {r.contact.name: (r.occasion.date, r.occasion.years) for r in plan.recipients}
    assert due == {"Margaret O'Brien": (D(2026, 11, 30), None), "Michael Chen": (D(2026, 11, 29), 43),
                   "Emma Wilson": (D(2026, 12, 5), None)}


def test_hand_picked_contacts_without_the_occasion_are_skipped_with_the_reason(sample_store, paths) -> None:
    picked = ids_of(sample_store, "Thomas Schmidt", "Kevin Patel", "Lukas Müller")
    request = MailingRequest(template=TEMPLATE, occasion="birthday", contact_ids=picked)
    plan = mailings.plan_mailing(sample_store, request, NOV_20, paths)
    assert [(r.contact.name, r.occasion.date, r.occasion.years) for r in plan.recipients] == [
        ("Lukas Müller", D(2027, 1, 1), 32)]
    assert {s.contact_name: s.reason for s in plan.skipped} == {
        "Thomas Schmidt": "no birthday on record", "Kevin Patel": "no postal address"}


def test_missing_template_fields_are_a_skip_reason(sample_store, paths) -> None:
    template = mailings.get_template(paths, TEMPLATE)
    template.requires = ["contact.spouse"]
    plan = mailings.plan_mailing(sample_store, christmas(), NOV_20, paths, template=template)
    assert {r.contact.name for r in plan.recipients} == {
        "Zoë Ångström-Núñez", "Robert Johnson", "James Whitaker", "Patrick Murphy",
        "Claire Dubois", "Chinedu Okafor"}
    assert {s.reason.split(":")[0] for s in plan.skipped} == {
        "no postal address", "lacks a spouse or partner", "tagged hanukkah", "tagged diwali"}


def test_thank_you_mailings_thank_each_for_what_they_did(sample_store, paths, tmp_path: Path) -> None:
    from studio.services.occasions import log_event, today_report

    log_event(sample_store, "Olivia", "order", D(2026, 3, 2))
    log_event(sample_store, "Chinedu", "referral", D(2026, 3, 1))
    request = MailingRequest(template=TEMPLATE, occasion="thank-you")
    result = mailings.produce_mailing(sample_store, request, D(2026, 3, 3), tmp_path / "thanks", paths)
    # The order card ("FOR YOUR ORDER") goes to the order only; the referral gets its own card.
    assert [(r.contact.name, r.occasion.mail_by) for r in result.plan.recipients] == [
        ("Olivia Davis", D(2026, 3, 4))]
    assert "FOR YOUR ORDER" in pypdf.PdfReader(tmp_path / "thanks" / "cards.pdf").pages[0].extract_text()
    chinedu = MailingRequest(template=TEMPLATE, occasion="thank-you",
                             contact_ids=ids_of(sample_store, "Chinedu Okafor"))
    chosen = mailings.plan_mailing(sample_store, chinedu, D(2026, 3, 3), paths)
    assert [s.reason for s in chosen.skipped] == [
        "no order recorded in the last two weeks (this template thanks for order only)"]
    referral = MailingRequest(template="thank-you-referral", occasion="thank-you")
    result = mailings.produce_mailing(sample_store, referral, D(2026, 3, 3), tmp_path / "referral", paths)
    assert [r.contact.name for r in result.plan.recipients] == ["Chinedu Okafor"]
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "referral" / "cards.pdf").pages)
    assert "FOR THE REFERRAL" in text and "FOR YOUR ORDER" not in text
    assert "passing my name on" in text
    assert [i for i in today_report(sample_store, D(2026, 3, 4)).due if i.occasion.kind == "thank-you"] == []


def test_a_template_for_another_occasion_is_refused_unless_insisted(sample_store, paths, tmp_path) -> None:
    birthday_as_christmas = christmas(template="birthday-balloons", envelopes="a2", any_template=False)
    plan = mailings.plan_mailing(sample_store, birthday_as_christmas, NOV_20, paths)
    assert plan.mismatch == ("the template birthday-balloons (Happy birthday) is made for birthday, not for "
                             "Christmas (christmas); choose a template for this occasion, or insist with "
                             "--any-template")
    with pytest.raises(StudioError, match="made for birthday, not for Christmas"):
        mailings.produce_mailing(sample_store, birthday_as_christmas, NOV_20, tmp_path / "no", paths)
    assert not (tmp_path / "no").exists() and mailings.mailing_history(sample_store) == []
    insisted = dataclasses.replace(birthday_as_christmas, any_template=True, tag="team")
    made = mailings.produce_mailing(sample_store, insisted, NOV_20, tmp_path / "yes", paths)
    assert (tmp_path / "yes" / "cards.pdf").exists() and made.plan.mismatch
    # "Happy holidays" goes with any holiday; "any" with any occasion; the template's own always.
    for template, occasion in (("holiday-snow", "hanukkah"), ("thinking-of-you", "christmas"),
                               ("holiday-snow", "christmas"), ("thank-you-order", "thank-you")):
        request = MailingRequest(template=template, occasion=occasion, tag="team", envelopes="a7")
        assert mailings.plan_mailing(sample_store, request, NOV_20, paths).mismatch is None


def test_mark_sent_and_delete(sample_store, paths, tmp_path: Path) -> None:
    one = ids_of(sample_store, "Robert Johnson")
    first = mailings.produce_mailing(sample_store, christmas(tag=None, contact_ids=one), NOV_20,
                                     tmp_path / "a", paths)
    second = mailings.produce_mailing(sample_store, christmas(tag=None, contact_ids=one, force=True), NOV_20,
                                      tmp_path / "b", paths)
    assert mailings.find_mailing(sample_store, "latest").id == second.mailing_id

    sent = mailings.mark_sent(sample_store, "latest", D(2026, 12, 10))
    assert sent.sent_at == "2026-12-10"
    assert sample_store.history.last_sent_card() == {one[0]: D(2026, 12, 10)}
    with pytest.raises(UsageError, match="marked sent on 2026-12-10"):
        mailings.delete_mailing(sample_store, second.mailing_id)

    gone = mailings.delete_mailing(sample_store, first.mailing_id)
    assert gone.id == first.mailing_id
    assert [m.id for m in mailings.mailing_history(sample_store)] == [second.mailing_id]
    assert (tmp_path / "a" / "cards.pdf").exists()  # the user's files stay
    with pytest.raises(UsageError, match="no mailing 99"):
        mailings.mark_sent(sample_store, 99, D(2026, 12, 10))
    with pytest.raises(UsageError, match="not a mailing id"):
        mailings.delete_mailing(sample_store, "yesterday")


def test_a_cancelled_mailing_leaves_no_folder_and_no_history(sample_store, paths, tmp_path: Path) -> None:
    reports: list[int] = []
    progress = Progress(report=lambda done, total, what: reports.append(done),
                        cancelled=lambda: len(reports) >= 5)
    out = tmp_path / "cancelled"
    with pytest.raises(Cancelled):
        mailings.produce_mailing(sample_store, christmas(labels="avery-5160"), NOV_20, out, paths,
                                 progress=progress)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".cancelled")] == []  # no half folder
    assert sample_store.history.mailings() == []


def test_out_folder_rules_and_nobody_to_mail(sample_store, paths, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="already holds files"):
        mailings.produce_mailing(sample_store, christmas(), NOV_20, busy, paths)
    assert (busy / "notes.txt").read_text(encoding="utf-8") == "mine"

    nobody = ids_of(sample_store, "Noah Anderson")
    with pytest.raises(StudioError, match="Noah Anderson: no postal address"):
        mailings.produce_mailing(sample_store, christmas(tag=None, contact_ids=nobody), NOV_20,
                                 tmp_path / "empty", paths)
    assert not (tmp_path / "empty").exists()
    with pytest.raises(UsageError, match="there is no card template"):
        mailings.plan_mailing(sample_store, christmas(template="no-such-card"), NOV_20, paths)
    with pytest.raises(UsageError, match="--start must be between 1 and 30"):
        mailings.plan_mailing(sample_store, christmas(labels="avery-5160", start=31), NOV_20, paths)


def test_a_mailing_refuses_an_envelope_the_cards_do_not_fit(sample_store, paths, tmp_path) -> None:
    # holiday-snow is a 5×7 in card: it goes in an A7 envelope, not in an A2 or a DL.
    snow = {"template": "holiday-snow"}
    refusal = (r"holiday-snow cards \(5×7 in folded card, side fold\) do not fit dl "
               r"envelopes \(220 x 110 mm\); use a7, a9, 6x9 \(--envelopes\)")
    with pytest.raises(StudioError, match=refusal):
        mailings.plan_mailing(sample_store, christmas(**snow, envelopes="dl"), NOV_20, paths)
    with pytest.raises(StudioError, match="do not fit a2 envelopes"):
        mailings.produce_mailing(sample_store, christmas(**snow, envelopes="a2"), NOV_20, tmp_path / "a2",
                                 paths)
    assert not (tmp_path / "a2").exists()
    for fitting in ({"envelopes": "a7"}, {"labels": "avery-5160"}, {"envelopes": "custom:190x135"}):
        assert mailings.plan_mailing(sample_store, christmas(**snow, **fitting), NOV_20, paths).warnings == []


def test_without_an_output_the_smallest_envelope_the_card_fits_is_made(sample_store, paths, tmp_path) -> None:
    # The settings say A2 (the default); a 5×7 card does not go in one, so A7 envelopes are made.
    plan = mailings.plan_mailing(sample_store, christmas(template="holiday-snow"), NOV_20, paths)
    assert (plan.output, plan.warnings) == ("envelopes:a7", [])
    a2_card = christmas(template="birthday-balloons")
    assert mailings.plan_mailing(sample_store, a2_card, NOV_20, paths).output == "envelopes:a2"
    result = mailings.produce_mailing(sample_store, christmas(template="holiday-snow", tag="team"), NOV_20,
                                      tmp_path / "out", paths)
    envelope = pypdf.PdfReader(tmp_path / "out" / "envelopes.pdf").pages[0].mediabox
    a7 = (7.25 * 72, 5.25 * 72)  # A7 envelope, 7¼ × 5¼ in: the card is 7 × 5 in
    assert (round(float(envelope.width)), round(float(envelope.height))) == tuple(map(round, a7))
    assert mailings.find_mailing(sample_store, result.mailing_id).output == "envelopes:a7"


# --- which occurrence, and never twice -----------------------------------------------------

BIRTHDAYS = {"template": "birthday-balloons", "occasion": "birthday", "envelopes": "a2"}


def test_a_birthday_mailed_this_year_is_skipped_not_moved_to_next_year(sample_store, paths,
                                                                       tmp_path: Path) -> None:
    first = mailings.produce_mailing(sample_store, MailingRequest(**BIRTHDAYS, days=20), NOV_20,
                                     tmp_path / "due", paths)
    michael = ids_of(sample_store, "Michael Chen")
    assert michael[0] in {r.contact.id for r in first.plan.recipients}

    again = MailingRequest(**BIRTHDAYS, contact_ids=michael)
    plan = mailings.plan_mailing(sample_store, again, NOV_20, paths)
    assert plan.recipients == []
    assert [(s.contact_name, s.reason) for s in plan.skipped] == [
        ("Michael Chen", f"already in mailing {first.mailing_id} (birthday/2026)")]
    assert plan.warnings == ["1 contact is already in an earlier mailing of Birthday 2026 and was skipped "
                             "(--force includes them)"]
    with pytest.raises(StudioError, match="already in mailing 1 .*--force mails those already in a mailing"):
        mailings.produce_mailing(sample_store, again, NOV_20, tmp_path / "again", paths)
    assert not (tmp_path / "again").exists() and len(sample_store.history.mailings()) == 1

    # --force makes this year's card again; only --year makes next year's.
    forced = mailings.plan_mailing(sample_store, MailingRequest(**BIRTHDAYS, contact_ids=michael, force=True),
                                   NOV_20, paths)
    assert [(r.occasion.date, r.occasion.years) for r in forced.recipients] == [(D(2026, 11, 29), 43)]
    ahead = mailings.plan_mailing(sample_store, MailingRequest(**BIRTHDAYS, contact_ids=michael, year=2027),
                                  NOV_20, paths)
    assert [(r.occasion.date, r.occasion.years) for r in ahead.recipients] == [(D(2027, 11, 29), 44)]

    # Next year's birthday mailing still has him: the 2026 card did not use up 2027.
    next_year = mailings.plan_mailing(sample_store, MailingRequest(**BIRTHDAYS, days=30), D(2027, 11, 5),
                                      paths)
    assert (michael[0], D(2027, 11, 29)) in {(r.contact.id, r.occasion.date) for r in next_year.recipients}


def test_a_birthday_mailing_by_date_lists_those_already_mailed_and_force_brings_them_back(
        sample_store, paths, tmp_path: Path) -> None:
    due = MailingRequest(**BIRTHDAYS, days=20)
    first = mailings.produce_mailing(sample_store, due, NOV_20, tmp_path / "first", paths)
    names = sorted(r.contact.name for r in first.plan.recipients)
    assert names == ["Emma Wilson", "Margaret O'Brien", "Michael Chen"]

    plan = mailings.plan_mailing(sample_store, due, NOV_20, paths)
    assert plan.recipients == []
    assert sorted((s.contact_name, s.reason) for s in plan.skipped) == [
        (name, "already in mailing 1 (birthday/2026)") for name in names]
    assert plan.warnings == ["3 contacts are already in an earlier mailing of Birthday 2026 and were skipped "
                             "(--force includes them)"]
    forced = mailings.plan_mailing(sample_store, MailingRequest(**BIRTHDAYS, days=20, force=True), NOV_20,
                                   paths)
    assert sorted(r.contact.name for r in forced.recipients) == names
    assert {r.occasion.date.year for r in forced.recipients} == {2026}

    # Nobody due at all says so, not "no contact has this occasion".
    with pytest.raises(StudioError, match=r"nobody to mail for Birthday \(no birthday card is due by "
                                          r"2026-08-02 \(--days 1\)\)"):
        mailings.produce_mailing(sample_store, MailingRequest(**BIRTHDAYS, days=1), D(2026, 8, 1),
                                 tmp_path / "august", paths)


def test_once_this_years_day_is_well_past_a_hand_picked_card_is_next_years_with_a_warning(
        sample_store, paths) -> None:
    michael = ids_of(sample_store, "Michael Chen")
    request = MailingRequest(**BIRTHDAYS, contact_ids=michael)
    # 29 November plus the 14 days a belated card is still worth sending: 13 December.
    late = mailings.plan_mailing(sample_store, request, D(2026, 12, 13), paths)
    assert [r.occasion.date for r in late.recipients] == [D(2026, 11, 29)] and late.warnings == []
    plan = mailings.plan_mailing(sample_store, request, D(2026, 12, 14), paths)
    assert [(r.occasion.date, r.occasion.years) for r in plan.recipients] == [(D(2027, 11, 29), 44)]
    assert plan.warnings == ["1 card is for a birthday more than 60 days away and counts as that year's "
                             "card: Michael Chen (2027-11-29) (--year chooses the year)"]


def test_a_welcome_goes_once_ever_and_a_thinking_of_you_warns_when_recent(sample_store, paths,
                                                                        tmp_path: Path) -> None:
    claire = ids_of(sample_store, "Claire Dubois")
    welcome = MailingRequest(template="welcome-arches", contact_ids=claire, envelopes="a7")
    mailings.produce_mailing(sample_store, welcome, NOV_20, tmp_path / "w1", paths)
    months_later = D(2027, 5, 2)
    plan = mailings.plan_mailing(sample_store, welcome, months_later, paths)
    assert [(s.contact_name, s.reason) for s in plan.skipped] == [
        ("Claire Dubois", "already in mailing 1 (welcome)")]
    assert plan.warnings == ["1 contact is already in an earlier mailing of Welcome and was skipped "
                             "(--force includes them)"]
    with pytest.raises(StudioError, match="already in mailing 1"):
        mailings.produce_mailing(sample_store, welcome, months_later, tmp_path / "w2", paths)

    pair = ids_of(sample_store, "Claire Dubois", "Daniel Cohen")
    thinking = MailingRequest(template="thinking-of-you", contact_ids=pair, envelopes="a7")
    mailings.produce_mailing(sample_store, thinking, NOV_20, tmp_path / "t1", paths)
    soon = mailings.plan_mailing(sample_store, thinking, D(2026, 12, 1), paths)
    assert len(soon.recipients) == 2  # may repeat: a warning, not a refusal
    assert soon.warnings == ["2 contacts had a Thinking of you card in the last 30 days and get another: "
                             "Claire Dubois (11 days ago, mailing 2), Daniel Cohen (11 days ago, mailing 2)"]
    later = mailings.plan_mailing(sample_store, thinking, D(2026, 12, 21), paths)
    assert len(later.recipients) == 2 and later.warnings == []


def test_an_unknown_occasion_is_refused_with_the_closest_one(sample_store, paths) -> None:
    with pytest.raises(UsageError, match="'xmas' is not an occasion .*; did you mean christmas"):
        mailings.plan_mailing(sample_store, christmas(occasion="xmas"), NOV_20, paths)
    with pytest.raises(UsageError, match="did you mean thanksgiving?"):
        mailings.plan_mailing(sample_store, christmas(occasion="thanksgivng"), NOV_20, paths)
    assert sample_store.history.mailings() == []
    # Known keys in any case, a labelled date by its label, a template's own occasions.
    assert mailings.plan_mailing(sample_store, christmas(occasion="Christmas"), NOV_20, paths).occasion_key \
        == "christmas"
    grace = ids_of(sample_store, "Grace Kim")
    joined = mailings.plan_mailing(sample_store, christmas(occasion="date:Joined the team", year=None,
                                                           tag=None, contact_ids=grace), NOV_20, paths)
    assert joined.occasion_key == "date:joined-the-team" and len(joined.recipients) == 1
    card = MailingRequest(template="thinking-of-you", occasion="any", contact_ids=grace)
    assert mailings.plan_mailing(sample_store, card, NOV_20, paths).occasion_key == "any"


def test_cards_envelopes_labels_and_csv_share_the_postal_order(sample_store, paths, tmp_path: Path) -> None:
    out = tmp_path / "presorted"
    request = christmas(template="holiday-snow", envelopes="a7", labels="avery-5160", order="postal")
    result = mailings.produce_mailing(sample_store, request, NOV_20, out, paths)
    with open(out / "mailing.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    names = [row["name"] for row in rows]
    assert names == [r.contact.name for r in result.plan.recipients]
    us = [row for row in rows if row["country"] == "US"]
    assert 0 < len(us) < len(rows) and rows[:len(us)] == us  # domestic first …
    zips = {c.name: c.preferred_address().postal_code for c in sample_store.contacts.iter_all()
            if c.preferred_address()}
    assert [zips[row["name"]] for row in us] == sorted(zips[row["name"]] for row in us)  # … by ZIP code
    by_name = mailings.plan_mailing(sample_store, christmas(template="holiday-snow"), NOV_20, paths)
    assert names != [r.contact.name for r in by_name.recipients]  # not the default name order
    for name, page in zip(names, pdf_pages(out / "envelopes.pdf"), strict=True):
        assert name.casefold() in page.casefold()
    labels = "\n".join(pdf_pages(out / "labels.pdf")).casefold()
    assert [labels.index(n.casefold()) for n in names] == sorted(labels.index(n.casefold()) for n in names)


def test_marking_a_mailing_sent_twice_keeps_the_first_date(sample_store, paths, tmp_path: Path) -> None:
    one = ids_of(sample_store, "Robert Johnson")
    made = mailings.produce_mailing(sample_store, christmas(tag=None, contact_ids=one), NOV_20,
                                    tmp_path / "a", paths, now=dt.datetime(2030, 1, 1, 14, 3, 9))
    [mailing] = sample_store.history.mailings()
    assert mailing.created_at == "2026-11-20T14:03:09"  # the day the command worked from
    first = mailings.record_posted(sample_store, made.mailing_id, D(2026, 12, 2))
    assert (first.already, first.mailing.sent_at) == (False, "2026-12-02")
    again = mailings.record_posted(sample_store, "latest", D(2026, 12, 9))
    assert (again.already, again.mailing.sent_at) == (True, "2026-12-02")
    assert mailings.mark_sent(sample_store, "latest", D(2026, 12, 9)).sent_at == "2026-12-02"
    assert sample_store.history.last_sent_card() == {one[0]: D(2026, 12, 2)}


def test_an_address_too_long_for_the_label_is_skipped_when_planned_and_the_rest_is_printed(
        sample_store, paths, tmp_path: Path) -> None:
    from studio.model import Address

    (emma,) = ids_of(sample_store, "Emma Wilson")
    contact = sample_store.contacts.get(emma)
    contact.addresses = [Address(street="Apartment 1234567 " + "Extraordinarilylongbuildingname" * 3,
                                 city="Springfield", region="IL", postal_code="62704", country="US")]
    with sample_store.transaction():
        sample_store.contacts.update(contact)

    plan = mailings.plan_mailing(sample_store, christmas(labels="avery-5160"), NOV_20, paths)
    (skipped,) = [s for s in plan.skipped if s.contact_name == "Emma Wilson"]
    assert skipped.reason.startswith("the address does not fit on an Avery 5160 label")
    result = mailings.produce_mailing(sample_store, christmas(labels="avery-5160"), NOV_20, tmp_path / "m",
                                      paths)
    count = len(result.plan.recipients)
    assert count == len(plan.recipients) > 0
    labels = "".join(pdf_pages(tmp_path / "m" / "labels.pdf"))
    assert "Olivia Davis" in labels and "Emma Wilson" not in labels
    with open(tmp_path / "m" / "mailing.csv", encoding="utf-8") as rows:
        assert len(list(csv.DictReader(rows))) == count


def test_the_next_mailing_removes_what_a_killed_one_left(sample_store, paths, tmp_path: Path) -> None:
    from tests.test_partial_files import killed_writer

    folder = tmp_path / "mailings"
    folder.mkdir()
    killed_writer(folder)  # a half-written mailing folder and a half-written PDF

    mailings.produce_mailing(sample_store, christmas(), NOV_20, folder / "christmas", paths)

    assert [p.name for p in folder.iterdir()] == ["christmas"]
