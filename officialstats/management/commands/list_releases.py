"""manage.py list_releases: every release imported, newest first, with its status."""

from django.core.management.base import BaseCommand

from officialstats.models import Release


class Command(BaseCommand):
    help = "List the statistical releases imported, with their status and counts."

    def handle(self, *args, **options) -> None:
        releases = Release.objects.all()
        if not releases:
            self.stdout.write("No release has been imported.")
        for release in releases:
            live = f", live since {release.made_live_at:%Y-%m-%d %H:%M}" if release.is_live else ""
            self.stdout.write(
                f"{release.code}  {release.name:<10} {release.get_status_display()}{live}; "
                f"{release.occupation_count:,} occupations, {release.area_count:,} areas, "
                f"{release.industry_count:,} industries, {release.estimate_count:,} estimates"
            )
