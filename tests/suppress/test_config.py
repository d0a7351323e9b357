"""factcheck.toml / [tool.factcheck]: discovery by walking up, validation with file and
line in errors, paths relative to the file, and ``config show``."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli.config import Config, discover, load_config, parse_config, show_config
from factcheck.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _configuration_above(folder: Path) -> Path | None:
    """A factcheck.toml, or a pyproject.toml with [tool.factcheck], in ``folder`` or
    above it, looked for here without factcheck's own discovery."""
    import tomllib

    for parent in (folder.resolve(), *folder.resolve().parents):
        if (parent / "factcheck.toml").is_file():
            return parent / "factcheck.toml"
        pyproject = parent / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "factcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
    return None


def test_defaults_without_a_file(tmp_path: Path) -> None:
    # Skipped only when a configuration really is above tmp (it would be found: that is
    # the rule); a discovery that finds one where there is none is a failure.
    above = _configuration_above(tmp_path)
    if above is not None:
        pytest.skip(f"a configuration file exists above {tmp_path}: {above}")
    loaded = load_config(tmp_path)
    assert loaded.source is None
    assert loaded.config == Config()
    assert loaded.config.fail_on == "error" and loaded.config.format == "text"


def test_walks_up_to_factcheck_toml(tmp_path: Path) -> None:
    cfg = write(tmp_path / "factcheck.toml", 'fail_on = "warning"\n')
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert discover(deep) == cfg
    assert load_config(deep).config.fail_on == "warning"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", 'format = "markdown"\n')
    write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n')
    assert discover(tmp_path / "proj") == tmp_path / "factcheck.toml"


def test_pyproject_tool_table(tmp_path: Path) -> None:
    py = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail_on = "info"\ncorpus = "archive"\n\n'
        '[tool.factcheck.severity]\ngaza-toll-outdated = "error"\n',
    )
    loaded = load_config(tmp_path)
    assert loaded.source == py and loaded.table == "tool.factcheck"
    assert loaded.config.fail_on == "info"
    assert loaded.config.corpus == tmp_path / "archive"  # relative to the file
    assert loaded.config.severity == {"gaza-toll-outdated": "error"}


def test_factcheck_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nfail_on = "info"\n')
    write(tmp_path / "factcheck.toml", 'fail_on = "never"\n')
    assert load_config(tmp_path).config.fail_on == "never"


def test_unknown_key_names_file_line_and_suggestion(tmp_path: Path) -> None:
    cfg = write(tmp_path / "factcheck.toml", '# config\nformat = "json"\nfail-on = "warning"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path)
    assert str(exc.value) == f"{cfg}:3: unknown key 'fail-on'; did you mean 'fail_on'?"
    assert exc.value.exit_code == 2


def test_bad_values(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "factcheck.toml",
        'fail_on = "sometimes"\nformat = "pdf"\n\n[severity]\nmy-rule = "fatal"\n',
    )
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path)
    text = str(exc.value)
    assert text.startswith(f"{cfg}: invalid configuration:")
    assert "line 1: fail_on: \"sometimes\" is not allowed; expected 'error', 'warning', 'info' or 'never'" in text
    assert "line 2: format: unknown format 'pdf'; choose one of csv, github, html, json, jsonl, markdown, sarif, text" in text
    assert "line 5: severity.my-rule: \"fatal\" is not allowed; expected 'error', 'warning' or 'info'" in text


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    cfg = write(tmp_path / "factcheck.toml", 'fail_on = "warning"\nformat = \n')
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path)
    assert str(exc.value).startswith(f"{cfg}:2:10: invalid TOML: ")


def test_broken_pyproject_elsewhere_is_not_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    loaded = load_config(sub)
    assert loaded.source is None or loaded.source != tmp_path / "pyproject.toml"


def test_explicit_file(tmp_path: Path) -> None:
    cfg = write(tmp_path / "elsewhere.toml", 'fail_on = "never"\n')
    assert load_config(explicit=cfg).config.fail_on == "never"
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(explicit=tmp_path / "missing.toml")


def test_show_config(tmp_path: Path) -> None:
    cfg = write(
        tmp_path / "factcheck.toml",
        'fail_on = "warning"\nbaseline = "fc-baseline.json"\n[severity]\n"b.rule" = "info"\na-rule = "error"\n',
    )
    out = show_config(load_config(tmp_path))
    assert out.splitlines()[0] == f"# from {cfg}"
    assert 'fail_on = "warning"' in out
    assert 'format = "text"' in out
    assert f'baseline = "{(tmp_path / "fc-baseline.json").as_posix()}"' in out
    assert "# corpus = (not set: the shipped seed corpus)" in out
    assert out.index("a-rule") < out.index("b.rule")  # sorted
    # what it prints is itself a valid configuration meaning the same
    again = parse_config(out, tmp_path / "factcheck.toml").config
    assert again == load_config(tmp_path).config


def test_show_defaults(tmp_path: Path) -> None:
    from factcheck.cli.config import LoadedConfig

    out = show_config(LoadedConfig(Config()))
    assert out.startswith("# no factcheck.toml or [tool.factcheck] found; these are the defaults\n")
    assert "# no per-rule severity overrides" in out
