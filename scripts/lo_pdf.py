"""Convert a .docx to PDF with LibreOffice, updating the table of contents first.

Runs under a Python that has LibreOffice's ``uno`` module (on Debian/Ubuntu the
system ``/usr/bin/python3`` with the python3-uno package):

    /usr/bin/python3 scripts/lo_pdf.py DOCUMENT.docx OUTPUT.pdf PROFILE_DIR

Word refreshes the fields of our documents when it opens them (w:updateFields);
LibreOffice does not, so a plain ``soffice --convert-to pdf`` shows the table of
contents without page numbers. This script does what Word would: it updates the
indexes and the fields, then exports.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _property(name: str, value) -> PropertyValue:
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def convert(source: Path, target: Path, profile: Path) -> None:
    pipe = f"piao_{os.getpid()}"
    office = subprocess.Popen([
        "soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--invisible",
        "--nologo", "--norestore", f"--accept=pipe,name={pipe};urp;",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
        for _ in range(120):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - the office is still starting
                time.sleep(0.5)
        else:
            raise RuntimeError("LibreOffice did not start")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),))
        try:
            indexes = document.getDocumentIndexes()
            for index in range(indexes.getCount()):
                indexes.getByIndex(index).update()
            document.getTextFields().refresh()
            document.refresh()
            document.storeToURL(target.resolve().as_uri(), (_property("FilterName", "writer_pdf_Export"),))
        finally:
            document.close(True)
        with contextlib.suppress(Exception):  # the bridge closes as the office quits
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
