"""Click-to-call: ring a customer, then connect them to your hotline (a TENIOS number).

    TENIOS_ACCESS_KEY=... python examples/click_to_call.py +491234567890 +4922112345670

The first number is called first; once it answers, TENIOS bridges it to the second (one of your
service numbers) and runs that number's routing. Prints each status until the call has ended.
"""

from __future__ import annotations

import sys
import time

import tenios


def click_to_call(
    client: tenios.TeniosClient, customer: str, hotline: str, *, poll_interval: float = 2.0
) -> str:
    """Place the call, print every new status, and return the final one."""
    call = client.makecall.init(destination_number=customer, tenios_number=hotline)
    print(f"makecall {call.id}: calling {customer}, then {hotline}")
    seen = None
    while True:
        answer = client.makecall.status(call.id)
        if answer.status != seen:
            seen = answer.status
            print(f"status: {seen}")
        if answer.is_terminal:
            return str(seen)
        time.sleep(poll_interval)


def main(argv: list[str]) -> int:
    """Run with a customer's and a hotline's number; exit 0 once the call ended normally."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tenios.TeniosClient() as client:
        try:
            final = click_to_call(client, argv[0], argv[1])
        except tenios.TeniosError as exc:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0 if final == "DISCONNECTED" else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
