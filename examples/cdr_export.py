"""Export a month of CDRs to CSV, one row per call leg, and sum their cost exactly.

    TENIOS_ACCESS_KEY=... python examples/cdr_export.py 2026-11 > november.csv

CDRs are fetched a page at a time as they are written, so a busy month never sits in memory.
The total cost goes to stderr, summed as Decimal (no float rounding).
"""

from __future__ import annotations

import csv
import sys
from datetime import datetime, timezone
from decimal import Decimal
from typing import TextIO

import tenios

COLUMNS = (
    "uuid",
    "call_type",
    "main_leg_uuid",
    "bleg_uuid",
    "callerid_number",
    "destination_number",
    "start_stamp",
    "answer_stamp",
    "end_stamp",
    "duration",
    "billusec",
    "hangup_cause",
    "cost",
)


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """The first instant of ``month`` (``YYYY-MM``, UTC) and of the month after."""
    start = datetime.strptime(month, "%Y-%m").replace(tzinfo=timezone.utc)
    after = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    return start, after


def export(client: tenios.TeniosClient, month: str, out: TextIO) -> tuple[int, Decimal]:
    """Write the month's CDRs to ``out`` as CSV; return how many and their summed cost."""
    start, end = month_bounds(month)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count, total = 0, Decimal(0)
    for cdr in client.cdrs.list(start_date_from=start, start_date_to=end):
        row = [getattr(cdr, column) for column in COLUMNS]
        writer.writerow("" if value is None else value for value in row)
        count += 1
        total += cdr.cost or Decimal(0)
    return count, total


def main(argv: list[str]) -> int:
    """Export the month given as ``YYYY-MM`` to stdout."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with tenios.TeniosClient() as client:
        try:
            count, total = export(client, argv[0], sys.stdout)
        except (tenios.TeniosError, ValueError) as exc:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    print(f"{count} CDRs, {total} EUR", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
