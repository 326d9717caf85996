"""Real small and read-only disks for the tests: a tmpfs mounted in the test's folder.

Mounting needs root (as CI has here); elsewhere the tests that need a full or read-only
disk are skipped with the reason.
"""

import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=30)


@contextmanager
def small_disk(folder: Path, size: str = "1m"):
    """A folder on a disk of ``size`` bytes (a tmpfs), unmounted after."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a small disk here (needs root): {error}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path) -> None:
    """Fill a small disk to the last byte."""
    with (folder / "filler").open("wb", buffering=0) as out:
        for block in (65536, 1):
            try:
                while True:
                    out.write(b"\0" * block)
            except OSError:
                pass


def make_read_only(folder: Path) -> None:
    """Remount a small disk read-only: even root cannot write to it then."""
    _run("mount", "-o", "remount,ro", str(folder))
