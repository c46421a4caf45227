"""Order a phone number: prove the address with a PDF, then order once TENIOS approved it.

    TENIOS_ACCESS_KEY=... python examples/order_number.py verify proof.pdf 221
    TENIOS_ACCESS_KEY=... python examples/order_number.py order VERIFICATION_ID

`verify` sends the PDF (an allocation notice for an address in Köln here: edit the address) and
prints the verification id. TENIOS checks the document by hand; once it is approved, `order`
orders a geographical number in that area and prints the order id. Ordering costs money, so the
SDK never repeats an order whose request may have reached TENIOS.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tenios


def verify(client: tenios.TeniosClient, document: Path, area_code: str) -> str:
    """Send the proof of address; return the verification id."""
    verification = client.numbers.create_verification(
        country="Germany",
        city="Köln",
        zip="50667",
        street="Domkloster",
        house_number="4a",
        area_code=area_code,
        document_type=tenios.DocumentType.ALLOCATION_NOTICE,
        document=document,
    )
    return verification.verification_id


def order(client: tenios.TeniosClient, verification_id: str) -> str:
    """Order a geographical number with an approved verification; return the order id."""
    return client.numbers.order(verification_id=verification_id).order_id


def main(argv: list[str]) -> int:
    """``verify PDF AREA_CODE`` or ``order VERIFICATION_ID``."""
    with tenios.TeniosClient() as client:
        try:
            if len(argv) == 3 and argv[0] == "verify":
                print(f"verification {verify(client, Path(argv[1]), argv[2])}")
            elif len(argv) == 2 and argv[0] == "order":
                print(f"order {order(client, argv[1])}")
            else:
                print(__doc__, file=sys.stderr)
                return 2
        except tenios.TeniosError as exc:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
