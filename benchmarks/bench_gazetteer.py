"""The bring-your-own GeoNames path at scale: how fast `wirecoder gazetteer import` takes a dump, and how
fast names are looked up once a big user index sits beside the embedded one.
Run: python benchmarks/bench_gazetteer.py

No dump can be downloaded here, so the benchmark writes one in GeoNames' 19-column format: made-up
village names (syllables, so that loose keys collide as Arabic transliterations do), spread over five
countries. GeoNames' allCountries.txt has about 12 million lines, some 5 million of them populated
places and admin areas; the rows/s printed here tell how long that import takes on this machine.
Rows are written in batches inside one transaction, so memory stays flat (about 70 MB for the process
when run alone) whatever the dump's size.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import print_rows, row  # noqa: E402

ROWS = 300_000
LOOKUPS = 2_000
SYLLABLE_START, SYLLABLE_END = "bdfghklmnqrstwz", "aeiou"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLE_START) + rng.choice(SYLLABLE_END) for _ in range(rng.randint(2, 4))).capitalize()


def write_dump(path: Path, rows: int, seed: int = 7) -> list[str]:
    """A dump in GeoNames' format; returns some of its names to look up."""
    rng = random.Random(seed)
    names = []
    with open(path, "w", encoding="utf-8") as handle:
        for number in range(rows):
            name = _word(rng) + (f" {_word(rng)}" if rng.random() < 0.3 else "")
            alternates = ",".join(_word(rng) for _ in range(rng.randint(0, 3)))
            country = rng.choice(("SY", "IQ", "NG", "AF", "SO"))
            fields = [str(50_000_000 + number), name, name, alternates, f"{rng.uniform(-5, 40):.5f}", f"{rng.uniform(0, 70):.5f}",
                      "P", "PPL", country, "", f"{rng.randint(1, 14):02d}", "", "", "", str(rng.choice((0, 0, 150, 900))), "", "300", "UTC", "2024-01-01"]
            handle.write("\t".join(fields) + "\n")
            if number % (rows // LOOKUPS or 1) == 0:
                names.append(name)
    return names


def run(shared: Path | None = None) -> list[dict]:
    from wirecoder.gazetteer import Gazetteer, ensure_embedded
    from wirecoder.gazetteer.geonames_dump import import_file
    from wirecoder.settings import Settings

    embedded = ensure_embedded(Settings())
    with tempfile.TemporaryDirectory() as folder:
        dump, index = Path(folder) / "XX.txt", Path(folder) / "gazetteer-user.sqlite"
        names = write_dump(dump, ROWS)
        began = time.perf_counter()
        added = import_file(dump, index, countries={}, admin1_names={})
        seconds = time.perf_counter() - began
        gazetteer = Gazetteer([embedded, index])
        began = time.perf_counter()
        for name in names:  # an exact name, then its look-alikes in the article's country, as the places stage asks
            gazetteer.candidates(name)
            gazetteer.look_alikes(name, ("SY",))
        per_lookup = (time.perf_counter() - began) / len(names)
        size = index.stat().st_size
    return [
        row("gazetteer-import", "rows imported per second", round(added / seconds), None, f"{added:,} synthetic rows in {seconds:.1f} s"),
        row("gazetteer-import", "minutes for 5 million rows (allCountries)", round(5_000_000 / (added / seconds) / 60, 1)),
        row("gazetteer-import", "index MB per million rows", round(size / 1e6 / (added / 1e6), 1)),
        row("gazetteer-import", "lookup ms with the user index (name + look-alikes)", round(per_lookup * 1000, 2), None, f"{len(names)} names"),
    ]


if __name__ == "__main__":
    print_rows(run())
