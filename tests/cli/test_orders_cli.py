"""`studio import-orders` and `studio orders` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

EXPORT = Path(__file__).resolve().parent.parent / "orders" / "fixtures" / "back-office-orders.csv"
GERMAN = EXPORT.with_name("no-order-ids.csv")


def test_import_orders_reports_then_adds_nothing_the_second_time(db: Path, cli) -> None:  # noqa: ANN001
    status, out, err = cli(db, "import-orders", str(EXPORT))
    assert status == 0, err
    assert "back-office-orders.csv: 5 orders added, 0 already there, 1 new customer, 2 rows skipped." in out
    assert "new customer #33 Hannah Lee" in out
    assert f"skipped {EXPORT}:7: the order date: '13/45/2026' is not a valid date" in err
    status, out, _ = cli(db, "import-orders", str(EXPORT), "--json")
    report = json.loads(out)
    assert (report["added"], report["already"], report["created"]) == (0, 5, [])
    assert report["skipped"][1] == {"line": 8, "why": "the amount: 'twelve dollars' is not an amount "
                                                      "(write it like 1234.50 or $1,234.50)"}


def test_orders_lists_what_they_buy_with_the_reorder_date(db: Path, cli) -> None:  # noqa: ANN001
    cli(db, "import-orders", str(EXPORT))
    status, out, _ = cli(db, "orders", "Robert Johnson")
    assert status == 0
    assert out.splitlines()[0] == ("Orders of Robert Johnson (#4): 2 orders, 1249.50 in all, "
                                   "first 2026-11-02, last 2026-11-30, reorder around 2026-12-28 "
                                   "(every 28 days)")
    data = json.loads(cli(db, "orders", "4", "--json")[1])
    assert (data["count"], data["total"], data["reorder_date"]) == (2, 1249.5, "2026-12-28")
    assert data["orders"][0] == {"date": "2026-11-02", "items": "Daily Greens x2", "amount": 1204.5,
                                 "source": "orders:back-office-orders.csv"}
    touches = json.loads(cli(db, "touches", "4", "--json")[1])
    assert touches[0] == {"date": "2026-11-30", "kind": "order", "note": "Protein Shake", "amount": 45.0,
                          "source": "orders:back-office-orders.csv"}
    today = json.loads(cli(db, "today", "--today", "2026-12-04", "--json")[1])
    assert any(i["kind"] == "thank-you" and i["contact_name"] == "Priya Raman" for i in today["due"])


def test_an_unknown_layout_is_explained_and_mapped_with_map(db: Path, cli) -> None:  # noqa: ANN001
    status, _, err = cli(db, "import-orders", str(GERMAN))
    assert status == 1 and "no-order-ids.csv: no column holds the order date" in err and "--map" in err
    status, out, _ = cli(db, "import-orders", str(GERMAN), "--map", "Bestellt am=order_date", "--dry-run")
    assert status == 0 and "3 orders to add" in out and "(dry run: nothing was saved)" in out
    assert cli(db, "import-orders", str(GERMAN))[0] == 1  # a dry run saves no map either
    status, out, _ = cli(db, "import-orders", str(GERMAN), "--map", "Bestellt am=order_date")
    assert status == 0 and "3 orders added" in out
    status, out, _ = cli(db, "import-orders", str(GERMAN))  # the map was saved for these headers
    assert status == 0 and "0 orders added, 3 already there" in out


def test_a_map_naming_a_field_that_does_not_exist_is_a_usage_error(db: Path, cli) -> None:  # noqa: ANN001
    status, _, err = cli(db, "import-orders", str(GERMAN), "--map", "Bestellt am=when")
    assert status == 2 and "'when' is not a field" in err
