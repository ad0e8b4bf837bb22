"""Check the system libraries the portal needs that pip cannot install."""

import ctypes.util
import sys

MISSING_HELP = """
WeasyPrint (PDFs of posts) needs Pango and HarfBuzz from the system, and they are missing: {names}.
  Debian/Ubuntu:  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0
  Fedora:         sudo dnf install pango harfbuzz
  macOS:          brew install pango
"""

needed = {"pango-1.0": "libpango-1.0", "pangoft2-1.0": "libpangoft2-1.0", "harfbuzz": "libharfbuzz"}
missing = [label for lib, label in needed.items() if ctypes.util.find_library(lib) is None]
if missing:
    sys.stderr.write(MISSING_HELP.format(names=", ".join(missing)))
    sys.exit(1)
