"""publiccode.yml keeps to the rules of the publiccode.yml standard 0.4 that can be checked offline."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from piao_rules import __version__

ROOT = Path(__file__).resolve().parents[1]
TOP_LEVEL = {"publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn", "softwareVersion",
             "releaseDate", "logo", "platforms", "categories", "usedBy", "roadmap", "developmentStatus",
             "softwareType", "intendedAudience", "description", "legal", "maintenance", "localisation", "dependsOn",
             "it"}
REQUIRED = {"publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus", "softwareType",
            "description", "legal", "maintenance", "localisation"}
DEVELOPMENT = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
                  "standalone/other", "addon", "library", "configurationFiles"}
MAINTENANCE = {"internal", "contract", "community", "none"}
SCOPES = {"agriculture", "culture", "defence", "education", "emergency-services", "employment", "energy",
          "environment", "finance-and-economic-development", "foreign-affairs", "healthcare", "infrastructures",
          "justice", "local-authorities", "manufacturing", "research", "science-and-technology", "security",
          "society", "sport", "tourism", "transportation", "welfare"}
# The categories this file may use, from the standard's controlled vocabulary.
CATEGORIES = {"business-intelligence", "business-process-management", "data-analytics", "data-collection",
              "data-visualization", "document-management", "financial-reporting", "office",
              "project-management", "workflow-management"}
DESCRIPTION_KEYS = {"localisedName", "shortDescription", "longDescription", "documentation", "apiDocumentation",
                    "features", "screenshots", "videos", "awards"}
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@pytest.fixture(scope="module")
def publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def _date(text) -> date:
    assert isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text), text  # a string, as YYYY-MM-DD
    return date.fromisoformat(text)


def test_top_level_keys_and_types(publiccode):
    assert REQUIRED <= set(publiccode) <= TOP_LEVEL
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert isinstance(publiccode["name"], str) and publiccode["name"]
    assert re.fullmatch(r"https://[\w.-]+/\S+", publiccode["url"])
    assert publiccode["softwareVersion"] == __version__
    _date(publiccode["releaseDate"])
    assert isinstance(publiccode["platforms"], list) and set(publiccode["platforms"]) <= {"web", "windows", "mac",
                                                                                            "linux", "ios", "android"}
    assert publiccode["categories"] and set(publiccode["categories"]) <= CATEGORIES
    assert publiccode["developmentStatus"] in DEVELOPMENT
    assert publiccode["softwareType"] in SOFTWARE_TYPES
    audience = publiccode.get("intendedAudience", {})
    assert set(audience.get("scope", [])) <= SCOPES
    assert all(re.fullmatch(r"[a-z]{2}", country) for country in audience.get("countries", []))


def test_descriptions_keep_to_the_lengths(publiccode):
    descriptions = publiccode["description"]
    assert descriptions
    for language, text in descriptions.items():
        assert LANGUAGE.fullmatch(language)
        assert set(text) <= DESCRIPTION_KEYS  # genericName is deprecated in 0.4
        assert 0 < len(text["shortDescription"]) <= 150
        assert "\n" not in text["shortDescription"].strip()  # one line, one sentence
        assert 150 <= len(text["longDescription"]) <= 10000
        assert text["features"] and all(isinstance(f, str) and 0 < len(f) <= 100 for f in text["features"])


def test_legal_maintenance_localisation_and_dependencies(publiccode):
    assert isinstance(publiccode["legal"]["license"], str) and publiccode["legal"]["license"]
    maintenance = publiccode["maintenance"]
    assert maintenance["type"] in MAINTENANCE
    if maintenance["type"] in ("internal", "community"):
        assert maintenance["contacts"] and all(c.get("name") for c in maintenance["contacts"])
    if maintenance["type"] == "contract":
        assert all(c.get("name") and _date(c.get("until")) for c in maintenance["contractors"])
    localisation = publiccode["localisation"]
    assert isinstance(localisation["localisationReady"], bool)
    assert localisation["availableLanguages"] and all(LANGUAGE.fullmatch(x) for x in localisation["availableLanguages"])
    for kind, dependencies in publiccode.get("dependsOn", {}).items():
        assert kind in {"open", "proprietary", "hardware"}
        for dependency in dependencies:
            assert dependency["name"]
            assert all(isinstance(dependency[k], str) for k in ("version", "versionMin", "versionMax") if k in dependency)
            assert isinstance(dependency.get("optional", False), bool)


def test_agrees_with_the_package(publiccode):
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert publiccode["legal"]["license"] == project["license"]
    assert publiccode["softwareVersion"] == project["version"]
    assert publiccode["url"] == project["urls"]["Source"]  # the placeholder policy: one address, changed together
    assert publiccode["dependsOn"]["open"][0] == {"name": "Python", "versionMin": project["requires-python"][2:],
                                                   "optional": False}
