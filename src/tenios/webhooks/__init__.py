"""Webhooks: the HTTPS-POSTs TENIOS sends to your server (call start, block end, call end, forwards).

TENIOS does not sign its posts. It puts the ``accessKey`` you configured (and your
``customerNumber``) in every body, and sends from ``TENIOS_SOURCE_IPS``. ``parse_event`` checks
both in constant time before it reads anything else:

```python
from tenios import webhooks

event = webhooks.parse_event(body, access_key=ACCESS_KEY, customer_number=200000)
if isinstance(event, webhooks.CallStartEvent):
    print(event.variables.caller_id_number)
```

Framework-agnostic: pass the raw request body (bytes) from whatever server you run.
"""

from __future__ import annotations

from .._exceptions import WebhookError, WebhookPayloadError, WebhookVerificationError
from .._inbound import CallVariables
from ._events import (
    BaseEvent,
    BlockEndEvent,
    CallEndEvent,
    CallStartEvent,
    ForwardAnswerEvent,
    InitiateForwardEvent,
    UnknownEvent,
    WebhookEvent,
    parse_event,
)
from ._source import TENIOS_SOURCE_IPS, is_tenios_source

__all__ = [
    "TENIOS_SOURCE_IPS",
    "BaseEvent",
    "BlockEndEvent",
    "CallEndEvent",
    "CallStartEvent",
    "CallVariables",
    "ForwardAnswerEvent",
    "InitiateForwardEvent",
    "UnknownEvent",
    "WebhookError",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "is_tenios_source",
    "parse_event",
]
