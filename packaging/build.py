"""Build Sourcemark for the system this runs on.

    uv run --group packaging python packaging/build.py [--no-installer]

1. renders the app icon from resources/icons/sourcemark.svg (Qt, no other tools);
2. runs PyInstaller with packaging/sourcemark.spec: dist/sourcemark/ (one folder);
3. Linux: adds the desktop entry, AppStream metainfo and icon under share/ and packs
   dist/Sourcemark-VERSION-linux-ARCH.tar.gz;
   macOS: dist/Sourcemark.app, then packaging/macos/sign_and_notarize.sh (signs and
   notarises when MACOS_SIGN_IDENTITY / MACOS_NOTARY_PROFILE are set) and a .dmg;
   Windows: runs Inno Setup's iscc.exe on packaging/windows/sourcemark.iss when it is on
   PATH: dist/Sourcemark-VERSION-windows-setup.exe.
It prints the size of what it made.
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_ID = "org.sourcemark.Sourcemark"


def version() -> str:
    sys.path.insert(0, str(ROOT / "app"))
    from sourcemark import __version__

    return __version__


def render_icon(size: int, target: Path) -> Path:
    """The SVG icon as a PNG of size x size pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "sourcemark.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")
    return target


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def pyinstaller(icon: Path) -> Path:
    env = {**os.environ, "SOURCEMARK_ICON": str(icon)}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
               str(ROOT / "packaging" / "sourcemark.spec")]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return DIST / "sourcemark"


def linux(folder: Path, number: str) -> Path:
    share = folder / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "packaging" / "linux" / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    for size in (64, 128, 256):
        render_icon(size, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "resources" / "icons" / "sourcemark.svg", icons / f"{APP_ID}.svg")
    archive = DIST / f"Sourcemark-{number}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=f"sourcemark-{number}")
    return archive


def macos(number: str) -> Path | None:
    script = ROOT / "packaging" / "macos" / "sign_and_notarize.sh"
    subprocess.run(["bash", str(script), number], check=True, cwd=ROOT)
    return DIST / f"Sourcemark-{number}-macos.dmg"


def windows(number: str) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if not iscc:
        print("Inno Setup (iscc.exe) is not on PATH: no installer made, dist\\sourcemark is ready")
        return None
    script = ROOT / "packaging" / "windows" / "sourcemark.iss"
    subprocess.run([iscc, f"/DAppVersion={number}", str(script)], check=True, cwd=ROOT)
    return DIST / f"Sourcemark-{number}-windows-setup.exe"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-installer", action="store_true", help="stop after the folder")
    args = parser.parse_args(argv)
    number = version()
    icon = render_icon(512 if sys.platform == "darwin" else 256, BUILD / "icons" / "sourcemark.png")
    folder = pyinstaller(icon)
    made = None
    if not args.no_installer:
        if sys.platform.startswith("linux"):
            made = linux(folder, number)
        elif sys.platform == "darwin":
            made = macos(number)
        elif sys.platform == "win32":
            made = windows(number)
    print(f"folder: {folder} ({megabytes(folder_size(folder))})")
    if made and made.exists():
        print(f"installer: {made} ({megabytes(made.stat().st_size)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
