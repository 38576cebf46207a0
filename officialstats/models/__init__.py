from .classification import Area, Industry, Occupation
from .estimates import NOTE_FIELDS, VALUE_FIELDS, Estimate
from .onet import (
    OnetEducation,
    OnetJobZone,
    OnetOccupation,
    OnetRating,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
)
from .places import PlaceAlias
from .prices import PriceParity
from .programs import StudyProgram
from .projections import Projection
from .releases import Program, Release, ReleaseFile
from .runs import ImportRun
from .standings import Standing

__all__ = [
    "NOTE_FIELDS",
    "VALUE_FIELDS",
    "Area",
    "Estimate",
    "ImportRun",
    "Industry",
    "Occupation",
    "OnetEducation",
    "OnetJobZone",
    "OnetOccupation",
    "OnetRating",
    "OnetRelated",
    "OnetTask",
    "OnetTechnology",
    "OnetTitle",
    "PlaceAlias",
    "PriceParity",
    "Program",
    "Projection",
    "Release",
    "ReleaseFile",
    "Standing",
    "StudyProgram",
]
