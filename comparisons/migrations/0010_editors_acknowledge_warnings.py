"""Editors may acknowledge warnings, read the log of acknowledgements and
withdraw one (delete it, so the warning shows again). An acknowledgement is
not edited once written."""

from django.db import migrations

EDITORS = "Editors"
CODENAMES = [
    "add_warningacknowledgement",
    "view_warningacknowledgement",
    "delete_warningacknowledgement",
]


def allow_acknowledging(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are made after all migrations; this model's are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comparisons", codename__in=CODENAMES
            )
        )


def forbid_acknowledging(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="comparisons", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0009_warningacknowledgement"),
    ]

    operations = [migrations.RunPython(allow_acknowledging, forbid_acknowledging)]
