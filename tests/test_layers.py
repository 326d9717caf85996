"""The layers of the code, read from every import statement (also those inside functions):
the model of the world knows nothing of the window.

- analysis, scoring, ingest, store and report never import the window (sourcemark.ui);
- analysis, scoring and ingest import no Qt at all;
- analysis and scoring never import the store.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "app" / "sourcemark"
QT = ("PySide6", "shiboken6", "qtawesome", "qtpy")
RULES = {
    "analysis": ("sourcemark.ui", *QT, "sourcemark.store"),
    "scoring": ("sourcemark.ui", *QT, "sourcemark.store"),
    "ingest": ("sourcemark.ui", *QT),
    "store": ("sourcemark.ui",),
    "report": ("sourcemark.ui",),
}


def package_of(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])


def imported(path: Path, package: str) -> list[tuple[int, str]]:
    """(line, module) of every import in a file of ``package``, relative ones made absolute."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found += [(node.lineno, base)]
    return found


def reaches(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


@pytest.mark.parametrize("layer", sorted(RULES))
def test_a_layer_imports_nothing_above_it(layer):
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"no modules in {layer}"
    broken = [
        f"{path.relative_to(PACKAGE)}:{line} imports {module}"
        for path in files
        for line, module in imported(path, package_of(path))
        for forbidden in RULES[layer]
        if reaches(module, forbidden)
    ]
    assert broken == []


def test_the_rule_reads_imports_inside_functions_and_relative_ones(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def later():\n    from sourcemark.ui.theme import icon\n\nfrom ..store import db\n",
        encoding="utf-8",
    )
    found = [name for _line, name in imported(probe, "sourcemark.analysis")]
    assert sorted(found) == ["sourcemark.store", "sourcemark.ui.theme"]
    assert any(reaches(name, "sourcemark.ui") for name in found)
