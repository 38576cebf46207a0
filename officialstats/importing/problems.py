"""The one error an import reports: what is wrong, in which file, on which line."""

from __future__ import annotations


class ImportProblem(Exception):
    """Input that cannot be imported. Nothing has been changed when it is raised
    to the caller: the writer discards what it had staged first."""

    def __init__(self, message: str, file: str = "", line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where = f"{where}, line {self.line:,}" if where else f"line {self.line:,}"
        return f"{where}: {self.message}" if where else self.message
