"""Normalize set F for the hand measurement of issue #12 (MEASURE_F.md); the code is
``tests/normalize/run_measure.py``.

    python tests/normalize/real_f/run_measure.py [--commit HASH]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from run_measure import main

if __name__ == "__main__":
    main(Path(__file__).resolve().parent)
