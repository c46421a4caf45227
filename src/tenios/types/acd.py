"""Models of the ACD API: agent ready state and Cloud-ACD user details."""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import ConfigDict, StrictBool

from ._base import RequestModel, ResponseModel
from ._fields import E164Number, Email, NonBlankStr, Open
from .enums import AgentState

__all__ = [
    "AgentEmailRequest",
    "AgentStateResponse",
    "ChangeAgentStateRequest",
    "ChangeUserDetailsRequest",
    "SkillSetting",
    "UserDetailsResponse",
    "UserDetailsUpdate",
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


class SkillSetting(RequestModel):
    """One skill in a Cloud-ACD change: its name and whether the agent has it.

    Also read from a ``UserSkill`` of an answer (by attribute, so its extra fields stay behind).
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid", frozen=True, defer_build=True, from_attributes=True
    )

    name: NonBlankStr
    has_skill: StrictBool


class ChangeUserDetailsRequest(RequestModel):
    """Arguments of ``/acd/details/user/change``: the whole record, every skill included."""

    email: Email
    cloud_acd_enabled: StrictBool
    sip_enabled: StrictBool
    external_number_enabled: StrictBool
    external_number: Optional[E164Number]
    state: AgentState
    user_skills: list[SkillSetting]


class UserDetailsUpdate(RequestModel):
    """Arguments of ``acd.update_user_details``, checked before anything is sent; ``None`` keeps."""

    email: Email
    cloud_acd_enabled: Optional[StrictBool] = None
    sip_enabled: Optional[StrictBool] = None
    external_number_enabled: Optional[StrictBool] = None
    external_number: Optional[E164Number] = None
    state: Optional[AgentState] = None
    user_skills: Optional[dict[NonBlankStr, StrictBool]] = None


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
