#!/usr/bin/env python3
"""Differential test of course-menu's TOML 1.0 reader against Python's tomllib.

Usage:
    python3 Tests/toml/difftest.py [--bin .build/debug/course-menu] [-j N]
                                   [-k NAME] [--only-corpus] [--only-generated]
                                   [--show] [--dump DIR] [--timeout SECONDS]

Every document is fed on stdin to `BIN toml-json` (the toml-test decoder
interface: tagged JSON on stdout and exit 0 for valid TOML; a diagnostic on
stderr and exit 1 for invalid TOML) and parsed with tomllib.  A document
passes when

  * both accept it and the values are identical, compared typed: our tagged
    JSON is turned into Python values (int, float with nan == nan and the sign
    of zero checked, bool, str, datetime.datetime -- aware for "datetime",
    naive for "datetime-local" --, datetime.date, datetime.time), fractional
    seconds truncated to microseconds as tomllib does; the declared type must
    match the Python type tomllib produces; or
  * both reject it (our exit code 1 with something on stderr).

Exit code 2, any other exit code, death by a signal, a timeout or malformed
JSON from our binary is always a failure.  The run ends with the line
`N passed, M failed`, and the exit status is 0 only when M == 0.

Documents:
  corpus/valid/*.toml        hand-written; tomllib must accept them (checked)
  corpus/invalid/*.toml      hand-written; tomllib must reject them (checked)
  corpus/known-differences/  hand-written cases where we intentionally differ
                             from tomllib, one README line each, checked by
                             the KNOWN_DIFFERENCES table below
  generated                  made at run time by a seeded generator
                             (gen-valid-NNN, gen-invalid-NNN-MUTATION); every
                             generated valid document must be accepted by
                             tomllib and parse to the value the generator
                             built, every invalid one is a mutation of a valid
                             one that tomllib confirmed to reject.

Known differences (intentional; checked against our intended behaviour, not
against tomllib):
  * UTF-8 byte order mark.  tomllib rejects a document that starts with
    U+FEFF; our reader skips one leading BOM.  Mode "bom": our binary must
    accept the document and give the same values tomllib gives for the same
    document with the BOM removed.
  * Nesting depth.  Our reader rejects arrays/inline tables nested deeper than
    128 levels, and table headers or dotted keys with more than 128 parts;
    tomllib accepts 200 levels (and dies with RecursionError near 1000).  Mode
    "reject": our binary must exit 1 with a diagnostic.  Depth exactly 128 is
    in corpus/valid/ (array-deep-128 and friends) and must be accepted.
  * Integers outside int64.  TOML 1.0 requires an error when an integer cannot
    be represented losslessly; tomllib returns Python's unbounded ints.  Mode
    "reject".
  * Grey areas, mode "either": a leap second (second 60; RFC 3339 allows it,
    tomllib rejects it) and a float literal beyond the binary64 range
    (tomllib gives inf).  Our binary may reject cleanly (exit 1) or accept and
    give the value listed in the table.
"""

from __future__ import annotations

import argparse
import calendar
import concurrent.futures
import datetime as dt
import json
import math
import os
import random
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_BIN = ".build/debug/course-menu"   # relative to the repository root
SEED = 20240601
GEN_VALID = 150
GEN_INVALID = 150

# name (without .toml) -> (mode, expected tagged JSON for an accepting "either")
KNOWN_DIFFERENCES: dict[str, tuple[str, object]] = {
    "bom-simple": ("bom", None),
    "bom-table-and-crlf": ("bom", None),
    "bom-comment-first": ("bom", None),
    "bom-only": ("bom", None),
    "bom-no-newline": ("bom", None),
    "bom-then-invalid": ("reject", None),
    "nesting-array-129": ("reject", None),
    "nesting-inline-129": ("reject", None),
    "nesting-header-200-parts": ("reject", None),
    "nesting-dotted-key-200-parts": ("reject", None),
    "nesting-dotted-key-129-parts": ("reject", None),
    "nesting-array-200": ("reject", None),
    "nesting-array-200-values": ("reject", None),
    "nesting-array-1000": ("reject", None),
    "nesting-array-100000-unclosed": ("reject", None),
    "nesting-inline-200": ("reject", None),
    "nesting-mixed-200": ("reject", None),
    "int-overflow-positive": ("reject", None),
    "int-overflow-negative": ("reject", None),
    "int-overflow-huge": ("reject", None),
    "int-overflow-hex": ("reject", None),
    "int-overflow-octal": ("reject", None),
    "int-overflow-binary": ("reject", None),
    "int-overflow-underscores": ("reject", None),
    "time-leap-second-local": (
        "either", {"a": {"type": "time-local", "value": "23:59:60"}}),
    "datetime-leap-second-offset": (
        "either", {"a": {"type": "datetime", "value": "1990-12-31T23:59:60Z"}}),
    "datetime-leap-second-local": (
        "either", {"a": {"type": "datetime-local", "value": "2016-12-31T23:59:60"}}),
    "float-overflow-exponent": (
        "either", {"a": {"type": "float", "value": "inf"}}),
}


# --------------------------------------------------------------------------
# Documents and the reference (tomllib)

@dataclass
class Doc:
    name: str
    data: bytes
    expect: str                 # "valid", "invalid", "known"
    origin: str                 # "corpus" or "generated"
    model: object = None        # generator's own idea of the value (valid only)
    problem: str | None = None  # harness problem found while building the doc


class Rejected(Exception):
    pass


def tomllib_parse(data: bytes):
    """Return tomllib's value for the document, or raise Rejected."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Rejected(f"not UTF-8: {e}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise Rejected(str(e)) from None
    except RecursionError:
        raise Rejected("RecursionError") from None


# --------------------------------------------------------------------------
# Tagged JSON -> Python values

class BadOutput(Exception):
    pass


INT_RE = re.compile(r"-?[0-9]+\Z")
FLOAT_RE = re.compile(
    r"[+-]?(?:inf|nan|[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)\Z")
DATE_P = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
TIME_P = r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
ODT_RE = re.compile(DATE_P + "T" + TIME_P + r"(Z|z|[+-][0-9]{2}:[0-9]{2})\Z")
LDT_RE = re.compile(DATE_P + "T" + TIME_P + r"\Z")
LD_RE = re.compile(DATE_P + r"\Z")
LT_RE = re.compile(TIME_P + r"\Z")
SCALAR_TYPES = {"string", "integer", "float", "bool", "datetime",
                "datetime-local", "date-local", "time-local"}


def _micro(frac):
    return int(frac[:6].ljust(6, "0")) if frac else 0


def _time_parts(h, mi, s, frac):
    return dict(hour=int(h), minute=int(mi), second=int(s), microsecond=_micro(frac))


def tagged_scalar(t: str, v: str):
    try:
        if t == "string":
            return v
        if t == "integer":
            if not INT_RE.match(v):
                raise BadOutput(f"integer value {v!r} is not plain decimal")
            return int(v)
        if t == "float":
            if not FLOAT_RE.match(v):
                raise BadOutput(f"float value {v!r} has an unexpected form")
            return float(v)
        if t == "bool":
            if v not in ("true", "false"):
                raise BadOutput(f"bool value {v!r}")
            return v == "true"
        if t == "datetime":
            m = ODT_RE.match(v)
            if not m:
                raise BadOutput(f"datetime value {v!r} is not YYYY-MM-DDTHH:MM:SS[.f](Z|+hh:mm)")
            y, mo, d, h, mi, s, frac, off = m.groups()
            if off in ("Z", "z"):
                tz = dt.timezone.utc
            else:
                sign = -1 if off[0] == "-" else 1
                tz = dt.timezone(sign * dt.timedelta(hours=int(off[1:3]), minutes=int(off[4:6])))
            return dt.datetime(int(y), int(mo), int(d), tzinfo=tz, **_time_parts(h, mi, s, frac))
        if t == "datetime-local":
            m = LDT_RE.match(v)
            if not m:
                raise BadOutput(f"datetime-local value {v!r} is not YYYY-MM-DDTHH:MM:SS[.f]")
            y, mo, d, h, mi, s, frac = m.groups()
            return dt.datetime(int(y), int(mo), int(d), **_time_parts(h, mi, s, frac))
        if t == "date-local":
            m = LD_RE.match(v)
            if not m:
                raise BadOutput(f"date-local value {v!r} is not YYYY-MM-DD")
            return dt.date(*map(int, m.groups()))
        if t == "time-local":
            m = LT_RE.match(v)
            if not m:
                raise BadOutput(f"time-local value {v!r} is not HH:MM:SS[.f]")
            return dt.time(**_time_parts(*m.groups()))
    except ValueError as e:
        raise BadOutput(f"{t} value {v!r}: {e}") from None
    raise BadOutput(f"unknown type {t!r}")


def is_tag(o) -> bool:
    return (isinstance(o, dict) and set(o) == {"type", "value"}
            and isinstance(o["type"], str) and isinstance(o["value"], str))


def from_tagged(o, where="root"):
    if is_tag(o):
        if o["type"] not in SCALAR_TYPES:
            raise BadOutput(f"at {where}: unknown type {o['type']!r}")
        return tagged_scalar(o["type"], o["value"])
    if isinstance(o, dict):
        return {k: from_tagged(v, f"{where}.{k}") for k, v in o.items()}
    if isinstance(o, list):
        return [from_tagged(v, f"{where}[{i}]") for i, v in enumerate(o)]
    raise BadOutput(f"at {where}: untagged JSON value {json.dumps(o)[:60]}")


def _no_dup_keys(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise BadOutput(f"duplicate JSON key {k!r}")
        d[k] = v
    return d


def _no_constants(c):
    raise BadOutput(f"non-JSON constant {c}")


def parse_output(stdout: bytes):
    try:
        text = stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadOutput(f"stdout is not UTF-8: {e}") from None
    try:
        o = json.loads(text, object_pairs_hook=_no_dup_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        raise BadOutput(f"stdout is not JSON: {e}; stdout starts {text[:80]!r}") from None
    if not isinstance(o, dict):
        raise BadOutput("top level of the JSON is not an object")
    return o, from_tagged(o)


# --------------------------------------------------------------------------
# Typed comparison

def describe(v) -> str:
    if isinstance(v, bool):
        return f"bool {v}"
    if isinstance(v, dt.datetime):
        return ("datetime " if v.tzinfo else "datetime-local ") + v.isoformat()
    if isinstance(v, dt.date):
        return f"date-local {v.isoformat()}"
    if isinstance(v, dt.time):
        return f"time-local {v.isoformat()}"
    if isinstance(v, dict):
        return "table"
    if isinstance(v, list):
        return f"array of {len(v)}"
    s = repr(v)
    return f"{type(v).__name__} {s if len(s) < 50 else s[:47] + '...'}"


def diff(exp, got, where="root") -> str | None:
    """None if equal, else a short description of the first difference."""
    if type(exp) is not type(got):
        return f"at {where}: expected {describe(exp)}, got {describe(got)}"
    if isinstance(exp, dict):
        if set(exp) != set(got):
            missing = sorted(set(exp) - set(got))[:3]
            extra = sorted(set(got) - set(exp))[:3]
            return f"at {where}: keys differ, missing {missing}, unexpected {extra}"
        for k in exp:
            r = diff(exp[k], got[k], f"{where}.{k}")
            if r:
                return r
        return None
    if isinstance(exp, list):
        if len(exp) != len(got):
            return f"at {where}: expected {describe(exp)}, got {describe(got)}"
        for i, (a, b) in enumerate(zip(exp, got)):
            r = diff(a, b, f"{where}[{i}]")
            if r:
                return r
        return None
    if isinstance(exp, float):
        if math.isnan(exp) and math.isnan(got):
            return None
        if exp == got and math.copysign(1, exp) == math.copysign(1, got):
            return None
        return f"at {where}: expected float {exp!r}, got float {got!r}"
    if isinstance(exp, dt.datetime):
        if (exp.tzinfo is None) != (got.tzinfo is None):
            return f"at {where}: expected {describe(exp)}, got {describe(got)}"
        if exp.replace(tzinfo=None) != got.replace(tzinfo=None) or exp.utcoffset() != got.utcoffset():
            return f"at {where}: expected {describe(exp)}, got {describe(got)}"
        return None
    if exp != got:
        return f"at {where}: expected {describe(exp)}, got {describe(got)}"
    return None


def diff_tagged(exp, got, where="root") -> str | None:
    """Compare raw tagged JSON (used where Python values cannot express the value)."""
    if is_tag(exp):
        if not is_tag(got) or got["type"] != exp["type"]:
            return f"at {where}: expected {exp}, got {json.dumps(got)[:80]}"
        if exp["type"] == "float":
            try:
                return diff(float(exp["value"]), float(got["value"]), where)
            except ValueError:
                return f"at {where}: bad float {got['value']!r}"
        if exp["value"] != got["value"]:
            return f"at {where}: expected {exp}, got {got}"
        return None
    if isinstance(exp, dict):
        if not isinstance(got, dict) or set(exp) != set(got):
            return f"at {where}: expected keys {sorted(exp)}, got {json.dumps(got)[:80]}"
        for k in exp:
            r = diff_tagged(exp[k], got[k], f"{where}.{k}")
            if r:
                return r
    return None


# --------------------------------------------------------------------------
# Seeded generator of valid documents, and mutations that make them invalid

BARE_RE = re.compile(r"[A-Za-z0-9_-]+\Z")
SHORT_ESC = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
             '"': '\\"', "\\": "\\\\"}
CHAR_POOL = (list("abcxyzABCXYZ0189 _-.,:;!?=[]{}#'\"\\/")
             + ["é", "ü", "ß", "中", "文", "ж", "λ", "😀", "🎉", "\u00a0", "\u200b",
                "\ufeff", "\U0010fffd", "\u0301", "\ufffd"]
             + ["\t", "\n", "\r", "\x00", "\x01", "\x08", "\x0c", "\x1b", "\x1f", "\x7f"])
KEY_WORDS = ["a", "b", "key", "name", "value", "type", "title", "x1", "bare-key",
             "under_score", "1234", "0", "-", "_", "true", "inf", "nan",
             "2024-01-01", "ключ", "中文", "a b", "a.b", "", "é", "quote\"d",
             "apo'strophe", "tab\tkey", "#hash", "[x]", "=", "😀",
             # canonically equivalent to others in this list: must stay distinct keys
             "e\u0301", "\u00c5", "\u212b", "A\u030a", "\u0301", "\r\n", "\n"]
INVALID_VALUES = ["01", "00", "+01", "1__2", "_1", "1_", "0x", "0X1F", "+0x1", "-0o7",
                  "0b2", "0o8", "0x_1", "1.", ".1", "1.e5", "1e", "1e+", "1_e5", "1._5",
                  "03.14", "1e5.5", "Inf", "NaN", "nan1", "True", "FALSE", "yes",
                  "hello", "'a'b'", '"a', "'a", '"\\q"', '"\\x41"', '"\\uD800"',
                  '"\\U00110000"', '"\\u12"', '"""a\\ b"""', "'''a''''''",
                  "[1,,2]", "[,]", "[1 2]", "{a = 1,}", "{a = 1, a = 2}", "{,}",
                  "2023-02-30", "2023-13-01", "2001-02-29", "0000-01-01",
                  "24:00:00", "07:60:00", "07:32", "1979-05-27T07:32Z",
                  "1979-05-27T07:32:00+0700", "1979-05-27T07:32:00+24:00",
                  "1979-05-27_07:32:00", "07:32:00Z", "1979-05-27Z", "=", "",
                  "1 2", "1,5", "0x1.8p1", "++1"]
INVALID_KEYS = ["a b", "é", "a..b", ".a", "a.", '"unterminated', "a/b", "[x]", "a@b",
                "'x", '"""k"""']
CONTROL_CHARS = [chr(c) for c in list(range(0, 9)) + list(range(11, 32)) + [127]]


@dataclass
class Stmt:
    kind: str                   # kv, table, aot, comment, blank
    text: str
    path: tuple = ()            # kv: full key path; headers: table path
    vkind: str = ""             # kv: kind of value
    key: str = ""
    value: str = ""


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    # ---- model -----------------------------------------------------------
    def key(self) -> str:
        r = self.r
        if r.random() < 0.7:
            return r.choice(KEY_WORDS)
        n = r.randint(1, 6)
        if r.random() < 0.7:
            return "".join(r.choice("abcdefghijklmnopqrstuvwxyzABC0123456789_-") for _ in range(n))
        return "".join(r.choice(CHAR_POOL) for _ in range(n))

    def model_table(self, depth: int) -> dict:
        d = {}
        n = self.r.randint(1, 7) if depth == 0 else self.r.randint(0, 5 if depth < 3 else 2)
        for _ in range(n):
            d[self.key()] = self.model_value(depth)
        return d

    def model_value(self, depth: int, in_array=False):
        r = self.r
        kinds = ["int", "float", "bool", "str", "str", "dt", "dt"]
        if depth < 4:
            kinds += ["array", "table", "table"] + ([] if in_array else ["aot"])
        k = r.choice(kinds)
        if k == "int":
            return ("int", self.int_lit())
        if k == "float":
            return ("float", self.float_lit())
        if k == "bool":
            return ("bool", r.choice(["true", "false"]))
        if k == "str":
            return ("str", "".join(r.choice(CHAR_POOL) for _ in range(r.randint(0, 12))))
        if k == "dt":
            return ("dt", self.datetime_lit(r.choice(["odt", "ldt", "ld", "lt"])))
        if k == "array":
            return [self.model_value(depth + 1, True) for _ in range(r.randint(0, 5))]
        if k == "table":
            return self.model_table(depth + 1)
        return [self.model_table(depth + 1) for _ in range(r.randint(1, 3))]

    # ---- literals (text, python value) -------------------------------------
    def digits_us(self, digits: str) -> str:
        out = digits[0]
        for c in digits[1:]:
            if self.r.random() < 0.15:
                out += "_"
            out += c
        return out

    def int_lit(self):
        r = self.r
        form = r.choice(["dec", "dec", "dec", "hex", "oct", "bin", "zero", "edge"])
        if form == "zero":
            return r.choice(["0", "+0", "-0"]), 0
        if form == "edge":
            v = r.choice([2**63 - 1, -2**63, 2**63 - 2, -2**63 + 1, 2**31, -2**31, 2**32])
            sign = "-" if v < 0 else ("+" if r.random() < 0.3 else "")
            return sign + self.digits_us(str(abs(v))), v
        if form == "dec":
            v = r.choice([r.randint(1, 9), r.randint(10, 10**6), r.randint(10**6, 10**18)])
            if r.random() < 0.4:
                v = -v
            sign = "-" if v < 0 else ("+" if r.random() < 0.2 else "")
            return sign + self.digits_us(str(abs(v))), v
        v = r.choice([0, r.randint(1, 255), r.randint(256, 2**40), r.randint(2**40, 2**63 - 1)])
        base, prefix, fmt = {"hex": (16, "0x", "x"), "oct": (8, "0o", "o"), "bin": (2, "0b", "b")}[form]
        s = format(v, fmt)
        if form == "hex" and r.random() < 0.5:
            s = s.upper()
        s = "0" * r.choice([0, 0, 1, 3]) + s
        return prefix + self.digits_us(s), v

    def float_lit(self):
        r = self.r
        if r.random() < 0.12:
            s = r.choice(["", "+", "-"]) + r.choice(["inf", "nan"])
            return s, float(s)
        sign = r.choice(["", "", "+", "-"])
        ip = "0" if r.random() < 0.3 else str(r.randint(1, 10 ** r.randint(1, 7)))
        frac = exp = ""
        mode = r.choice(["frac", "exp", "both"])
        if mode in ("frac", "both"):
            frac = "." + self.digits_us("".join(r.choice("0123456789") for _ in range(r.randint(1, 8))))
        if mode in ("exp", "both"):
            e = str(r.randint(0, 300 if ip == "0" else 290))
            e = "0" * r.choice([0, 0, 0, 1, 2]) + e
            exp = r.choice("eE") + r.choice(["", "+", "-"]) + self.digits_us(e)
        s = sign + self.digits_us(ip) + frac + exp
        return s, float(s.replace("_", ""))

    def datetime_lit(self, kind):
        r = self.r
        y = r.choice([r.randint(1, 9999), r.randint(1900, 2100), 1, 9999, 2000, 1900])
        mo = r.randint(1, 12)
        d = r.randint(1, calendar.monthrange(y, mo)[1])
        if r.random() < 0.15:
            mo, d = 2, calendar.monthrange(y, 2)[1]
        h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
        frac = "".join(r.choice("0123456789") for _ in range(r.choice([0, 0, 1, 3, 6, 9])))
        micro = _micro(frac)
        date_s = f"{y:04d}-{mo:02d}-{d:02d}"
        time_s = f"{h:02d}:{mi:02d}:{s:02d}" + ("." + frac if frac else "")
        sep = r.choice(["T", "T", "t", " "])
        if kind == "ld":
            return date_s, dt.date(y, mo, d)
        if kind == "lt":
            return time_s, dt.time(h, mi, s, micro)
        if kind == "ldt":
            return date_s + sep + time_s, dt.datetime(y, mo, d, h, mi, s, micro)
        if r.random() < 0.4:
            off, tz = r.choice(["Z", "z"]), dt.timezone.utc
        else:
            oh, om = r.randint(0, 23), r.choice([0, 0, 30, 45, r.randint(0, 59)])
            sg = r.choice("+-")
            off = f"{sg}{oh:02d}:{om:02d}"
            tz = dt.timezone((-1 if sg == "-" else 1) * dt.timedelta(hours=oh, minutes=om))
        return date_s + sep + time_s + off, dt.datetime(y, mo, d, h, mi, s, micro, tzinfo=tz)

    # ---- rendering -----------------------------------------------------------
    def esc_char(self, c: str) -> str:
        r = self.r
        cp = ord(c)
        if c in SHORT_ESC and (c in '"\\' or r.random() < 0.7):
            return SHORT_ESC[c]
        if cp > 0xFFFF or r.random() < 0.3:
            return ("\\U%08x" if r.random() < 0.5 else "\\U%08X") % cp
        return ("\\u%04x" if r.random() < 0.5 else "\\u%04X") % cp

    def basic(self, s: str) -> str:
        out = []
        for c in s:
            cp = ord(c)
            if c in '"\\' or (cp < 32 and c != "\t") or cp == 127 or self.r.random() < 0.08:
                out.append(self.esc_char(c))
            else:
                out.append(c)
        return '"' + "".join(out) + '"'

    @staticmethod
    def literal_ok(s: str, multiline: bool) -> bool:
        for c in s:
            cp = ord(c)
            if c == "\n" and multiline:
                continue
            if (cp < 32 and c != "\t") or cp == 127:
                return False
        return ("'''" not in s) if multiline else ("'" not in s)

    def ml_basic(self, s: str) -> str:
        r = self.r
        out, quotes = [], 0
        for c in s:
            cp = ord(c)
            if c == '"':
                if quotes == 2 or r.random() < 0.2:
                    out.append('\\"')
                    quotes = 0
                else:
                    out.append(c)
                    quotes += 1
                continue
            quotes = 0
            if c == "\\" or (cp < 32 and c not in "\t\n") or cp == 127 or r.random() < 0.05:
                if c not in " \t\n" and r.random() < 0.1:
                    # line-ending backslash before a non-whitespace character
                    out.append("\\" + r.choice(["", " ", "\t ", "  "]) + "\n" * r.randint(1, 3)
                               + r.choice(["", "  ", "\t"]))
                out.append(self.esc_char(c))
            else:
                if c not in " \t\n" and r.random() < 0.06:
                    out.append("\\" + r.choice(["", " ", "\t"]) + "\n" + r.choice(["", "   "]))
                out.append(c)
        lead = "\n" if (s.startswith("\n") or r.random() < 0.4) else ""
        tail = ("\\\n" + r.choice(["", "  "])) if r.random() < 0.1 else ""
        return '"""' + lead + "".join(out) + tail + '"""'

    def ml_literal(self, s: str) -> str:
        lead = "\n" if (s.startswith("\n") or self.r.random() < 0.4) else ""
        return "'''" + lead + s + "'''"

    def render_string(self, s: str) -> tuple[str, str]:
        forms = ["basic", "mlb"]
        if self.literal_ok(s, False):
            forms.append("lit")
        if self.literal_ok(s, True):
            forms.append("mll")
        f = self.r.choice(forms)
        if f == "basic":
            return self.basic(s), "str-basic"
        if f == "lit":
            return "'" + s + "'", "str-literal"
        if f == "mlb":
            return self.ml_basic(s), "str-mlb"
        return self.ml_literal(s), "str-mll"

    def render_key_part(self, k: str) -> str:
        r = self.r
        if BARE_RE.match(k) and r.random() < 0.85:
            return k
        if self.literal_ok(k, False) and r.random() < 0.4:
            return "'" + k + "'"
        return self.basic(k)

    def dotted(self, parts) -> str:
        sep = self.r.choice([".", ".", ".", " . ", ". ", "\t.\t"])
        return sep.join(self.render_key_part(p) for p in parts)

    def comment(self) -> str:
        r = self.r
        return "#" + "".join(r.choice(list("abc xyz\t#=[]\"'") + ["é", "中", "😀"])
                             for _ in range(r.randint(0, 15)))

    def render_value(self, v, in_inline=False) -> tuple[str, str, object]:
        """Return (text, kind, python value)."""
        r = self.r
        if isinstance(v, tuple):
            tag, payload = v
            if tag == "str":
                text, kind = self.render_string(payload)
                return text, kind, payload
            if tag == "bool":
                return payload, "bool", payload == "true"
            text, val = payload
            return text, {"int": "int", "float": "float", "dt": "datetime"}[tag], val
        if isinstance(v, dict):
            text, val = self.render_inline(v)
            return text, "inline", val
        # array
        items = [self.render_value(e, in_inline) for e in v]
        vals = [i[2] for i in items]
        texts = [i[0] for i in items]
        if not texts:
            return r.choice(["[]", "[ ]", "[\n]", "[ # c\n]"]), "array", vals
        multiline = r.random() < (0.2 if in_inline else 0.4)
        if multiline:
            ind = r.choice(["  ", "\t", ""])
            body = ""
            for i, t in enumerate(texts):
                body += "\n" + ind + t
                if i < len(texts) - 1 or r.random() < 0.5:
                    body += r.choice([",", " ,", ",", "\n" + ind + ","])
                if r.random() < 0.25:
                    body += " " + self.comment()
            return "[" + body + "\n]", "array", vals
        sep = r.choice([", ", ",", " , "])
        trail = r.choice(["", "", ",", ", "])
        sp = r.choice(["", " "])
        return "[" + sp + sep.join(texts) + trail + sp + "]", "array", vals

    def entries(self, d: dict, prefix: list, allow_sections: bool, in_inline=False):
        """Key/value entries of a table body and the sections it defers.

        Returns (entries, pending, value) where entries are (parts, text, kind),
        pending are (kind, relative parts, model, from_dotted)."""
        r = self.r
        ents, pend, val = [], [], {}
        for k, v in d.items():
            parts = prefix + [k]
            if isinstance(v, dict):
                modes = ["inline"]
                if allow_sections:
                    modes += ["header", "header"]
                if v:
                    modes += ["dotted", "dotted"]
                mode = r.choice(modes)
                if mode == "header":
                    pend.append(("table", parts, v, bool(prefix)))
                    val[k] = self.section_value(v)
                elif mode == "inline":
                    text, sub = self.render_inline(v)
                    ents.append((parts, text, "inline"))
                    val[k] = sub
                else:
                    e, p, sub = self.entries(v, parts, allow_sections, in_inline)
                    ents += e
                    pend += p
                    val[k] = sub
            elif (isinstance(v, list) and v and all(isinstance(e, dict) for e in v)
                  and allow_sections and not prefix and r.random() < 0.7):
                pend.append(("aot", parts, v, False))
                val[k] = [self.section_value(e) for e in v]
            else:
                text, kind, sub = self.render_value(v, in_inline)
                ents.append((parts, text, kind))
                val[k] = sub
        if r.random() < 0.3:
            r.shuffle(ents)
        return ents, pend, val

    def section_value(self, d: dict):
        # placeholder; filled in when the section is emitted
        return {"__section__": id(d)}

    def render_inline(self, d: dict):
        ents, _, val = self.entries(d, [], False, True)
        sp = self.r.choice(["", " "])
        if not ents:
            return self.r.choice(["{}", "{ }"]), {}
        eq = self.r.choice(["=", " = "])
        return ("{" + sp + ", ".join(self.dotted(p) + eq + t for p, t, _ in ents) + sp + "}"), val

    def header(self, path, aot: bool) -> Stmt:
        r = self.r
        sp = r.choice(["", "", " "])
        o, c = ("[[", "]]") if aot else ("[", "]")
        core = r.choice(["", "", "", "  "]) + o + sp + self.dotted(path) + sp + c
        trail = (" " + self.comment()) if r.random() < 0.2 else ""
        return Stmt("aot" if aot else "table", core + trail, tuple(path), key=core)

    def emit(self, kind, path, d, out: list, vals: dict):
        """Emit a section (root, table or one array-of-tables element)."""
        r = self.r
        ents, pend, val = self.entries(d, [], True)
        vals[id(d)] = val
        body = []
        for parts, text, vkind in ents:
            key = self.dotted(parts)
            eq = r.choice([" = ", "=", " =  ", "\t=\t"])
            trail = (" " + self.comment()) if r.random() < 0.15 else ""
            ind = r.choice(["", "", "", "  ", "\t"])
            body.append(Stmt("kv", ind + key + eq + text + trail, tuple(path) + tuple(parts),
                             vkind, key, text))
            if r.random() < 0.1:
                body.append(Stmt("comment", r.choice(["", "  "]) + self.comment()))
            if r.random() < 0.1:
                body.append(Stmt("blank", r.choice(["", "  ", "\t"])))
        own = [p for p in pend if not p[3]]
        from_dotted = [p for p in pend if p[3]]
        head = []
        if kind in ("table", "aot"):
            head = [self.header(path, kind == "aot")]
        r.shuffle(own)
        mode = "normal"
        if kind == "table" and own and not from_dotted:
            mode = r.choice(["normal", "normal", "implicit" if not body else "normal", "later"])
        if mode == "implicit":
            head = []
        if mode != "later":
            out += head + body
        for skind, parts, sub, _ in from_dotted + own:
            p = list(path) + parts
            if skind == "table":
                self.emit("table", p, sub, out, vals)
            else:
                for e in sub:
                    self.emit("aot", p, e, out, vals)
        if mode == "later":
            out += head + body

    def resolve(self, v, vals):
        if isinstance(v, dict):
            if set(v) == {"__section__"}:
                return self.resolve(vals[v["__section__"]], vals)
            return {k: self.resolve(x, vals) for k, x in v.items()}
        if isinstance(v, list):
            return [self.resolve(x, vals) for x in v]
        return v

    def valid_doc(self):
        r = self.r
        model = self.model_table(0)
        if not model:
            model = {self.key(): self.model_value(0)}
        stmts, vals = [], {}
        if r.random() < 0.3:
            stmts.append(Stmt("comment", self.comment()))
        self.emit("root", [], model, stmts, vals)
        value = self.resolve(vals[id(model)], vals)
        return stmts, value

    def join(self, stmts, crlf: bool, final_newline: bool) -> bytes:
        text = "\n".join(s.text for s in stmts) + ("\n" if final_newline else "")
        if crlf:
            text = text.replace("\n", "\r\n")
        return text.encode("utf-8")

    def layout(self):
        return self.r.random() < 0.15, self.r.random() < 0.9

    # ---- mutations -------------------------------------------------------------
    def mutate(self, stmts: list[Stmt]) -> tuple[str, list[Stmt]] | None:
        r = self.r
        kvs = [i for i, s in enumerate(stmts) if s.kind == "kv"]
        heads = [i for i, s in enumerate(stmts) if s.kind in ("table", "aot")]
        vk = {s.vkind for s in stmts if s.kind == "kv"}
        hk = {s.kind for s in stmts if s.kind in ("table", "aot")}
        applicable = {
            "dup-key": bool(kvs), "join-lines": bool(kvs), "bad-value": bool(kvs),
            "unclose-string": any(k.startswith("str") for k in vk),
            "inline-newline": "inline" in vk, "inline-trailing-comma": "inline" in vk,
            "control-char": any(k.startswith("str") for k in vk)
                            or any(s.kind == "comment" for s in stmts),
            "bare-cr": len(stmts) > 1, "dup-header": "table" in hk,
            "header-over-value": bool(kvs), "table-over-aot": "aot" in hk,
            "remove-equals": bool(kvs), "bad-key": bool(kvs), "missing-value": bool(kvs),
            "bad-header": bool(hk), "array-break": "array" in vk,
            "static-array-append": "array" in vk,
        }
        choices = sorted(k for k, ok in applicable.items() if ok)
        if not choices:
            return None
        m = r.choice(choices)
        s2 = [Stmt(**vars(s)) for s in stmts]

        def replace_kv(i, key=None, value=None):
            s = s2[i]
            k = key if key is not None else s.key
            v = value if value is not None else s.value
            s2[i] = Stmt("kv", k + " = " + v, s.path, s.vkind, k, v)

        if m == "dup-key" and kvs:
            i = r.choice(kvs)
            s2.insert(i + 1, Stmt(**vars(s2[i])))
        elif m == "join-lines":
            cand = [i for i in kvs if i + 1 < len(s2) and s2[i + 1].kind in ("kv", "table", "aot")]
            if not cand:
                return None
            i = cand[0] if len(cand) == 1 else r.choice(cand)
            s2[i] = Stmt("kv", s2[i].text + r.choice([" ", "  ", ", ", "\t"]) + s2[i + 1].text.lstrip())
            del s2[i + 1]
        elif m == "bad-value" and kvs:
            replace_kv(r.choice(kvs), value=r.choice(INVALID_VALUES))
        elif m == "unclose-string":
            cand = [i for i in kvs if s2[i].vkind.startswith("str")]
            if not cand:
                return None
            i = r.choice(cand)
            v = s2[i].value
            replace_kv(i, value=v[:-1] if s2[i].vkind in ("str-basic", "str-literal") else v[:-3])
        elif m == "inline-newline":
            cand = [i for i in kvs if s2[i].vkind == "inline" and s2[i].value not in ("{}", "{ }")]
            if not cand:
                return None
            i = r.choice(cand)
            v = s2[i].value
            pos = r.choice([1, len(v) - 1] + [j + 1 for j, c in enumerate(v) if c == ","])
            replace_kv(i, value=v[:pos] + "\n" + v[pos:])
        elif m == "inline-trailing-comma":
            cand = [i for i in kvs if s2[i].vkind == "inline"]
            if not cand:
                return None
            i = r.choice(cand)
            v = s2[i].value.rstrip("} ")
            replace_kv(i, value=v + r.choice([",}", ", }", ",,}"]))
        elif m == "control-char":
            cand = [i for i in kvs if s2[i].vkind.startswith("str")] + \
                   [i for i, s in enumerate(s2) if s.kind == "comment"]
            if not cand:
                return None
            i = r.choice(cand)
            ch = r.choice(CONTROL_CHARS)
            if s2[i].kind == "comment":
                s2[i] = Stmt("comment", s2[i].text + ch + "x")
            else:
                v = s2[i].value
                q = 3 if s2[i].vkind in ("str-mlb", "str-mll") else 1
                replace_kv(i, value=v[:q] + ch + v[q:])
        elif m == "bare-cr":
            if len(s2) < 2:
                return None
            i = r.randrange(len(s2) - 1)
            s2[i] = Stmt("blank", s2[i].text + "\r" + s2[i + 1].text)
            del s2[i + 1]
        elif m == "dup-header":
            cand = [i for i in heads if s2[i].kind == "table"]
            if not cand:
                return None
            s2.append(Stmt("table", "[" + self.dotted(s2[r.choice(cand)].path) + "]"))
        elif m == "header-over-value":
            if not kvs:
                return None
            s = s2[r.choice(kvs)]
            p = list(s.path)
            if s.vkind == "inline" and r.random() < 0.5:
                p.append("zz")
            o, c = ("[[", "]]") if (s.vkind == "array" and r.random() < 0.5) else ("[", "]")
            s2.append(Stmt("table", o + self.dotted(p) + c))
        elif m == "table-over-aot":
            cand = [i for i in heads if s2[i].kind == "aot"]
            if not cand:
                return None
            s2.append(Stmt("table", "[" + self.dotted(s2[r.choice(cand)].path) + "]"))
        elif m == "remove-equals" and kvs:
            i = r.choice(kvs)
            s2[i] = Stmt("kv", s2[i].key + " " + s2[i].value)
        elif m == "bad-key" and kvs:
            replace_kv(r.choice(kvs), key=r.choice(INVALID_KEYS))
        elif m == "missing-value" and kvs:
            replace_kv(r.choice(kvs), value="")
        elif m == "bad-header":
            if not heads:
                return None
            i = r.choice(heads)
            t = s2[i].key.strip()
            n = 2 if s2[i].kind == "aot" else 1
            bad = r.choice([t[:-1], t + "]", t[:n] + "." + t[n:], t[:-n] + "." + t[-n:],
                            t + " x = 1", t[:-n] + ".." + t[-n:] if n == 1 else "[ " + t[1:],
                            t[:-n] + "\n" + t[-n:]])
            s2[i] = Stmt("table", bad)
        elif m == "array-break":
            cand = [i for i in kvs if s2[i].vkind == "array"]
            if not cand:
                return None
            i = r.choice(cand)
            v = s2[i].value
            replace_kv(i, value=r.choice([v[:-1], v[:-1] + ",,]", "[," + v[1:], v + "]"]))
        elif m == "static-array-append":
            cand = [i for i in kvs if s2[i].vkind == "array"]
            if not cand:
                return None
            s2.append(Stmt("aot", "[[" + self.dotted(s2[r.choice(cand)].path) + "]]"))
        else:
            return None
        return m, s2


def generate(seed: int, n_valid: int, n_invalid: int) -> list[Doc]:
    g = Gen(seed)
    docs = []
    for n in range(n_valid):
        stmts, value = g.valid_doc()
        crlf, nl = g.layout()
        data = g.join(stmts, crlf, nl)
        doc = Doc(f"gen-valid-{n:03d}", data, "valid", "generated", model=value)
        try:
            got = tomllib_parse(data)
            d = diff(value, got)
            if d:
                doc.problem = f"generator self-check: tomllib value differs from the model: {d}"
        except Rejected as e:
            doc.problem = f"generator produced a document tomllib rejects: {e}"
        docs.append(doc)
    n = 0
    while n < n_invalid:
        stmts, _ = g.valid_doc()
        crlf, nl = g.layout()
        for _attempt in range(20):
            res = g.mutate(stmts)
            if res is None:
                continue
            m, s2 = res
            data = g.join(s2, crlf, nl)
            try:
                tomllib_parse(data)
            except Rejected:
                docs.append(Doc(f"gen-invalid-{n:03d}-{m}", data, "invalid", "generated"))
                n += 1
                break
    return docs


# --------------------------------------------------------------------------
# Running

def load_corpus() -> list[Doc]:
    docs = []
    for sub, expect in (("valid", "valid"), ("invalid", "invalid"), ("known-differences", "known")):
        d = os.path.join(CORPUS, sub)
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".toml"):
                continue
            with open(os.path.join(d, fn), "rb") as f:
                docs.append(Doc(f"{sub}/{fn[:-5]}", f.read(), expect, "corpus"))
    return docs


@dataclass
class Run:
    rc: int | None
    out: bytes = b""
    err: bytes = b""
    timeout: bool = False
    error: str = ""


def run_bin(binary: str, data: bytes, timeout: float) -> Run:
    try:
        p = subprocess.run([binary, "toml-json"], input=data, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Run(None, timeout=True)
    except OSError as e:
        return Run(None, error=str(e))
    return Run(p.returncode, p.stdout, p.stderr)


def first_line(b: bytes) -> str:
    s = b.decode("utf-8", "replace").strip().splitlines()
    return (s[0][:120] if s else "")


def bad_exit(run: Run) -> str | None:
    if run.error:
        return f"could not run the binary: {run.error}"
    if run.timeout:
        return "timed out"
    if run.rc < 0:
        return f"killed by signal {-run.rc} (crash); stderr: {first_line(run.err)!r}"
    if run.rc not in (0, 1):
        return f"exit code {run.rc} (only 0 or 1 allowed); stderr: {first_line(run.err)!r}"
    if run.rc == 1 and not run.err.strip():
        return "exit 1 with nothing on stderr"
    return None


def check(doc: Doc, binary: str, timeout: float) -> str | None:
    """Return None if the document passes, else a short reason."""
    if doc.problem:
        return doc.problem
    if doc.expect == "known":
        return check_known(doc, binary, timeout)
    try:
        ref = tomllib_parse(doc.data)
        ref_ok, ref_err = True, ""
    except Rejected as e:
        ref, ref_ok, ref_err = None, False, str(e)
    if doc.origin == "corpus":
        if doc.expect == "valid" and not ref_ok:
            return f"corpus error: tomllib rejects a valid/ document: {ref_err}"
        if doc.expect == "invalid" and ref_ok:
            return "corpus error: tomllib accepts an invalid/ document"
    run = run_bin(binary, doc.data, timeout)
    bad = bad_exit(run)
    if bad:
        return bad
    if ref_ok:
        if run.rc != 0:
            return f"rejected a valid document: {first_line(run.err)!r}"
        try:
            _, got = parse_output(run.out)
        except BadOutput as e:
            return f"bad output: {e}"
        d = diff(ref, got)
        return f"value mismatch {d}" if d else None
    if run.rc == 0:
        return f"accepted an invalid document (tomllib: {ref_err})"
    return None


def check_known(doc: Doc, binary: str, timeout: float) -> str | None:
    name = doc.name.split("/", 1)[1]
    if name not in KNOWN_DIFFERENCES:
        return "known-differences file without an entry in KNOWN_DIFFERENCES"
    mode, expected = KNOWN_DIFFERENCES[name]
    run = run_bin(binary, doc.data, timeout)
    bad = bad_exit(run)
    if bad:
        return bad
    if mode == "reject":
        return None if run.rc == 1 else "accepted; our reader must reject this document"
    if mode == "bom":
        if not doc.data.startswith(b"\xef\xbb\xbf"):
            return "corpus error: bom case does not start with a BOM"
        try:
            ref = tomllib_parse(doc.data[3:])
        except Rejected as e:
            return f"corpus error: tomllib rejects the document without its BOM: {e}"
        if run.rc != 0:
            return f"rejected a document with a leading BOM: {first_line(run.err)!r}"
        try:
            _, got = parse_output(run.out)
        except BadOutput as e:
            return f"bad output: {e}"
        d = diff(ref, got)
        return f"value mismatch {d}" if d else None
    if mode == "either":
        if run.rc == 1:
            return None
        try:
            raw = json.loads(run.out.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return f"bad output: {e}"
        d = diff_tagged(expected, raw)
        return f"value mismatch {d}" if d else None
    return f"unknown mode {mode!r}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN, help="course-menu binary (default %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2, help="parallel runs")
    ap.add_argument("-k", dest="filters", action="append", default=[],
                    help="only documents whose name contains NAME (repeatable)")
    ap.add_argument("--only-corpus", action="store_true", help="skip generated documents")
    ap.add_argument("--only-generated", action="store_true", help="skip the corpus")
    ap.add_argument("--seed", type=int, default=SEED, help="generator seed (default %(default)s)")
    ap.add_argument("--gen-valid", type=int, default=GEN_VALID)
    ap.add_argument("--gen-invalid", type=int, default=GEN_INVALID)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per document")
    ap.add_argument("--show", action="store_true", help="print the content of failing documents")
    ap.add_argument("--dump", metavar="DIR", help="write the generated documents to DIR")
    ap.add_argument("-v", "--verbose", action="store_true", help="print a line per passing document")
    a = ap.parse_args(argv)

    docs = [] if a.only_generated else load_corpus()
    if not a.only_corpus:
        gen = generate(a.seed, a.gen_valid, a.gen_invalid)
        if a.dump:
            os.makedirs(a.dump, exist_ok=True)
            for d in gen:
                with open(os.path.join(a.dump, d.name + ".toml"), "wb") as f:
                    f.write(d.data)
        docs += gen
    if a.filters:
        docs = [d for d in docs if any(f in d.name for f in a.filters)]
    if a.bin == DEFAULT_BIN and not os.path.exists(a.bin):
        a.bin = os.path.join(REPO, DEFAULT_BIN)
    if not os.path.isfile(a.bin) or not os.access(a.bin, os.X_OK):
        print(f"error: binary {a.bin!r} not found or not executable (build it first)", file=sys.stderr)
        return 2

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        results = ex.map(lambda d: (d, check(d, a.bin, a.timeout)), docs)
        for doc, reason in results:
            if reason is None:
                passed += 1
                if a.verbose:
                    print(f"ok   {doc.name}")
                continue
            failed += 1
            print(f"FAIL {doc.name}: {reason}")
            if a.show:
                text = doc.data.decode("utf-8", "backslashreplace")
                if len(text) > 600:
                    text = text[:600] + "...[truncated]"
                print("     | " + repr(text))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
