"""Seeded mutations of valid files, for every reader and parser: each read succeeds or raises `VfxError`.

A few dozen cases per format keep this to seconds; ``bench/fuzz.py`` runs the
same mutators for thousands of cases per format, each in a child process.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.fuzz.cases import FORMATS, mutate, run_case

CASES = 30
"""Mutated cases per format per run (the whole folder must stay under about a minute on two cores)."""


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[bytes]]:
    return {name: fmt.seeds() for name, fmt in FORMATS.items()}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", list(FORMATS))
def test_mutated_files_fail_cleanly(name: str, seeds: dict[str, list[bytes]], tmp_path: Path) -> None:
    fmt = FORMATS[name]
    for data in seeds[name]:
        assert run_case(fmt, data, str(tmp_path)) == ("valid", ""), f"{name} seed does not read"
    rng = random.Random(f"tests:{name}")
    escaped = []
    verdicts = set()
    for _ in range(CASES):
        case_seed = rng.randrange(2**32)
        data = mutate(seeds[name][case_seed % len(seeds[name])], random.Random(case_seed), fmt.text)
        verdict, detail = run_case(fmt, data, str(tmp_path))
        verdicts.add(verdict)
        if verdict == "escaped":
            escaped.append(f"{name}:{case_seed}: {detail}")
        elif verdict == "clean":
            assert "case" in detail, f"the message does not name the file: {detail}"
    assert not escaped, "\n".join(escaped) + "\n(replay with: python bench/fuzz.py --replay FORMAT:SEED)"
    assert "clean" in verdicts, "no mutation was refused: the mutator is not reaching the reader"


def test_seed_files_are_the_same_in_every_run(seeds: dict[str, list[bytes]]) -> None:
    """A case is replayed from its seed (``bench/fuzz.py --replay FORMAT:SEED``): the seed files must not
    change between runs (the CLF writer's random UUID and the DPX creation time are fixed)."""
    time.sleep(1.1)  # past a whole second, for time stamps
    changed = [name for name, fmt in FORMATS.items() if fmt.seeds() != seeds[name]]
    assert not changed
