"""The vocabulary and shapes have one source (kg/ontologies/) and ship inside the package.

DESIGN.md names a top-level ontologies/ folder; it is a symlink to kg/ontologies/, where
the real files live so that a plain (non-editable) ``pip install .`` puts them in the
wheel through the ``package-data`` of pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
import zipfile
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import pytest

from kg.validate import ONTOLOGY_FILE, SHAPES_FILE

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "kg" / "ontologies"
FILES = (ONTOLOGY_FILE, SHAPES_FILE)


def test_the_top_level_folder_is_the_package_folder():
    top = ROOT / "ontologies"
    assert top.is_symlink() and os.readlink(top) == "kg/ontologies"
    for name in FILES:
        assert not (PACKAGE_DIR / name).is_symlink()
        assert (top / name).samefile(PACKAGE_DIR / name)


def test_package_data_covers_every_ontology_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["kg"]
    shipped = sorted(p.name for p in PACKAGE_DIR.iterdir() if p.is_file())
    assert set(FILES) <= set(shipped)
    for name in shipped:
        assert any(fnmatch(f"ontologies/{name}", pattern) for pattern in patterns), name


def test_the_files_are_package_resources():
    for name in FILES:
        resource = resources.files("kg").joinpath("ontologies", name)
        assert resource.read_bytes() == (PACKAGE_DIR / name).read_bytes()


@pytest.mark.slow
def test_a_wheel_ships_the_files_and_validation_works_from_it(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    os.symlink(os.readlink(ROOT / "ontologies"), source / "ontologies")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("claimgraph-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for name in FILES:
            assert archive.read(f"kg/ontologies/{name}") == (PACKAGE_DIR / name).read_bytes()

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    probe = (
        "import kg, kg.validate, rdflib\n"
        "g = rdflib.Graph().parse(data='<http://e/x> a <https://w3id.org/claimgraph/ns#Relation> .', format='turtle')\n"
        "r = kg.validate.validate(g)\n"
        "print(kg.__file__, r.conforms, r.violations)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    ).stdout.split()
    assert out == [str(target / "kg" / "__init__.py"), "False", "1"]
