"""Discovery through real entry points of small test distributions (dist-info on sys.path)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from medtune import Dataset, PluginError, PluginLoadError, PluginManager, UnknownComponentError
from medtune.plugins.manager import COMPONENT_HOOKS

PLUGIN_SOURCE = '''
"""A third-party plugin: a 'qa-txt' format (Q:/A: blocks) and a cleaner."""
from medtune import ComponentSpec, DataFormat, RawRecord, hookimpl


class QATextFormat(DataFormat):
    name = "qa-txt"
    extensions = (".qa",)
    description = "Q:/A: blocks separated by blank lines"

    def read(self, path, report):
        blocks = path.read_text().strip().split("\\n\\n")
        for row, block in enumerate(blocks):
            q, a = block.split("\\n", 1)
            yield RawRecord({"input": q.removeprefix("Q: "), "output": a.removeprefix("A: ")}, row)


def shout(record):
    return record


shout.name = "shout"


@hookimpl
def medtune_data_formats():
    return [QATextFormat()]


@hookimpl
def medtune_cleaners():
    return [ComponentSpec(name="shout", factory=lambda: shout, description="does nothing loudly")]
'''


def make_distribution(site: Path, dist: str, module: str, source: str, entry_name: str | None = None) -> None:
    """Write an installed distribution: a module plus its .dist-info with a medtune entry point."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(source)
    info = site / f"{dist.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[medtune]\n{entry_name or module} = {module}\n")


@pytest.fixture
def plugin_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    make_distribution(site, "medtune-qa-plugin", "medtune_qa_plugin", PLUGIN_SOURCE, entry_name="qa")
    monkeypatch.syspath_prepend(str(site))
    return site


def test_entry_point_plugin_registers_a_format_used_by_dataset_load(plugin_site, tmp_path):
    pm = PluginManager()
    fmt = pm.registry("format").get("qa-txt")
    info = next(i for i in pm.registry("format") if i.name == "qa-txt")
    assert (info.plugin, info.distribution) == ("qa", "medtune-qa-plugin")
    assert pm.registry("cleaner").get("shout").description == "does nothing loudly"
    data = tmp_path / "d.qa"
    data.write_text("Q: Is it flu?\nA: Probably a cold.\n\nQ: Fever?\nA: Take paracetamol.\n")
    ds = Dataset.load(data, plugin_manager=pm)
    assert [r.output for r in ds] == ["Probably a cold.", "Take paracetamol."]
    assert fmt.name == "qa-txt"
    plugin = next(p for p in pm.plugins() if p.name == "qa")
    assert (plugin.distribution, plugin.version, plugin.enabled) == ("medtune-qa-plugin", "1.2.3", True)


def test_builtins_register_through_the_same_hooks():
    pm = PluginManager(entry_points=False)
    by_plugin = {(i.kind, i.name): i.plugin for i in pm.components()}
    assert by_plugin[("format", "jsonl")] == "core"
    assert by_plugin[("format", "medquad")] == "medical"
    assert {p.name for p in pm.plugins()} == {"core", "medical"}


def test_plugins_can_be_disabled_by_name(plugin_site, monkeypatch):
    pm = PluginManager(disabled=["qa", "medical"])
    assert "qa-txt" not in pm.registry("format") and "medquad" not in pm.registry("format")
    assert {p.name: p.enabled for p in pm.plugins()} == {"core": True, "medical": False, "qa": False}
    monkeypatch.setenv("MEDTUNE_DISABLE_PLUGINS", "qa")
    assert "qa-txt" not in PluginManager().registry("format")


def test_a_broken_plugin_names_its_distribution(tmp_path, monkeypatch):
    site = tmp_path / "site"
    make_distribution(site, "medtune-broken", "medtune_broken", "import does_not_exist_anywhere\n")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(
        PluginLoadError,
        match="from distribution 'medtune-broken' failed to load: "
        "ModuleNotFoundError.*MEDTUNE_DISABLE_PLUGINS=medtune_broken",
    ) as info:
        PluginManager().load()
    assert info.value.distribution == "medtune-broken"
    PluginManager(disabled=["medtune_broken"]).load()  # disabling it is the way out


def test_duplicate_component_names_are_an_error(tmp_path, monkeypatch):
    site = tmp_path / "site"
    src = "from medtune import hookimpl\nfrom medtune.data.formats import JsonlFormat\n\n\n@hookimpl\ndef medtune_data_formats():\n    return [JsonlFormat()]\n"
    make_distribution(site, "medtune-dupe", "medtune_dupe", src)
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(PluginError, match="format 'jsonl' is registered twice: by plugin 'core'.*'medtune_dupe'"):
        PluginManager().registry("format")


def test_bad_hook_results_are_reported():
    from medtune import hookimpl

    class Bad:
        @hookimpl
        def medtune_metrics(self):
            return "not a list"

    pm = PluginManager(entry_points=False)
    pm.register(Bad(), name="bad")
    with pytest.raises(PluginError, match="plugin 'bad'.*medtune_metrics\\(\\) must return a list"):
        pm.registry("metric")


def test_unknown_component_lists_what_exists():
    pm = PluginManager(entry_points=False)
    with pytest.raises(
        UnknownComponentError, match="unknown format 'jsnl'. Registered formats: chatdoctor, csv, json, jsonl"
    ):
        pm.registry("format").get("jsnl")
    with pytest.raises(PluginError, match="unknown component kind"):
        pm.registry("widgets")
    assert set(COMPONENT_HOOKS) >= {"format", "cleaner", "checker", "metric", "lexicon"}


def test_no_discovery_happens_at_import_time(plugin_site):
    # The broken-at-import plugin would raise if medtune discovered plugins during `import medtune`.
    site = plugin_site
    (site / "medtune_qa_plugin.py").write_text("raise RuntimeError('loaded at import time')\n")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    subprocess.run([sys.executable, "-c", "import medtune, medtune.plugins, medtune.cli.main"], check=True, env=env)


def test_cli_lists_components_with_their_distribution(plugin_site):
    env = {**os.environ, "PYTHONPATH": f"{plugin_site}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = subprocess.run(
        [sys.executable, "-m", "medtune.cli.main", "plugins", "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    payload = json.loads(out)
    comp = {(c["kind"], c["name"]): c for c in payload["components"]}
    assert comp[("format", "qa-txt")]["distribution"] == "medtune-qa-plugin"
    assert comp[("cleaner", "shout")]["plugin"] == "qa"
    assert comp[("format", "jsonl")]["distribution"] == "medtune"
    human = subprocess.run(
        [sys.executable, "-m", "medtune.cli.main", "plugins"],
        check=True,
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "200"},
    ).stdout
    assert "medtune-qa-plugin" in human and "qa-txt" in human


def test_testing_fixture_isolates_registration(medtune_plugin_manager, tmp_path):
    from medtune.testing import check_data_format

    mod = type(sys)("inline_plugin")
    exec(textwrap.dedent(PLUGIN_SOURCE), mod.__dict__)
    medtune_plugin_manager.register(mod, name="inline")
    data = tmp_path / "d.qa"
    data.write_text("Q: a?\nA: b.\n")
    ds = check_data_format(mod.QATextFormat(), data, expected_records=1)
    assert ds[0].input == "a?"
