#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def local_defaults(environ=os.environ, stderr=sys.stderr) -> None:
    """Commands typed in a checkout run with the settings `make run` uses.

    A deployment always sets DJANGO_SECRET_KEY: without it and with debug
    off, the settings refuse to start. So with neither the key nor
    DJANGO_DEBUG set, this is a developer's checkout, and debug is turned
    on, as `make run` does, instead of stopping every command with an
    ImproperlyConfigured error. An explicit DJANGO_DEBUG is always obeyed,
    and the web server (careerguide.wsgi) never passes through here.
    """
    if environ.get("DJANGO_SECRET_KEY") or "DJANGO_DEBUG" in environ:
        return
    environ["DJANGO_DEBUG"] = "1"
    stderr.write(
        "careerguide: DJANGO_SECRET_KEY is not set, so this runs with local development "
        "settings (DJANGO_DEBUG=1).\n"
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerguide.settings")
    local_defaults()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
