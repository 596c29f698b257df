"""Regenerate src/releaseparse/resources/first_names.txt from Faker's person providers.

Faker (MIT) is a development-only dependency: the list is data committed to the repository, so
parsing never needs Faker. Only Latin-script names are kept: releases are in English.
Run: python scripts/build_first_names.py
"""

import importlib
import pkgutil
import re
from pathlib import Path

from faker.providers import person

LATIN_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿāăąćčďđēėęěğīįıķļľłńņňōőœŕřśşšţťūůűųźżžß'’\-]+$")
OUT = Path(__file__).resolve().parents[1] / "src/releaseparse/resources/first_names.txt"


def first_names() -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            values = getattr(provider, attr, ())
            if not isinstance(values, (list, tuple, dict, set)):
                continue
            names.update(v for v in values if LATIN_NAME.match(v) and len(v) > 1)
    return names


if __name__ == "__main__":
    OUT.write_text("\n".join(sorted(first_names())) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
