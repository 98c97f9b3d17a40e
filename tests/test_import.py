import subprocess
import sys

import medtune
from medtune.testing import HEAVY_MODULES, heavy_modules_imported


def test_import_medtune_loads_no_heavy_library():
    assert heavy_modules_imported("import medtune") == []
    # nor does building the CLI parser or looking up formats
    assert heavy_modules_imported("import medtune.cli.main as m; m.build_parser()") == []
    assert heavy_modules_imported("import medtune; medtune.get_plugin_manager().registry('format')") == []


def test_public_api_is_declared():
    assert all(isinstance(name, str) for name in medtune.__all__)
    for name in medtune.__all__:
        assert hasattr(medtune, name), name
    assert "torch" in HEAVY_MODULES


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "medtune.cli.main", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("medtune ")
