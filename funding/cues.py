"""The cue words that say how far money got and what kind of sum an amount is: one lexicon.

The grant extractor gives a ledger row its status from these words, and the answer engine
reads them around an amount in a passage, so a passage and its ledger row cannot disagree
on what "avslås", "ansöker" or "högst" means. Each group is a regex alternation without
boundaries, so a reader can place it in its own frame (just before an amount, in the
amount's clause, anywhere in a span); the compiled patterns are the ones all readers share.
"""

from __future__ import annotations

import re

# "avslås", "avslog", "fick avslag", "nekades", "beviljas inte": refused.
REFUSAL = r"avslå\w*|avslog\w*|avslag\w*|nekade?s|refused|rejected"
NOT_GRANTED = r"(?:beviljas|beviljades|beviljats)\s+inte|inte\s+(?:beviljas|beviljats|beviljades)"
# Verbs of applying. "ansökan" the noun names the paper money was asked for on: a status
# for a ledger row ("Ansökan: 40 000 kr"), but not for an amount a passage calls granted
# "enligt ansökan"; there only "ansökan om 40 000 kr" applies.
APPLYING = r"ansök(?:er|t\w*|te|a)|sök(?:t\w*|er|te)|applie[sd]"
APPLICATION = r"ansökan|ansökningar(?:na)?"
APPLICATION_FOR = r"ansökan\s+om"
# "föreslår", "förslag", "vill", "yrkar", a motion, an opposition's budget, "väntas".
# "motion" only as the noun of politics: "motionsaktiviteter" are exercise.
PROPOSING = (
    r"\w*förslag\w*|\w*föresl\w*|ville|vill|yrka(?:r|de|nde)?|önskar|motion(?:en|er|erna)?"
    r"|\w*oppositionsbudget\w*|väntas|propos(?:e|es|ed)"
)
# A budget's alternatives ("alternativ 2 ger 3 mnkr"): proposals beside an amount; in a
# ledger row's span the word is too common ("alternativ till placering") to mean that.
ALTERNATIVE = r"\w*alternativ\w*"
# What may be given at most.
CAP = (
    r"maximalt|max\.?|maxbelopp\w*|högst|upp\s+till|som\s+mest"
    r"|at\s+most|up\s+to|maximum|a\s+cap\s+of"
)
# "taket på 50 000 kr", only just before an amount: "tak över huvudet" is a home, no cap.
CEILING = r"(?-i:tak(?:et|belopp\w*)?)"
# A floor or a need: not what was given either.
FLOOR_OR_NEED = r"minst|at\s+least|behöva|behöver|need\w*"
# "kan söka 80 000 kr": a rule for applying, not an application.
MAY_APPLY = r"(?:kan|får|ska|kunna|may|can)\s+(?:\w+\s+)?(?:an)?sök\w*|(?:can|may)\s+apply\w*"
# "ska fördela 5 mnkr", "finns att söka", "har 19 miljoner att fördela": money still to be
# given out ("beslutade att fördela" gave it: the money word must stand before "att").
TO_DISTRIBUTE = (
    r"ska\s+(?:[\w-]+\s+){0,3}?fördela|kommer\s+att\s+fördela|finns\s+att\s+(?:söka|fördela)"
    r"|(?:kronor|kr|miljoner|miljon|mnkr|mkr|tkr)\s+att\s+(?:fördela|dela\s+ut)"
    # "ger länsstyrelsen i uppdrag att fördela 5 miljoner": a mandate, the money not yet given
    r"|uppdrag(?:et)?\s+att\s+(?:fördela|dela\s+ut)"
    # "Utlyst belopp: 5 miljoner", "utlyser 5 miljoner": a call's pot, still to be given out
    r"|utlys(?:t|ta|er|te|ning\w*)(?:\s+belopp)?"
    # "Under perioden 2021-2027 fördelar fonden 2 miljarder": a programme's frame
    r"|under\s+(?:\w*perioden|åren)\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\s+"
    r"(?:fördelar|delar\s+ut|satsar)"
)

REFUSED = re.compile(rf"\b(?:{REFUSAL})\b|\b(?:{NOT_GRANTED})\b", re.IGNORECASE)
APPLIED = re.compile(rf"\b(?:{APPLYING})\b", re.IGNORECASE)
PROPOSED = re.compile(rf"\b(?:{PROPOSING})\b", re.IGNORECASE)
MAY_APPLY_RULE = re.compile(rf"\b(?:{MAY_APPLY})", re.IGNORECASE)
