"""Delete from Redis the cached pages of every state but the live one (after a deploy)."""

from django.core.management.base import BaseCommand

from core.pages import retire_stale
from core.state import forget


class Command(BaseCommand):
    help = (
        "Delete from Redis the pages cached under any state but the live one (an earlier "
        "release of the code or of the statistics). A publish does this by itself; run it "
        "once after a deploy."
    )

    def handle(self, *args, **options) -> None:
        forget()
        gone = retire_stale()
        self.stdout.write(f"{gone} cached page(s) retired.")
