# ruff: noqa: E501
"""Two industry sectors and two industries inside one, for the calculator's tests.

Real May 2025 national figures for software developers (15-1252) and data
scientists (15-2051), from the bundled release, in the layout of
``tests/oews_sample_data.py``; added to ``places_release``'s places by the
``calculator_release`` fixture.
"""

from tests import oews_sample_data as sample

INDUSTRIES = [
    *sample.INDUSTRIES,
    ("52--53", "Sector 52 - Finance and Insurance", 2),
    ("522000", "Credit Intermediation and Related Activities", 3),
    (
        "523000",
        "Securities, Commodity Contracts, and Other Financial Investments and Related Activities",
        3,
    ),
    ("54--55", "Sector 54 - Professional, Scientific, and Technical Services", 2),
]
SERIES = {
    **sample.PLACES_SERIES,
    "OEUN000000052--53151252": "167990 1.1 69.82 145230 0.4 46.08 57.08 65.12 80.13 99.40 95840 118720 135460 166670 206750 . .",
    "OEUN000000052--53152051": "46730 1.9 61.00 126890 0.8 35.09 45.44 59.98 75.57 89.51 72990 94520 124770 157190 186180 . .",
    "OEUN0000000522000151252": "67350 1.4 70.97 147610 0.5 47.78 60.36 65.83 80.61 99.40 99380 125550 136930 167660 206760 . .",
    "OEUN0000000522000152051": "16500 2.5 64.12 133370 1.1 37.07 47.11 62.25 78.97 95.74 77110 97990 129490 164250 199130 . .",
    "OEUN0000000523000151252": "34940 3.0 81.05 168590 1.0 50.29 63.77 78.50 98.00 117.97 104600 132650 163290 203840 245380 . .",
    "OEUN0000000523000152051": "7210 7.7 68.62 142730 3.9 32.72 49.39 64.67 81.89 103.66 68060 102740 134510 170320 215610 . .",
    "OEUN000000054--55151252": "698420 1.3 68.77 143040 0.6 38.69 49.25 63.85 81.57 102.30 80470 102430 132810 169670 212780 . .",
    "OEUN000000054--55152051": "69730 4.1 62.93 130900 2.3 35.10 45.01 60.93 78.54 98.07 73010 93620 126730 163350 203980 . .",
}
