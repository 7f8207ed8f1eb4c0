"""The code page of a legacy vCard file whose 8-bit values declare none.

Outlook and older phones write vCard 2.1 in the Windows code page of the machine and
often say so nowhere (or only on LABEL lines). `guess_code_page` picks the code page:

1. A single legacy code page declared by CHARSET elsewhere in the file, if it decodes
   the undeclared values.
2. Otherwise every candidate in `CANDIDATES` reads the values, and each distinct reading
   is scored (lower is better) by the sum of
   - `plausibility.implausibility` of the text as names and addresses,
   - the code page's prior (`PRIORS`: Windows-1252 is the usual one, then Windows-1250 and
     Windows-1251 and Shift_JIS),
   - charset-normalizer's verdict on the same bytes (its chaos, less its language
     coherence; a reading it rejects outright counts `REJECTED_BY_DETECTOR`), which is
     what separates long texts of one script (Russian from Greek),
   - `UNDECODABLE` for each byte the code page does not define.
   Code pages giving the same text count as one reading, the more common one named.
3. When the runner-up scores within `UNCERTAIN_MARGIN` of the winner the guess is
   uncertain: the reader then warns, naming both code pages and a word that reads
   differently in them, so the user can check it.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import charset_normalizer

from studio.contacts.plausibility import implausibility, split_words

# Code pages considered for an undeclared legacy file, most common first (the order
# also breaks exact ties).
CANDIDATES = ("cp1252", "cp1250", "cp1251", "cp932", "cp1253", "cp1255", "cp1256", "cp1254", "cp1257",
              "cp1258", "koi8_r", "koi8_u", "euc_jp", "gb18030", "big5hkscs", "cp949", "cp874")
PRIORS = {"cp1252": 0.0, "cp1250": 0.5, "cp1251": 0.5, "cp932": 0.5, "cp1253": 1.0, "cp1255": 1.0,
          "cp1256": 1.0, "cp1254": 1.0, "gb18030": 1.0, "cp949": 1.0}
OTHER_PRIOR = 1.5
UNDECODABLE = 4.0
REJECTED_BY_DETECTOR = 1.0
CHAOS_WEIGHT = 10.0
COHERENCE_WEIGHT = 2.0
UNCERTAIN_MARGIN = 1.1
SAMPLE_LIMIT = 16_000  # bytes of distinct values scored: hundreds of names, enough to tell

NAMES = {"cp1250": "Windows-1250 (Central European)", "cp1251": "Windows-1251 (Cyrillic)",
         "cp1252": "Windows-1252 (Western European)", "cp1253": "Windows-1253 (Greek)",
         "cp1254": "Windows-1254 (Turkish)", "cp1255": "Windows-1255 (Hebrew)",
         "cp1256": "Windows-1256 (Arabic)", "cp1257": "Windows-1257 (Baltic)",
         "cp1258": "Windows-1258 (Vietnamese)", "koi8_r": "KOI8-R (Russian)", "koi8_u": "KOI8-U (Ukrainian)",
         "cp932": "Shift_JIS (Japanese)", "euc_jp": "EUC-JP (Japanese)", "gb18030": "GB18030 (Chinese)",
         "big5hkscs": "Big5 (Traditional Chinese)", "cp949": "EUC-KR (Korean)", "cp874": "Windows-874 (Thai)"}


@dataclass(frozen=True)
class CodePageGuess:
    """The code page chosen for a file's undeclared values, and any doubt about it.

    ``alternative`` is a code page scoring nearly as well ("" when the choice is clear);
    then ``example`` is the index (into the samples given) of a value that reads
    differently in the two, and ``reads``/``would_read`` a word of it in each.
    """

    codec: str
    alternative: str = ""
    example: int | None = None
    reads: str = ""
    would_read: str = ""

    @property
    def uncertain(self) -> bool:
        return bool(self.alternative)

    def warning(self) -> str:
        """The sentence shown to the user about an uncertain guess ("" when certain)."""
        if not self.alternative:
            return ""
        seen = f' ("{self.reads}" would read "{self.would_read}")' if self.reads else ""
        return (f"the file does not say which character set its accented letters are in; they were read "
                f"as {describe(self.codec)}, but {describe(self.alternative)} is almost as likely{seen}. "
                f"If names look wrong, export the contacts again as UTF-8")


def describe(codec: str) -> str:
    """A code page as a user knows it: "Windows-1250 (Central European)"."""
    return NAMES.get(codecs.lookup(codec).name, codec)


def guess_code_page(samples: Sequence[bytes], declared: Iterable[str] = ()) -> CodePageGuess:
    """The code page of ``samples``, the raw 8-bit values of a file without a CHARSET.

    ``declared`` are the codecs named by CHARSET elsewhere in the file. Never raises.
    """
    legacy = [c for c in dict.fromkeys(declared) if c not in ("utf-8", "utf-16", "utf-32")]
    chosen = [i for i, s in enumerate(samples) if not s.isascii()]
    if not chosen:
        return CodePageGuess("cp1252")
    distinct: Counter[bytes] = Counter()
    size = 0
    for index in chosen:
        value = samples[index].replace(b"\r", b" ").replace(b"\n", b" ")  # one value, one line
        if value not in distinct:
            if size >= SAMPLE_LIMIT:
                continue
            size += len(value)
        distinct[value] += 1
    blob = b"\n".join(distinct)
    if len(legacy) == 1 and _decodes(blob, legacy[0]):
        return CodePageGuess(legacy[0])
    readings: dict[str, str] = {}  # text → the first (most common) code page reading it so
    for codec in CANDIDATES:
        readings.setdefault(blob.decode(codec, errors="replace"), codec)
    if len(readings) == 1:
        return CodePageGuess(next(iter(readings.values())))
    weights = list(distinct.values())
    detector = _detector_terms(blob, list(readings.values()))
    scored = sorted(((_score(text, codec, weights) + detector.get(codec, REJECTED_BY_DETECTOR),
                      CANDIDATES.index(codec), codec) for text, codec in readings.items()))
    (best, _, codec), (second, _, runner_up) = scored[0], scored[1]
    if second - best >= UNCERTAIN_MARGIN:
        return CodePageGuess(codec)
    return _with_example(CodePageGuess(codec, runner_up), samples, chosen)


def _score(text: str, codec: str, weights: list[int]) -> float:
    values = list(zip(text.split("\n"), weights, strict=False))
    undecodable = sum(value.count("\ufffd") * weight for value, weight in values)
    return implausibility(values) + PRIORS.get(codec, OTHER_PRIOR) + UNDECODABLE * undecodable


def _detector_terms(blob: bytes, candidates: list[str]) -> dict[str, float]:
    """charset-normalizer's chaos less coherence per code page; absent when it rejects one."""
    try:
        results = charset_normalizer.from_bytes(blob, cp_isolation=candidates)
    except Exception:  # noqa: BLE001 - a detector failure must not fail the import
        return dict.fromkeys(candidates, 0.0)
    terms: dict[str, float] = {}
    for result in results:
        term = CHAOS_WEIGHT * result.chaos - COHERENCE_WEIGHT * result.coherence
        for name in (result.encoding, *result.could_be_from_charset):
            terms.setdefault(_canonical(name), term)
    return {codec: terms[_canonical(codec)] for codec in candidates if _canonical(codec) in terms}


def _with_example(guess: CodePageGuess, samples: Sequence[bytes], chosen: list[int]) -> CodePageGuess:
    for index in chosen:
        value = samples[index]
        reads = value.decode(guess.codec, errors="replace")
        would_read = value.decode(guess.alternative, errors="replace")
        if reads != would_read:
            for word, other in zip(split_words(reads), split_words(would_read), strict=False):
                if word != other:
                    return CodePageGuess(guess.codec, guess.alternative, index, word, other)
            return CodePageGuess(guess.codec, guess.alternative, index, reads.strip(), would_read.strip())
    return guess


def _canonical(codec: str) -> str:
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return codec


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
