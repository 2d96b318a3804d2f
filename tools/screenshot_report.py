"""Render compare's HTML report of the bundled fixtures and screenshot it in headless chromium.

    python tools/screenshot_report.py [--out docs/report.png] [--html FILE] [PATH...]

Default inputs: fixtures/collections/compare-en.csv, compare-fr.csv, compare-mixed.jsonl.
Needs Debian's chromium (``apt-get install -y chromium``); the browser runs with no
network access to anything but the local file, a throw-away profile and no GPU.
Exit status: 0 when the PNG was written, 2 when chromium is missing or fails.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [
    ROOT / "fixtures/collections/compare-en.csv",
    ROOT / "fixtures/collections/compare-fr.csv",
    ROOT / "fixtures/collections/compare-mixed.jsonl",
]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
WINDOW = "1200,1400"
TIMEOUT_S = 120


def build_report(paths: list[Path], html_path: Path) -> None:
    from claimcheck.api import extract
    from claimcheck.compare import compare_claims
    from claimcheck.render import render

    result = extract([str(p) for p in paths])
    comparison = compare_claims(result.frame)
    data = render("html", comparison.detail, groups=comparison.groups,
                  summary=comparison.summary())
    html_path.write_bytes(data)


def screenshot(html_path: Path, png_path: Path) -> int:
    browser = next((b for b in BROWSERS if shutil.which(b)), None)
    if browser is None:
        print("screenshot_report: chromium not found (apt-get install -y chromium)",
              file=sys.stderr)
        return 2
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="claimcheck-chromium-") as profile:
        cmd = [
            browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
            "--hide-scrollbars", f"--screenshot={png_path}", f"--window-size={WINDOW}",
            html_path.resolve().as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S,
                              check=False)
    if proc.returncode != 0 or not png_path.is_file():
        print(f"screenshot_report: {browser} failed ({proc.returncode}): "
              f"{proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return 2
    print(f"screenshot_report: wrote {png_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--out", type=Path, default=ROOT / "docs/report.png")
    parser.add_argument("--html", type=Path, default=None,
                        help="also keep the HTML page here (default: a temporary file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimcheck-report-") as tmp:
        html_path = args.html or Path(tmp) / "report.html"
        build_report(args.paths, html_path)
        return screenshot(html_path, args.out)


if __name__ == "__main__":
    sys.exit(main())
