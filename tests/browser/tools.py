"""The Nu HTML Checker (npm vnu-jar, installed by `make test` into tests/browser/node_modules)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

VNU_JAR = Path(__file__).with_name("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_available() -> bool:
    return VNU_JAR.exists() and shutil.which("java") is not None


def validate_html(pages: dict[str, str]) -> dict[str, list[str]]:
    """Errors per page name; all pages go through one JVM, which is slow to start."""
    with tempfile.TemporaryDirectory(prefix="portal-vnu-") as folder:
        for name, html in pages.items():
            (Path(folder) / f"{name}.html").write_text(html, encoding="utf-8")
        result = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--errors-only",
                "--format",
                "json",
                *sorted(Path(folder).iterdir()),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr or result.stdout)
    errors: dict[str, list[str]] = {name: [] for name in pages}
    for message in report["messages"]:
        # vnu names each file by a file: URL; the file's stem is the page name.
        name = Path(message.get("url", "?")).stem
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message.get('message')} "
            f"[{message.get('extract', '').strip()[:120]}]"
        )
    return errors
