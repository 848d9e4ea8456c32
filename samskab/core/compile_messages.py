"""Compile a gettext catalogue (.po) to .mo with polib, so set-up needs no system gettext."""

import sys
from pathlib import Path

import polib


def main(po_path: str) -> None:
    catalogue = polib.pofile(po_path)
    catalogue.save_as_mofile(str(Path(po_path).with_suffix(".mo")))


if __name__ == "__main__":
    main(sys.argv[1])
