"""``python -m benchmarks``: run the benchmarks and write ``benchmarks/RESULTS.md``."""

import sys

from benchmarks.harness import main

if __name__ == "__main__":
    sys.exit(main())
