"""Salary math: pure ``Decimal`` functions, no ORM and no Django.

A salary range is a :class:`Range`; its top may be open-ended ("$250k+"),
which every step carries through unchanged, since scaling "at least X"
still gives "at least" something.

The calculator's model (see :func:`estimate`): a central estimate starts at
the middle of a role's band and is scaled once per chosen circumstance (the
middle of an editor's percent range, or an official median over the
nation's); the band's own spread around its middle is then carried over to
the central estimate, so a range stays as wide as the band it comes from
instead of stacking every factor's extremes. Amounts are kept in whole
cents, each step rounded to the cent, so every line of the breakdown can be
checked by hand and reproduces the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

TWO = Decimal(2)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def to_cent(amount: Decimal) -> Decimal:
    """An amount to the nearest cent (half to even): every step's result."""
    return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)


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


@dataclass(frozen=True)
class Scale:
    """How a step changes an amount: x numerator / denominator.

    Written out in the breakdown as it is computed (one multiplication,
    one division, then the cent), so the reader's arithmetic and ours agree.
    """

    numerator: Decimal
    denominator: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if self.numerator <= 0 or self.denominator <= 0:
            raise ValueError("a scale must be positive")

    def apply(self, amount: Decimal) -> Decimal:
        return to_cent(amount * self.numerator / self.denominator)


def midpoint_percent(low: Decimal, high: Decimal) -> Decimal:
    return (low + high) / TWO


@dataclass(frozen=True)
class FactorInput:
    """A chosen circumstance as the math sees it.

    An editor's factor gives ``low_percent``/``high_percent`` (``None`` when
    the source describes it without a figure); an official one gives
    ``ratio``, a median over the nation's (numerator, denominator), which
    takes precedence. ``applies`` is false when the circumstance does not
    apply to the role being estimated. ``ref`` is carried through untouched
    so callers can attach, say, a source to its step.
    """

    name: str
    low_percent: Decimal | None = None
    high_percent: Decimal | None = None
    applies: bool = True
    ref: object = None
    ratio: tuple[Decimal, Decimal] | None = None

    @property
    def quantified(self) -> bool:
        return self.ratio is not None or (
            self.low_percent is not None and self.high_percent is not None
        )

    @property
    def scale(self) -> Scale:
        if self.ratio is not None:
            return Scale(*self.ratio)
        return Scale(1 + midpoint_percent(self.low_percent, self.high_percent) / HUNDRED)


class StepKind(StrEnum):
    BAND = "band"
    FACTOR = "factor"  # an editor's percent range, at its middle
    RATIO = "ratio"  # an official median over the nation's
    UNQUANTIFIED = "unquantified"
    NOT_APPLICABLE = "not_applicable"
    SPREAD = "spread"
    EQUITY = "equity"


@dataclass(frozen=True)
class Step:
    """One line of "how we got this".

    ``before`` and ``scale`` give the arithmetic, ``central`` its result
    (``scale.apply(before) == central``); ``spread``, where the step gives
    one, is the range around it.
    """

    kind: StepKind
    label: str
    central: Decimal
    before: Decimal | None = None
    scale: Scale | None = None
    spread: Range | None = None
    low_percent: Decimal | None = None
    high_percent: Decimal | None = None
    ref: object = None

    @property
    def midpoint_percent(self) -> Decimal | None:
        if self.low_percent is None or self.high_percent is None:
            return None
        return midpoint_percent(self.low_percent, self.high_percent)


@dataclass(frozen=True)
class Estimate:
    """A central estimate and the spread around it, for base and total pay.

    ``open_ended`` when the band's top is open: the central estimate and the
    spread's top are then lower bounds.
    """

    band: Range
    base_central: Decimal
    base: Range
    total_central: Decimal
    total: Range
    share_low: Decimal | None
    share_high: Decimal | None
    steps: tuple[Step, ...]

    @property
    def open_ended(self) -> bool:
        return self.band.open_ended

    @property
    def share_mid(self) -> Decimal | None:
        if self.share_low is None or self.share_high is None:
            return None
        return midpoint_percent(self.share_low, self.share_high)

    @property
    def base_point(self) -> Range:
        """The central base estimate as a range of one point (for the gap)."""
        return Range(self.base_central, self.base_central, self.open_ended)

    @property
    def total_point(self) -> Range:
        return Range(self.total_central, self.total_central, self.open_ended)

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
    """Base and total pay for a band under the chosen circumstances.

    1. central = the band's middle, (bottom + top) / 2, to the cent;
    2. each circumstance that applies and carries a figure scales the
       central estimate once: x (1 + the middle of its percent range), or
       x the official median / the nation's median;
    3. the spread is the band's, moved with the central estimate: its ends
       are central x bottom / middle and central x top / middle;
    4. total pay = base / (1 - the middle of the equity and bonus share),
       for the central estimate and both ends of the spread.

    Circumstances that do not apply, or have no figure, are recorded as
    steps that change nothing. Every step's result is rounded to the cent.
    """
    if share is not None and not (0 <= share[0] <= share[1] < HUNDRED):
        raise ValueError("a share of total pay must satisfy 0 <= low <= high < 100")
    middle = to_cent(band.midpoint)
    steps = [Step(StepKind.BAND, "Salary band", middle, spread=band, ref=band_ref)]
    central = middle
    for factor in factors:
        if not factor.applies:
            steps.append(Step(StepKind.NOT_APPLICABLE, factor.name, central, ref=factor.ref))
            continue
        if not factor.quantified:
            steps.append(Step(StepKind.UNQUANTIFIED, factor.name, central, ref=factor.ref))
            continue
        scale = factor.scale
        before, central = central, scale.apply(central)
        steps.append(
            Step(
                StepKind.RATIO if factor.ratio is not None else StepKind.FACTOR,
                factor.name,
                central,
                before,
                scale,
                low_percent=None if factor.ratio is not None else factor.low_percent,
                high_percent=None if factor.ratio is not None else factor.high_percent,
                ref=factor.ref,
            )
        )
    base_central = central
    base = Range(
        Scale(band.low, middle).apply(central) if band.low > 0 else Decimal(0),
        Scale(band.high, middle).apply(central),
        band.open_ended,
    )
    steps.append(Step(StepKind.SPREAD, "Spread", central, spread=base))
    total_central, total = base_central, base
    share_low = share_high = None
    if share is not None:
        share_low, share_high = share
        keep = 1 - midpoint_percent(*share) / HUNDRED
        scale = Scale(Decimal(1), keep)
        total_central = scale.apply(base_central)
        total = Range(scale.apply(base.low), scale.apply(base.high), base.open_ended)
        steps.append(
            Step(
                StepKind.EQUITY,
                "Equity and bonus",
                total_central,
                base_central,
                scale,
                spread=total,
                low_percent=share_low,
                high_percent=share_high,
                ref=share_ref,
            )
        )
    return Estimate(
        band=band,
        base_central=base_central,
        base=base,
        total_central=total_central,
        total=total,
        share_low=share_low,
        share_high=share_high,
        steps=tuple(steps),
    )
