"""``Emulator``: the local TENIOS API, its account data, and every way to reach it."""

from __future__ import annotations

import copy
import sys
import threading
import uuid
from collections.abc import Generator, Iterable, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Optional, TypedDict, Union, cast

import httpx

if sys.version_info >= (3, 11):  # pragma: no cover - one branch per Python
    from typing import Unpack
else:  # pragma: no cover
    from typing_extensions import Unpack

from .._client import DEFAULT_TIMEOUT, AsyncTeniosClient, TeniosClient
from .._types import Timeout
from ._account_controls import AccountControls
from ._app import App, endpoint_path
from ._clock import Clock, ScaledClock
from ._faults import Fault
from ._lifecycle import CALLBACK_FAILURES, CallbackTimings
from ._lookup import found
from ._routing import Switchboard
from ._rules import is_call_uuid, is_e164
from ._server import EmulatorServer
from ._simulated_calls import SimulatedCalls
from ._store import DEMO_ACCESS_KEY, Agent, Call, Callback, Store
from ._transport import AsyncEmulatorTransport, EmulatorTransport

if TYPE_CHECKING:
    from types import TracebackType

    from ._journal import JournalEntry

__all__ = ["ClientOptions", "Emulator"]


class ClientOptions(TypedDict, total=False):
    """What ``Emulator.client`` and ``Emulator.async_client`` take, all optional."""

    access_key: str
    """The key to send; defaults to the emulator's own (give another to test a wrong key)."""
    timeout: Timeout
    """Seconds or an ``httpx.Timeout``; the SDK's default when not given."""
    max_retries: int
    """As for ``TeniosClient``; 2 when not given."""
    default_headers: Mapping[str, str]
    """Extra headers sent with every request."""


class Emulator(AccountControls, SimulatedCalls):
    """An in-memory TENIOS API for tests, demos and notebooks.

    Starts with demo data (``DEMO_CALLBACK_CONFIG_ID``, the agent ``DEMO_AGENT_EMAIL``, the
    not-ready reason ``"COF"``, the active call ``DEMO_CALL_UUID``, the service number
    ``DEMO_TENIOS_NUMBER``, the supervisor key ``DEMO_SUPERVISOR_KEY``, the approved verification
    ``DEMO_VERIFICATION_ID``, three Cloud-PBX users and a day of CDRs from ``DEMO_CDRS_FROM``)
    unless ``demo_data=False``.

    Args:
        access_key: the one key the emulated API accepts.
        clock: the clock callbacks run on, e.g. a ``ManualClock`` the test moves with
            `advance`. Default: real time multiplied by ``time_scale``.
        time_scale: emulated seconds per real second when no ``clock`` is given.
        callback_timings: how long each callback phase lasts (see ``CallbackTimings``).
        demo_data: whether to start with the demo account data.
    """

    def __init__(
        self,
        access_key: str = DEMO_ACCESS_KEY,
        *,
        clock: Optional[Clock] = None,
        time_scale: float = 1.0,
        callback_timings: Optional[CallbackTimings] = None,
        demo_data: bool = True,
    ) -> None:
        if not access_key:
            raise ValueError("the emulator needs a non-empty access_key")
        if clock is not None and time_scale != 1.0:
            raise ValueError("give either a clock or a time_scale, not both")
        self.access_key = access_key
        self.clock: Clock = clock if clock is not None else ScaledClock(time_scale)
        self._lock = threading.RLock()
        self._store = Store(timings=callback_timings or CallbackTimings())
        if demo_data:
            self._store.seed_demo_data()
        self._app = App(access_key, self._store, self.clock, self._lock)
        self._switchboard = Switchboard(self._store, self.clock, self._lock)
        self._connections = 0
        self._http_clients: list[httpx.Client] = []
        self._async_http_clients: list[httpx.AsyncClient] = []

    # -- the emulated account ----------------------------------------------------------------

    def add_callback_config(self, callback_config_id: str) -> None:
        """Accept ``callback_config_id`` in ``/callback/init``."""
        if not callback_config_id.strip():
            raise ValueError("callback_config_id must not be blank")
        with self._lock:
            self._store.callback_config_ids.add(callback_config_id)

    def add_not_ready_reason(self, acronym: str) -> None:
        """Accept ``acronym`` as a not-ready reason (``nrr``)."""
        if not acronym.strip():
            raise ValueError("acronym must not be blank")
        with self._lock:
            self._store.not_ready_reasons.add(acronym)

    def add_agent(
        self,
        email: str,
        *,
        state: str = "READY",
        skills: Union[Mapping[str, bool], Iterable[str]] = (),
        cloud_acd_enabled: bool = True,
        sip_enabled: bool = True,
        external_number_enabled: bool = False,
        external_number: Optional[str] = None,
        current_destination: str = "SIP",
    ) -> None:
        """Add (or replace) an agent.

        ``skills`` are the skills the agent has: names, or a mapping of name to has-skill. Names
        the account lacks are added to the account's skill list (other agents do not have them).
        """
        if "@" not in email:
            raise ValueError(f"email must be an e-mail address, not {email!r}")
        if state not in ("READY", "NOT_READY"):
            raise ValueError(f"state must be READY or NOT_READY, not {state!r}")
        if external_number is not None and not is_e164(external_number):
            raise ValueError(f"external_number must be E.164, not {external_number!r}")
        flags: dict[str, bool] = (
            dict(cast("Mapping[str, bool]", skills))
            if isinstance(skills, Mapping)
            else dict.fromkeys(skills, True)
        )
        with self._lock:
            self._store.add_skills(flags)
            self._store.agents[email] = Agent(
                email,
                state=state,
                cloud_acd_enabled=cloud_acd_enabled,
                sip_enabled=sip_enabled,
                external_number_enabled=external_number_enabled,
                external_number=external_number,
                current_destination=current_destination,
                skills={name for name, has in flags.items() if has},
            )

    def add_call(
        self, call_uuid: Optional[str] = None, *, interruptible: bool = True, connected: bool = True
    ) -> str:
        """Add (or replace) an active call and return its uuid (a new one when not given).

        ``connected=False`` makes ``/transfer-call`` fail with ``CALL_NOT_CONNECTED``;
        ``interruptible=False`` makes ``/interrupt-ecc-block`` fail with ``BLOCK_NOT_INTERRUPTIBLE``.
        """
        call_uuid = call_uuid or str(uuid.uuid4())
        if not is_call_uuid(call_uuid):
            raise ValueError(
                f"call_uuid must be a uuid (8-4-4-4-12 hex digits), not {call_uuid!r}; "
                "the API answers INVALID_FIELD to anything else"
            )
        with self._lock:
            self._store.calls[call_uuid] = Call(
                call_uuid, interruptible=interruptible, connected=connected
            )
        return call_uuid

    def end_call(self, call_uuid: str) -> None:
        """End an active call: it is then unknown to the API (``CALL_UUID_NOT_FOUND``)."""
        self._hang_up(call_uuid)

    def agent(self, email: str) -> Agent:
        """A copy of an agent's current record.

        Raises:
            EmulatorLookupError: the account has no agent with this e-mail.
        """
        with self._lock:
            return copy.deepcopy(found(self._store.agents, email, "agent"))

    def call(self, call_uuid: str) -> Call:
        """A copy of an active call, with what the API did to it.

        Raises:
            EmulatorLookupError: the call has ended (or never existed).
        """
        with self._lock:
            return copy.deepcopy(
                found(self._store.calls, call_uuid, "active call", "it has ended or never began")
            )

    def callback(self, callback_id: int) -> Callback:
        """A copy of a callback as it was requested.

        Raises:
            EmulatorLookupError: no callback has this id.
        """
        with self._lock:
            return copy.deepcopy(found(self._store.callbacks, callback_id, "callback"))

    def callback_status(self, callback_id: int) -> str:
        """A callback's status now, as ``/callback/status`` would answer."""
        with self._lock:
            return self._store.callback_status(self._store.callbacks[callback_id], self.clock.now())

    @property
    def skills(self) -> list[str]:
        """The account's skills, in order."""
        with self._lock:
            return list(self._store.skills)

    # -- time and scripted outcomes ----------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move the emulator's clock forward (callbacks progress accordingly)."""
        self.clock.advance(seconds)

    def script_callback_failure(self, failure: str, *, callback_id: Optional[int] = None) -> None:
        """Make a callback fail: ``"CALL_A_FAILED"`` or ``"CALL_B_FAILED"``.

        Without ``callback_id`` the failure is queued for the next callback requested (several
        calls queue failures for the following callbacks, in order). With ``callback_id`` it
        applies to that existing callback, from its failure point on.
        """
        if failure not in CALLBACK_FAILURES:
            raise ValueError(f"failure must be CALL_A_FAILED or CALL_B_FAILED, not {failure!r}")
        with self._lock:
            if callback_id is None:
                self._store.scripted_failures.append(failure)
            else:
                self._store.callbacks[callback_id].failure = failure

    # -- faults and journal ------------------------------------------------------------------

    def inject_fault(
        self,
        endpoint: str,
        *,
        times: int = 1,
        status: Optional[int] = None,
        body: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        delay: float = 0.0,
        drop: bool = False,
    ) -> None:
        """Make the next ``times`` requests to ``endpoint`` (a name like ``"callback.init"`` or a
        path like ``"/callback/init"``) misbehave.

        With ``status`` and/or ``body`` (a JSON value, or ``str``/``bytes`` sent as is) they get
        that answer instead of the API's, and are not acted on. With only ``headers`` and/or
        ``delay`` they get the API's own answer with those headers, ``delay`` seconds late.
        ``drop=True`` closes the connection without an answer (over HTTP: the socket is closed;
        in-process: ``httpx.RemoteProtocolError``). A delay longer than the client's read timeout
        makes the client time out. Faults for one endpoint apply in the order injected.
        """
        fault = Fault(
            remaining=times,
            status=status,
            body=body,
            headers=dict(headers or {}),
            delay=delay,
            drop=drop,
        )
        with self._lock:
            self._app.faults.add(endpoint_path(endpoint), fault)

    def pending_faults(self, endpoint: str) -> int:
        """How many more requests to ``endpoint`` will meet an injected fault."""
        with self._lock:
            return self._app.faults.pending(endpoint_path(endpoint))

    def clear_faults(self) -> None:
        """Forget every pending fault."""
        with self._lock:
            self._app.faults.clear()

    @property
    def journal(self) -> list[JournalEntry]:
        """Every request received so far, oldest first, with the access key redacted."""
        with self._lock:
            return list(self._app.journal)

    def requests_to(self, endpoint: str) -> list[JournalEntry]:
        """The journal entries of one endpoint (given by name or path)."""
        path = endpoint_path(endpoint)
        return [entry for entry in self.journal if entry.path == path]

    def clear_journal(self) -> None:
        """Empty the journal."""
        with self._lock:
            self._app.journal.clear()

    # -- ways in -----------------------------------------------------------------------------

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that delivers requests to this emulator in-process."""
        return EmulatorTransport(self._app)

    def client(self, **options: Unpack[ClientOptions]) -> TeniosClient:
        """A ``TeniosClient`` talking to this emulator in-process (no sockets).

        ``access_key`` defaults to the emulator's own, ``timeout`` to the SDK's default. Its
        connection pool is closed by ``close`` (closing the client leaves it to the emulator).
        """
        http = httpx.Client(transport=self.transport())
        with self._lock:
            self._http_clients.append(http)
        return TeniosClient(**self._client_arguments(options), http_client=http)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An httpx async transport that delivers requests to this emulator in-process."""
        return AsyncEmulatorTransport(self._app)

    def async_client(self, **options: Unpack[ClientOptions]) -> AsyncTeniosClient:
        """An ``AsyncTeniosClient`` talking to this emulator in-process (no sockets).

        Use it on one event loop; the options are those of ``client``. Its pool is closed by
        ``aclose`` (closing the client leaves it to the emulator).
        """
        http = httpx.AsyncClient(transport=self.async_transport())
        with self._lock:
            self._async_http_clients.append(http)
        return AsyncTeniosClient(**self._client_arguments(options), http_client=http)

    def _client_arguments(self, options: ClientOptions) -> dict[str, Any]:
        return {
            "access_key": options.get("access_key", self.access_key),
            "base_url": "http://localhost",
            "timeout": options.get("timeout", DEFAULT_TIMEOUT),
            "max_retries": options.get("max_retries", 2),
            "default_headers": options.get("default_headers"),
        }

    @contextmanager
    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, log: Optional[Callable[[str], None]] = None
    ) -> Generator[str, None, None]:
        """Serve the emulator over HTTP/1.1 with keep-alive while the ``with`` block runs.

        Yields the base URL (``http://127.0.0.1:<port>``; port 0 picks a free port). ``log``,
        if given, is called with one line per request answered.
        """
        server = EmulatorServer(
            (host, port), self._app, on_connection=self._count_connection, log=log
        )
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.01},  # how soon stop() takes effect
            name=f"tenios-emulator {server.base_url}",
            daemon=True,
        )
        thread.start()
        try:
            yield server.base_url
        finally:
            server.stop()
            thread.join()

    @property
    def connection_count(self) -> int:
        """How many HTTP connections the servers of `serve` have accepted so far."""
        with self._lock:
            return self._connections

    def _count_connection(self) -> None:
        with self._lock:
            self._connections += 1

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pools of the clients made by `client`; makecalls still waiting
        to be bridged no longer run their routing plans."""
        self._switchboard.close()
        with self._lock:
            clients, self._http_clients = self._http_clients, []
        for http in clients:
            http.close()

    async def aclose(self) -> None:
        """Close the connection pools of the clients made by `client` and
        `async_client`."""
        self.close()
        with self._lock:
            clients, self._async_http_clients = self._async_http_clients, []
        for http in clients:
            await http.aclose()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        with self._lock:
            store = self._store
            return (
                f"Emulator(agents={len(store.agents)}, calls={len(store.calls)}, "
                f"callbacks={len(store.callbacks)}, clock={self.clock!r})"
            )
