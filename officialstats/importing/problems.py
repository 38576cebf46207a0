"""The one error an import reports: what is wrong, in which file, on which line."""

from __future__ import annotations


class ImportProblem(Exception):
    """Input that cannot be imported. Nothing has been changed when it is raised
    to the caller: the writer discards what it had staged first."""

    def __init__(
        self, message: str, file: str = "", line: int | None = None, *, unit: str = "line"
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.unit = unit  # "line" of a text file, "row" of a spreadsheet
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            at = f"{self.unit} {self.line:,}"
            where = f"{where}, {at}" if where else at
        return f"{where}: {self.message}" if where else self.message
