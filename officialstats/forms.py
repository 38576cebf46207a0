"""The admin's form to start an import."""

from __future__ import annotations

import zipfile

from django import forms

from .importing import bundled, provenance


class ImportForm(forms.Form):
    BUNDLED, UPLOAD = "bundled", "upload"

    source = forms.ChoiceField(
        label="Release",
        choices=[
            (
                BUNDLED,
                f"May 2025, bundled with the site (BLS's files, from {bundled.PACKAGE} "
                f"{bundled.VERSION} on PyPI, checked against BLS's checksums)",
            ),
            (UPLOAD, "Files I upload"),
        ],
        initial=BUNDLED,
        widget=forms.RadioSelect,
    )
    upload = forms.FileField(
        label="Files",
        required=False,
        help_text=(
            "A zip of BLS's OEWS time-series files (oe.data.0.Current, oe.occupation, oe.area, "
            "oe.industry, oe.datatype, oe.footnote, oe.release; each may be gzipped), as "
            "download.bls.gov/pub/time.series/oe/ publishes them."
        ),
    )
    published_on = forms.DateField(
        label="Published by BLS on",
        required=False,
        help_text="For an upload: the date BLS published the release (YYYY-MM-DD).",
    )
    retrieved_on = forms.DateField(
        label="Retrieved on",
        required=False,
        help_text="For an upload: when the files were downloaded from BLS (YYYY-MM-DD).",
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("source") != self.UPLOAD:
            return data
        upload = data.get("upload")
        if upload is None:
            self.add_error("upload", "Choose the zip of the release's files.")
            return data
        if not zipfile.is_zipfile(upload):
            self.add_error("upload", "This is not a zip file.")
            return data
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            described = provenance.FILENAME in archive.namelist()
        upload.seek(0)
        for name in ("published_on", "retrieved_on"):
            if not described and not data.get(name):
                self.add_error(name, "Needed: the zip holds no provenance.json that says it.")
        return data
