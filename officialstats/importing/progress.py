"""How far an import got: told to a terminal, an ImportRun row, or no one."""

from __future__ import annotations

import time


class Progress:
    """Receives an import's progress; subclasses show or store it.

    ``fraction`` is the share of the data file read (by its stored bytes),
    which is nearly all of an import's work, so ``seconds_left`` follows
    from it and the time spent on it so far.
    """

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.data_started: float | None = None
        self.text = ""
        self.files_read = self.files_total = 0
        self.lines = self.rows = 0
        self.fraction = 0.0

    def phase(self, text: str, files_read: int | None = None, files_total: int | None = None):
        self.text = text
        if files_read is not None:
            self.files_read = files_read
        if files_total is not None:
            self.files_total = files_total
        self.changed(force=True)

    def data(self, lines: int, rows: int, fraction: float) -> None:
        if self.data_started is None:
            self.data_started = time.monotonic()
        self.lines, self.rows, self.fraction = lines, rows, min(max(fraction, 0.0), 1.0)
        self.changed(force=False)

    @property
    def seconds_left(self) -> int | None:
        if self.data_started is None or self.fraction < 0.02:
            return None
        spent = time.monotonic() - self.data_started
        return round(spent * (1 - self.fraction) / self.fraction)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def changed(self, force: bool) -> None:
        """Show or store the state; ``force`` for a new phase, else as often as is cheap."""

    def done(self, summary: str) -> None:
        """The import finished (staged)."""


class Silent(Progress):
    pass


class Terminal(Progress):
    """One line per phase on a terminal, the current one updated in place."""

    def __init__(self, stream, interval: float = 0.2) -> None:
        super().__init__()
        self.stream = stream
        self.interval = interval
        self.shown_at = 0.0
        self.shown_text = ""
        self.width = 0

    def changed(self, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self.shown_at < self.interval:
            return
        self.shown_at = now
        if self.shown_text and self.text != self.shown_text:
            self.stream.write("\n")
            self.width = 0
        self.shown_text = self.text
        line = self.render()
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def render(self) -> str:
        parts = [self.text]
        if self.files_total:
            parts.append(f"{self.files_read}/{self.files_total} files read")
        if self.lines:
            parts += [f"{self.lines:,} lines", f"{self.rows:,} estimates", f"{self.fraction:.0%}"]
            left = self.seconds_left
            if left is not None and self.fraction < 1:
                parts.append(
                    f"about {left} s left" if left < 120 else f"about {left // 60} min left"
                )
        return " · ".join(parts)

    def done(self, summary: str) -> None:
        self.stream.write("\n" if self.shown_text else "")
        self.stream.flush()
