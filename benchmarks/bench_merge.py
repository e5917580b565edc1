"""Wall time of a mail merge of 1,000 Word agreements against a bare python-docx loop.

The floor writes the very same documents (the same paragraphs, in the same order) with nothing but
python-docx: ``Document()``, ``add_paragraph``, ``save``, once per agreement. hrtoets adds reading
the list, screening each country, rendering the template in the sandbox, A4 and the document
language, and the all-or-nothing scratch folder. Both run in this process, alternating, so drift
hits both alike; the medians and their ratio are printed. Goal: at most 1.2x the floor.

    python benchmarks/bench_merge.py [--rounds 3] [--rows 1000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

COUNTRIES = ("Marokko", "België", "Duitsland", "Frankrijk", "Japan", "Brazilië", "Kenia")


def write_list(path: Path, rows: int) -> None:
    lines = ["partner;land;doel"]
    lines += [f"Partner {n};{COUNTRIES[n % len(COUNTRIES)]};samenwerking {n}" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def merge_once(source: Path, folder: Path) -> None:
    from hrtoets.agreements import AgreementMaker, merge
    from hrtoets.config import load_settings
    from hrtoets.tables import read_table

    maker = AgreementMaker(load_settings())
    table = read_table(source)
    merge(maker, table, name="partnership", lang="nl", folder=folder, fmt="docx")


def documents(source: Path) -> list[list[str]]:
    """The paragraphs of each agreement the merge writes (prepared once, outside the timing)."""
    from hrtoets.agreements import AgreementMaker
    from hrtoets.agreements.model import Article, Paragraph, Parties
    from hrtoets.config import load_settings
    from hrtoets.tables import read_table

    maker = AgreementMaker(load_settings())
    table = read_table(source)
    found = []
    for partner, country, purpose in table.rows:
        variables = {"partner": partner, "land": country, "purpose": purpose}
        document = maker.prepare("partnership", "nl", variables).document
        texts = [document.title]
        for block in document.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, Parties):
                texts += list(block.parties)
            elif isinstance(block, Article):
                texts += [block.heading, *block.paragraphs]
        found.append(texts)
    return found


def floor_once(texts: list[list[str]], folder: Path) -> None:
    import docx

    for number, paragraphs in enumerate(texts):
        word = docx.Document()
        for text in paragraphs:
            word.add_paragraph(text)
        word.save(str(folder / f"{number}.docx"))


def timed(run: Callable[[Path], None], root: Path, label: str) -> float:
    folder = Path(tempfile.mkdtemp(prefix=label, dir=root))
    start = time.perf_counter()
    run(folder)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        os.environ["HRTOETS_HOME"] = str(root / "home")
        source = root / "rows.csv"
        write_list(source, args.rows)
        texts = documents(source)
        hrtoets_times, floor_times = [], []
        for _ in range(args.rounds):
            floor_times.append(timed(lambda f: floor_once(texts, f), root, "floor"))
            hrtoets_times.append(timed(lambda f: merge_once(source, f), root, "merge"))
    floor, merged = statistics.median(floor_times), statistics.median(hrtoets_times)
    print(
        f"python-docx loop  median {floor:7.2f} s over {args.rounds} runs ({args.rows} documents)"
    )
    print(
        f"hrtoets merge     median {merged:7.2f} s over {args.rounds} runs ({args.rows} documents)"
    )
    print(f"ratio to the python-docx floor: {merged / floor:.2f}  (goal <= 1.2)")


if __name__ == "__main__":
    main()
