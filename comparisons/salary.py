"""Salary math: pure ``Decimal`` functions, no ORM and no Django.

A salary range is a :class:`Range`; its top may be open-ended ("$250k+"),
which every step carries through unchanged, since scaling "at least X"
still gives "at least" something.

The calculator's model (see :func:`estimate`): a role's band at a level is
scaled by each selected pay factor that applies to the role, the low percent
on the band's bottom and the high percent on its top; total compensation then
adds equity and bonus, given as a share of total pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

TWO = Decimal(2)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal
    open_ended: bool = False

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")

    @property
    def midpoint(self) -> Decimal:
        return (self.low + self.high) / TWO


def percent_change(new: Decimal, old: Decimal) -> Decimal:
    """How much ``new`` is above ``old``, in percent of ``old``."""
    if old <= 0:
        raise ValueError("percent change needs a positive base")
    return (new - old) / old * HUNDRED


def apply_factor(base: Range, low_percent: Decimal, high_percent: Decimal) -> Range:
    """Scale a range's low end by ``1 + low%`` and its high end by ``1 + high%``."""
    return Range(
        base.low * (1 + low_percent / HUNDRED),
        base.high * (1 + high_percent / HUNDRED),
        base.open_ended,
    )


def total_compensation(base: Range, share_low: Decimal, share_high: Decimal) -> Range:
    """Total pay when equity and bonuses are ``share`` percent of it.

    If a share ``s`` of total pay is equity and bonus, base pay is the other
    ``1 - s``, so total = base / (1 - s). The low total uses the share's low
    end and the high total its high end.
    """
    if not (0 <= share_low <= share_high < HUNDRED):
        raise ValueError("a share of total pay must satisfy 0 <= low <= high < 100")
    return Range(
        base.low / (1 - share_low / HUNDRED),
        base.high / (1 - share_high / HUNDRED),
        base.open_ended,
    )


@dataclass(frozen=True)
class FactorInput:
    """A selected pay factor as the math sees it.

    ``low_percent``/``high_percent`` are ``None`` for a factor the source
    describes without a figure; ``applies`` is false when the factor does not
    apply to the role being estimated. ``ref`` is carried through untouched so
    callers can attach, say, the factor's source to its step.
    """

    name: str
    low_percent: Decimal | None
    high_percent: Decimal | None
    applies: bool = True
    ref: object = None

    @property
    def quantified(self) -> bool:
        return self.low_percent is not None and self.high_percent is not None


class StepKind(StrEnum):
    BAND = "band"
    FACTOR = "factor"
    UNQUANTIFIED = "unquantified"
    NOT_APPLICABLE = "not_applicable"
    EQUITY = "equity"


@dataclass(frozen=True)
class Step:
    """One line of "how we got this": what was applied and the range after it."""

    kind: StepKind
    label: str
    result: Range
    low_percent: Decimal | None = None
    high_percent: Decimal | None = None
    ref: object = None


@dataclass(frozen=True)
class Estimate:
    band: Range
    base: Range
    total: Range
    share_low: Decimal | None
    share_high: Decimal | None
    steps: tuple[Step, ...]

    def names(self, kind: StepKind) -> list[str]:
        return [step.label for step in self.steps if step.kind == kind]

    @property
    def unquantified(self) -> list[str]:
        return self.names(StepKind.UNQUANTIFIED)

    @property
    def not_applicable(self) -> list[str]:
        return self.names(StepKind.NOT_APPLICABLE)


def estimate(
    band: Range,
    factors: list[FactorInput],
    share: tuple[Decimal, Decimal] | None = None,
    *,
    band_ref: object = None,
    share_ref: object = None,
) -> Estimate:
    """Base and total pay for a band under the selected factors.

    base low  = band min x product of (1 + factor low %)
    base high = band max x product of (1 + factor high %)
    over the factors that apply to the role and carry a figure; the others are
    recorded as steps that change nothing. Total pay follows from the equity
    share (see :func:`total_compensation`); without one, total equals base.
    Nothing is rounded: round only for display.
    """
    steps = [Step(StepKind.BAND, "Salary band", band, ref=band_ref)]
    base = band
    for factor in factors:
        if not factor.applies:
            steps.append(Step(StepKind.NOT_APPLICABLE, factor.name, base, ref=factor.ref))
        elif not factor.quantified:
            steps.append(Step(StepKind.UNQUANTIFIED, factor.name, base, ref=factor.ref))
        else:
            base = apply_factor(base, factor.low_percent, factor.high_percent)
            steps.append(
                Step(
                    StepKind.FACTOR,
                    factor.name,
                    base,
                    factor.low_percent,
                    factor.high_percent,
                    factor.ref,
                )
            )
    total = base
    if share is not None:
        total = total_compensation(base, *share)
        steps.append(Step(StepKind.EQUITY, "Equity and bonus", total, *share, ref=share_ref))
    return Estimate(
        band=band,
        base=base,
        total=total,
        share_low=share[0] if share else None,
        share_high=share[1] if share else None,
        steps=tuple(steps),
    )
