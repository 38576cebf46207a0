"""Plain SQL for the statistics pages' hottest queries, and its values.

The occupation page's loader runs on every cold page of 1,104 occupations
(and crawlers visit them all): its queries are written as SQL that SQLite
(3.30+) and PostgreSQL both run, because compiling the equivalent ORM
queries costs more than running them. Tables and columns come from the
models, values are converted here as the ORM would.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import connection, models

from ..models import Estimate

# Decimal places of each decimal column of an estimate (money 2, RSE 1, ...).
PLACES = {
    field.column: Decimal(1).scaleb(-field.decimal_places)
    for field in Estimate._meta.fields
    if isinstance(field, models.DecimalField)
}


def table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def decimal(column: str, value) -> Decimal | None:
    """A NUMERIC value of an estimate's ``column`` as the ORM gives it."""
    return fixed(value, PLACES[column])


def fixed(value, places: Decimal) -> Decimal | None:
    """A NUMERIC value as the ORM gives it: SQLite hands back int or float,
    PostgreSQL a Decimal already; ``places`` is its column's (Decimal("0.1"))."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value)).quantize(places)


def value(column: str, raw):
    return decimal(column, raw) if column in PLACES else raw


def marks(count: int) -> str:
    """``count`` parameter placeholders for an ``IN (...)`` list: "%s, %s, %s"."""
    return ", ".join(["%s"] * count)


def fetch(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def fetch_rows(sql: str, params: list) -> list[tuple]:
    """Rows as tuples, for loaders that read many and show a few."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def analyze(models: list) -> None:
    """Fresh statistics for PostgreSQL's planner after a bulk import: tables
    that were empty a moment ago would be planned as empty until autovacuum
    came by (a list page took 35 s before it did). SQLite plans from its
    indexes alone."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
