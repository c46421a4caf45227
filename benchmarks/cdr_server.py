"""The emulator with many CDRs, served on 127.0.0.1 for the listing benchmark (row f).

Run as a script with the number of CDRs; it prints its port on stdout once the CDRs are in and
serves until stdin closes (or a fixed lifetime passes).
"""

from __future__ import annotations

import sys
import threading
from datetime import datetime, timezone

from tenios.testing import Emulator

START = datetime(2026, 10, 1, tzinfo=timezone.utc)
"""The first CDR's start; calls follow two seconds apart, two legs each: a leg a second."""
LIFETIME_SECONDS = 900.0


def main() -> None:
    """Serve ``argv[1]`` CDRs (an even number) without the demo data."""
    cdrs = int(sys.argv[1])
    with Emulator(demo_data=False) as emulator:
        emulator.add_cdrs(cdrs // 2, start=START, spacing=2.0)
        with emulator.serve() as base_url:
            print(base_url.rsplit(":", 1)[1], flush=True)
            stdin_closed = threading.Thread(target=sys.stdin.read, daemon=True)
            stdin_closed.start()
            stdin_closed.join(LIFETIME_SECONDS)


if __name__ == "__main__":
    main()
