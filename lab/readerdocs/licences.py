"""Which documents may be used: the licence of each package and, for man pages, of each page.

A Debian package's /usr/share/doc/<package>/copyright says who holds what under which licence;
the Linux man-pages project's copyright file is machine-readable (DEP-5) and names a licence for
every page, and each page also names its own in its header (an SPDX line, or an older
`%%%LICENSE_START(...)` block). A page is kept only when both say a licence on the permissive
list below; when either says a GPL, says nothing, or the two disagree, the page is left out and
the reason recorded.
"""

import fnmatch
import re

# Licences a page may carry (both in the copyright file and in its own header). The Linux
# man-pages "verbatim" licence (Linux-man-pages-copyleft, and the older VERBATIM_* notices)
# lets anyone copy and distribute the page, modified too, under the same notice; the BSD and
# MIT families, public domain and the freely-redistributable notices ask for an attribution at most.
PERMISSIVE = {
    # DEP-5 names (the copyright file)
    "BSD-2-clause", "BSD-3-clause", "BSD-4-clause", "Expat", "MIT", "Linux-man-pages-copyleft",
    "public-domain", "PSF-2.0", "Python-2.0", "Apache", "Apache-2.0", "BSD-3-Clause", "BSD-2-clause",
    # SPDX identifiers (a page's header)
    "BSD-2-Clause", "BSD-3-Clause", "BSD-4-Clause-UC", "BSD-4-Clause",
    # the older %%%LICENSE_START(...) tags of man-pages
    "VERBATIM", "VERBATIM_ONE_PARA", "VERBATIM_TWO_PARA", "VERBATIM_PROF", "PUBLIC_DOMAIN",
    "PERMISSIVE_MISC", "FREELY_REDISTRIBUTABLE", "BSD_ONELINE_CDROM", "Spencer-94",
}
# never: the GPL family (GPL-1+, GPL-2, GPL-2.0-or-later ...), the LDP's GPL-like licence, and
# anything not named above


def parse_dep5(text):
    """[(patterns, licence)] of a machine-readable copyright file, in order (the last match wins)."""
    stanzas = []
    for para in re.split(r"\n\s*\n", text):
        if not para.startswith("Files:"):
            continue
        m = re.search(r"^Files:(.*?)^(?=\S)", para + "\nEnd:", re.S | re.M)
        files = m.group(1).split() if m else []
        lic = re.search(r"^License:[ \t]*(.*)$", para, re.M)
        if files and lic:
            stanzas.append((files, lic.group(1).strip()))
    return stanzas


def dep5_licence(stanzas, path):
    """The licence the copyright file gives a path (relative to the upstream tree), or None."""
    found = None
    for patterns, lic in stanzas:
        if any(fnmatch.fnmatchcase(path, p) for p in patterns):
            found = lic
    return found


def page_licence(source):
    """The licence a man page's own header names: its SPDX identifier, else its
    %%%LICENSE_START tag (the one page with a MISC tag is Henry Spencer's permissive notice,
    recognised by its words), else None."""
    m = re.search(r"SPDX-License-Identifier:\s*([^\s\\]+(?:\s+(?:OR|AND|WITH)\s+[^\s\\]+)*)", source)
    if m:
        return m.group(1).strip()
    m = re.search(r"%%%LICENSE_START\((\w+)\)", source)
    if not m:
        return None
    tag = m.group(1)
    if tag == "MISC" and "Permission is granted to anyone to use this software for any purpose" in source:
        return "Spencer-94"
    return tag


def permissive(licence):
    """Whether a licence expression is all permissive ("A and B" needs both; "A OR B" either)."""
    if not licence:
        return False
    choices = re.split(r"\s+or\s+", licence.strip(), flags=re.I)
    if len(choices) > 1:
        return any(permissive(c) for c in choices)
    return all(p.strip() in PERMISSIVE for p in re.split(r"\s+and\s+", licence.strip(), flags=re.I))


def check_page(stanzas, relpath, source):
    """(kept, licence, reason) for one man page: relpath as the copyright file names it (man2/open.2)."""
    declared = dep5_licence(stanzas, relpath)
    own = page_licence(source)
    if own is None:
        return False, declared, "the page names no licence"
    if declared is None:
        return False, own, "the copyright file names no licence for it"
    if not permissive(declared) and permissive(own):
        return False, f"{declared} / {own}", (f"unclear: the copyright file gives {declared}, "
                                              f"the page's own header {own}")
    if not permissive(declared):
        return False, f"{declared} / {own}", f"copyright file and page header: {declared} / {own}"
    if not permissive(own):
        return False, f"{declared} / {own}", f"page header: {own}"
    return True, declared if declared == own else f"{declared} (page: {own})", ""


def python_doc_licence(copyright_text, license_html):
    """The Python documentation's licence, checked in both the package's copyright file and the
    documentation's own license page; None when either does not say the PSF licence."""
    if "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" not in copyright_text:
        return None
    text = " ".join(re.sub(r"<[^>]+>", " ", license_html).split())
    if "Python software and documentation are licensed under the PSF License Agreement" not in text:
        return None
    return "PSF-2.0"


def text_licence(text):
    """The licence a copyright file that is not machine-readable states, recognised by its
    words; None when it is not one of the permissive ones (or mentions the GPL at all)."""
    flat = " ".join(text.split())
    if re.search(r"GNU (?:Lesser |Library )?General Public License|\bGPL\b", flat):
        return None
    found = []  # the licence whose words come first is the package's own; later ones are bundled parts'
    for marker, lic in (("Redistribution and use in source and binary forms", "BSD"),
                        ("Permission is hereby granted, free of charge", "Expat"),
                        ("Apache License, Version 2.0", "Apache-2.0")):
        at = flat.find(marker)
        if at >= 0:
            found.append((at, lic))
    if not found:
        return None
    lic = min(found)[1]
    if lic == "BSD":
        rest = flat[min(found)[0]:]
        lic = "BSD-3-Clause" if re.search(r"endorse or promote|used to endorse", rest[:2000]) else "BSD-2-Clause"
    return lic


def package_licence(copyright_text, probe="docs/index.rst"):
    """The licence a package's copyright file gives its documentation sources (the DEP-5
    stanza that matches `probe`, or the licence its text states); None when not permissive."""
    if copyright_text.startswith("Format:"):
        lic = dep5_licence(parse_dep5(copyright_text), probe)
    else:  # the package's own licence comes first; sections after a rule of dashes are about
        #   other files (a source-only Emacs mode, a bundled script), which are not read here
        lic = text_licence(re.split(r"\n\s*-{20,}\s*\n", copyright_text, 1)[0])
    return lic if permissive(lic) else None
