"""What the benchmarks send and receive: canned API answers and the seed-001 webhook bodies."""

from __future__ import annotations

ACCESS_KEY = "XXXXX-XXXX-XXXXXX"
"""The key of the vendor examples (seed 000)."""

BASE_URL = "https://api.tenios.com"

CALLBACK_ID = 10
STATUS_ANSWER = b'{"status": "CONNECTED"}'
"""The answer of ``/callback/status``, as in the vendor examples."""

CALLBACK_CONFIG_ID = "XXXXX-XXXX-XXXXXX"
CALLBACK_NUMBER = "+491234567890"
DELAY = 30
"""With the two above: the arguments of the first ``/callback/init`` vendor example."""
INIT_ANSWER = b'{"id": 10}'

ANSWERS = {"/callback/status": STATUS_ANSWER, "/callback/init": INIT_ANSWER}
"""The canned answer of each path the benchmarks call."""

WEBHOOK_PAYLOADS: tuple[bytes, ...] = (
    b"""{
   "requestType": "CALL_START",
   "customerNumber": 200000,
   "accessKey": "XXXXXXXXX",
   "variables": {
      "destination_number": "+4922155400300",
      "correlation_id": "XXXXXXXXX",
      "call_uuid": "XXXXXXXXX",
      "caller_id_number": "+4917012345678"
   }
}""",
    b"""{
   "requestType": "BLOCK_END",
   "customerNumber": 200000,
   "accessKey": "XXXXXXXXX",
   "variables": {
      "destination_number": "+4922155400300",
      "correlation_id": "XXXXXXXXX",
      "call_uuid": "XXXXXXXXX",
      "caller_id_number": "+49170123456"
   },
   "blockType": "ANNOUNCEMENT"
}""",
    b"""{
   "requestType": "CALL_END",
   "customerNumber": 20000,
   "accessKey": "XXXXXXXXX",
   "variables": {
      "destination_number": "+4922155400300",
      "correlation_id": "XXXXXXXXX",
      "call_uuid": "XXXXXXXXX",
      "caller_id_number": "+49170123456"
   }
}""",
    b"""{
   "requestType": "INITIATE_FORWARD",
   "customerNumber": 200000,
   "accessKey": "XXXXXXXXXX",
   "variables": {
      "destination_number": "+4922155400300",
      "correlation_id": "XXXXXXXXX",
      "call_uuid": "XXXXXXXXX",
      "caller_id_number": "+49170123456"
   },
   "destination": "+492212345678",
   "destinationType": "EXTERNALNUMBER"
}""",
    b"""{
   "requestType": "FORWARD_ANSWER",
   "customerNumber": 200000,
   "accessKey": "XXXXXXXXXX",
   "variables": {
      "destination_number": "+4922155400300",
      "correlation_id": "XXXXXXXXX",
      "call_uuid": "XXXXXXXXX",
      "caller_id_number": "+49170123456"
   },
   "destination": "+492212345678",
   "destinationType": "EXTERNALNUMBER"
}""",
)
"""The five example bodies of seed 001 (HTTPS-POST API), verbatim with the vendor's slips."""
