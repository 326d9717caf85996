"""Markdown to the plain text the analyzer reads: the words stay, the markup goes.

Headings lose their #, emphasis its * and _, links and images keep their text,
quotation and list markers go, fenced code and HTML comments are dropped; a
setext heading (a line underlined with === or ---) becomes a plain line.
"""

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_SETEXT = re.compile(r"^(.+)\n[=-]{3,}\s*$", re.M)
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_QUOTE_MARKER = re.compile(r"^\s{0,3}>\s?", re.M)
_LIST_MARKER = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def markdown_to_text(markdown: str) -> str:
    text = _FENCE.sub("", markdown)
    text = _COMMENT.sub("", text)
    text = _REFERENCE_DEFINITION.sub("", text)
    text = _SETEXT.sub(lambda m: m.group(1), text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(lambda m: m.group(1), text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REFERENCE_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _QUOTE_MARKER.sub("", text)
    text = _LIST_MARKER.sub("", text)
    for _ in range(2):  # nested: ***both*** or **_both_**
        text = _STRONG.sub(lambda m: m.group(2), text)
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    return _TAG.sub("", text)
