"""``client.acd``: ACD agents' ready state, Cloud-ACD user details, and wrap-up time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import (
    CANCEL_WRAP_UP,
    CHANGE_AGENT_STATE,
    CHANGE_USER_DETAILS,
    EXTEND_WRAP_UP,
    RETRIEVE_AGENT_STATE,
    RETRIEVE_USER_DETAILS,
)
from .._methods import ApiCall, ModeT, api_method
from .._operations import update_user_details
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..types.acd import skill_items
from ._base import Resource

if TYPE_CHECKING:
    from datetime import datetime

    from ..types import (
        AgentState,
        AgentStateResponse,
        SuccessResponse,
        UserDetailsResponse,
        WrapUpResponse,
    )
    from ..types.acd import Skills
    from ..types.enums import AgentStateName


class ACD(Resource[ModeT]):
    """The ACD API."""

    @api_method
    def retrieve_agent_state(
        self, email: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[AgentStateResponse]:
        """An agent's ready state."""
        return self._call(RETRIEVE_AGENT_STATE, timeout, {"email": email})

    @api_method
    def change_agent_state(
        self,
        email: str,
        *,
        state: Union[AgentState, AgentStateName],
        nrr: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Set an agent READY or NOT_READY, optionally with a configured not-ready reason."""
        return self._call(CHANGE_AGENT_STATE, timeout, {"email": email, "state": state, "nrr": nrr})

    @api_method
    def retrieve_user_details(
        self, email: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[UserDetailsResponse]:
        """An agent's Cloud-ACD record: flags, external number, state and skills."""
        return self._call(RETRIEVE_USER_DETAILS, timeout, {"email": email})

    @api_method
    def change_user_details(
        self,
        email: str,
        *,
        cloud_acd_enabled: bool,
        sip_enabled: bool,
        external_number_enabled: bool,
        external_number: Optional[str],
        state: Union[AgentState, AgentStateName],
        user_skills: Skills,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Replace an agent's whole Cloud-ACD record; ``user_skills`` must name every skill.

        To change one flag or one skill, use ``update_user_details``.
        """
        return self._call(
            CHANGE_USER_DETAILS,
            timeout,
            {
                "email": email,
                "cloud_acd_enabled": cloud_acd_enabled,
                "sip_enabled": sip_enabled,
                "external_number_enabled": external_number_enabled,
                "external_number": external_number,
                "state": state,
                "user_skills": skill_items(user_skills),
            },
        )

    @api_method
    def update_user_details(
        self,
        email: str,
        *,
        cloud_acd_enabled: Optional[bool] = None,
        sip_enabled: Optional[bool] = None,
        external_number_enabled: Optional[bool] = None,
        external_number: Optional[str] = None,
        state: Union[AgentState, AgentStateName, None] = None,
        user_skills: Optional[Mapping[str, bool]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[SuccessResponse]:
        """Change only what is given (``None`` keeps the current value): retrieve, merge, change.

        ``user_skills`` maps skill names to ``True``/``False``; skills not named keep their value.
        A name the account does not have raises ``RequestValidationError`` before anything changes.
        """
        return update_user_details(
            self._client._settings(),  # pyright: ignore[reportPrivateUsage]
            self._client._timeout_for(timeout),  # pyright: ignore[reportPrivateUsage]
            {
                "email": email,
                "cloud_acd_enabled": cloud_acd_enabled,
                "sip_enabled": sip_enabled,
                "external_number_enabled": external_number_enabled,
                "external_number": external_number,
                "state": state,
                "user_skills": user_skills,
            },
        )

    @api_method
    def extend_wrap_up(
        self,
        email: str,
        *,
        end_time: datetime,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> ApiCall[WrapUpResponse]:
        """Let an agent's wrap-up after a call run until ``end_time`` (timezone-aware).

        Raises:
            AgentNotInWrapUpError: the agent is not in wrap-up.
        """
        return self._call(EXTEND_WRAP_UP, timeout, {"email": email, "end_time": end_time})

    @api_method
    def cancel_wrap_up(
        self, email: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> ApiCall[SuccessResponse]:
        """End an agent's wrap-up now.

        Raises:
            AgentNotInWrapUpError: the agent is not in wrap-up.
        """
        return self._call(CANCEL_WRAP_UP, timeout, {"email": email})
