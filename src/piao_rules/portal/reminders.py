"""Reminders to the offices that have not finished: e-mails sent by SMTP, or .eml files to send by hand."""

from __future__ import annotations

import os
import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from piao_rules import atomic


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = None
    starttls: bool = True


def smtp_from_environment() -> Smtp | None:
    """The SMTP server from the PIAO_PORTALE_SMTP_* variables; None (reminders written as .eml files) without a host."""
    host = os.environ.get("PIAO_PORTALE_SMTP_HOST")
    if not host:
        return None
    return Smtp(host=host, port=int(os.environ.get("PIAO_PORTALE_SMTP_PORTA", "587")),
                sender=os.environ.get("PIAO_PORTALE_SMTP_MITTENTE", "controllo@localhost"),
                user=os.environ.get("PIAO_PORTALE_SMTP_UTENTE"), password=os.environ.get("PIAO_PORTALE_SMTP_PASSWORD"),
                starttls=os.environ.get("PIAO_PORTALE_SMTP_STARTTLS", "1") != "0")


def message(ente: str, office: str, to: list[str], sender: str, as_of: date, missing: list[str], url: str) -> EmailMessage:
    """The reminder to ``office``: which indicators still lack a measure and where to enter them."""
    mail = EmailMessage()
    mail["Subject"] = f"Monitoraggio al {as_of:%d/%m/%Y}: misure da inserire"
    mail["From"] = sender
    mail["To"] = ", ".join(to) if to else f"ufficio {office}"
    codes = "\n".join(f"  - {code}" for code in missing)
    mail.set_content(
        f"Gentile ufficio {office},\n\n"
        f"per il monitoraggio della performance al {as_of:%d/%m/%Y} di {ente} mancano ancora le misure di "
        f"{len(missing)} {'indicatore' if len(missing) == 1 else 'indicatori'}:\n{codes}\n\n"
        f"Si prega di inserirle nel portale: {url}\n\nGrazie.\nIl controllo di gestione\n"
    )
    return mail


def deliver(mails: list[EmailMessage], folder: Path, smtp: Smtp | None) -> list[Path]:
    """Send the messages by SMTP when configured; otherwise write them as .eml files in ``folder``."""
    if smtp is not None:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as server:
            if smtp.starttls:
                server.starttls()
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
            for mail in mails:
                server.send_message(mail)
        return []
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, mail in enumerate(mails, start=1):
        path = folder / f"sollecito-{number:02d}-{_slug(mail['To'])}.eml"
        atomic.write_bytes(path, bytes(mail))
        written.append(path)
    return written


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:60] or "ufficio"
