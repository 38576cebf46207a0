"""The "Editors" group: add, change and view every content model, nothing else.

Editors may not delete content (history keeps every version, and a reverted
change is safer than a lost row) and get no permission on users, groups or
permissions. A content model added later needs a migration extending this
list; tests/test_admin.py fails until it has one.
"""

from django.db import migrations

EDITORS = "Editors"
CONTENT_MODELS = [
    "source",
    "role",
    "experiencelevel",
    "salarystat",
    "salaryband",
    "timetocompetency",
    "skill",
    "benefit",
    "benefitrole",
    "careerstep",
    "rolenote",
    "payfactor",
    "equityshare",
    "comparison",
    "takeaway",
    "premiumclaim",
]
ACTIONS = ("add", "change", "view")


def create_editors_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations have run; make
    # sure those of this app exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in ACTIONS]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="comparisons", codename__in=codenames)
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("comparisons", "0002_content_version_row"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
