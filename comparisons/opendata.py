"""The figures behind a page as rows, for the JSON and CSV downloads.

One row per published figure, each with its source and as-of date, exact
values (no rounding) and an explicit unit.

The site's compilation (the selection and arrangement of the figures, the
differences worked out from them, and its own text) may be reused under
Creative Commons Attribution 4.0 (CC BY 4.0), crediting careerguide and the
page. Each figure comes from the publication named on its row, whose own
terms apply to that publication; the licence cannot grant more than that.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from officialstats import display
from officialstats.figures import State

from .queries.common import RoleProfile, Shared

COLUMNS = [
    "role",
    "figure",
    "detail",
    "value",
    "low",
    "high",
    "open_ended",
    "unit",
    "note",
    "source_publisher",
    "source_title",
    "source_url",
    "as_of",
]
PER_YEAR = "USD a year"


def _row(role: str, figure: str, item, *, unit: str, detail: str = "", **values) -> dict:
    source = item.source
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        role=role,
        figure=figure,
        detail=detail,
        unit=unit,
        source_publisher=source.publisher,
        source_title=source.title,
        source_url=source.url,
        as_of=source.as_of_label,
        open_ended=values.pop("open_ended", False),
    )
    row.update({key: "" if value is None else value for key, value in values.items()})
    return row


def role_rows(profile: RoleProfile, factors: Iterable[Shared] = ()) -> list[dict]:
    name = profile.role.name
    rows = []
    for stat in profile.stats.values():
        rows.append(
            _row(
                name,
                stat.get_kind_display().lower(),
                stat,
                unit=PER_YEAR,
                detail=stat.label,
                value=stat.average,
                low=stat.range_low,
                high=stat.range_high,
                note="approximate" if stat.approximate else "",
            )
        )
    for band in sorted(profile.bands.values(), key=lambda band: band.level.order):
        rows.append(
            _row(
                name,
                "base salary band",
                band,
                unit=PER_YEAR,
                detail=f"{band.level.name} ({band.level.years_label})",
                low=band.min_salary,
                high=band.max_salary,
                open_ended=band.open_ended,
            )
        )
    if profile.equity:
        share = profile.equity
        rows.append(
            _row(
                name,
                "equity and bonus share of total compensation",
                share,
                unit="percent",
                low=share.low_percent,
                high=share.high_percent,
                note=share.note,
            )
        )
    if profile.competency:
        time = profile.competency
        rows.append(
            _row(
                name,
                "time to competency",
                time,
                unit="months",
                low=Decimal(time.min_months),
                high=Decimal(time.max_months),
                note=time.note,
            )
        )
    for shared in factors:
        if profile.role in shared.roles:
            factor = shared.item
            rows.append(
                _row(
                    name,
                    f"pay factor: {factor.get_kind_display().lower()}",
                    factor,
                    unit="percent of base pay",
                    detail=factor.name,
                    low=factor.low_percent,
                    high=factor.high_percent,
                    note=factor.note if factor.quantified else f"no figure given. {factor.note}",
                )
            )
    return rows


BLS = "U.S. Bureau of Labor Statistics"
BLS_OEWS_URL = "https://www.bls.gov/oes/"


def official_rows(item) -> list[dict]:
    """A role's linked occupation's national figures (a ``RoleOfficial``), each
    in its state: a value BLS did not publish as a number has no value, and
    says why in ``note`` (a top-coded wage gives its bound as ``low``, open-ended)."""
    if item.national is None:
        return []
    occupation, release = item.occupation, item.release
    detail = f"{occupation.title} (SOC {occupation.code}), United States, all industries"
    if item.stand_in:
        detail += ": the closest occupation, not the role's own (see the methodology)"
    rows = []
    for label, figure in item.rows:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            role=item.role.name,
            figure=f"official: {label.lower()}",
            detail=detail,
            unit="jobs" if label == "Employment" else PER_YEAR,
            source_publisher=BLS,
            source_title=f"Occupational Employment and Wage Statistics (OEWS), {release.name}",
            source_url=BLS_OEWS_URL,
            as_of=release.name,
            open_ended=figure.state is State.TOP_CODED,
        )
        if figure.state is State.PUBLISHED:
            row["value"] = Decimal(figure.value)
        else:
            row["note"] = display.text(figure)
            if figure.state is State.TOP_CODED:
                row["low"] = figure.bound
        rows.append(row)
    return rows


def claim_rows(claims) -> list[dict]:
    return [
        _row(
            claim.leading_role.name,
            "published premium over the other role",
            claim,
            unit="percent",
            detail=claim.level.name,
            low=claim.low_percent,
            high=claim.high_percent,
        )
        for claim in claims
    ]
