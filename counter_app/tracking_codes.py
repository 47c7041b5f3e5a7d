"""The printed tracking reference: the code under a QR code, and the address the
QR code opens.

A code is read off paper, typed on a phone or at the counter, and scanned, so
new codes use Crockford's base-32 alphabet (no I, L, O, U: nothing that looks
like 1 or 0), upper case, grouped in fours, with a check character at the end:

    7KQ3-M0XV-2RTC-9HB4-EPZW-N5GA

23 random characters carry 115 bits: a code cannot be guessed, so holding one
is what lets a stranger see a request's state.  The 24th character is a Luhn
mod 32 check over the others: one mistyped character, or two neighbours
swapped, is never taken for another code.  The grouped form is what is stored,
printed and put in the URL, so the paper, the screen and the address agree.

Typed text is forgiven what a person gets wrong without meaning to: lower
case, spaces, hyphens (also the full-width and dash look-alikes an input method
makes) and the look-alike letters O (for 0) and I or L (for 1).

Codes issued before (22 characters of URL-safe base64, case-sensitive) stay
valid as they were printed: they are matched exactly.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"    # Crockford's base 32
RANDOM_CHARS = 23                                 # x 5 bits = 115 bits
LENGTH = RANDOM_CHARS + 1                         # and the check character
GROUP = 4
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# spaces and every dash an input method may type between the groups
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc\uff0d]+")
LEGACY = re.compile(r"[A-Za-z0-9_-]{22}")          # issued before: URL-safe base64 of 16 bytes
_VALUE = {c: n for n, c in enumerate(ALPHABET)}


def check_character(body: str) -> str:
    """Luhn mod 32 over ``body`` (characters of ``ALPHABET``): catches every single
    substitution and most swaps of neighbours."""
    n, total, double = len(ALPHABET), 0, True
    for char in reversed(body):
        addend = _VALUE[char] * (2 if double else 1)
        total += addend // n + addend % n
        double = not double
    return ALPHABET[-total % n]


def grouped(characters: str) -> str:
    return "-".join(characters[i:i + GROUP] for i in range(0, len(characters), GROUP))


def new_code() -> str:
    """A fresh code: 115 random bits, its check character, grouped in fours."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_CHARS))
    return grouped(body + check_character(body))


def _squeezed(text: str) -> str:
    """What a person meant by a typed code: full-width forms folded, separators gone,
    upper case, look-alike letters read as the digits they resemble."""
    plain = unicodedata.normalize("NFKC", text)
    return SEPARATORS.sub("", plain).upper().translate(LOOK_ALIKES)


def canonical(text: object) -> str | None:
    """The stored form of a code as typed, printed or scanned (without the address
    around it), or None when it is no code at all."""
    if not isinstance(text, str) or len(text) > 4 * LENGTH:
        return None
    stripped = text.strip()
    if LEGACY.fullmatch(stripped):
        return stripped
    chars = _squeezed(stripped)
    if len(chars) != LENGTH or not all(c in _VALUE for c in chars):
        return None
    return grouped(chars) if check_character(chars[:-1]) == chars[-1] else None


def mistyped(text: str) -> bool:
    """Looks like a new code but its check character does not agree: a character
    was misread or mistyped (the clerk is told so instead of "not found")."""
    chars = _squeezed(_last_segment(text))
    return (len(chars) == LENGTH and all(c in _VALUE for c in chars)
            and check_character(chars[:-1]) != chars[-1])


def _last_segment(text: str) -> str:
    """The code part of what a scanner typed: the last path segment of a URL (any
    tracking address), else the text itself."""
    text = text.strip()
    if "://" in text:
        try:
            text = urlsplit(text).path
        except ValueError:                # not a URL after all (an unclosed [ ...)
            return ""
    return text.rstrip("/").rsplit("/", 1)[-1] if "/" in text else text


def from_scan(text: str) -> str | None:
    """A code from what the lookup field received: the bare code as typed, or the
    URL a scanner read from a QR code."""
    return canonical(_last_segment(text))


# -- the address a QR code opens ---------------------------------------------------------

# reserved for documentation (RFC 2606, RFC 6761): a hall never serves these
PLACEHOLDER_DOMAINS = ("example.com", "example.net", "example.org", "example", "invalid", "test")
UNSET = "尚未设置居民查询网址"
PLACEHOLDER = "居民查询网址仍是示例地址（{host}）"
MALFORMED = "居民查询网址（{url}）不是 http:// 或 https:// 开头的网址"


@dataclass(frozen=True)
class Link:
    """What a printed paper's QR code carries: the URL, or None and why not."""

    url: str | None
    problem: str = ""                 # a sentence for the clerk when there is no URL

    @property
    def printed_note(self) -> str:
        """What the clerk is told when a paper prints without its QR code."""
        if self.url is not None:
            return ""
        # short enough for a status bar at 1024 px; the paper itself tells the resident
        return f"本单未印二维码：{self.problem}，请管理员在“系统设置 → 查询网址”中填写"


def _host(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:                    # e.g. an unclosed [ of an IPv6 address
        return ""
    return host.lower().rstrip(".") if parts.scheme in ("http", "https") else ""


def is_web_address(url: str) -> bool:
    """http:// or https:// with a host: something a phone can open."""
    return bool(_host(url))


def address_problem(base_url: str) -> str:
    """Why a tracking address cannot go on paper ("" when it can): unset, still a
    placeholder of the documentation domains, or not a web address."""
    base = (base_url or "").strip()
    if not base:
        return UNSET
    host = _host(base)
    if not host:
        return MALFORMED.format(url=base)
    if any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
        return PLACEHOLDER.format(host=host)
    return ""


def link(base_url: str, code: str) -> Link:
    """The URL a paper's QR code opens for ``code``, or why the paper goes without one."""
    problem = address_problem(base_url)
    if problem:
        return Link(None, problem)
    base = base_url.strip()
    return Link(base + ("" if base.endswith("/") else "/") + code)


__all__ = ["ALPHABET", "LENGTH", "Link", "address_problem", "canonical", "check_character",
           "from_scan", "grouped", "is_web_address", "link", "mistyped", "new_code"]
