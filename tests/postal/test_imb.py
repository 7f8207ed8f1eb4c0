"""USPS Intelligent Mail barcode data (USPS-B-3200)."""

from __future__ import annotations

import pytest

from studio.errors import StudioError
from studio.postal.imb import intelligent_mail_codes, routing_code, service_type_problem
from studio.render.barcode import intelligent_mail


def test_tracking_code_for_a_six_digit_mailer_id() -> None:
    tracking, routing = intelligent_mail_codes("123456", 42, "94043-1351")
    assert tracking == "00" + "310" + "123456" + "000000042"  # 310: First-Class, tracked
    assert len(tracking) == 20 and routing == "940431351"


def test_tracking_code_for_a_nine_digit_mailer_id_keeps_six_serial_digits() -> None:
    tracking, routing = intelligent_mail_codes("912345678", 1234567, "62704", "300")
    assert tracking == "00300912345678234567"
    assert routing == "62704"


@pytest.mark.parametrize("zip_code, expected", [("62704", "62704"), ("62704-1234", "627041234"),
                                                 ("627041234", "627041234"), ("62704 1234", "627041234"),
                                                 ("62704-1234-56", None), ("K1A 0A9", None), ("", None),
                                                 ("6270", None)])
def test_routing_code(zip_code: str, expected: str | None) -> None:
    assert routing_code(zip_code) == expected


def test_no_barcode_without_a_zip() -> None:
    assert intelligent_mail_codes("123456", 1, "SW1A 2AA") is None


@pytest.mark.parametrize("bad", ["12345", "923456", "812345678", "12a456", "1234567"])
def test_bad_mailer_ids_are_refused(bad: str) -> None:
    with pytest.raises(StudioError, match="mailer ID"):
        intelligent_mail_codes(bad, 1, "62704")


@pytest.mark.parametrize("code", ["700", "040", "31", ""])
def test_service_types_that_need_an_endorsement_or_are_no_type_are_refused(code: str) -> None:
    assert "is not a service type Card Studio prints" in service_type_problem(code)
    with pytest.raises(StudioError, match="service type"):
        intelligent_mail_codes("123456", 1, "62704", code)


@pytest.mark.parametrize("routing, bars", [
    # USPS-B-3200, appendix: the specification's own worked examples.
    ("", "ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT"),
    ("01234567891", "AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA"),
])
def test_the_bars_match_the_published_usps_examples(routing: str, bars: str) -> None:
    assert intelligent_mail("01234567094987654321", routing).barcodes == bars
