"""The test clock: `clock` fixes the instant a test runs at; `--today` moves a whole session."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from tests.helpers import NOW


def test_clock_starts_at_now_and_ticks_on(clock):
    first = timezone.now()
    assert NOW <= first < NOW + dt.timedelta(minutes=1)
    assert timezone.localdate() == dt.date(2027, 3, 15) == dt.date.today()
    clock.shift(dt.timedelta(seconds=1))
    assert timezone.now() > first  # history entries keep their order


def test_today_option_moves_the_whole_session(request):
    today = request.config.getoption("--today")
    # Without --today, and outside `clock`, tests see the real time.
    assert time_machine.escape_hatch.is_travelling() == bool(today)
    if today:
        assert timezone.localdate() == dt.date.fromisoformat(today)
