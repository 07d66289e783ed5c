"""Convert a .docx to PDF/A with LibreOffice, updating the table of contents first.

A standalone script (it imports nothing of piao-rules): it runs under a Python that
has LibreOffice's ``uno`` module (on Debian/Ubuntu the system ``/usr/bin/python3``
with the python3-uno package; elsewhere the Python shipped with LibreOffice):

    /usr/bin/python3 office_export.py DOCUMENT.docx OUTPUT.pdf PROFILE_DIR [PDF_A_PART]

PDF_A_PART is 1, 2 (default) or 3 for PDF/A-1b, -2b, -3b; 0 writes a plain PDF.

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


def convert(source: Path, target: Path, profile: Path, pdf_a: int = 2) -> None:
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
            options = uno.Any("[]com.sun.star.beans.PropertyValue", (_property("SelectPdfVersion", pdf_a),))
            arguments = (_property("FilterName", "writer_pdf_Export"), _property("FilterData", options))
            # a typed sequence inside a PropertyValue only survives through uno.invoke
            uno.invoke(document, "storeToURL", (target.resolve().as_uri(), arguments))
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
    convert(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 2)
