#!/usr/bin/env python3
"""Zip report.docx.d/ into report.docx (deterministic: fixed order and timestamps).

Run from tests/data/text: python3 make-docx.py
"""
import os
import zipfile

SRC = "report.docx.d"
PARTS = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]

with zipfile.ZipFile("report.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for part in PARTS:
        info = zipfile.ZipInfo(part, date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(os.path.join(SRC, part), "rb") as f:
            z.writestr(info, f.read())
