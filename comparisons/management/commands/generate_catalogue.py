"""Fill the database with a synthetic catalogue, for benchmarks only.

    manage.py generate_catalogue --roles 1000 --yes

Every row it makes is marked synthetic (slugs start with "synthetic-", one
source named "Synthetic benchmark data") and is never shipped as content:
`--remove` deletes it again. Refuses to run without --yes.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comparisons.changes import content_changed
from comparisons.models import Comparison, ExperienceLevel, Role, SalaryBand, SalaryStat, Source

PREFIX = "synthetic-"


class Command(BaseCommand):
    help = "Create (or --remove) a synthetic catalogue of roles for benchmarks."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--roles", type=int, default=1000)
        parser.add_argument("--yes", action="store_true", help="Confirm: this adds fake data.")
        parser.add_argument("--remove", action="store_true", help="Delete the synthetic rows.")

    @transaction.atomic
    def handle(self, *args, roles: int, yes: bool, remove: bool, **options) -> None:
        if remove:
            Comparison.objects.filter(slug__startswith=PREFIX).delete()
            Role.objects.filter(slug__startswith=PREFIX).delete()
            Source.objects.filter(slug=f"{PREFIX}source").delete()
            content_changed()
            return
        if not yes:
            raise CommandError("This fills the database with fake roles; add --yes to confirm.")
        source, _ = Source.objects.get_or_create(
            slug=f"{PREFIX}source",
            defaults={
                "publisher": "careerguide benchmarks",
                "title": "Synthetic benchmark data (not real figures)",
                "as_of": datetime.date(2025, 1, 1),
            },
        )
        levels = list(ExperienceLevel.objects.all())
        made = Role.objects.bulk_create(
            Role(
                name=f"Synthetic role {i:04}",
                slug=f"{PREFIX}role-{i:04}",
                summary="A synthetic role for benchmarks.",
                description="Generated for load and growth measurements only.",
                is_published=True,
                published_on=datetime.date(2026, 1, 1),
            )
            for i in range(roles)
        )
        SalaryStat.objects.bulk_create(
            SalaryStat(
                role=role, kind=SalaryStat.Kind.HEADLINE, label="Average annual salary",
                average=Decimal(50_000 + 37 * i), source=source,
            )
            for i, role in enumerate(made)
        )  # fmt: skip
        SalaryBand.objects.bulk_create(
            SalaryBand(
                role=role, level=level, min_salary=Decimal(40_000 + 10_000 * n),
                max_salary=Decimal(60_000 + 10_000 * n), source=source,
            )
            for role in made
            for n, level in enumerate(levels)
        )  # fmt: skip
        Comparison.objects.bulk_create(
            Comparison(
                slug=f"{PREFIX}{made[i].slug}-vs-{made[i + 1].slug}",
                title=f"{made[i].name} vs {made[i + 1].name}",
                role_a=made[i], role_b=made[i + 1], summary="Synthetic.", introduction="Synthetic.",
                is_published=True, published_on=datetime.date(2026, 1, 1),
            )
            for i in range(0, len(made) - 1, 2)
        )  # fmt: skip
        content_changed()
        self.stdout.write(f"Made {len(made)} synthetic roles and {len(made) // 2} comparisons.")
