"""For the occupation pages: an index that covers their rankings, and pg_trgm
for searching titles on PostgreSQL (TrigramExtension does nothing elsewhere)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("officialstats", "0001_initial"),
    ]

    operations = [
        # CREATE EXTENSION IF NOT EXISTS pg_trgm, on PostgreSQL only.
        TrigramExtension(),
        migrations.AddIndex(
            model_name="estimate",
            index=models.Index(
                fields=[
                    "occupation",
                    "industry",
                    "area",
                    "employment",
                    "employment_note",
                    "annual_median",
                    "annual_median_note",
                    "hourly_median",
                    "hourly_median_note",
                    "location_quotient",
                    "location_quotient_note",
                ],
                name="estimate_occupation_ranking",
            ),
        ),
    ]
