"""O*NET: what an occupation's work is, the preparation it takes, its skills,
knowledge and technology, as the O*NET database publishes them (CC BY 4.0).

Keyed by O*NET-SOC code (``15-1252.00``): a ``.00`` code is the SOC
occupation itself, other suffixes O*NET's finer occupations inside it
(``15-1299.08``); ``soc`` is the six-digit code OEWS uses. Ratings O*NET
recommends suppressing, or marks not relevant, are not kept.
"""

from __future__ import annotations

from django.db import models

from .releases import Release


def _release() -> models.ForeignKey:
    return models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+")


def _code() -> models.CharField:
    return models.CharField("O*NET-SOC code", max_length=10, help_text='"15-1252.00"')


class OnetOccupation(models.Model):
    release = _release()
    code = _code()
    soc = models.CharField("SOC code", max_length=7, db_index=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["release", "code"]
        verbose_name = "O*NET occupation"
        constraints = [
            models.UniqueConstraint(fields=["release", "code"], name="onet_occupation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class OnetJobZone(models.Model):
    """The Job Zone Reference: what each of the five zones means."""

    release = _release()
    zone = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=100)
    experience = models.TextField()
    education = models.TextField()
    training = models.TextField()
    examples = models.TextField()

    class Meta:
        ordering = ["release", "zone"]
        constraints = [
            models.UniqueConstraint(fields=["release", "zone"], name="onet_job_zone_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class OnetTask(models.Model):
    class Kind(models.TextChoices):
        CORE = "core", "Core"
        SUPPLEMENTAL = "supplemental", "Supplemental"
        UNRATED = "", "Not rated"

    release = _release()
    code = _code()
    position = models.PositiveIntegerField(help_text="The task's place in O*NET's file.")
    task_id = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=12, choices=Kind, blank=True)

    class Meta:
        ordering = ["release", "code", "position"]
        indexes = [models.Index(fields=["release", "code"], name="onet_task_code")]

    def __str__(self) -> str:
        return self.text


class OnetTechnology(models.Model):
    release = _release()
    code = _code()
    example = models.CharField(max_length=200)
    commodity = models.CharField("commodity title", max_length=200)
    hot = models.BooleanField("hot technology")
    in_demand = models.BooleanField()

    class Meta:
        ordering = ["release", "code", "example"]
        verbose_name_plural = "O*NET technologies"
        indexes = [models.Index(fields=["release", "code"], name="onet_technology_code")]

    def __str__(self) -> str:
        return self.example


class OnetRating(models.Model):
    """A skill's or a knowledge area's importance (1-5) and level (0-7)."""

    class Domain(models.TextChoices):
        SKILL = "skill", "Skill"
        KNOWLEDGE = "knowledge", "Knowledge"

    release = _release()
    code = _code()
    domain = models.CharField(max_length=9, choices=Domain)
    element_id = models.CharField(max_length=20)
    name = models.CharField(max_length=100)
    importance = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    level = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["release", "code", "domain", "-importance"]
        indexes = [models.Index(fields=["release", "code"], name="onet_rating_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class OnetEducation(models.Model):
    """The share of workers saying the job requires each level of education
    (O*NET's "Required Level of Education", categories 1-12). A share O*NET
    recommends suppressing (too imprecise to use) is kept as such, not
    dropped: the others would not add up, and readers are told why."""

    release = _release()
    code = _code()
    category = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=300, help_text="O*NET's category description.")
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    suppressed = models.BooleanField(
        "O*NET recommends suppressing it", default=False, help_text="Then the share is empty."
    )

    class Meta:
        ordering = ["release", "code", "category"]
        indexes = [models.Index(fields=["release", "code"], name="onet_education_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.category}: {self.percent}%"


class OnetRelated(models.Model):
    """O*NET's related occupations: closest first by tier, then index."""

    class Tier(models.IntegerChoices):
        PRIMARY_SHORT = 1, "Primary-Short"
        PRIMARY_LONG = 2, "Primary-Long"
        SUPPLEMENTAL = 3, "Supplemental"

    release = _release()
    code = _code()
    related = models.CharField("related O*NET-SOC code", max_length=10)
    related_title = models.CharField(max_length=200)
    tier = models.PositiveSmallIntegerField(choices=Tier)
    index = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["release", "code", "tier", "index"]
        indexes = [models.Index(fields=["release", "code"], name="onet_related_code")]

    def __str__(self) -> str:
        return f"{self.code} -> {self.related}"


class OnetTitle(models.Model):
    """A title people use for an occupation: O*NET's alternate titles, their
    short forms ("RN") and the titles workers reported.

    ``search`` is what the text index reads: the title, then each pair of
    adjacent words run together, so "backend developer" finds "Back End
    Developer" (SQLite FTS5 and PostgreSQL full-text index it, migration 0010).
    """

    class Kind(models.TextChoices):
        ALTERNATE = "alternate", "Alternate title"
        SHORT = "short", "Short title"
        REPORTED = "reported", "Reported title"

    release = _release()
    code = _code()
    soc = models.CharField("SOC code", max_length=7)
    title = models.CharField(max_length=250)
    kind = models.CharField(max_length=9, choices=Kind)
    search = models.CharField(max_length=600, help_text="What the text index reads.")
    squashed = models.CharField(
        max_length=250, help_text="The title without case, spaces or punctuation, to rank by."
    )

    class Meta:
        ordering = ["release", "code", "kind", "title"]
        verbose_name = "O*NET title"
        indexes = [models.Index(fields=["release", "soc"], name="onet_title_soc")]

    def __str__(self) -> str:
        return self.title
