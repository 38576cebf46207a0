"""Rules for admin accounts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

EDITORS_GROUP = "Editors"
# What editors may delete: the records that hang off a role or an article
# (figures, skills, benefits, steps, factors, notes, takeaways, claims), each
# kept in the history and restorable from its "deleted" list. Deleting a
# role, a comparison, a source or an experience level takes everything that
# hangs off it, and stays with superusers. Data migrations keep the group
# in step (0003_editors_group and later ones).
EDITORS_MAY_DELETE = frozenset(
    {
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
    }
)
RESERVED_USERNAMES = frozenset({"admin", "administrator", "root"})


@deconstructible
class NotReservedUsername:
    """Refuses well-known account names that attackers try first."""

    message = "This account name is too easy to guess; choose another."

    def __call__(self, value: str) -> None:
        if value.strip().lower() in RESERVED_USERNAMES:
            raise ValidationError(self.message, code="reserved_username")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NotReservedUsername)


def protect_usernames() -> None:
    """Add the rule to the user model's username field.

    createsuperuser, the admin's user forms and create_editor all validate
    through the field, so none of them can create an "admin" account.
    """
    from django.contrib.auth import get_user_model

    field = get_user_model()._meta.get_field("username")
    if not any(isinstance(v, NotReservedUsername) for v in field.validators):
        field.validators.append(NotReservedUsername())
