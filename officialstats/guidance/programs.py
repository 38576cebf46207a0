"""The guidance datasets: each one's files, publisher, licence and reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from ..models import (
    OnetEducation,
    OnetJobZone,
    OnetOccupation,
    OnetRating,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
    PriceParity,
    Program,
    Projection,
    StudyProgram,
)
from . import onet, projections, rpp, studies
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
    attribution: str  # shown wherever its content is, where the licence asks: "{version}" its name
    read: Callable
    models: tuple[type[models.Model], ...]  # the rows a release owns (deleted with it)

    def cite(self, release_name: str) -> str:
        return f"{self.label} {release_name}"

    def attribution_for(self, release_name: str) -> str:
        return self.attribution.replace("{version}", release_name)


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

ONET_ZIP = "https://www.onetcenter.org/dl_files/database/db_29_3_excel.zip"


def onet_attribution(version: str) -> str:
    """O*NET's required attribution, for the release shown ("29.3")."""
    return (
        f"This page includes information from the O*NET {version} Database by the U.S. "
        "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
        "the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA."
    )


ONET = Dataset(
    program=Program.ONET,
    label="O*NET",
    folder="onet-29.3",
    files=tuple(DatasetFile(name, ONET_ZIP, member=f"db_29_3_excel/{name}") for name in onet.FILES),
    publisher="U.S. Department of Labor, Employment and Training Administration (O*NET Resource "
    "Center)",
    address="https://www.onetcenter.org/database.html",
    licence="CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
    attribution=onet_attribution("{version}"),
    read=onet.read,
    models=(
        OnetOccupation,
        OnetJobZone,
        OnetTask,
        OnetTechnology,
        OnetRating,
        OnetEducation,
        OnetRelated,
        OnetTitle,
    ),
)

CIPSOC = Dataset(
    program=Program.CIPSOC,
    label="NCES",
    folder="cip-soc-2020",
    files=(
        DatasetFile(
            studies.FILE,
            "https://nces.ed.gov/ipeds/cipcode/Files/CIP2020_SOC2018_Crosswalk.xlsx",
        ),
    ),
    publisher="National Center for Education Statistics (NCES) and U.S. Bureau of Labor Statistics",
    address="https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
    licence="Public domain (a work of the U.S. government)",
    attribution="",
    read=studies.read,
    models=(StudyProgram,),
)

RPP = Dataset(
    program=Program.RPP,
    label="BEA Regional Price Parities",
    folder="rpp-2023",
    files=(
        DatasetFile(rpp.STATES, "https://apps.bea.gov/regional/zip/SARPP.zip", member=rpp.STATES),
        DatasetFile(rpp.METROS, "https://apps.bea.gov/regional/zip/MARPP.zip", member=rpp.METROS),
    ),
    publisher="U.S. Bureau of Economic Analysis",
    address="https://www.bea.gov/data/prices-inflation/regional-price-parities-state-and-metro-area",
    licence="Public domain (a work of the U.S. government)",
    attribution="",
    read=rpp.read,
    models=(PriceParity,),
)

DATASETS: dict[str, Dataset] = {dataset.program: dataset for dataset in (EP, ONET, CIPSOC, RPP)}
