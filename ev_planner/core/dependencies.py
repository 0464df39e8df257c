"""Optional Python packages: whether they are there, and how a user installs one.

numpy, scipy, pandas and requests come with QGIS on every platform. highspy does not:
without it the exact selection runs on SciPy's copy of HiGHS (not cancellable, no warm
start) and the fast selection has no LP bound. The install command depends on how QGIS
was installed, so a user gets the one command that works on their machine.
"""

from __future__ import annotations

import importlib.util
import sys

from .errors import Message

OPTIONAL_PACKAGES = {
    "highspy": Message("a faster, cancellable exact selection and the LP bound of the fast one"),
}


def is_installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # a module set to None in sys.modules, or a broken one
        return False


def install_command(package: str, platform: str | None = None) -> str:
    """The shell command that installs ``package`` for the Python that QGIS runs.

    - Windows (OSGeo4W or the standalone installer): the OSGeo4W Shell's python.
    - macOS: the QGIS app's own python3.
    - Debian/Ubuntu: Debian 12 and Ubuntu 24.04 refuse a plain ``pip install --user``
      ("externally-managed-environment"); ``--break-system-packages`` with ``--user``
      only adds the package to the user's own site folder, which QGIS's Python reads.
    """
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return f"python -m pip install {package}  (in the OSGeo4W Shell, started as administrator)"
    if platform == "darwin":
        return f"/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {package}"
    return f"python3 -m pip install --user --break-system-packages {package}"


def missing_optional_packages() -> dict[str, Message]:
    """Optional packages that are not installed -> what they would add."""
    return {name: gain for name, gain in OPTIONAL_PACKAGES.items() if not is_installed(name)}
