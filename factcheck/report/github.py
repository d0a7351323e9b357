"""GitHub Actions workflow commands: one annotation per finding.

``::error file=drafts/x.md,line=7,endLine=7,col=30,endColumn=41,title=...::message``,
with ``info`` findings as ``::notice``. Escaping follows ``@actions/core``: ``%``, CR
and LF in the message as ``%25``, ``%0D`` and ``%0A``; in properties also ``:`` as
``%3A`` and ``,`` as ``%2C`` (file names and titles can contain them). The message
carries the evidence on further lines. Suppressed findings are not annotated; the
run's notes become ``::warning`` (unused suppressions) or ``::notice`` commands.
"""

from __future__ import annotations

from factcheck.models import Finding
from factcheck.report.base import ReportView
from factcheck.report.escape import gh_data, gh_property, one_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def annotation(command: str, message: str, **properties: object) -> str:
    props = ",".join(f"{k}={gh_property(str(v))}" for k, v in properties.items() if v is not None and v != "")
    return f"::{command}{' ' + props if props else ''}::{gh_data(message)}"


class GithubFormatter:
    name = "github"
    description = "GitHub Actions annotations (::error file=...,line=...::message)"

    def render(self, view: ReportView) -> str:
        lines = []
        if view.command == "run":
            for f in view.ordered_findings():
                if not f.suppressed:
                    lines.append(self._finding(view, f))
        for note in view.report.notes:
            if note.startswith("warning: "):
                lines.append(annotation("warning", one_line(note.removeprefix("warning: ")), title="factcheck"))
            else:
                lines.append(annotation("notice", one_line(note), title="factcheck note"))
        return "".join(line + "\n" for line in lines)

    def _finding(self, view: ReportView, f: Finding) -> str:
        claim = view.claims_by_id.get(f.claim)
        doc = view.finding_document(f)
        message_lines = [one_line(f.message)]
        message_lines += [f"also: {one_line(r.message)} ({r.rule})" for r in f.also()]
        for ev in view.evidence(f):
            message_lines.append(("reference: " if ev.is_reference else "evidence: ") + one_line(" — ".join(ev.parts())))
        props: dict[str, object] = {"file": doc.path if doc is not None else None}
        if claim is not None and claim.line is not None:
            single_line = "\n" not in claim.surface
            props.update(
                line=claim.line,
                endLine=claim.line if single_line else None,
                col=claim.column,
                endColumn=(claim.column + len(claim.surface)) if single_line and claim.column is not None else None,
            )
        surface = f" “{one_line(claim.surface)}”" if claim is not None else ""
        props["title"] = f"factcheck {f.rule}{surface}"
        return annotation(COMMANDS[f.severity], "\n".join(message_lines), **props)
