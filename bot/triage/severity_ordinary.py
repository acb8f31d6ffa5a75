"""The severity head's ordinary messages: which NLU examples are normal cases, and how much.

Why: the head (`bot.triage.severity_model.SeverityHead`) learns "normal" from two sources,
the near misses labelled in `data/severity/*.yml` and every NLU training example in which
the rules find no reason. Without the second the head gave a reason to 4.7 % of ordinary
messages out of fold ("撤销投诉", "掉漆了", "冇問題"). But at weight 1 each the ordinary pool
outvotes the labelled cases: it grew with the NLU data from 4,088 to 6,085 examples, more than
three times the 1,663 labelled cases, and when ~150 transit-damage complaints ("杯子碎成渣",
"玻璃罐碎了") joined it, the head learned that injury-adjacent wording is normal: its urgent
recall alone fell on dev8 from 0.920 to 0.903, and it stopped catching a held-out injury the
rules miss (docs/severity.md, thirteenth round).

So the pool keeps teaching what an ordinary message looks like, but its total weight is a
fixed share of the labelled cases (`ORDINARY_BUDGET`), whatever data/nlu holds: each example
weighs `ORDINARY_BUDGET * cases / pool` (at most 1). Growing the NLU data spreads the same
weight thinner instead of drowning the injury cases. Chosen by 5-fold CV on the training data
(`bench/severity_dev.py --tune`). Measured and not taken (docs/severity.md): dropping the pool's
examples with damage words (碎 裂 漏 烫 …), which let the head fire on ordinary transit damage.
"""

from __future__ import annotations

from typing import Iterable, List, Sequence, Tuple

# The ordinary pool together weighs this share of the labelled severity cases (1,681 cases and
# 6,085 examples on 2026-12-02: 0.069 each). 5-fold CV, docs/severity.md, thirteenth round.
ORDINARY_BUDGET = 0.25


def ordinary_texts(texts: Iterable[str], known: Iterable[str] = ()) -> List[str]:
    """The texts in which the rules find no reason, once each, minus the `known` ones.

    Used as normal cases: ordinary complaints and answers teach the head what a message
    without any reason looks like.
    """
    from bot.triage.severity import assess_severity
    from bot.triage.severity_model import prepare

    seen = {prepare(text) for text in known}
    ordinary = []
    for text in texts:
        prepared = prepare(text)
        if prepared and prepared not in seen:
            seen.add(prepared)
            if assess_severity([text], None, float("inf")).severity == "normal":
                ordinary.append(text)
    return ordinary


def ordinary_weight(cases: int, ordinary: int, budget: float = ORDINARY_BUDGET) -> float:
    """Each ordinary example's sample weight: together they weigh `budget` x the cases.

    Never above 1: a small pool (a test's, a fresh project's) counts like labelled cases.
    """
    if ordinary <= 0:
        return 1.0
    return min(1.0, budget * cases / ordinary)


def training_set(
    cases: Sequence[Tuple[str, Sequence[str]]],
    ordinary: Sequence[str],
    budget: float = ORDINARY_BUDGET,
) -> Tuple[List[str], List[List[str]], List[float]]:
    """Texts, reasons and sample weights for `SeverityHead.fit`: the cases, then the pool."""
    weight = ordinary_weight(len(cases), len(ordinary), budget)
    texts = [text for text, _ in cases] + list(ordinary)
    reasons = [list(found) for _, found in cases] + [[] for _ in ordinary]
    weights = [1.0] * len(cases) + [weight] * len(ordinary)
    return texts, reasons, weights
