"""A renderer for the subset of Go's ``text/template`` that Ollama chat templates use, to check them without Ollama.

Ollama renders a model's ``TEMPLATE`` with Go's ``text/template`` over ``.Messages`` (``.Role``, ``.Content``) and
``.System``. medtune writes its templates in a small subset, and this module renders that subset so that an export
can prove its Modelfile produces the prompt the tokenizer's Jinja chat template does. Supported: text; ``{{- -}}``
trimming; ``if``/``else if``/``else``/``end``; ``range PIPE`` and ``range $i, $x := PIPE``; ``$x := PIPE`` and
``$x = PIPE``; fields (``.Role``, ``$.Messages``, ``$x.Content``); string and integer literals; parentheses; and
the functions ``eq``, ``ne``, ``lt``, ``len``, ``slice``, ``index``, ``and``, ``or`` and ``not``. Anything else is a
:class:`~medtune.errors.ConfigError`, never a silent difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from medtune.errors import ConfigError

__all__ = ["render_go_template"]

_ACTION = re.compile(r"\{\{(-\s)?(.*?)(\s-)?\}\}", re.DOTALL)
_TOKEN = re.compile(r'\s*(?:(\()|(\))|("(?:[^"\\]|\\.)*")|(-?\d+)|(\$?[\w]*(?:\.\w+)*)|(:=|=|,))')


@dataclass
class _Node:
    kind: str  # text | expr | assign | if | range
    arg: str = ""
    children: list[_Node] = field(default_factory=list)
    orelse: list[_Node] = field(default_factory=list)
    names: tuple[str, ...] = ()
    declare: bool = True


def _lex(template: str) -> list[tuple[str, str]]:
    """Text and action pieces, with ``{{-``/``-}}`` whitespace trimming applied."""
    pieces: list[tuple[str, str]] = []
    pos = 0
    trim_next = False
    for m in _ACTION.finditer(template):
        text = template[pos : m.start()]
        if trim_next:
            text = text.lstrip()
        if m.group(1):
            text = text.rstrip()
        if text:
            pieces.append(("text", text))
        pieces.append(("action", m.group(2).strip()))
        trim_next = bool(m.group(3))
        pos = m.end()
    tail = template[pos:]
    if trim_next:
        tail = tail.lstrip()
    if tail:
        pieces.append(("text", tail))
    return pieces


_DECL = re.compile(r"^(\$\w+)(?:\s*,\s*(\$\w+))?\s*(:=|=)\s*(.+)$", re.DOTALL)


def _parse(pieces: list[tuple[str, str]], pos: int = 0, stop: tuple[str, ...] = ()) -> tuple[list[_Node], int, str]:
    nodes: list[_Node] = []
    while pos < len(pieces):
        kind, value = pieces[pos]
        pos += 1
        if kind == "text":
            nodes.append(_Node("text", value))
            continue
        word = value.split(None, 1)[0] if value else ""
        if word in ("end", "else") and word in stop:
            return nodes, pos, value
        if word == "if":
            nodes_if, pos = _parse_if(value[2:].strip(), pieces, pos)
            nodes.append(nodes_if)
        elif word == "range":
            body, pos, closing = _parse(pieces, pos, ("end", "else"))
            if closing != "end":
                raise ConfigError(f"template: range with else is not supported ({value!r}).")
            names, expr = (), value[5:].strip()
            decl = _DECL.match(expr)
            if decl:
                names = tuple(n for n in (decl.group(1), decl.group(2)) if n)
                expr = decl.group(4)
            nodes.append(_Node("range", expr, body, names=names))
        elif (decl := _DECL.match(value)) and not decl.group(2):
            nodes.append(_Node("assign", decl.group(4), names=(decl.group(1),), declare=decl.group(3) == ":="))
        elif word in ("end", "else", "with", "define", "template", "block"):
            raise ConfigError(f"template: unexpected or unsupported action {{{{ {value} }}}}.")
        else:
            nodes.append(_Node("expr", value))
    if stop:
        raise ConfigError(f"template: missing {{{{ end }}}} (expected one of {stop}).")
    return nodes, pos, ""


def _parse_if(cond: str, pieces: list[tuple[str, str]], pos: int) -> tuple[_Node, int]:
    body, pos, closing = _parse(pieces, pos, ("end", "else"))
    node = _Node("if", cond, body)
    if closing.startswith("else"):
        rest = closing[4:].strip()
        if rest.startswith("if "):
            nested, pos = _parse_if(rest[3:].strip(), pieces, pos)
            node.orelse = [nested]
        else:
            node.orelse, pos, _ = _parse(pieces, pos, ("end",))
    return node, pos


def _tokens(expr: str) -> list[str]:
    out, pos = [], 0
    while pos < len(expr):
        if expr[pos:].strip() == "":
            break
        m = _TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ConfigError(f"template: cannot read the expression {expr!r} at {expr[pos:]!r}.")
        out.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return out


def _truthy(value: Any) -> bool:
    return value not in (None, False, 0, "") and not (isinstance(value, (list, tuple, dict)) and not value)


_FUNCS: dict[str, Callable[..., Any]] = {
    "eq": lambda a, *bs: any(a == b for b in bs),
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "len": len,
    "slice": lambda x, i=0, j=None: x[i:j],
    "index": lambda x, *keys: _index(x, keys),
    "not": lambda a: not _truthy(a),
}


def _index(x: Any, keys: tuple[Any, ...]) -> Any:
    for k in keys:
        x = x[k]
    return x


class _Scope:
    def __init__(self, root: Any) -> None:
        self.frames: list[dict[str, Any]] = [{"$": root}]

    def get(self, name: str) -> Any:
        for frame in reversed(self.frames):
            if name in frame:
                return frame[name]
        raise ConfigError(f"template: undefined variable {name}.")

    def set(self, name: str, value: Any, declare: bool) -> None:
        if declare:
            self.frames[-1][name] = value
            return
        for frame in reversed(self.frames):
            if name in frame:
                frame[name] = value
                return
        raise ConfigError(f"template: assignment to undeclared variable {name}.")


def _field(value: Any, name: str) -> Any:
    if isinstance(value, Mapping):
        if name not in value:
            raise ConfigError(f"template: no field .{name} (have {', '.join(map(str, value))}).")
        return value[name]
    return getattr(value, name)


def _operand(token: str, dot: Any, scope: _Scope) -> Any:
    if token.startswith('"'):
        return bytes(token[1:-1], "utf-8").decode("unicode_escape")
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    if token == ".":
        return dot
    if token.startswith("$"):
        head, _, rest = token.partition(".")
        value = scope.get(head)
    elif token.startswith("."):
        value, rest = dot, token[1:]
    else:
        raise ConfigError(f"template: unknown function or value {token!r}.")
    for part in filter(None, rest.split(".")):
        value = _field(value, part)
    return value


def _closing(tokens: list[str], start: int) -> int:
    """The index of the ``)`` that closes the ``(`` at ``start``."""
    depth = 0
    for i in range(start, len(tokens)):
        depth += {"(": 1, ")": -1}.get(tokens[i], 0)
        if depth == 0:
            return i
    raise ConfigError("template: unbalanced parentheses.")


def _evaluate(tokens: list[str], dot: Any, scope: _Scope) -> Any:
    items: list[tuple[str, Any]] = []  # ("func", name) or ("value", value)
    pos = 0
    while pos < len(tokens):
        tok = tokens[pos]
        if tok == "(":
            end = _closing(tokens, pos)
            items.append(("value", _evaluate(tokens[pos + 1 : end], dot, scope)))
            pos = end + 1
            continue
        if tok == ")":
            raise ConfigError("template: unbalanced parentheses.")
        is_func = tok in _FUNCS or tok in ("and", "or")
        items.append(("func", tok) if is_func else ("value", _operand(tok, dot, scope)))
        pos += 1
    if not items:
        raise ConfigError("template: empty expression.")
    (kind, head), args = items[0], [value for _, value in items[1:]]
    if kind == "value":
        if args:
            raise ConfigError(f"template: {tokens[0]!r} is not a function, but has arguments.")
        return head
    if head == "and":
        return next((v for v in args if not _truthy(v)), args[-1])
    if head == "or":
        return next((v for v in args if _truthy(v)), args[-1])
    return _FUNCS[head](*args)


def _run(nodes: list[_Node], dot: Any, scope: _Scope, out: list[str]) -> None:
    for node in nodes:
        if node.kind == "text":
            out.append(node.arg)
        elif node.kind == "expr":
            value = _evaluate(_tokens(node.arg), dot, scope)
            out.append("" if value is None else str(value))
        elif node.kind == "assign":
            scope.set(node.names[0], _evaluate(_tokens(node.arg), dot, scope), node.declare)
        elif node.kind == "if":
            branch = node.children if _truthy(_evaluate(_tokens(node.arg), dot, scope)) else node.orelse
            scope.frames.append({})
            _run(branch, dot, scope, out)
            scope.frames.pop()
        elif node.kind == "range":
            items = _evaluate(_tokens(node.arg), dot, scope) or []
            for i, item in enumerate(items):
                frame: dict[str, Any] = {}
                if len(node.names) == 2:
                    frame = {node.names[0]: i, node.names[1]: item}
                elif node.names:
                    frame = {node.names[0]: item}
                scope.frames.append(frame)
                _run(node.children, item, scope, out)
                scope.frames.pop()


def render_go_template(template: str, data: Mapping[str, Any]) -> str:
    """Render ``template`` (the subset above) over ``data`` (e.g. ``{"Messages": [...], "System": ""}``).

    Raises:
        ConfigError: The template uses something outside the subset, or refers to a missing field.

    Example:
        >>> t = '{{- range .Messages }}[{{ .Role }}] {{ .Content }}{{ if eq .Role "user" }}?{{ end }} {{ end }}'
        >>> render_go_template(t, {"Messages": [{"Role": "user", "Content": "hi"}]})
        '[user] hi? '
    """
    nodes, _, _ = _parse(_lex(template))
    out: list[str] = []
    _run(nodes, data, _Scope(data), out)
    return "".join(out)
