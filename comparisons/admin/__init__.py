"""Django admin for editors: every content model, with history, warnings and imports."""

from . import articles, content, occupations, warnings  # noqa: F401  (registers the ModelAdmins)
