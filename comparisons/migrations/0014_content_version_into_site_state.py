from django.db import migrations


def into_site_state(apps, schema_editor):
    """The content version carries on as the site state's ``content`` part."""
    row = apps.get_model("comparisons", "ContentVersion").objects.filter(pk=1).first()
    if row is not None:
        apps.get_model("core", "StatePart").objects.update_or_create(
            name="content", defaults={"version": row.version, "changed_at": row.changed_at}
        )


def back(apps, schema_editor):
    part = apps.get_model("core", "StatePart").objects.filter(name="content").first()
    if part is not None:
        apps.get_model("comparisons", "ContentVersion").objects.update_or_create(
            pk=1, defaults={"version": max(part.version, 1), "changed_at": part.changed_at}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0013_occupationcomparison"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(into_site_state, back),
        migrations.DeleteModel(name="ContentVersion"),
    ]
