"""Labels of e-mails, phones, addresses and dates: vCard TYPEs and Apple X-ABLabels.

A label is what a user reads next to a value ("home", "cell", "AssistantPhone",
"Customer since"). From TYPE parameters the meaningful words are kept lower-case
("home fax"); technical ones (pref, voice, internet, postal …) are dropped. Apple's
system labels ``_$!<Anniversary>!$_`` become their inner word; custom labels stay as
written. `types_for_label` maps a label back to TYPE values for export, or None
when it needs an X-ABLabel.
"""

from __future__ import annotations

import re

_APPLE = re.compile(r"^_\$!<(.*)>!\$_$")
_IGNORED_TYPES = {"pref", "voice", "internet", "x400", "dom", "intl", "postal", "parcel", "encoding",
                  "quoted-printable", "base64", "b", "jpeg", "png", "gif", "uri", "text/plain"}
STANDARD_TYPES = {"home", "work", "cell", "fax", "pager", "main", "text", "video", "msg", "iphone",
                  "other", "bbs", "modem", "car", "isdn", "pcs", "textphone"}
_SPOUSE_LABELS = {"spouse", "partner", "husband", "wife", "domestic partner", "domesticpartner",
                  "ehepartner", "ehefrau", "ehemann", "conjoint", "époux", "épouse", "esposa", "esposo"}
_CHILD_LABELS = {"child", "son", "daughter", "kid", "kind", "sohn", "tochter", "enfant", "fils", "fille",
                 "hijo", "hija", "figlio", "figlia", "zoon", "dochter"}
_ANNIVERSARY_LABELS = {"anniversary", "wedding anniversary", "hochzeitstag", "jahrestag"}
_CUSTOMER_SINCE = re.compile(r"^(customer|client|kunde|kundin|cliente)[\s_-]*(since|seit|depuis|desde)$")


def clean_label(text: str) -> str:
    """An X-ABLabel value as a user should read it."""
    text = text.strip()
    match = _APPLE.match(text)
    return match.group(1).strip() if match else text


def label_from_types(types: list[str]) -> str:
    """"home", "work fax", "cell" … from lower-cased TYPE values; "" when none matter."""
    words = [t for t in types if t not in _IGNORED_TYPES and not t.startswith("x-")]
    return " ".join(dict.fromkeys(words))


def types_for_label(label: str) -> list[str] | None:
    """TYPE values that say ``label`` in vCard 3.0, or None when only X-ABLabel can."""
    words = label.lower().split()
    if words and all(w in STANDARD_TYPES for w in words):
        return words
    return None


def is_spouse_label(label: str) -> bool:
    return label.strip().lower() in _SPOUSE_LABELS


def is_child_label(label: str) -> bool:
    return label.strip().lower() in _CHILD_LABELS


def is_anniversary_label(label: str) -> bool:
    return label.strip().lower() in _ANNIVERSARY_LABELS


def is_customer_since_label(label: str) -> bool:
    return bool(_CUSTOMER_SINCE.match(label.strip().lower()))


# What sheets write in a "Gender" column (Outlook: Male/Female/Unspecified), as RFC 9554 words.
_GENDER_WORDS = {
    "feminine": "feminine", "female": "feminine", "f": "feminine", "woman": "feminine", "w": "feminine",
    "weiblich": "feminine", "frau": "feminine", "femme": "feminine", "féminin": "feminine",
    "femenino": "feminine", "mujer": "feminine",
    "masculine": "masculine", "male": "masculine", "m": "masculine", "man": "masculine",
    "männlich": "masculine", "mann": "masculine", "homme": "masculine", "masculin": "masculine",
    "masculino": "masculine", "hombre": "masculine",
    "neuter": "neuter", "common": "common", "animate": "animate", "inanimate": "inanimate",
    "unspecified": "", "unknown": "", "nicht angegeben": "", "non spécifié": "",
    "divers": "", "d": "", "x": "", "other": "", "none": "",
}


def grammatical_gender(word: str) -> str | None:
    """The RFC 9554 GRAMGENDER for ``word`` ("Female" → "feminine", "Unspecified" → ""), or
    None when the word says nothing Card Studio knows."""
    return _GENDER_WORDS.get(word.strip().casefold())
