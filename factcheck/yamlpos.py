"""YAML loading that keeps where every key and value stood.

Rule files, manifests and front matter are written by hand, so every error has to point
at ``file:line:column``. PyYAML's safe composer gives each node its position; this
module builds plain Python data from those nodes and records, for every path into the
data, where its key and its value were. Only the safe constructors are used (rule files
are data, never code), duplicate keys are errors, and alias expansion is bounded so a
"billion laughs" file stops with a message instead of eating memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from factcheck.errors import FactcheckError, SourceLocation

Path = tuple[str | int, ...]

# A rule file with more nodes than this (after alias expansion) is not a rule file.
MAX_NODES = 2_000_000

try:  # the C loader is much faster on large reference series; same safety
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass
class YamlData:
    """Data loaded from one YAML document, with the positions of its parts."""

    path: str
    data: Any
    key_at: dict[Path, SourceLocation] = field(default_factory=dict)
    value_at: dict[Path, SourceLocation] = field(default_factory=dict)

    def locate(self, loc: Sequence[str | int], prefer_key: bool = False) -> SourceLocation:
        """The best-known position for ``loc`` (a pydantic error ``loc`` works): the
        longest prefix of it that was seen in the file."""
        parts: Path = tuple(loc)
        while True:
            if prefer_key and parts in self.key_at:
                return self.key_at[parts]
            if parts in self.value_at:
                return self.value_at[parts]
            if parts in self.key_at:
                return self.key_at[parts]
            if not parts:
                return SourceLocation(self.path, 1, 1)
            parts = parts[:-1]


def _location(path: str, mark: yaml.Mark | None) -> SourceLocation:
    if mark is None:
        return SourceLocation(path)
    return SourceLocation(path, mark.line + 1, mark.column + 1)


def load_yaml(
    text: str,
    path: str,
    error: type[FactcheckError] = FactcheckError,
    allow_empty: bool = True,
    line_offset: int = 0,
) -> YamlData:
    """Parse one YAML document from ``text``; ``path`` names it in messages.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (front
    matter). Raises ``error`` with a location for every syntax or structure problem.
    """
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = _location(path, mark)
            if line_offset and where.line is not None:
                where = SourceLocation(where.path, where.line + line_offset, where.column)
            what = exc.problem or "invalid YAML"
            if exc.context:
                what = f"{what} ({exc.context})"
            raise error(f"YAML syntax error: {what}", where) from None
        except yaml.YAMLError as exc:
            raise error(f"YAML syntax error: {exc}", SourceLocation(path)) from None
        result = YamlData(path=path, data=None)
        if root is None:
            if not allow_empty:
                raise error("the file is empty; expected a YAML document", SourceLocation(path, 1, 1))
            return result
        builder = _Builder(loader, result, error, line_offset)
        result.data = builder.build(root, ())
        return result
    finally:
        loader.dispose()


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


class _Builder:
    def __init__(
        self, loader: yaml.SafeLoader, out: YamlData, error: type[FactcheckError], line_offset: int
    ) -> None:
        self.loader = loader
        self.out = out
        self.error = error
        self.line_offset = line_offset
        self.count = 0

    def where(self, node: yaml.Node) -> SourceLocation:
        mark = node.start_mark
        return SourceLocation(self.out.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error(
                f"more than {MAX_NODES:,} YAML nodes (after expanding aliases); refusing to load",
                self.where(node),
            )
        self.out.value_at.setdefault(path, self.where(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            # Scalars with unknown tags are refused by the safe constructor; collections
            # are built here, so their tags are checked here.
            raise self.error(f"unsupported YAML tag {node.tag!r}; rule files are plain data", self.where(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, "value")

    def scalar(self, node: yaml.Node, what: str) -> Any:
        """A scalar (a value or a mapping key) built by the safe constructor; a tag it
        does not know (``!python/object``, ``!foo``) or a value it cannot build (a date
        2024-13-45) is an error at the node."""
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.error(f"cannot read {what}: {getattr(exc, 'problem', None) or exc}", self.where(node)) from None
        except (ValueError, OverflowError, TypeError) as exc:
            raise self.error(f"cannot read {what} {node.value!r}: {exc}", self.where(node)) from None

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        # Merge keys ("<<") are flattened the way PyYAML's constructor does it.
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = self.where(node) if mark is None else SourceLocation(
                self.out.path, mark.line + 1 + self.line_offset, mark.column + 1
            )
            raise self.error(f"cannot merge ('<<'): {exc.problem or exc}", where) from None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error("a mapping key must be a plain value", self.where(key_node))
            key = self.scalar(key_node, "key")
            if not isinstance(key, str):
                key = str(key_node.value)
            if key in result:
                first = self.out.key_at.get(path + (key,))
                seen = f" (first at line {first.line})" if first and first.line else ""
                raise self.error(f"duplicate key {key!r}{seen}", self.where(key_node))
            self.out.key_at[path + (key,)] = self.where(key_node)
            result[key] = self.build(value_node, path + (key,))
        return result
