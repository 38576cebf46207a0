"""How far a reader can rely on an OEWS estimate, in plain words. Pure.

BLS publishes a relative standard error (RSE) for each employment estimate
and each mean wage: the estimate's standard error as a percentage of the
estimate. An interval of 1.96 standard errors either side holds the value
a full census would give with 95% confidence, so a 2% RSE means "very
likely within about ±4%". BLS gives no RSE for the percentile wages.

The bands below are careerguide's own reading of the RSE, not BLS's; the
methodology page states them (from :data:`BANDS`, so they cannot drift).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .figures import Figure, State

Z95 = Decimal("1.96")

# (RSE below this percentage, label, what it means for a reader)
BANDS = (
    (Decimal(5), "Precise", "fine to compare with other estimates"),
    (Decimal(10), "Reliable", "small differences may be noise"),
    (Decimal(25), "Less precise", "use with care: treat it as a rough level"),
)
LAST = ("Unreliable", "a rough indication only; do not compare closely")


@dataclass(frozen=True, slots=True)
class Reliability:
    label: str
    advice: str
    rse: Decimal | None = None

    @property
    def known(self) -> bool:
        return self.rse is not None

    @property
    def margin(self) -> Decimal | None:
        """Half the 95% confidence interval, as a percentage of the estimate."""
        if self.rse is None:
            return None
        return (self.rse * Z95).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def css(self) -> str:
        return self.label.lower().replace(" ", "-")


UNKNOWN = Reliability("Not measured", "BLS publishes no error measure for this figure")


def reliability(rse: Figure) -> Reliability:
    """The plain-words reading of a published RSE (``UNKNOWN`` when there is none)."""
    if rse.state is not State.PUBLISHED:
        return UNKNOWN
    for below, label, advice in BANDS:
        if rse.value < below:
            return Reliability(label, advice, rse.value)
    return Reliability(*LAST, rse.value)


def thresholds() -> list[tuple[str, str, str]]:
    """The bands as (range, label, advice), for the methodology page."""
    rows, low = [], Decimal(0)
    for below, label, advice in BANDS:
        rows.append((f"{low}% to under {below}%" if low else f"Under {below}%", label, advice))
        low = below
    rows.append((f"{low}% or more", *LAST))
    return rows
