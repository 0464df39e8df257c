#!/usr/bin/env python3
"""Fail when the venv shadows a package that QGIS's platform provides.

numpy, scipy, pandas and pyproj must be the platform's (Debian's python3-* packages):
QGIS's own bindings and GDAL are built against them, and a pip pyproj wheel makes
qgis_process crash at exit. A pip copy in the venv (an old pin, or a dependency that
pulled one in) is removed by ``make install`` before this check runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

PLATFORM_PACKAGES = ("numpy", "scipy", "pandas", "pyproj")


def shadowed_packages() -> list[str]:
    """The platform packages that this Python imports from its own venv."""
    venv = Path(sys.prefix).resolve()
    found = []
    for name in PLATFORM_PACKAGES:
        location = importlib.util.find_spec(name)
        origin = Path(location.origin).resolve() if location and location.origin else None
        if origin is not None and venv in origin.parents:
            found.append(name)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove-shadows", action="store_true", help="pip uninstall the venv's copies first")
    arguments = parser.parse_args()
    shadowed = shadowed_packages()
    if shadowed and arguments.remove_shadows:
        print("Removing the venv's own copies of " + ", ".join(shadowed) + " (the platform's are used)")
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "--quiet", "--yes", *shadowed], check=True)
        shadowed = shadowed_packages()
    if shadowed:
        print("The venv shadows the platform's packages: " + ", ".join(shadowed), file=sys.stderr)
        return 1
    for name in PLATFORM_PACKAGES:
        module = importlib.import_module(name)
        print(f"{name} {module.__version__} from the platform ({Path(module.__file__).parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
