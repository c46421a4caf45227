"""Models of the ACD API: agent ready state and Cloud-ACD user details."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import StrictBool, field_serializer

from ._base import RequestModel, ResponseModel
from ._fields import E164Number, Email, NonBlankStr, Open
from .enums import AgentState

__all__ = [
    "AgentEmailRequest",
    "AgentStateResponse",
    "ChangeAgentStateRequest",
    "ChangeUserDetailsRequest",
    "UserDetailsResponse",
    "UserSkill",
]


class UserSkill(ResponseModel):
    """One skill of the account, and whether this agent has it."""

    name: str
    has_skill: bool


class AgentEmailRequest(RequestModel):
    """Arguments of the calls that only name an agent (the two ``retrieve`` calls)."""

    email: Email


class ChangeAgentStateRequest(RequestModel):
    """Arguments of ``/acd/agent-state/change``."""

    email: Email
    state: AgentState
    nrr: Optional[NonBlankStr] = None


class ChangeUserDetailsRequest(RequestModel):
    """Arguments of ``/acd/details/user/change``: the whole record, every skill included."""

    email: Email
    cloud_acd_enabled: StrictBool
    sip_enabled: StrictBool
    external_number_enabled: StrictBool
    external_number: Optional[E164Number]
    state: AgentState
    user_skills: list[UserSkill]

    @field_serializer("user_skills")
    def _only_documented_skill_fields(self, skills: list[UserSkill]) -> list[dict[str, Any]]:
        # A skill read from an answer may carry extra fields; only the two documented ones are sent.
        return [{"name": skill.name, "has_skill": skill.has_skill} for skill in skills]


class AgentStateResponse(ResponseModel):
    """The answer of ``/acd/agent-state/retrieve``."""

    email: Optional[str] = None
    state: Open[AgentState]


class UserDetailsResponse(ResponseModel):
    """The answer of ``/acd/details/user/retrieve``: an agent's Cloud-ACD record."""

    success: Optional[bool] = None
    cloud_acd_enabled: bool
    sip_enabled: bool
    external_number_enabled: bool
    external_number: Optional[str] = None
    state: Open[AgentState]
    current_destination: Optional[str] = None
    user_skills: list[UserSkill]

    @property
    def skills(self) -> dict[str, bool]:
        """The skills as a mapping of name to whether the agent has it."""
        return {skill.name: skill.has_skill for skill in self.user_skills}
