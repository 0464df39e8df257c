"""qgis_process as a batch user runs it: plugin enabled, provider listed, help printed, exit 0."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from ev_planner.processing.help import HELP_DIR
from ev_planner.processing.provider import algorithm_classes

pytestmark = pytest.mark.cli

ALGORITHM_IDS = [cls.ALGORITHM_ID for cls in algorithm_classes()[0]]


def _first_help_sentence(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "|", "-", "`", "*", ">")) and len(line) > 30:
            return line[:30]
    raise AssertionError(f"no prose line in {path}")


def test_plugins_enable_and_list(run_qgis_process):
    enabled = run_qgis_process("plugins", check=True)
    assert "* ev_planner" in enabled.stdout

    listing = run_qgis_process("list", check=True)
    assert "EV Planner" in listing.stdout
    for algorithm_id in ALGORITHM_IDS:
        assert f"evplanner:{algorithm_id}" in listing.stdout
    assert ALGORITHM_IDS, "the provider lists algorithms"


def test_help_prints_the_algorithm_help(run_qgis_process):
    algorithm_id = ALGORITHM_IDS[0]
    completed = run_qgis_process("help", f"evplanner:{algorithm_id}", check=True)
    assert _first_help_sentence(HELP_DIR / f"{algorithm_id}.md") in completed.stdout
    assert "Unexpected error" not in completed.stdout + completed.stderr


def test_help_follows_the_dutch_locale(run_qgis_process, tmp_path):
    profile = tmp_path / "nl-profile"
    settings = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[locale]\noverrideFlag=true\nuserLocale=nl_NL\n", encoding="utf-8")
    algorithm_id = ALGORITHM_IDS[0]
    completed = run_qgis_process(
        "help", f"evplanner:{algorithm_id}", env={"QGIS_CUSTOM_CONFIG_PATH": str(profile)}, check=True
    )
    assert _first_help_sentence(HELP_DIR / f"{algorithm_id}_nl.md") in completed.stdout


def test_packaged_zip_installs_into_a_clean_profile(repo_root, tmp_path):
    subprocess.run(
        ["bash", str(repo_root / "scripts" / "package.sh"), "0.0.0", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    archive = tmp_path / "ev_planner.0.0.0.zip"
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        metadata = zipped.read("ev_planner/metadata.txt").decode("utf-8")
    assert "ev_planner/metadata.txt" in names
    assert "ev_planner/resources/i18n/ev_planner_nl.qm" in names
    assert "hasProcessingProvider=yes" in metadata
    assert "version=0.0.0" in metadata
    assert not [name for name in names if "/tests/" in name or name.split("/")[-1].startswith("test_")]
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]

    # A clean QGIS profile with only the unzipped plugin in it, as a user would install it.
    profile = tmp_path / "profile"
    plugins_dir = profile / "profiles" / "default" / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(plugins_dir)
    env = {key: value for key, value in os.environ.items() if key != "QGIS_PLUGINPATH"}
    env.update(
        QGIS_CUSTOM_CONFIG_PATH=str(profile),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(
            str(p) for p in (repo_root / ".venv" / "lib").glob("python3*/site-packages")
        ),
    )
    executable = shutil.which("qgis_process.bin") or "qgis_process"
    enable = subprocess.run(
        [executable, "plugins", "enable", "ev_planner"], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert enable.returncode == 0, enable.stdout + enable.stderr
    listing = subprocess.run(
        [executable, "list"], env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert listing.returncode == 0, listing.stderr
    for algorithm_id in ALGORITHM_IDS:
        assert f"evplanner:{algorithm_id}" in listing.stdout
