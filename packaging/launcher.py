"""The bundled program's entry point: the same as ``python -m sourcemark``."""

import multiprocessing

from sourcemark.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
