from django.db import migrations
from django.utils import timezone


def into_site_state(apps, schema_editor):
    """Each program with a live release gets its part of the site state,
    holding what pages need to know of the release."""
    releases = apps.get_model("officialstats", "Release").objects.filter(status="live")
    for release in releases:
        made_live_at = release.made_live_at or timezone.now()
        apps.get_model("core", "StatePart").objects.update_or_create(
            name=f"release:{release.program}",
            defaults={
                "version": 1,
                "changed_at": made_live_at,
                "facts": {
                    "id": release.pk,
                    "code": release.code,
                    "name": release.name,
                    "published_on": release.published_on.isoformat(),
                    "retrieved_on": release.retrieved_on.isoformat(),
                    "made_live_at": made_live_at.isoformat(),
                },
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("officialstats", "0002_occupation_pages"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(into_site_state, migrations.RunPython.noop)]
