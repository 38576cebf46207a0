"""Editors may delete the records that hang off a role or an article.

Every deletion is kept in the history and can be restored from the model's
"deleted" list. Deleting a role, a comparison, a source or an experience
level stays with superusers. ``comparisons.accounts.EDITORS_MAY_DELETE``
names the same models (a test checks that the group matches it).
"""

from django.db import migrations

EDITORS = "Editors"
DELETABLE = [
    "salarystat",
    "salaryband",
    "equityshare",
    "timetocompetency",
    "skill",
    "benefit",
    "benefitrole",
    "careerstep",
    "payfactor",
    "rolenote",
    "takeaway",
    "premiumclaim",
]


def codenames():
    return [f"delete_{model}" for model in DELETABLE]


def allow_deleting(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="comparisons", codename__in=codenames()
            )
        )


def forbid_deleting(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="comparisons", codename__in=codenames()
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0007_role_publishing"),
    ]

    operations = [migrations.RunPython(allow_deleting, forbid_deleting)]
