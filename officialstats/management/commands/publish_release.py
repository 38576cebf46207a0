"""manage.py publish_release CODE: make a staged or retired release live."""

from django.core.management.base import BaseCommand, CommandError

from officialstats.models import Program, Release
from officialstats.publishing import PublishError, publish


class Command(BaseCommand):
    help = (
        "Make a release live (a staged one, or a retired one again); the live one is retired "
        "in the same transaction."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help='the release code, e.g. "2025A01" (see list_releases)')

    def handle(self, *args, code: str, **options) -> None:
        release = Release.objects.filter(program=Program.OEWS, code=code).first()
        if release is None:
            raise CommandError(f"No release {code}; list_releases shows those imported.")
        try:
            previous = publish(release)
        except PublishError as error:
            raise CommandError(str(error)) from error
        retired = f"; {previous.name} retired" if previous else ""
        self.stdout.write(f"{release.name} is live{retired}.")
