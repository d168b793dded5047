"""The sentence scorer: a logistic model over a few measured features of a candidate.

The weights are fitted by eval/fit_weights.py on the tuning split only and stored in
prompts/sentence_weights.yaml; the score is the model's probability that the sentence
answers the question, and `min_score` is the fitted cut below which nothing is answered.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml

from prompts import PromptError, read_data

FEATURES = (
    "sentence_cov",  # weighted share of the question's terms in the sentence
    "context_cov",  # the same over its paragraph and the title
    "prior",  # 1 / (1 + rank) of the passage it came from
    "recipient_share",  # share of the recipients asked about named in the paragraph
    "has_amount",  # amount and aggregate questions: the sentence states an amount
    "recipient_before_amount",  # a recipient asked about stands right before an amount
    "typed_receivers",  # recipients questions: receivers of the wanted type, up to three
    "quote_cue",  # who-said questions: a quotation or a verb of saying
    "purpose_cue",  # why questions: words of purpose or reason
    "date_cue",  # when questions: a date in the sentence
    "decision_cue",  # "when was it decided": the sentence or document is the decision
    "given_figure",  # the sentence states a figure the question names
    "boilerplate",  # a dateline, byline, case number, heading or link text
)


@dataclass(frozen=True)
class Model:
    """Weights per feature, an intercept and the fitted answering cut."""

    weights: tuple[float, ...]
    bias: float
    min_score: float

    def score(self, features: Sequence[float]) -> float:
        """The probability that a sentence with these features answers the question."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def model() -> Model:
    """The fitted model, read once from prompts/sentence_weights.yaml."""
    data = yaml.safe_load(read_data("sentence_weights.yaml")) or {}
    weights = data.get("weights") or {}
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise PromptError(
            f"prompts/sentence_weights.yaml: no weight for {', '.join(missing)}; "
            "run eval/fit_weights.py to fit them"
        )
    return Model(
        weights=tuple(float(weights[f]) for f in FEATURES),
        bias=float(data.get("bias", 0.0)),
        min_score=float(data.get("min_score", 0.5)),
    )
