from .articles import Comparison, PremiumClaim, Takeaway
from .factors import EquityShare, PayFactor
from .occupations import OccupationComparison
from .profile import Benefit, BenefitRole, CareerStep, RoleNote, Skill, TimeToCompetency
from .roles import Currency, ExperienceLevel, Role, SalaryBand, SalaryStat
from .sources import Source
from .warnings import WarningAcknowledgement

__all__ = [
    "Benefit",
    "BenefitRole",
    "CareerStep",
    "Comparison",
    "Currency",
    "EquityShare",
    "ExperienceLevel",
    "OccupationComparison",
    "PayFactor",
    "PremiumClaim",
    "Role",
    "RoleNote",
    "SalaryBand",
    "SalaryStat",
    "Skill",
    "Source",
    "Takeaway",
    "TimeToCompetency",
    "WarningAcknowledgement",
]
