"""The career-guidance datasets: what an occupation's work is, how to get in,
and whether the jobs will be there.

Each is a program of its own with releases, like OEWS (``models.Program``),
read from its publisher's own files (``programs.py`` names them): found in
a folder (``CAREERGUIDE_DATA_DIR``, each file checked against the folder's
``SHA256SUMS``) or downloaded from the publisher (the sha256 of what was
fetched recorded in the release's files). A release is written in one
transaction, staged, and published like any other (``officialstats.publishing``).
"""
