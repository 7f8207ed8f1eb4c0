"""Back-office order exports imported into a real store: matching, new customers, re-import
safety, bad rows named by file and line, and what a customer buys."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from studio.errors import Cancelled
from studio.model import Contact, Email, Phone
from studio.orders.amounts import parse_amount
from studio.orders.columns import UnknownOrderColumns
from studio.orders.rows import parse_order_date
from studio.progress import Progress
from studio.services.occasions import today_report
from studio.services.orders import import_orders, order_summary, save_order_map
from studio.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "back-office-orders.csv"


@pytest.fixture
def customers(store: Store) -> dict[str, int]:
    """Robert (by e-mail) and Priya (by phone) are in the address book already."""
    with store.transaction():
        robert = store.contacts.add(Contact(given_name="Robert", family_name="Johnson",
                                            emails=[Email("bob.johnson@example.com")]))
        priya = store.contacts.add(Contact(given_name="Priya", family_name="Raman",
                                           phones=[Phone("+1 732 555 0188")]))
    return {"robert": robert, "priya": priya}


def _orders(store: Store, contact_id: int) -> list[tuple[str, str, float | None, str]]:
    return [(e.date.isoformat(), e.note, e.amount, e.source)
            for e in store.history.events(contact_id=contact_id, kinds=["order"])]


def test_an_export_imported_twice_adds_its_orders_once(store: Store, customers: dict[str, int]) -> None:
    first = import_orders(store, EXPORT)
    assert (first.added, first.already, len(first.created)) == (5, 0, 1)
    again = import_orders(store, EXPORT)
    assert (again.added, again.already, again.created) == (0, 5, [])
    assert len(store.history.events(kinds=["order"])) == 5
    assert store.contacts.count() == 3  # Hannah was created once


def test_orders_matched_by_email_then_by_the_customer_number_it_taught(store: Store,
                                                                       customers: dict[str, int]) -> None:
    report = import_orders(store, EXPORT)
    # A-1001 names Robert's e-mail (in capitals) and customer C-77; A-1002 only "C-77".
    assert _orders(store, customers["robert"]) == [
        ("2026-11-02", "Daily Greens x2", 1204.50, "orders:back-office-orders.csv"),
        ("2026-11-30", "Protein Shake", 45.00, "orders:back-office-orders.csv")]
    assert store.contacts.customer_numbers(customers["robert"]) == ["C-77"]
    assert _orders(store, customers["priya"]) == [
        ("2026-12-02", "Night Cream", 38.90, "orders:back-office-orders.csv")]  # by E.164 phone
    assert report.matched == {"email": 1, "customer_number": 2, "phone": 1, "created": 1}


def test_the_customer_number_survives_an_edit_of_the_contact(store: Store, customers: dict[str, int]) -> None:
    import_orders(store, EXPORT)
    robert = store.contacts.get(customers["robert"])
    assert robert is not None
    robert.notes = "likes greens"
    with store.transaction():
        store.contacts.update(robert)
    assert store.contacts.customer_owner("C-77") == customers["robert"]


def test_a_merge_keeps_the_absorbed_contacts_customer_number(store: Store, customers: dict[str, int]) -> None:
    from studio.services.duplicates import merge_pair

    import_orders(store, EXPORT)
    hannah = store.contacts.customer_owner("C-99")
    assert hannah is not None
    merge_pair(store, customers["priya"], hannah)
    assert store.contacts.customer_owner("C-99") == customers["priya"]


def test_a_deleted_and_restored_customer_keeps_their_number(store: Store, customers: dict[str, int]) -> None:
    from studio.services.addressbook import delete_contacts, restore_contacts

    import_orders(store, EXPORT)
    gone = delete_contacts(store, [customers["robert"]])
    assert store.contacts.customer_owner("C-77") is None
    [back] = restore_contacts(store, store.bin.all())
    assert gone and store.contacts.customer_owner("C-77") == back.id


def test_a_new_customer_is_created_tagged_customer_and_reported(store: Store,
                                                                customers: dict[str, int]) -> None:
    report = import_orders(store, EXPORT)
    [(contact_id, name)] = report.created
    hannah = store.contacts.get(contact_id)
    assert hannah is not None and name == "Hannah Lee"
    assert (hannah.given_name, hannah.family_name, hannah.tags) == ("Hannah", "Lee", ["customer"])
    assert [e.value for e in hannah.emails] == ["hannah.lee@example.com"]
    assert [(d, n, a) for d, n, a, _ in _orders(store, contact_id)] == [
        ("2026-12-03", "Starter Kit", 99.0), ("2026-12-03", "Refill", 12.0)]


def test_a_customer_known_only_by_number_is_created_under_it(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "numbers.csv"
    export.write_text("Date,Customer #,Total\n2026-11-02,4711,10\n2026-11-09,4711,12\n", encoding="utf-8")
    report = import_orders(store, export)
    assert [name for _, name in report.created] == ["Customer 4711"]
    assert report.matched == {"created": 1, "customer_number": 1}


def test_the_lines_of_one_order_are_one_order(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "lines.csv"
    export.write_text("Order #,Order Date,Email,Product,Amount,Order Total\n"
                      "9001,2026-11-02,ann@example.com,Tea,4.50,12.00\n"
                      "9001,2026-11-02,ann@example.com,Mug,7.50,12.00\n"
                      "9002,2026-11-09,ann@example.com,Tea,4.50,4.50\n", encoding="utf-8")
    by_line = import_orders(store, export, column_map="Order Total=ignore")
    assert (by_line.added, by_line.skipped) == (2, [])
    [first, second] = store.history.events(kinds=["order"])
    assert (first.note, first.amount, second.amount) == ("Tea; Mug", 12.0, 4.5)  # the lines summed
    totals = tmp_path / "totals.csv"
    totals.write_text(export.read_text(encoding="utf-8").replace("Amount,Order Total", "Price,Total"),
                      encoding="utf-8")
    with store.transaction():
        for event in store.history.events():
            store.history.delete_event(event.id)
    import_orders(store, totals, column_map="Price=ignore")
    assert [e.amount for e in store.history.events(kinds=["order"])] == [12.0, 4.5]  # a total on each line


def test_bad_rows_are_named_by_file_and_line_and_the_rest_imported(store: Store,
                                                                  customers: dict[str, int]) -> None:
    report = import_orders(store, EXPORT)
    assert [str(s) for s in report.skipped] == [
        f"{EXPORT}:7: the order date: '13/45/2026' is not a valid date",
        f"{EXPORT}:8: the amount: 'twelve dollars' is not an amount (write it like 1234.50 or $1,234.50)"]
    assert report.added == 5


def test_the_thank_you_is_due_after_the_import(store: Store, customers: dict[str, int]) -> None:
    import_orders(store, EXPORT)
    due = today_report(store, dt.date(2026, 12, 4)).due
    thanked = {(i.occasion.contact_id, i.occasion.date.isoformat()) for i in due
               if i.occasion.kind == "thank-you"}
    assert (customers["priya"], "2026-12-02") in thanked


def test_what_they_buy_and_the_reorder_date(store: Store, customers: dict[str, int]) -> None:
    import_orders(store, EXPORT)
    summary = order_summary(store, customers["robert"])
    assert (summary.count, summary.total) == (2, 1249.50)
    assert (summary.first, summary.last) == (dt.date(2026, 11, 2), dt.date(2026, 11, 30))
    assert summary.reorder_date == dt.date(2026, 12, 28)  # one gap of 28 days after the last
    assert order_summary(store, customers["priya"]).reorder_date is None  # one order: not known yet


def test_an_unknown_layout_needs_a_map_which_is_saved_for_its_headers(store: Store, tmp_path: Path) -> None:
    export = FIXTURES / "no-order-ids.csv"
    with pytest.raises(UnknownOrderColumns, match="no-order-ids.csv: no column holds the order date"):
        import_orders(store, export)
    report = import_orders(store, export, column_map="Bestellt am=order_date")
    assert (report.added, len(report.created), report.skipped) == (3, 2, [])
    amounts = sorted(e.amount for e in store.history.events(kinds=["order"]))
    assert amounts == [12.0, 1234.5, 1234.5]  # "1.234,50 €"; two alike rows without an id both count
    renamed = tmp_path / "december.csv"
    shutil.copy(export, renamed)
    again = import_orders(store, renamed)  # the same headers: the saved map, no --map needed
    assert (again.added, again.already) == (0, 3)  # no order id: the rows' hashes say so


def test_a_dry_run_and_a_cancelled_import_change_nothing(store: Store, customers: dict[str, int]) -> None:
    report = import_orders(store, EXPORT, dry_run=True)
    assert (report.added, len(report.created)) == (5, 1)
    assert store.history.events() == [] and store.contacts.count() == 2

    def stop() -> bool:
        return bool(store.history.events())  # once an order is written

    with pytest.raises(Cancelled):
        import_orders(store, EXPORT, progress=Progress(cancelled=stop))
    assert store.history.events() == [] and store.contacts.count() == 2


def test_an_xlsx_export_with_date_cells_and_numbers(store: Store, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Order #", "Order Date", "Customer Name", "E-mail", "Items", "Amount"])
    sheet.append([5001, dt.datetime(2026, 10, 5, 14, 3), "Grace Kim", "grace.kim@example.org", "Tea", 1234.5])
    sheet.append([5002, dt.datetime(2026, 11, 4), "Grace Kim", "grace.kim@example.org", "Tea", 20])
    book.save(tmp_path / "orders.xlsx")
    report = import_orders(store, tmp_path / "orders.xlsx")
    [(grace, _)] = report.created
    summary = order_summary(store, grace)
    assert [(o.date, o.items, o.amount) for o in summary.orders] == [
        (dt.date(2026, 10, 5), "Tea", 1234.5), (dt.date(2026, 11, 4), "Tea", 20.0)]
    assert store.history.has_ref("order:5001")


def test_a_saved_map_must_fit_the_headers(store: Store) -> None:
    with pytest.raises(Exception, match="no column 'When'"):
        save_order_map(store, "x", ["Date", "Email"], "When=order_date")


@pytest.mark.parametrize(("text", "amount"), [
    ("$1,204.50", 1204.50), ("1.234,50 €", 1234.50), ("EUR 12,50", 12.50), ("12", 12.0),
    ("1,234", 1234.0), ("(12.00)", -12.0), ("1'234.50 CHF", 1234.50), ("", None), ("£0.99", 0.99)])
def test_amounts_with_currency_symbols_and_separators(text: str, amount: float | None) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(("text", "locale", "day"), [
    ("2026-11-20", "en_US", dt.date(2026, 11, 20)), ("11/20/2026", "en_US", dt.date(2026, 11, 20)),
    ("20.11.2026", "en_US", dt.date(2026, 11, 20)), ("03/04/2026", "de_DE", dt.date(2026, 4, 3)),
    ("2026-11-20T14:03:00Z", "en_US", dt.date(2026, 11, 20)),
    ("11/20/2026 2:15 PM", "en_US", dt.date(2026, 11, 20))])
def test_order_dates_as_back_offices_write_them(text: str, locale: str, day: dt.date) -> None:
    assert parse_order_date(text, locale) == day


def test_a_date_without_a_year_is_refused() -> None:
    with pytest.raises(ValueError, match="has no year"):
        parse_order_date("March 4")
