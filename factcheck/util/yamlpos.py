"""YAML loading that keeps where every key and value stood.

Rule files, manifests and front matter are written by hand, so every error has to point
at ``file:line:column``. PyYAML's safe composer gives each node its position; this
module builds plain Python data from those nodes and records, for every path into the
data, where its key and its value were. Only the safe constructors are used (rule files
are data, never code), duplicate keys are errors, and alias expansion is bounded so a
"billion laughs" file stops with a message instead of eating memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from factcheck.errors import FactcheckError, SourceLocation

Path = tuple[str | int, ...]

# A rule file with more nodes than this (after alias expansion) is not a rule file.
MAX_NODES = 2_000_000
# Nor is one nested deeper than this (rule files need fewer than ten levels). libyaml's
# composer recurses in C (a million "- " or a hundred thousand "[" crash the
# interpreter) and slows down with the square of the depth, so deep nesting is refused
# before parsing (see ``_check_nesting``).
MAX_DEPTH = 100

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
    _check_nesting(text, path, error, line_offset)
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
        builder.check_size(root)
        result.data = builder.build(root, ())
        return result
    finally:
        loader.dispose()


_BRACKETS = re.compile(r"[\[\]{}]")
# Block nesting needs indentation or compact indicators ("- - - x"): a line whose start
# runs this many columns deep is nested far too deep (or indented absurdly).
MAX_INDENT = 1000
_DEEP_LINE = re.compile(r"^(?:[ \t]|[-?:][ \t]){%d}" % MAX_INDENT, re.MULTILINE)


def _check_nesting(text: str, path: str, error: type[FactcheckError], line_offset: int) -> None:
    """Refuse, before libyaml sees them, flow collections ("[[[[...") nested deeper than
    ``MAX_DEPTH`` and lines indented more than ``MAX_INDENT`` columns (block nesting);
    ``_Builder.build`` refuses the rest of what is nested deeper than ``MAX_DEPTH``.
    Brackets inside quoted text count too: a rule file would need a hundred unclosed
    ones for that to matter."""

    def refuse(offset: int, what: str) -> FactcheckError:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return error(f"{what}; refusing to load", SourceLocation(path, line + line_offset, column))

    deep = _DEEP_LINE.search(text)
    if deep is not None:
        raise refuse(deep.start(), f"a line indented or nested more than {MAX_INDENT} columns deep")
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise refuse(m.start(), f"nested more than {MAX_DEPTH} levels deep")
        elif depth:
            depth -= 1


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _unsupported(tag: str) -> str:
    short = tag.removeprefix("tag:yaml.org,2002:")
    return f"unsupported YAML tag {short!r}: factcheck reads plain YAML data only (no objects, no code)"


class _Builder:
    def __init__(
        self, loader: yaml.SafeLoader, out: YamlData, error: type[FactcheckError], line_offset: int
    ) -> None:
        self.loader = loader
        self.out = out
        self.error = error
        self.line_offset = line_offset

    def where(self, node: yaml.Node) -> SourceLocation:
        mark = node.start_mark
        return SourceLocation(self.out.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def check_size(self, root: yaml.Node) -> None:
        """Refuse, before building anything, a document whose aliases expand to more
        than ``MAX_NODES`` nodes ("billion laughs") or refer to themselves. Iterative,
        and each distinct node is sized once, so this costs what the file's size does."""
        sizes: dict[int, int] = {}
        on_path: set[int] = set()
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            key = id(node)
            children = _children(node)
            if done:
                on_path.discard(key)
                total = 1 + sum(sizes[id(c)] for c in children)
                if total > MAX_NODES:
                    raise self.error(
                        f"more than {MAX_NODES:,} YAML nodes (after expanding aliases); refusing to load",
                        self.where(node),
                    )
                sizes[key] = total
                continue
            if key in sizes:  # an alias met again
                continue
            on_path.add(key)
            stack.append((node, True))
            for child in children:
                if id(child) in on_path:
                    raise self.error(
                        "an alias refers to the collection it is in (a recursive anchor); refusing to load",
                        self.where(node),
                    )
                if id(child) not in sizes:
                    stack.append((child, False))

    def build(self, node: yaml.Node, path: Path) -> Any:
        if len(path) > MAX_DEPTH:
            raise self.error(f"nested more than {MAX_DEPTH} levels deep; refusing to load", self.where(node))
        self.out.value_at.setdefault(path, self.where(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            # Collections are built here, so their tags are checked here (scalars' in
            # ``scalar``).
            raise self.error(_unsupported(node.tag), self.where(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, "value")

    def scalar(self, node: yaml.Node, what: str) -> Any:
        """A scalar (a value or a mapping key) built by the safe constructor. A tag it
        does not know (``!!python/object``, ``!foo``) or a value it cannot build (an
        integer too large for a float) is an error at the node; a date that does not
        exist (2024-02-30) stays text."""
        if node.tag not in self.loader.yaml_constructors:
            raise self.error(_unsupported(node.tag), self.where(node))
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise self.error(f"cannot read {what}: {getattr(exc, 'problem', None) or exc}", self.where(node)) from None
        except (ValueError, OverflowError, TypeError) as exc:
            if node.tag == _TIMESTAMP and isinstance(node.value, str):
                # 2024-02-30 looks like a date but is none: keep the text, so that what
                # expects a date says "invalid date" in its own words.
                return node.value
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
