"""Finish and save a document the same way every time.

The same input must give the same bytes: core properties get fixed timestamps,
the ZIP entries a fixed date and order. The document speaks Italian (it-IT in
the default run properties and the core properties) and asks Word to update its
fields (table of contents, page numbers) when it is opened.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from piao_rules.documents import wordml

LANGUAGE = "it-IT"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Properties:
    """What File › Properties shows: title, subject, author; ``when`` fixes both timestamps."""

    title: str
    subject: str
    author: str
    when: date
    keywords: str = ""


def set_properties(document: Document, properties: Properties) -> None:
    core = document.core_properties
    moment = datetime(properties.when.year, properties.when.month, properties.when.day, tzinfo=timezone.utc)
    core.title = properties.title
    core.subject = properties.subject
    core.author = properties.author
    core.last_modified_by = properties.author
    core.keywords = properties.keywords
    core.language = LANGUAGE
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = moment
    core.modified = moment
    core.last_printed = moment


def set_language(document: Document) -> None:
    """Italian as the language of every run that does not say otherwise."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:eastAsia"), LANGUAGE)
    language.set(qn("w:bidi"), "ar-SA")


# Order of the children of w:settings that matter here (ECMA-376 CT_Settings sequence).
_BEFORE_UPDATE_FIELDS = {
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
    "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
    "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
    "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType",
    "mailMerge", "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
    "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop",
    "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
    "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
    "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter",
    "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly",
    "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace",
}


def ask_to_update_fields(document: Document) -> None:
    """``w:updateFields``: Word refreshes the table of contents and the fields on opening."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        position = 0
        for index, child in enumerate(settings):
            if child.tag.split("}")[-1] in _BEFORE_UPDATE_FIELDS:
                position = index + 1
        settings.insert(position, existing)
    existing.set(qn("w:val"), "true")


def to_bytes(document: Document, rows: Mapping[str, str] | None = None) -> bytes:
    """The .docx bytes, with every ZIP entry dated 1980-01-01 so that equal documents are equal files;
    ``rows`` are the XML text of table rows standing as markers in the body (see :func:`render.render`)."""
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue(), {document.part.partname.membername: rows} if rows else {})


def normalise_zip(data: bytes, rows: Mapping[str, Mapping[str, str]] | None = None) -> bytes:
    """The ZIP again with fixed dates, order and compression (zlib's default level is 6); the entries
    named in ``rows`` get their table rows written in place of the markers (:func:`wordml.fill_rows`)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if rows and entry.filename in rows:
                with target.open(info, "w") as written:
                    for piece in wordml.fill_rows(source.read(entry.filename), rows[entry.filename]):
                        written.write(piece)
            else:
                target.writestr(info, source.read(entry.filename), compresslevel=6)
    return output.getvalue()
