"""The one announcement a release makes: when it becomes live.

Sent once per publish, inside the publishing transaction, with
``release`` (now live) and ``previous`` (now retired, or None). Never
sent per row: imports write rows in bulk and send nothing.
"""

from django.dispatch import Signal

release_published = Signal()
