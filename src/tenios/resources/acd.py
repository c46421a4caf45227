"""``client.acd``: ACD agents' ready state and Cloud-ACD user details."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Optional, Union

from .._endpoints import (
    CHANGE_AGENT_STATE,
    CHANGE_USER_DETAILS,
    RETRIEVE_AGENT_STATE,
    RETRIEVE_USER_DETAILS,
)
from .._exceptions import RequestValidationError
from .._pipeline import validate_arguments
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..types.acd import UserDetailsUpdate
from ._base import Resource

if TYPE_CHECKING:
    from ..types import (
        AgentState,
        AgentStateResponse,
        SuccessResponse,
        UserDetailsResponse,
        UserSkill,
    )
    from ..types.enums import AgentStateName

Skills = Union[Sequence["UserSkill"], Mapping[str, bool]]
"""Skills as ``UserSkill`` items or as a mapping of skill name to whether the agent has it."""


class ACD(Resource):
    """The ACD API."""

    def retrieve_agent_state(
        self, email: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> AgentStateResponse:
        """An agent's ready state."""
        return self._call(RETRIEVE_AGENT_STATE, timeout, {"email": email})

    def change_agent_state(
        self,
        email: str,
        *,
        state: Union[AgentState, AgentStateName],
        nrr: Optional[str] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> SuccessResponse:
        """Set an agent READY or NOT_READY, optionally with a configured not-ready reason."""
        return self._call(CHANGE_AGENT_STATE, timeout, {"email": email, "state": state, "nrr": nrr})

    def retrieve_user_details(
        self, email: str, *, timeout: Union[Timeout, NotGiven] = NOT_GIVEN
    ) -> UserDetailsResponse:
        """An agent's Cloud-ACD record: flags, external number, state and skills."""
        return self._call(RETRIEVE_USER_DETAILS, timeout, {"email": email})

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
    ) -> SuccessResponse:
        """Replace an agent's whole Cloud-ACD record; ``user_skills`` must name every skill.

        To change one flag or one skill, use :meth:`update_user_details`.
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
                "user_skills": _skill_items(user_skills),
            },
        )

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
    ) -> SuccessResponse:
        """Change only what is given (``None`` keeps the current value): retrieve, merge, change.

        ``user_skills`` maps skill names to ``True``/``False``; skills not named keep their value.
        A name the account does not have raises ``RequestValidationError`` before anything changes.
        """
        given = validate_arguments(
            UserDetailsUpdate,
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
        current = self.retrieve_user_details(given.email, timeout=timeout)
        skills = current.skills
        unknown = sorted(set(given.user_skills or {}) - set(skills))
        if unknown:
            raise RequestValidationError(
                f"user_skills names skills the account does not have: {', '.join(unknown)}"
                f" (known: {', '.join(skills)})",
                field="user_skills",
            )
        record = current.model_dump(include=_RECORD_FIELDS)
        record["external_number"] = record["external_number"] or None  # "" means "none"
        # An unknown state read back is passed on as is; the request model refuses it.
        changes = given.model_dump(include=_RECORD_FIELDS, exclude_none=True)
        merged_skills = {**skills, **(given.user_skills or {})}
        return self._call(
            CHANGE_USER_DETAILS,
            timeout,
            {**record, **changes, "email": given.email, "user_skills": _skill_items(merged_skills)},
        )


_RECORD_FIELDS: set[str] = {
    "cloud_acd_enabled",
    "sip_enabled",
    "external_number_enabled",
    "external_number",
    "state",
}
"""The fields of a user-details record besides the e-mail and the skills."""


def _skill_items(skills: Skills) -> object:
    if isinstance(skills, Mapping):
        return [{"name": name, "has_skill": has} for name, has in skills.items()]
    return skills
