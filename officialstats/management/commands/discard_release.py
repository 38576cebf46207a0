"""manage.py discard_release CODE: delete a release that never went live."""

from django.core.management.base import BaseCommand, CommandError

from officialstats.models import Program, Release
from officialstats.publishing import PublishError, discard


class Command(BaseCommand):
    help = "Delete a staged release, or one whose import was cut short, with all its rows."

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help='the release code, e.g. "2026A01"')

    def handle(self, *args, code: str, **options) -> None:
        release = Release.objects.filter(program=Program.OEWS, code=code).first()
        if release is None:
            raise CommandError(f"No release {code}.")
        try:
            discard(release)
        except PublishError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{release.name} discarded.")
