"""troff's inline layer: escapes (fonts, sizes, special characters, strings) resolved in a line of
text, comments dropped, and a request's arguments split as troff splits them."""

import re


# \(xx and \[name] special characters; anything not listed becomes nothing
CHARS = {
    "em": "—", "en": "–", "bu": "•", "aq": "'", "dq": '"', "lq": "“", "rq": "”", "oq": "‘", "cq": "’",
    "ha": "^", "ti": "~", "+-": "±", "mu": "×", "di": "÷", "co": "©", "rg": "®", "de": "°", "dg": "†",
    "sc": "§", "ga": "`", "aa": "´", "'a": "á", ":a": "ä", ":A": "Ä", ":o": "ö", ":O": "Ö", ":u": "ü",
    ":U": "Ü", "12": "½", "14": "¼", "34": "¾", "sd": "″", "fm": "′", "ra": ">", "la": "<", "mi": "-",
    "hy": "-", "rs": "\\", "lB": "[", "rB": "]", "lC": "{", "rC": "}", "bv": "|", "or": "|", "ba": "|",
    "ul": "_", "ru": "_", "sl": "/", "eq": "=", "pl": "+", "Fo": "«", "Fc": "»", "mc": "µ", "ss": "ß",
    "tm": "™", "->": "→", "<-": "<-", "<=": "≤", ">=": "≥", "!=": "!=", "ap": "~", "pc": "·", "ct": "¢",
    "Po": "£", "Ye": "¥", "Eu": "€", "eu": "€", "^o": "ô", "`a": "à", "`e": "è", "'e": "é", "^e": "ê",
    "co ": "©", "at": "@", "sh": "#", "dd": "‡", "cq ": "’", "oA": "Å", "oa": "å", "AE": "Æ", "ae": "æ",
    "~n": "ñ", "~N": "Ñ", ",c": "ç", ",C": "Ç", "/o": "ø", "/O": "Ø", "'E": "É", "'o": "ó", "'i": "í",
    "'u": "ú", "`o": "ò", "u": "u",
}
STRINGS = {"lq": "“", "rq": "”", "R": "®", "Tm": "™", "(Tm": "™"}

_ESCAPE = re.compile(
    r"\\(?:f(?:\[[^\]]*\]|\(..|.)"          # font
    r"|s(?:[-+]?\d|\(\d\d|\[[^\]]*\])"        # size
    r"|\((?P<c2>..)|\[(?P<cn>[^\]]*)\]"       # special characters
    r"|\*(?:\((?P<s2>..)|\[(?P<sn>[^\]]*)\]|(?P<s1>.))"  # strings
    r"|[hvwlLNoDbxXRSZ]'[^']*'"                # escapes with a quoted argument
    r"|n(?:\(..|\[[^\]]*\]|.)"                # number registers
    r"|k.|z|(?P<other>.))", re.S)


def _char(name):
    if name.startswith("u") and len(name) >= 5:
        try:
            return chr(int(name[1:].split("_")[0], 16))
        except ValueError:
            return ""
    return CHARS.get(name, "")


def _escape(m):
    if m.group("c2") is not None:
        return _char(m.group("c2"))
    if m.group("cn") is not None:
        return _char(m.group("cn"))
    for g in ("s2", "sn", "s1"):
        if m.group(g) is not None:
            return STRINGS.get(m.group(g), "")
    other = m.group("other")
    if other is None:
        return ""
    return {"-": "-", "e": "\\", "\\": "\\", "&": "", "|": "", "^": "", ")": "", "~": " ", "0": " ", " ": " ",
            "%": "", ":": "", "c": "", "'": "'", "`": "`", ".": ".", "t": " ", "!": "", "{": "", "}": "",
            "/": "", ",": "", "p": "", "a": "", "d": "", "u": "", "r": "", "E": "\\"}.get(other, other)


def inline(text):
    """Text of one line with its escapes resolved (fonts and sizes dropped)."""
    return _ESCAPE.sub(_escape, text)


def strip_comment(line):
    """A line without its \\" comment (a \\\\" is an escaped backslash, not a comment)."""
    i = 0
    while True:
        i = line.find('\\"', i)
        if i < 0:
            return line
        backslashes = len(line[:i]) - len(line[:i].rstrip("\\"))
        if backslashes % 2 == 0:
            return line[:i]
        i += 2


def args(rest):
    """A request's arguments: words, or "quoted strings" ("" inside is one quote)."""
    out, i, n = [], 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t":
            i += 1
        if i >= n:
            break
        if rest[i] == '"':
            i += 1
            buf = []
            while i < n:
                if rest[i] == '"':
                    if i + 1 < n and rest[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(rest[i])
                i += 1
            out.append("".join(buf))
        else:
            j = i
            while j < n and rest[j] not in " \t":
                j += 1
            out.append(rest[i:j])
            i = j
    return out
