from pathlib import Path

import pytest

from releaseparse import load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = ROOT.parent / "shared" / "seed"


@pytest.fixture(scope="session")
def parser():
    return load()


@pytest.fixture(scope="session")
def seed_dir():
    if not SEED.is_dir():
        pytest.skip(f"no seed release: {SEED} is absent (it lives in the workplace's shared/ folder)")
    return SEED
