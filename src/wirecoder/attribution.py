"""Who reported it: "according to the Syrian Observatory for Human Rights", "police said", "the SDF told".

``AttributionFinder`` finds the claimant phrases of a sentence with the cues of
``knowledge/attribution_cues.csv`` and gives each its canonical name (article and parenthesis dropped,
acronyms expanded: "SOHR" -> "Syrian Observatory for Human Rights"), so that two outlets quoting one
monitor are recognised as one source. The fatalities stage hangs each count on its nearest claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .knowledge import read_rows
from .records import Attribution, Sentence, Span

NAME = r"(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|the|and|on|in|al|el|de)\s+)*[A-Z][\w’'.&-]*)*(?:\s*\([A-Z][\w.&-]*\))?"


@dataclass(frozen=True)
class AttributionLexicon:
    cues: tuple[re.Pattern, ...]
    aliases: dict[str, str]  # lower-case alias -> full name
    not_who: re.Pattern | None


def load_attribution(extra: Iterable[Path] = ()) -> AttributionLexicon:
    rows = list(read_rows("attribution_cues", ("phrase", "type"), extra))
    speakers = [r["phrase"] for r in rows if r["type"] == "speaker"]
    who = "(?P<who>%s)" % "|".join([f"(?:{s})" for s in speakers] + [NAME])
    cues = tuple(re.compile(r["phrase"].replace("{who}", who)) for r in rows if r["type"] == "cue")
    aliases = {r["phrase"].lower(): r["expansion"] for r in rows if r["type"] == "alias"}
    not_who = [r["phrase"] for r in rows if r["type"] == "not_who"]
    return AttributionLexicon(cues, aliases, re.compile("|".join(not_who)) if not_who else None)


class AttributionFinder:
    def __init__(self, lexicon: AttributionLexicon):
        self.lexicon = lexicon

    def find(self, sentence: Sentence, index: int) -> list[Attribution]:
        found: list[Attribution] = []
        for cue in self.lexicon.cues:
            for match in cue.finditer(sentence.span.text):
                name = self.claimant(match.group("who"))
                start = sentence.span.start + match.start()
                if name and all(a.span.start != start for a in found):
                    found.append(Attribution(Span(start, start + len(match.group()), match.group()), index, name))
        return sorted(found, key=lambda a: a.span.start)

    def claimant(self, who: str) -> str | None:
        """Canonical claimant: article and parenthesis dropped, acronyms expanded; None for "Tuesday"."""
        who = re.sub(r"^(?:the|a|an)\s+", "", who.strip().rstrip("."), flags=re.IGNORECASE)
        name, _, acronym = who.partition("(")
        name, acronym = name.strip(), acronym.rstrip(")").strip()
        if not name or (self.lexicon.not_who and self.lexicon.not_who.fullmatch(name)):
            return None
        aliases = self.lexicon.aliases
        return aliases.get(name.lower()) or aliases.get(f"the {name.lower()}") or aliases.get(acronym.lower()) or name
