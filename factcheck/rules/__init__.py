"""Rules that researchers write in YAML: figures, checks and reference series, as data.

``load_rules(dirs, kinds=...)`` (``factcheck.rules.load``) reads every rule file of the
given folders into a ``RuleSet`` (``factcheck.rules.schema``), validating each check
against the check kinds it is given and reporting every problem of every file at once
as ``RuleErrors``. Nothing here knows a check kind: the kinds live in
``factcheck.check``, which imports this package, never the other way round.

Modules: ``schema`` (the models), ``load`` (files to a rule set), ``types`` (the value
forms researchers write: tolerances, durations, word lists), ``patterns`` (regular
expressions as every stage runs them), ``expr`` (relation expressions), ``messages``
(message templates), ``reference`` (reference series files), ``testfile`` (rule-test
files), ``jsonschema`` (the JSON Schemas editors use), ``docs`` (the table of scope keys in
docs/rules.md).
"""
