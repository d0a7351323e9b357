"""Pydantic models built from values an extraction stage has already typed.

``model_construct`` skips validation but still walks every field of the model (aliases,
defaults) for each instance: for the 37 fields of a ``Claim`` and the 26 of its
``ClaimFrame`` that walk was a tenth of the context stage, and validating each figure's
``Claim`` (10 us) a twentieth of the figures stage. ``build`` sets the instance's
state directly, as ``model_construct`` ends up doing, from a dict that already holds
every field in declaration order.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def build(cls: type[_M], fields_set: set[str], values: dict[str, Any]) -> _M:
    """An instance of ``cls`` holding ``values`` (every field of ``cls``, in declaration
    order, already valid; the dict becomes the instance's own). Only for models without
    ``extra="allow"``, private attributes or a ``model_post_init``: the ``Claim`` of both
    stages and the context stage's ``ClaimFrame``."""
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
