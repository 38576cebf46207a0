from decimal import Decimal as D

import pytest

from core.formatting import money, money_range, money_short, percent, percent_range


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (D("114528"), {}, "$114,528"),
        (D("95000"), {"approximate": True}, "~$95,000"),
        (D("78947.368"), {"cents": True}, "$78,947.37"),
        (D("118750"), {"cents": True}, "$118,750"),
        (D("250000"), {"open_ended": True}, "$250,000+"),
        (D("0.5"), {}, "$1"),
        (D("-1200"), {}, "-$1,200"),
    ],
)
def test_money(value, kwargs, expected):
    assert money(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "open_ended", "expected"),
    [
        (D("75000"), False, "$75k"),
        (D("112500"), False, "$112.5k"),
        (D("250000"), True, "$250k+"),
        (D("1250000"), False, "$1,250k"),
    ],
)
def test_money_short(value, open_ended, expected):
    assert money_short(value, open_ended=open_ended) == expected


def test_money_range_short_and_long():
    assert money_range(D("75000"), D("95000")) == "$75k\u2013$95k"
    assert money_range(D("170000"), D("250000"), open_ended=True) == "$170k\u2013$250k+"
    assert money_range(D("80000"), D("120000"), short=False) == "$80,000\u2013$120,000"


@pytest.mark.parametrize(
    ("value", "places", "signed", "expected"),
    [
        (D("4.8496"), 0, False, "5%"),
        (D("4.8496"), 2, False, "4.85%"),
        (D("20"), 0, True, "+20%"),
        (D("-10"), 0, True, "-10%"),
        (D("-0.2"), 0, False, "0%"),
        (D("0.5"), 0, False, "1%"),
    ],
)
def test_percent(value, places, signed, expected):
    assert percent(value, places, signed=signed) == expected


def test_percent_range():
    assert percent_range(D("20"), D("40"), signed=True) == "+20% to +40%"
    assert percent_range(D("-20"), D("-10"), signed=True) == "-20% to -10%"
    assert percent_range(D("5"), D("20")) == "5%\u201320%"
    assert percent_range(D("31"), D("39"), open_ended=True) == "31%\u201339%+"
    assert percent_range(D("7"), D("7")) == "7%"
    # published figures are shown exactly, never rounded to whole percents
    assert percent_range(D("12.5"), D("20")) == "12.5%\u201320%"
    assert percent_range(D("-7.25"), D("10.00"), signed=True) == "-7.25% to +10%"
