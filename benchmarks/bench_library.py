"""Per-call cost of ``hrtoets.screen`` in a notebook, against the screening work itself.

Floor: ``Screener.screen`` on a screener built once (the resolver, the index look-up and the rule,
nothing else), measured in the same run. ``hrtoets.screen`` adds the check that neither the home,
its config.toml nor the active index changed. Goal: at most 0.1 ms a call after the first.

    python benchmarks/bench_library.py [--calls 20000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

QUERIES = ("Marokko", "België", "Hongarije", "Zuid-Korea", "Taiwan", "BEL")


def per_call(function: object, calls: int) -> float:
    assert callable(function)
    start = time.perf_counter()
    for i in range(calls):
        function(QUERIES[i % len(QUERIES)])
    return (time.perf_counter() - start) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20_000)
    calls = parser.parse_args().calls
    with tempfile.TemporaryDirectory() as home:
        os.environ["HRTOETS_HOME"] = home
        import hrtoets
        from hrtoets.config import load_settings

        start = time.perf_counter()
        hrtoets.screen("Marokko")
        first = time.perf_counter() - start
        screener = hrtoets.Screener.from_settings(load_settings())
        floor = per_call(screener.screen, calls)
        library = per_call(hrtoets.screen, calls)
    print(f"first call (loads the index)   {first * 1000:8.2f} ms")
    print(f"Screener.screen (floor)        {floor * 1000:8.4f} ms a call over {calls}")
    print(f"hrtoets.screen                 {library * 1000:8.4f} ms a call over {calls}")
    print(f"ratio to floor: {library / floor:.2f}; per call {library * 1000:.4f} ms (goal <= 0.1)")


if __name__ == "__main__":
    main()
