"""The packaging files are valid (with the platform tools when installed, else by parsing),
and, on demand (``uv run --group packaging pytest -m packaging``), the Linux bundle builds and
runs from a folder outside the checkout with no Python on PATH."""

import configparser
import os
import plistlib
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "linux" / "org.sourcemark.Sourcemark.desktop"
METAINFO = PACKAGING / "linux" / "org.sourcemark.Sourcemark.metainfo.xml"


def test_the_desktop_entry_is_valid():
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                              text=True)  # fmt: skip
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"].startswith("sourcemark ")
    assert section["Icon"] == DESKTOP.stem
    assert {"text/html", "application/pdf", "message/rfc822"} <= set(section["MimeType"].split(";"))


def test_the_appstream_metainfo_is_valid_and_has_a_screenshot():
    if shutil.which("appstreamcli"):
        done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == DESKTOP.stem
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("screenshots/screenshot/image").text.endswith("docs/screenshot.png")
    assert (ROOT / "docs" / "screenshot.png").is_file()


def test_the_spec_keeps_unused_qt_modules_out_and_the_mac_bundle_declares_documents():
    text = (PACKAGING / "sourcemark.spec").read_text(encoding="utf-8")
    compile(text, "sourcemark.spec", "exec")
    for module in ("QtWebEngineCore", "QtQml", "QtQuick", "QtOpenGL"):
        assert f'"PySide6.{module}"' in text
    assert "PySide6-Addons" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for extension in ("html", "pdf", "docx", "eml", "md", "txt"):
        assert f'"{extension}"' in text
    assert "CFBundleDocumentTypes" in text and "bundle_identifier=BUNDLE_ID" in text


def test_the_mac_signing_script_and_entitlements_are_well_formed():
    script = PACKAGING / "macos" / "sign_and_notarize.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    assert os.access(script, os.X_OK)
    text = script.read_text(encoding="utf-8")
    assert "MACOS_SIGN_IDENTITY" in text and "MACOS_NOTARY_PROFILE" in text
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.cs.disable-library-validation"] is True


def test_the_windows_installer_script_installs_associates_and_uninstalls():
    text = (PACKAGING / "windows" / "sourcemark.iss").read_text(encoding="utf-8")
    for section in ("[Setup]", "[Files]", "[Icons]", "[Registry]", "[Run]"):
        assert section in text
    assert "{uninstallexe}" in text and "uninsdeletekey" in text
    for extension in (".html", ".pdf", ".docx", ".eml", ".md", ".txt"):
        assert f"Software\\Classes\\{extension}\\OpenWithProgids" in text


def test_the_app_icon_is_an_svg():
    root = ET.parse(ROOT / "resources" / "icons" / "sourcemark.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 256 256"


@pytest.mark.packaging
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle")
def test_the_linux_bundle_runs_outside_the_checkout_without_python(tmp_path):
    pytest.importorskip("PyInstaller", reason="uv run --group packaging pytest -m packaging")
    subprocess.run([sys.executable, str(PACKAGING / "build.py")], check=True, cwd=ROOT,
                   timeout=1800)  # fmt: skip
    archive = next((ROOT / "dist").glob("Sourcemark-*-linux-*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    (folder,) = tmp_path.glob("sourcemark-*")
    program = folder / "sourcemark"
    assert (folder / "share" / "applications" / DESKTOP.name).is_file()
    env = {"HOME": str(tmp_path), "PATH": str(tmp_path / "empty"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "SOURCEMARK_HOME": str(tmp_path / "data")}  # fmt: skip
    version = subprocess.run([str(program), "--version"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    assert version.returncode == 0 and version.stdout.startswith("Sourcemark "), version.stderr
    shot = tmp_path / "shot.png"
    done = subprocess.run([str(program), "--demo", "--screenshot", str(shot)], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    from tests.pngsize import png_size

    assert png_size(shot) == (1400, 900)
