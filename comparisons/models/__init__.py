from .articles import Comparison, PremiumClaim, Takeaway
from .factors import EquityShare, PayFactor
from .profile import Benefit, CareerStep, RoleNote, Skill, TimeToCompetency
from .roles import Currency, ExperienceLevel, Role, SalaryBand, SalaryStat
from .site import ContentVersion
from .sources import Source

__all__ = [
    "Benefit",
    "CareerStep",
    "Comparison",
    "ContentVersion",
    "Currency",
    "EquityShare",
    "ExperienceLevel",
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
]
