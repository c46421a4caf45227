"""Models of the ACD API: agent ready state and Cloud-ACD user details."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, Optional, Union

from pydantic import ConfigDict, Field, StrictBool

from .._exceptions import RequestValidationError
from ._base import RequestModel, ResponseModel
from ._fields import E164Number, Email, NonBlankStr, Open
from ._times import AwareDatetime, ReceivedDatetime
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
    "WrapUpCancelRequest",
    "WrapUpExtendRequest",
    "WrapUpResponse",
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

    def applied_to(self, current: UserDetailsResponse) -> dict[str, object]:
        """The arguments of a whole-record change: ``current`` with what was given overlaid.

        Raises:
            RequestValidationError: ``user_skills`` names a skill the account does not have.
        """
        skills = current.skills
        unknown = sorted(set(self.user_skills or {}) - set(skills))
        if unknown:
            raise RequestValidationError(
                f"user_skills names skills the account does not have: {', '.join(unknown)}"
                f" (known: {', '.join(skills)})",
                field="user_skills",
            )
        record = current.model_dump(include=_RECORD_FIELDS)
        record["external_number"] = record["external_number"] or None  # "" means "none"
        # An unknown state read back is passed on as is; the request model refuses it.
        changes = self.model_dump(include=_RECORD_FIELDS, exclude_none=True)
        merged_skills = {**skills, **(self.user_skills or {})}
        return {**record, **changes, "email": self.email, "user_skills": skill_items(merged_skills)}


_RECORD_FIELDS: set[str] = {
    "cloud_acd_enabled",
    "sip_enabled",
    "external_number_enabled",
    "external_number",
    "state",
}
"""The fields of a user-details record besides the e-mail and the skills."""

Skills = Union[Sequence[UserSkill], Mapping[str, bool]]
"""Skills as ``UserSkill`` items or as a mapping of skill name to whether the agent has it."""


def skill_items(skills: Skills) -> object:
    """Skills in the list form the API takes (a mapping becomes ``{"name", "has_skill"}`` items)."""
    if isinstance(skills, Mapping):
        return [{"name": name, "has_skill": has} for name, has in skills.items()]
    return skills


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


class WrapUpCancelRequest(RequestModel):
    """Arguments of ``/wrap-up/cancel`` (the agent is ``agent_email`` on the wire)."""

    email: Email = Field(serialization_alias="agent_email")


class WrapUpExtendRequest(WrapUpCancelRequest):
    """Arguments of ``/wrap-up/extend``."""

    end_time: AwareDatetime


class WrapUpResponse(ResponseModel):
    """The answer of ``/wrap-up/extend``: when the agent's wrap-up now ends."""

    wrap_up_end_time: ReceivedDatetime = None
