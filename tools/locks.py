"""The dependency locks (requirements/*.txt) checked against pyproject.toml and the venv.

    .venv/bin/python tools/locks.py sync requirements/tools.txt requirements/dev.txt

`sync` runs after `pip install --require-hashes -r ...` (the Makefile does both): it removes
every installed package that no lock names, then fails unless the venv holds exactly the
locked versions, so a venv made from an older lock ends up as a fresh clone's would.
tests/test_dependencies.py uses the same functions to fail when the locks and the ranges
in pyproject.toml disagree.

A lock is what `uv pip compile --generate-hashes --universal` writes: one `name==version`
per package, optionally `; marker` (a universal lock names packages needed on other
platforms or Pythons too), one or more `--hash=`, `\\` continuations and `#` comments.
Anything else (a range, a package without a hash, an option line) is refused, so a hand
edit cannot slip an unpinned package past `pip install --require-hashes`.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import NormalizedName, canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"

Environment = Mapping[str, str]


class LockError(ValueError):
    """A lock file that is not a plain list of exact, hashed pins."""


@dataclass(frozen=True)
class Pin:
    name: NormalizedName
    version: str
    marker: Marker | None
    hashes: frozenset[str]

    def applies(self, env: Environment) -> bool:
        return self.marker is None or self.marker.evaluate(dict(env))

    def __str__(self) -> str:
        return f"{self.name}=={self.version}" + (f" ; {self.marker}" if self.marker else "")


# Package name -> its pins: usually one; a universal lock may pin a package twice under
# markers that never both hold (say one version per Python).
Lock = dict[NormalizedName, list[Pin]]


def current_environment() -> dict[str, str]:
    # `extra` is evaluated as "no extra requested" unless a caller sets it.
    return {**default_environment(), "extra": ""}


def parse_lock(text: str, source: str = "lock") -> Lock:
    lock: Lock = {}
    for number, line in _logical_lines(text):
        where = f"{source}, line {number}"
        requirement_text, *hash_options = line.split(" --hash=")
        if requirement_text.lstrip().startswith("-"):
            raise LockError(f"{where}: unexpected option {line.split()[0]!r}; a lock only pins")
        try:
            requirement = Requirement(requirement_text)
        except InvalidRequirement as error:
            raise LockError(f"{where}: {error}") from error
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==" or "*" in specifiers[0].version:
            raise LockError(f"{where}: {requirement} is not pinned to one exact version")
        if not hash_options:
            raise LockError(f"{where}: {requirement} has no --hash")
        name = canonicalize_name(requirement.name)
        lock.setdefault(name, []).append(
            Pin(
                name=name,
                version=specifiers[0].version,
                marker=requirement.marker,
                hashes=frozenset(option.strip() for option in hash_options),
            )
        )
    return lock


def _logical_lines(text: str) -> Iterable[tuple[int, str]]:
    """Lines with comments removed and `\\` continuations joined, numbered where they start."""
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        line = line.rstrip()
        if not pending:
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1].strip())
            continue
        pending.append(line.strip())
        joined = " ".join(part for part in pending if part)
        pending = []
        if joined:
            yield start, joined
    if pending and any(pending):
        raise LockError(f"line {start}: the file ends inside a `\\` continuation")


def read_lock(path: Path) -> Lock:
    return parse_lock(path.read_text(), source=path.name)


def applicable(lock: Lock, env: Environment) -> dict[NormalizedName, Pin]:
    """The pins that hold in `env`: what pip installs from this lock there."""
    chosen: dict[NormalizedName, Pin] = {}
    for name, pins in lock.items():
        holding = [pin for pin in pins if pin.applies(env)]
        if len(holding) > 1:
            raise LockError(f"{name} is pinned more than once here: {', '.join(map(str, holding))}")
        if holding:
            chosen[name] = holding[0]
    return chosen


@dataclass(frozen=True)
class Declared:
    """What pyproject.toml asks for: ranges, not versions."""

    dependencies: list[Requirement]
    extras: dict[str, list[Requirement]]
    groups: dict[str, list[Requirement]]

    @classmethod
    def from_pyproject(cls, text: str) -> Declared:
        data = tomllib.loads(text)
        project = data["project"]
        return cls(
            dependencies=[Requirement(item) for item in project.get("dependencies", [])],
            extras={
                extra: [Requirement(item) for item in items]
                for extra, items in project.get("optional-dependencies", {}).items()
            },
            groups={
                # {include-group = ...} tables are not used here; Requirement() refuses them.
                group: [Requirement(item) for item in items]
                for group, items in data.get("dependency-groups", {}).items()
            },
        )

    @classmethod
    def read(cls, path: Path = ROOT / "pyproject.toml") -> Declared:
        return cls.from_pyproject(path.read_text())


RequiresOf = Callable[[NormalizedName, str], list[str] | None]


def installed_requires(name: NormalizedName, version: str) -> list[str] | None:
    """The Requires-Dist of `name` if that version is installed here, else None (unknown)."""
    try:
        distribution = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return None
    if canonicalize_name(distribution.metadata["Name"]) != name:
        return None
    if distribution.version != version:
        return None
    return distribution.requires or []


def check_lock(
    requirements: Iterable[Requirement],
    lock: Lock,
    env: Environment,
    requires_of: RequiresOf = installed_requires,
) -> list[str]:
    """Why `lock` does not satisfy `requirements` in `env`: empty when it does.

    Each requirement whose marker holds in `env` must be pinned, by a pin that holds there,
    to a version inside its range; for `package[extra]`, what that extra pulls in (read from
    the package's metadata via `requires_of`, when known) must be pinned too.
    """
    pins = applicable(lock, env)
    problems: list[str] = []
    for requirement in requirements:
        if requirement.marker is not None and not requirement.marker.evaluate(dict(env)):
            continue
        name = canonicalize_name(requirement.name)
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{requirement} is not in the lock")
            continue
        if not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{requirement} does not allow the locked {pin.name}=={pin.version}")
        for extra in sorted(requirement.extras):
            problems += _check_extra(pin, extra, pins, env, requires_of)
    return problems


def _check_extra(
    pin: Pin,
    extra: str,
    pins: Mapping[NormalizedName, Pin],
    env: Environment,
    requires_of: RequiresOf,
) -> list[str]:
    requires = requires_of(pin.name, pin.version)
    if requires is None:
        return []
    with_extra = {**env, "extra": extra}
    without = {**env, "extra": ""}
    problems = []
    for item in map(Requirement, requires):
        marker = item.marker
        if marker is None or not marker.evaluate(with_extra) or marker.evaluate(without):
            continue  # not brought in by this extra (or always, checked with the package)
        locked = pins.get(canonicalize_name(item.name))
        if locked is None:
            problems.append(f"{pin.name}[{extra}] needs {item.name}, which is not in the lock")
        elif not item.specifier.contains(locked.version, prereleases=True):
            problems.append(
                f"{pin.name}[{extra}] needs {item.name}{item.specifier},"
                f" but the lock pins {locked.version}"
            )
    return problems


def check_subset(part: Lock, whole: Lock, part_name: str, whole_name: str) -> list[str]:
    """Every pin of `part` appears in `whole` with the same version, marker and hashes."""
    problems = []
    for name, pins in part.items():
        for pin in pins:
            same = [other for other in whole.get(name, []) if other.marker == pin.marker]
            if not same:
                problems.append(f"{pin} is in {part_name} but not in {whole_name}")
            elif same[0].version != pin.version:
                problems.append(f"{part_name} pins {pin}, {whole_name} pins {same[0].version}")
            elif same[0].hashes != pin.hashes:
                problems.append(f"{pin} has other hashes in {part_name} than in {whole_name}")
    return problems


@dataclass(frozen=True)
class Differences:
    missing: list[str]
    wrong_version: list[str]
    extraneous: list[NormalizedName]

    def problems(self) -> list[str]:
        return [f"not installed: {item}" for item in self.missing] + [
            f"installed {item}" for item in self.wrong_version
        ]


def compare_installed(
    locks: Iterable[Lock], installed: Mapping[str, str], env: Environment
) -> Differences:
    """How the installed distributions (name -> version) differ from the union of locks."""
    wanted: dict[NormalizedName, Pin] = {}
    for lock in locks:
        for name, pin in applicable(lock, env).items():
            if name in wanted and wanted[name].version != pin.version:
                raise LockError(f"the locks disagree on {name}: {wanted[name]} and {pin}")
            wanted[name] = pin
    have = {canonicalize_name(name): version for name, version in installed.items()}
    missing = [str(pin) for name, pin in sorted(wanted.items()) if name not in have]
    wrong = [
        f"{name}=={have[name]}, the lock says {pin.version}"
        for name, pin in sorted(wanted.items())
        if name in have and have[name] != pin.version
    ]
    extraneous = sorted(name for name in have if name not in wanted)
    return Differences(missing, wrong, extraneous)


def installed_distributions() -> dict[str, str]:
    return {
        distribution.metadata["Name"]: distribution.version
        for distribution in metadata.distributions()
    }


def sync(lock_paths: list[Path]) -> int:
    """Remove what no lock names from this interpreter's environment, then check the rest."""
    locks = [read_lock(path) for path in lock_paths]
    env = current_environment()
    differences = compare_installed(locks, installed_distributions(), env)
    if differences.extraneous:
        print(f"Removing packages no lock names: {', '.join(differences.extraneous)}")
        subprocess.run(
            [sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", *differences.extraneous],
            check=True,
        )
        differences = compare_installed(locks, installed_distributions(), env)
    problems = differences.problems() + [
        f"could not remove {name}" for name in differences.extraneous
    ]
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "sync":
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    return sync([Path(item) for item in argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
