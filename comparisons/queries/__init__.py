"""One loader per page, each returning plain data in a fixed number of queries.

Views and templates only read what these loaders return; no lazy relation is
left for a template to trigger, so the query count does not grow with the
number of roles, skills, factors or benefits.
"""

from .articles import ArticlePage, HomePage, find_comparison, load_article, load_home
from .calculator import (
    CalculatorOptions,
    EstimateInputs,
    load_calculator_options,
    load_estimate_inputs,
)
from .common import RoleProfile, load_role_profiles

__all__ = [
    "ArticlePage",
    "CalculatorOptions",
    "EstimateInputs",
    "HomePage",
    "RoleProfile",
    "find_comparison",
    "load_article",
    "load_calculator_options",
    "load_estimate_inputs",
    "load_home",
    "load_role_profiles",
]
