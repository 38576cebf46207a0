"""The guidance datasets: each one's files, publisher, licence and reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from ..models import Program, Projection
from . import projections
from .files import DatasetFile


@dataclass(frozen=True)
class Dataset:
    program: str
    label: str  # how pages cite it, with the release's name: "BLS Employment Projections"
    folder: str  # its folder in CAREERGUIDE_DATA_DIR
    files: tuple[DatasetFile, ...]
    publisher: str
    address: str  # the publisher's page about it
    licence: str
    attribution: str  # shown wherever its content is, where the licence asks for it
    read: Callable
    models: tuple[type[models.Model], ...]  # the rows a release owns (deleted with it)

    def cite(self, release_name: str) -> str:
        return f"{self.label} {release_name}"


EP = Dataset(
    program=Program.EP,
    label="BLS Employment Projections",
    folder="ep-2024-34",
    files=(
        DatasetFile("occupation.xlsx", "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx"),
    ),
    publisher="U.S. Bureau of Labor Statistics, Employment Projections program",
    address="https://www.bls.gov/emp/",
    licence="Public domain (a work of the U.S. government)",
    attribution="",
    read=projections.read,
    models=(Projection,),
)

DATASETS: dict[str, Dataset] = {dataset.program: dataset for dataset in (EP,)}
