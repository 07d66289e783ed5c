"""Install as users do: build the sdist and the wheel, install the wheel in a fresh venv, run the commands.

The suite itself runs on an editable install, which finds the rules and the
Word templates at the repository root; these tests prove the built package
finds its own copies, on this Python with durable-rules and on the oldest and
newest supported Pythons (3.10, 3.13) without it, where installed. The wheel is built once per test session (shared by the
xdist workers through a lock) and every venv reuses pip's cache.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from docx import Document
from filelock import FileLock

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SOURCE_PARTS = ["pyproject.toml", "MANIFEST.in", "README.md", "LICENSE", "Makefile", "publiccode.yml",
                "src", "rules", "templates_docx", "docs", "examples"]
RUN_ARGS = ["piano.yaml", "misure-2023-06-30.csv", "--al", "30/06/2023"]


def _run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> Path:
    """The sdist and the wheel built from it (``python -m build``), once for all workers."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's folder, never an older one
    folder = shared / "dist"
    with FileLock(str(shared / "dist.lock")):
        if not list(folder.glob("*.whl")):
            tree = shared / "source"
            shutil.rmtree(tree, ignore_errors=True)
            tree.mkdir()
            for part in SOURCE_PARTS:
                if (ROOT / part).is_dir():
                    shutil.copytree(ROOT / part, tree / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
                else:
                    shutil.copy2(ROOT / part, tree / part)
            _run([sys.executable, "-m", "build", "--outdir", str(folder), str(tree)])
    return folder


def _interpreter(version: str) -> str | None:
    """A working ``python<version>``: on PATH or installed by pyenv (whose shims may refuse to run)."""
    pyenv = sorted(glob.glob(str(Path.home() / ".pyenv" / "versions" / f"{version}.*" / "bin" / f"python{version}")))
    for candidate in [shutil.which(f"python{version}"), *pyenv]:
        if candidate and subprocess.run([candidate, "-c", "import venv"], capture_output=True).returncode == 0:
            return candidate
    return None


def _install(python: str, wheel: Path, where: Path, extras: str) -> Path:
    venv = where / "venv"
    _run([python, "-m", "venv", "--without-pip", str(venv)])  # this pip installs into it: quicker
    _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet", "--no-compile",
          f"{wheel}{extras}"])
    return venv / "bin"


def _example(where: Path) -> Path:
    example = where / "cuneo"
    shutil.copytree(ROOT / "examples" / "cuneo", example)
    return example


def _check_commands(bin_: Path, example: Path, engines: list[str]) -> None:
    located = _run([str(bin_ / "python"), "-c", "import piao_rules; print(piao_rules.__file__)"], example).stdout
    assert Path(located.strip()).is_relative_to(bin_.parent), located  # the installed copy, not the source tree
    for engine in engines:
        result = _run([str(bin_ / "piao-rules"), "valuta", *RUN_ARGS, "--motore", engine, "--json"], example)
        evaluation = json.loads(result.stdout)
        assert len(evaluation["indicators"]) == 71
    assert "stato" in _run([str(bin_ / "piao-rules"), "regole"], example).stdout
    _run([str(bin_ / "piao-rules"), "allegato", *RUN_ARGS, "--ente", "ente.yaml", "--motore", engines[-1],
          "-o", "allegato.docx"], example)
    texts = [p.text for p in Document(str(example / "allegato.docx")).paragraphs]
    assert "Figura 1 – Stato degli indicatori per area" in texts
    web = _run([str(bin_ / "python"), "-c", "from piao_rules.review import web; "
                "print(all((web.HERE / 'templates' / n).is_file() for n in ('revisione.html', 'errore.html', 'stile.css')))"])
    assert web.stdout.strip() == "True"


def test_sdist_carries_the_documents_and_the_licence(dist):
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"LICENSE", "docs/guida.md", "examples/cuneo/piano.yaml", "rules/stato.yaml",
            "templates_docx/allegato.docx"} <= names
    with zipfile.ZipFile(next(dist.glob("*.whl"))) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "piao_rules-0.1.0.dist-info/licenses/LICENSE" in names
    assert "piao_rules/rules/stato.yaml" in names and "piao_rules/templates_docx/allegato.docx" in names
    assert "License-Expression: EUPL-1.2" in metadata


def test_source_checkout_finds_the_folders_at_the_root(dist, tmp_path):
    tree = dist.parent / "source"
    code = ("from piao_rules.resources import default_rules_dir, default_templates_dir; "
            "print(default_rules_dir()); print(default_templates_dir())")
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(tree / "rules"), str(tree / "templates_docx")]


def test_wheel_installed_runs_both_engines(dist, tmp_path):
    bin_ = _install(sys.executable, next(dist.glob("*.whl")), tmp_path, "[durable]")
    engines = ["durable", "interno"] if sys.version_info < (3, 13) else ["interno"]
    _check_commands(bin_, _example(tmp_path), engines)


@pytest.mark.parametrize("version", ["3.10", "3.13"])
def test_wheel_installed_on_other_pythons_without_durable_rules(dist, tmp_path, version):
    python = _interpreter(version)
    if python is None:
        pytest.skip(f"Python {version} non disponibile")
    bin_ = _install(python, next(dist.glob("*.whl")), tmp_path, "")
    _check_commands(bin_, _example(tmp_path), ["interno"])
