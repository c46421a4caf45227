"""Call Control: TENIOS asks your server, call by call, which blocks to run next.

A Call Control block in a routing plan POSTs a ``CallControlRequest`` to your URL; you answer
with a ``CallControlResponse`` of call-flow blocks. After they ran TENIOS asks again, with
``loop_count`` one higher, until you answer with no blocks:

```python
from tenios import call_control

request = call_control.parse_request(body, access_key=ACCESS_KEY, customer_number=200000)
if request.loop_count == 0:
    answer = call_control.CallControlResponse().say("Hello!", voice_name="en-us.female.1")
else:
    answer = call_control.CallControlResponse()  # done: the routing plan goes on
return answer.to_json()
```

This is the server side. The REST call ``client.call_control.interrupt_block`` is on the client.
"""

from __future__ import annotations

from .._exceptions import WebhookError, WebhookPayloadError, WebhookVerificationError
from .._inbound import CallVariables
from ..types.enums import DestinationType
from ._blocks import (
    Announcement,
    Block,
    Bridge,
    CallSettings,
    CollectDigits,
    CollectSpeech,
    Destination,
    Hangup,
    RawBlock,
    Refer,
    RoutingPlan,
    Say,
)
from ._enums import BlockType, BridgeMode, HangupCause, RequestStatus
from ._request import BlocksProcessingResult, CallControlRequest, parse_request
from ._response import AnyBlock, CallControlResponse

__all__ = [
    "Announcement",
    "AnyBlock",
    "Block",
    "BlockType",
    "BlocksProcessingResult",
    "Bridge",
    "BridgeMode",
    "CallControlRequest",
    "CallControlResponse",
    "CallSettings",
    "CallVariables",
    "CollectDigits",
    "CollectSpeech",
    "Destination",
    "DestinationType",
    "Hangup",
    "HangupCause",
    "RawBlock",
    "Refer",
    "RequestStatus",
    "RoutingPlan",
    "Say",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "parse_request",
]
