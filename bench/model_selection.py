"""Choose NLU settings by stratified 5-fold cross-validation on the TRAINING data only.

Why: bench/nlu_eval.py measures the trained model on held-out data (bench/data/). That data
must stay unseen, or it stops being held out: settings and training-data changes have to be
decided on data/nlu/ alone. This script splits data/nlu/ into 5 folds (stratified by intent;
texts that are identical after normalisation stay in the same fold, so a Traditional copy of
a Simplified example cannot leak into its own test fold), trains candidate configurations on
4 folds and predicts the 5th, and pools the out-of-fold predictions. It never reads bench/data.

How the pipeline is run: with Rasa's own component classes, in process, exactly as the graph
of config.yml runs them -- `NormalizingJiebaTokenizer` -> `CountVectorsFeaturizer`(s) and
`MessageCharNgramFeaturizer` -> `LogisticRegressionClassifier` -> `FallbackClassifier` -> `ComplaintTriageClassifier`, each
created with `Component.create(config, ...)`, trained with `train()` on the training folds
(`process_training_data()` for the featurizers) and applied with `process()` to the test
fold. Nothing is re-implemented, so the figures are those of the real components; skipping
`rasa train`'s graph, fingerprinting and packaging makes a fold take seconds, not a minute.
Intent candidates with C=1 and Rasa's balanced class weights use Rasa's
`LogisticRegressionClassifier`, others the project's `TunableLogisticRegressionClassifier`
(the same component with `C` and the class weighting configurable).

Figures (pooled over the 5 test folds):
- intent macro-F1 over all training intents, after the FallbackClassifier (a fallback counts
  as an error of the true intent), and before it (argmax);
- category accuracy on complain examples: the category head's top code ("head"), and the
  `issue_category` entity as the pipeline emits it ("entity": needs the predicted intent to
  allow it and the confidence threshold; none emitted = wrong);
- remedy accuracy on ALL examples: expected = the example's `remedy` metadata or none, and
  predicted = the `desired_remedy` entity or none; also recall on examples with a remedy and
  the false-remedy rate on examples without one;
- fallback rate and accuracy of the accepted messages for a grid of FallbackClassifier
  `threshold` / `ambiguity_threshold` values (Rasa's own `_should_fallback`);
- training time per fold (tokenizer, featurizers and intent classifier; triage heads apart).

Every out-of-fold error of the reference configuration (the one in config.yml) is listed, so
the TRAINING data can be fixed where the model is confused.

    PYTHONPATH=. .venv/bin/python -m bench.model_selection             # all candidates, ~5 min
    PYTHONPATH=. .venv/bin/python -m bench.model_selection --quick --out /tmp/ms  # config.yml only
    PYTHONPATH=. .venv/bin/python -m bench.model_selection --class-weights --seed 7 --out /tmp/cw

(`--class-weights`: config.yml and its class-weight variants only. The category and remedy
figures are those of the reference's intents, so a weighting is checked there by a `--quick`
run with a copy of config.yml that sets it, `--config /tmp/config.yml`.)

Writes docs/model_selection.md and docs/model_selection.json (or into --out). How the
committed figures were made (the baseline is data/nlu and config.yml of commit 22ef8db, read
with `git show`, the working tree untouched):

    PYTHONPATH=. .venv/bin/python -m bench.model_selection --at 22ef8db --quick --out /tmp/b
    cp /tmp/b/model_selection.json docs/model_selection_baseline.json
    PYTHONPATH=. .venv/bin/python -m bench.model_selection \
        --compare-ref 22ef8db --baseline docs/model_selection_baseline.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import logging
import os
import statistics
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bench.common import CONFIG, NLU_DATA, ROOT, add_training_options, machine, md_table, short

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

DOCS = ROOT / "docs"
JSON_PATH = DOCS / "model_selection.json"
MD_PATH = DOCS / "model_selection.md"
FALLBACK = "nlu_fallback"
NONE = "none"
# FallbackClassifier settings tried on every intent candidate's out-of-fold confidences.
THRESHOLDS = (0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6)
AMBIGUITIES = (0.0, 0.05, 0.1, 0.15)

CATEGORY_THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
REMEDY_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
TRIAGE_KEYS = ("head", "head_conf", "allowed", "category", "remedy", "remedy_top", "remedy_conf")

TOKENIZER = "bot.nlu.tokenizer.NormalizingJiebaTokenizer"
INTENT_CLASSIFIER = "bot.nlu.intent_classifier.TunableLogisticRegressionClassifier"
# Rasa's CountVectorsFeaturizer, and ours that counts the same features faster at inference
COUNT_VECTORS = ("CountVectorsFeaturizer", "bot.nlu.count_vectors.DirectCountVectorsFeaturizer")
# featurizers other than the count-vector ones carry their class under this key
COMPONENT = "component"
CHAR_FEATURIZER = "bot.nlu.char_featurizer.MessageCharNgramFeaturizer"
TRIAGE = "bot.nlu.triage_classifier.ComplaintTriageClassifier"


# --------------------------------------------------------------------------- data


@dataclass
class Example:
    text: str
    intent: str
    category: Optional[str]
    remedy: Optional[str]
    metadata: Any
    key: str  # normalised text: identical keys stay in one fold


def load_examples(path: Path = NLU_DATA) -> List[Example]:
    """All intent examples of data/nlu, read by Rasa's loader; labels as the triage reads them."""
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.nlu.triage_classifier import _prepare, labels_of

    examples = []
    for message in load_data(str(path)).intent_examples:
        category, remedy = labels_of(message)
        examples.append(
            Example(
                text=message.get("text"),
                intent=message.get("intent"),
                category=category,
                remedy=remedy,
                metadata=message.get("metadata"),
                key=_prepare(message.get("text")),
            )
        )
    return examples


def _git(*args: str) -> str:
    import subprocess

    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def checkout(ref: str, folder: Path) -> Tuple[Path, Path]:
    """Write data/nlu/*.yml and config.yml as they were at a git revision into `folder`.

    Nothing in the working tree is touched (no stash, no checkout): other work may be going on.
    """
    data = folder / "nlu"
    data.mkdir(parents=True, exist_ok=True)
    for name in _git("ls-tree", "--name-only", ref, "data/nlu/").split():
        if name.endswith((".yml", ".yaml")):
            (data / Path(name).name).write_text(_git("show", f"{ref}:{name}"), encoding="utf-8")
    config = folder / "config.yml"
    config.write_text(_git("show", f"{ref}:config.yml"), encoding="utf-8")
    return data, config


def keys_at(ref: str) -> set:
    """Normalised texts of data/nlu/ at a git revision.

    Why: after examples are added, the pooled figures are measured on a different (larger)
    set. Scoring only the examples that already existed at `ref` compares like with like.
    """
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.nlu.triage_classifier import _prepare

    with tempfile.TemporaryDirectory(prefix="model-selection-ref-") as tmp:
        data, _ = checkout(ref, Path(tmp))
        return {_prepare(m.get("text")) for m in load_data(str(data)).intent_examples}


def split(examples: Sequence[Example], folds: int, seed: int) -> List[Tuple[List[int], List[int]]]:
    """Stratified by intent, grouped by normalised text (no copy of a test text in training)."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    intents = [e.intent for e in examples]
    groups = [e.key for e in examples]
    return [
        (list(train), list(test))
        for train, test in splitter.split(list(range(len(examples))), intents, groups)
    ]


# --------------------------------------------------------------------- candidates


@dataclass
class IntentCandidate:
    """Featurizers (CountVectorsFeaturizer configs, in pipeline order) + intent classifier."""

    name: str
    featurizers: List[Dict[str, Any]]
    # Rasa LogisticRegressionClassifier options (solver, ...) and the project's class_weight
    classifier: Dict[str, Any]
    C: float = 1.0  # 1.0 and Rasa's weighting: Rasa's component; else the project's
    fallback: Dict[str, float] = field(default_factory=dict)

    def signature(self) -> str:
        classifier = {**RASA_WEIGHTING, **self.classifier}
        return json.dumps([self.featurizers, classifier, float(self.C)], sort_keys=True)

    def rasas_component(self) -> bool:
        """Whether Rasa's own component trains this candidate (C=1, balanced weights)."""
        return self.C == 1.0 and weighting(self.classifier) == weighting(RASA_WEIGHTING)


@dataclass
class TriageCandidate:
    name: str
    config: Dict[str, Any]

    def signature(self) -> str:
        return json.dumps(self.config, sort_keys=True)


def read_config(path: Path = CONFIG) -> Tuple[IntentCandidate, TriageCandidate, Dict[str, Any]]:
    """The reference candidates: what config.yml trains today."""
    pipeline = yaml.safe_load(path.read_text(encoding="utf-8"))["pipeline"]
    featurizers, classifier, fallback, triage, tokenizer = [], {}, {}, {}, {}
    for step in pipeline:
        step = dict(step)
        name = step.pop("name")
        if name in COUNT_VECTORS:
            featurizers.append(step)
        elif name == CHAR_FEATURIZER:
            featurizers.append({COMPONENT: name, **step})
        elif name in ("LogisticRegressionClassifier", INTENT_CLASSIFIER):
            classifier = step
        elif name == "FallbackClassifier":
            fallback = step
        elif name == TRIAGE:
            triage = step
        elif name == TOKENIZER:
            tokenizer = step
    C = float(classifier.pop("C", 1.0))
    intent = IntentCandidate("config.yml", featurizers, classifier, C, fallback)
    return intent, TriageCandidate("config.yml", triage), tokenizer


# TunableLogisticRegressionClassifier's class weighting; Rasa's component is balanced.
RASA_WEIGHTING: Dict[str, Any] = {"class_weight": "balanced"}
# the class-weight variants: Rasa's and none (scikit-learn's default)
WEIGHTINGS: Tuple[Dict[str, Any], ...] = (RASA_WEIGHTING, {"class_weight": None})


def weighting(classifier: Dict[str, Any]) -> str:
    """'balanced' or 'unweighted' for a classifier config."""
    return "unweighted" if {**RASA_WEIGHTING, **classifier}["class_weight"] is None else "balanced"


CHAR13 = {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 3}
CHAR14 = {"analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4}
WORD: Dict[str, Any] = {}
LR = {"max_iter": 500, "tol": 0.0001, "random_state": 42}


def intent_candidates(
    reference: IntentCandidate,
    quick: bool,
    solver_check: bool = False,
    class_weights_only: bool = False,
) -> List[IntentCandidate]:
    """config.yml first; then variations of one setting at a time.

    Featurizer variants keep config.yml's classifier (C, class weights, solver); C and
    class-weight variants keep its featurizers and its other classifier settings
    (`class_weights_only`: config.yml and the class-weight variants). Variations use the
    newton-cg solver: it reaches the same optimum as lbfgs (the objective is convex;
    `--solver-check` adds Rasa's stock lbfgs classifier, whose predictions agree) in a third
    of the time, which keeps a full run at a few minutes on the shared two cores.
    """
    newton = {**LR, **reference.classifier, "solver": "newton-cg"}
    features = reference.featurizers
    C = reference.C

    def described(featurizers: List[Dict[str, Any]]) -> str:
        parts = [
            f"message chars {f.get('min_ngram', 1)}-{f.get('max_ngram', 3)}"
            if f.get(COMPONENT) == CHAR_FEATURIZER
            else f"char_wb {f.get('min_ngram', 1)}-{f.get('max_ngram', 1)}"
            if f.get("analyzer") in ("char", "char_wb")
            else "word"
            for f in featurizers
        ]
        return " + ".join(parts) if len(parts) > 1 else f"{parts[0]} only"

    # names keep their old form with Rasa's weighting
    weights = weighting(newton)
    suffix = "" if weights == weighting(RASA_WEIGHTING) else f", {weights}"
    c_values = () if class_weights_only else (1.0, 5.0, 20.0)
    feature_sets = (
        [] if class_weights_only else [[CHAR14, WORD], [CHAR13], [CHAR14], [CHAR13, WORD]]
    )
    variants = []
    if solver_check and not class_weights_only:
        variants.append(
            IntentCandidate(
                "Rasa stock: char_wb 1-3 + word, lbfgs, C=1",
                [CHAR13, WORD],
                {**LR, "solver": "lbfgs"},
            )
        )
    for value in c_values:
        variants.append(
            IntentCandidate(
                f"{described(features)}, newton-cg, C={value:g}{suffix}", features, newton, value
            )
        )
    for featurizers in feature_sets:
        variants.append(
            IntentCandidate(
                f"{described(featurizers)}, newton-cg, C={C:g}{suffix}", featurizers, newton, C
            )
        )
    for weights in WEIGHTINGS:
        variants.append(
            IntentCandidate(
                f"{described(features)}, newton-cg, C={C:g}, {weighting(weights)}",
                features,
                {**newton, **weights},
                C,
            )
        )
    chosen = [reference]
    if not quick or class_weights_only:
        seen = {reference.signature()}
        for candidate in variants:
            if candidate.signature() not in seen:
                seen.add(candidate.signature())
                chosen.append(candidate)
    for candidate in chosen:
        candidate.fallback = dict(reference.fallback)
    return chosen


def triage_candidates(reference: TriageCandidate, quick: bool) -> List[TriageCandidate]:
    """config.yml first; then the calibrated LinearSVC and the LogisticRegression heads."""
    base = {k: v for k, v in reference.config.items() if k != "classifier"}
    variants = [
        TriageCandidate("LinearSVC C=1 + sigmoid calibration", {**base, "classifier": "svm"}),
        TriageCandidate("LogisticRegression C=30", {**base, "classifier": "logreg"}),
        TriageCandidate(
            "config.yml without the last-clause remedy features",
            {**reference.config, "remedy_tail_weight": 0.0},
        ),
    ]
    chosen = [reference]
    if not quick:
        defaults = _triage_defaults()
        seen = {json.dumps({**defaults, **reference.config}, sort_keys=True)}
        for candidate in variants:
            full = json.dumps({**defaults, **candidate.config}, sort_keys=True)
            if full not in seen:
                seen.add(full)
                chosen.append(candidate)
    return chosen


def _triage_defaults() -> Dict[str, Any]:
    from bot.nlu.triage_classifier import ComplaintTriageClassifier

    return ComplaintTriageClassifier.get_default_config()


# ------------------------------------------------------------------- components


class Components:
    """Creates Rasa components against one throw-away model storage."""

    def __init__(self, folder: Path, tokenizer_config: Dict[str, Any]) -> None:
        from rasa.engine.graph import ExecutionContext, GraphSchema
        from rasa.engine.storage.local_model_storage import LocalModelStorage

        from bot.nlu.tokenizer import NormalizingJiebaTokenizer

        self.storage = LocalModelStorage(folder)
        self.context = ExecutionContext(GraphSchema({}), "model_selection")
        self._count = 0
        self.tokenizer = self.create(NormalizingJiebaTokenizer, tokenizer_config)

    def create(self, cls: Any, config: Dict[str, Any]) -> Any:
        from rasa.engine.storage.resource import Resource

        self._count += 1
        return cls.create(
            {**cls.get_default_config(), **config},
            self.storage,
            Resource(f"{cls.__name__}_{self._count}"),
            self.context,
        )


def _messages(examples: Sequence[Example]) -> List[Any]:
    """Fresh messages (text, intent, metadata): every candidate featurizes from scratch."""
    from rasa.shared.nlu.training_data.message import Message

    return [
        Message(data={"text": e.text, "intent": e.intent, "metadata": e.metadata}) for e in examples
    ]


def run_intent(
    parts: Components, candidate: IntentCandidate, train: List[Example], test: List[Example]
) -> Dict[str, Any]:
    """Train tokenizer+featurizers+intent classifier on `train`, predict `test`."""
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        CountVectorsFeaturizer,
    )
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.nlu.char_featurizer import MessageCharNgramFeaturizer
    from bot.nlu.intent_classifier import TunableLogisticRegressionClassifier

    start = time.perf_counter()
    data = TrainingData(_messages(train))
    parts.tokenizer.process_training_data(data)
    featurizers = []
    for config in candidate.featurizers:
        config = dict(config)
        cls = (
            MessageCharNgramFeaturizer
            if config.pop(COMPONENT, None) == CHAR_FEATURIZER
            else CountVectorsFeaturizer
        )
        featurizer = parts.create(cls, config)
        featurizer.train(data)
        featurizer.process_training_data(data)
        featurizers.append(featurizer)
    if candidate.rasas_component():
        classifier = parts.create(LogisticRegressionClassifier, candidate.classifier)
    else:
        classifier = parts.create(
            TunableLogisticRegressionClassifier, {**candidate.classifier, "C": candidate.C}
        )
    classifier.train(data)
    seconds = time.perf_counter() - start

    messages = _messages(test)
    parts.tokenizer.process(messages)
    for featurizer in featurizers:
        featurizer.process(messages)
    classifier.process(messages)
    return {
        "seconds": seconds,
        "intent": [m.get("intent") for m in messages],
        "ranking": [
            [(r["name"], float(r["confidence"])) for r in m.get("intent_ranking")[:2]]
            for m in messages
        ],
    }


@functools.cache
def _fallback_classifier(threshold: float, ambiguity: float) -> Any:
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier

    return FallbackClassifier({"threshold": threshold, "ambiguity_threshold": ambiguity})


def should_fallback(
    ranking: Sequence[Tuple[str, float]], threshold: float, ambiguity: float
) -> bool:
    """Rasa's own FallbackClassifier decision for one message."""
    from rasa.shared.nlu.training_data.message import Message

    classifier = _fallback_classifier(threshold, ambiguity)
    message = Message(
        data={
            "intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
        }
    )
    return bool(classifier._should_fallback(message))


def run_triage(
    parts: Components,
    candidate: TriageCandidate,
    train: List[Example],
    test: List[Example],
    intents: Sequence[Dict[str, Any]],
) -> Dict[str, Any]:
    """Train both triage heads on `train`; predict `test` with the predicted intents."""
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.nlu.triage_classifier import (
        CATEGORY_ENTITY,
        OUTPUT_PROPERTY,
        REMEDY_ENTITY,
        ComplaintTriageClassifier,
    )

    start = time.perf_counter()
    component = parts.create(ComplaintTriageClassifier, candidate.config)
    component.train(TrainingData(_messages(train)))
    seconds = time.perf_counter() - start
    messages = _messages(test)
    for message, intent in zip(messages, intents, strict=True):
        message.set("intent", intent)
    component.process(messages)
    out: Dict[str, Any] = {"seconds": seconds, **{key: [] for key in TRIAGE_KEYS}}
    for message in messages:
        entities = {e["entity"]: e["value"] for e in message.get("entities") or []}
        triage = message.get(OUTPUT_PROPERTY)
        out["head"].append(triage["category"]["code"])
        out["head_conf"].append(triage["category"]["confidence"])
        out["allowed"].append(component._intent_allows_category(message))
        out["category"].append(entities.get(CATEGORY_ENTITY))
        out["remedy"].append(entities.get(REMEDY_ENTITY) or NONE)
        out["remedy_top"].append(triage["remedy"]["code"] or NONE)
        out["remedy_conf"].append(triage["remedy"]["confidence"])
    return out


# ----------------------------------------------------------------------- metrics


def intent_metrics(
    examples: Sequence[Example], predicted: Sequence[str], fold_of: Sequence[int]
) -> Dict[str, Any]:
    """Macro-F1 over the training intents (fallback = error), accuracy, per-fold spread."""
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    labels = sorted({e.intent for e in examples})
    truth = [e.intent for e in examples]
    macro = f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)
    per_fold = []
    for fold in sorted(set(fold_of)):
        index = [i for i, f in enumerate(fold_of) if f == fold]
        per_fold.append(
            f1_score(
                [truth[i] for i in index],
                [predicted[i] for i in index],
                labels=labels,
                average="macro",
                zero_division=0,
            )
        )
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    return {
        "macro_f1": round(float(macro), 4),
        "macro_f1_fold_sd": round(statistics.pstdev(per_fold), 4),
        "accuracy": round(
            sum(t == q for t, q in zip(truth, predicted, strict=True)) / len(truth), 4
        ),
        "per_intent": {
            label: {
                "precision": round(float(a), 3),
                "recall": round(float(b), 3),
                "f1": round(float(c), 3),
                "support": int(d),
            }
            for label, a, b, c, d in zip(labels, p, r, f, s, strict=True)
        },
    }


def fallback_grid(examples: Sequence[Example], rankings: Sequence[Sequence]) -> List[Dict]:
    """Fallback rate, accuracy of what is accepted, share of argmax errors caught."""
    truth = [e.intent for e in examples]
    right = [ranking[0][0] == t for ranking, t in zip(rankings, truth, strict=True)]
    rows = []
    for threshold in THRESHOLDS:
        for ambiguity in AMBIGUITIES:
            fell = [should_fallback(r, threshold, ambiguity) for r in rankings]
            accepted = [ok for ok, f in zip(right, fell, strict=True) if not f]
            errors = [f for ok, f in zip(right, fell, strict=True) if not ok]
            corrects = [f for ok, f in zip(right, fell, strict=True) if ok]
            misrouted = sum(not ok and not f for ok, f in zip(right, fell, strict=True))
            rows.append(
                {
                    "threshold": threshold,
                    "ambiguity_threshold": ambiguity,
                    "fallback_rate": round(sum(fell) / len(fell), 4),
                    "accepted_accuracy": round(sum(accepted) / max(1, len(accepted)), 4),
                    "errors_caught": round(sum(errors) / max(1, len(errors)), 4),
                    "correct_lost": round(sum(corrects) / max(1, len(corrects)), 4),
                    "misroute_rate": round(misrouted / len(fell), 4),
                }
            )
    return rows


def triage_metrics(examples: Sequence[Example], out: Dict[str, List]) -> Dict[str, Any]:
    complaints = [i for i, e in enumerate(examples) if e.intent == "complain" and e.category]
    head = sum(out["head"][i] == examples[i].category for i in complaints)
    entity = sum(out["category"][i] == examples[i].category for i in complaints)
    emitted = sum(out["category"][i] is not None for i in complaints)
    truth = [e.remedy or NONE for e in examples]
    predicted = out["remedy"]
    with_remedy = [i for i, t in enumerate(truth) if t != NONE]
    without = [i for i, t in enumerate(truth) if t == NONE]
    stated = [i for i in with_remedy if examples[i].intent == "complain"]
    return {
        "category_n": len(complaints),
        "category_head_accuracy": round(head / len(complaints), 4),
        "category_entity_accuracy": round(entity / len(complaints), 4),
        "category_entity_coverage": round(emitted / len(complaints), 4),
        "remedy_n": len(truth),
        "remedy_accuracy": round(
            sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth), 4
        ),
        "remedy_recall": round(
            sum(truth[i] == predicted[i] for i in with_remedy) / max(1, len(with_remedy)), 4
        ),
        "remedy_recall_in_complaints": round(
            sum(truth[i] == predicted[i] for i in stated) / max(1, len(stated)), 4
        ),
        "remedy_none_as_none": round(
            sum(predicted[i] == NONE for i in with_remedy) / max(1, len(with_remedy)), 4
        ),
        "false_remedy_rate": round(
            sum(predicted[i] != NONE for i in without) / max(1, len(without)), 4
        ),
    }


def threshold_sweeps(examples: Sequence[Example], out: Dict[str, List]) -> Dict[str, List]:
    """Entity coverage/precision per confidence threshold, from the stored rankings.

    Below the threshold the bot does not guess: it offers the top categories/remedies as
    buttons, so a lower coverage costs a click, a wrong entity costs a wrong ticket.
    """
    complaints = [i for i, e in enumerate(examples) if e.intent == "complain" and e.category]
    category = []
    for t in CATEGORY_THRESHOLDS:
        emitted = [i for i in complaints if out["allowed"][i] and out["head_conf"][i] >= t]
        right = sum(out["head"][i] == examples[i].category for i in emitted)
        category.append(
            {
                "threshold": t,
                "coverage": round(len(emitted) / len(complaints), 4),
                "precision": round(right / max(1, len(emitted)), 4),
                "accuracy": round(right / len(complaints), 4),
            }
        )
    truth = [e.remedy or NONE for e in examples]
    remedy = []
    for t in REMEDY_THRESHOLDS:
        predicted = [
            top if top != NONE and conf >= t else NONE
            for top, conf in zip(out["remedy_top"], out["remedy_conf"], strict=True)
        ]
        asked = [i for i, x in enumerate(truth) if x != NONE]
        nothing = [i for i, x in enumerate(truth) if x == NONE]
        remedy.append(
            {
                "threshold": t,
                "accuracy": round(
                    sum(a == b for a, b in zip(truth, predicted, strict=True)) / len(truth), 4
                ),
                "recall": round(sum(truth[i] == predicted[i] for i in asked) / len(asked), 4),
                "false_remedy_rate": round(
                    sum(predicted[i] != NONE for i in nothing) / len(nothing), 4
                ),
            }
        )
    return {"category": category, "remedy": remedy}


def paired(truth: Sequence[str], reference: Sequence[str], other: Sequence[str]) -> Dict[str, int]:
    """How many messages only one of two candidates gets right (McNemar's b and c)."""
    better = sum(o == t != r for t, r, o in zip(truth, reference, other, strict=True))
    worse = sum(r == t != o for t, r, o in zip(truth, reference, other, strict=True))
    return {"only_candidate_right": better, "only_reference_right": worse}


# --------------------------------------------------------------------------- run


def _shown(path: Path) -> str:
    """A path relative to the project when inside it (reports must not depend on the box)."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def headline(result: Dict[str, Any]) -> Dict[str, Any]:
    """config.yml's main figures of one run (for before/after tables)."""
    intent, triage = result["intent"][0], result["triage"][0]
    return {
        "measured_at": result["measured_at"],
        "data": result["method"]["data"].split(" (")[0],
        "config": result["method"].get("config", "config.yml"),
        "examples": result["method"]["examples"],
        "intent_macro_f1": intent["with_fallback"]["macro_f1"],
        "intent_argmax_macro_f1": intent["argmax"]["macro_f1"],
        "fallback_rate": intent["fallback_rate"],
        "mean_confidence": intent["mean_confidence"],
        "intent_train_seconds_per_fold": intent["train_seconds_per_fold"],
        "category_head_accuracy": triage["category_head_accuracy"],
        "category_entity_accuracy": triage["category_entity_accuracy"],
        "remedy_accuracy": triage["remedy_accuracy"],
        "remedy_recall": triage["remedy_recall"],
        "remedy_recall_in_complaints": triage["remedy_recall_in_complaints"],
        "false_remedy_rate": triage["false_remedy_rate"],
        "on_ref_examples": {
            "examples": result["method"].get("ref_examples"),
            "intent_macro_f1": intent.get("on_ref_examples", {}).get("macro_f1"),
            "intent_argmax_macro_f1": intent.get("on_ref_examples", {}).get("argmax_macro_f1"),
            **{
                key: triage.get("on_ref_examples", {}).get(key)
                for key in (
                    "category_head_accuracy",
                    "category_entity_accuracy",
                    "remedy_accuracy",
                    "remedy_recall",
                    "remedy_recall_in_complaints",
                    "false_remedy_rate",
                )
            },
        },
    }


def run(
    folds: int = 5,
    seed: int = 42,
    quick: bool = False,
    solver_check: bool = False,
    compare_ref: Optional[str] = None,
    data: Path = NLU_DATA,
    config: Path = CONFIG,
    class_weights_only: bool = False,
) -> Dict[str, Any]:
    logging.getLogger("rasa").setLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    examples = load_examples(data)
    splits = split(examples, folds, seed)
    ref_intent, ref_triage, tokenizer_config = read_config(config)
    intents = intent_candidates(ref_intent, quick, solver_check, class_weights_only)
    triages = triage_candidates(ref_triage, quick or class_weights_only)

    n = len(examples)
    fold_of = [0] * n
    oof_intent: Dict[str, Dict[str, list]] = {
        c.name: {"intent": [None] * n, "ranking": [None] * n, "seconds": []} for c in intents
    }
    oof_triage: Dict[str, Dict[str, list]] = {
        c.name: {k: [None] * n for k in TRIAGE_KEYS} | {"seconds": []} for c in triages
    }
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="model-selection-") as tmp:
        parts = Components(Path(tmp), tokenizer_config)
        for number, (train_index, test_index) in enumerate(splits):
            train = [examples[i] for i in train_index]
            test = [examples[i] for i in test_index]
            for i in test_index:
                fold_of[i] = number
            reference_intents: List[Dict[str, Any]] = []
            for candidate in intents:
                result = run_intent(parts, candidate, train, test)
                store = oof_intent[candidate.name]
                store["seconds"].append(result["seconds"])
                for i, intent, ranking in zip(
                    test_index, result["intent"], result["ranking"], strict=True
                ):
                    store["intent"][i] = intent
                    store["ranking"][i] = ranking
                if candidate is intents[0]:
                    fb = candidate.fallback
                    reference_intents = [
                        {"name": FALLBACK, "confidence": fb.get("threshold", 0.3)}
                        if should_fallback(
                            r, fb.get("threshold", 0.3), fb.get("ambiguity_threshold", 0.1)
                        )
                        else intent
                        for intent, r in zip(result["intent"], result["ranking"], strict=True)
                    ]
                print(
                    f"fold {number + 1}/{folds} intent {candidate.name}: {result['seconds']:.1f} s",
                    flush=True,
                )
            for candidate in triages:
                result = run_triage(parts, candidate, train, test, reference_intents)
                store = oof_triage[candidate.name]
                store["seconds"].append(result["seconds"])
                for key in TRIAGE_KEYS:
                    for i, value in zip(test_index, result[key], strict=True):
                        store[key][i] = value
                print(
                    f"fold {number + 1}/{folds} triage {candidate.name}: {result['seconds']:.1f} s",
                    flush=True,
                )

    truth = [e.intent for e in examples]
    ref_store = oof_intent[intents[0].name]
    fb = intents[0].fallback
    threshold, ambiguity = fb.get("threshold", 0.3), fb.get("ambiguity_threshold", 0.1)

    def after_fallback(store: Dict[str, list]) -> List[str]:
        return [
            FALLBACK if should_fallback(r, threshold, ambiguity) else r[0][0]
            for r in store["ranking"]
        ]

    ref_final = after_fallback(ref_store)
    # examples that already existed at `compare_ref` (all of them without a ref)
    old_keys = keys_at(compare_ref) if compare_ref else None
    kept = [i for i, e in enumerate(examples) if old_keys is None or e.key in old_keys]
    kept_examples = [examples[i] for i in kept]
    kept_folds = [fold_of[i] for i in kept]

    def on_kept(values: Sequence[Any]) -> List[Any]:
        return [values[i] for i in kept]

    intent_results = []
    for candidate in intents:
        store = oof_intent[candidate.name]
        argmax = [r[0][0] for r in store["ranking"]]
        final = after_fallback(store)
        confidences = [r[0][1] for r in store["ranking"]]
        intent_results.append(
            {
                "name": candidate.name,
                "featurizers": candidate.featurizers,
                "classifier": candidate.classifier,
                "C": candidate.C,
                "with_fallback": intent_metrics(examples, final, fold_of),
                "argmax": intent_metrics(examples, argmax, fold_of),
                "fallback_rate": round(sum(f == FALLBACK for f in final) / n, 4),
                "mean_confidence": round(statistics.fmean(confidences), 4),
                "mean_confidence_correct": round(
                    statistics.fmean(
                        c for c, a, t in zip(confidences, argmax, truth, strict=True) if a == t
                    ),
                    4,
                ),
                "train_seconds_per_fold": round(statistics.fmean(store["seconds"]), 2),
                "train_seconds_folds": [round(s, 2) for s in store["seconds"]],
                "vs_reference": paired(truth, ref_final, final),
                "argmax_vs_reference": paired(
                    truth, [r[0][0] for r in ref_store["ranking"]], argmax
                ),
                "argmax_accuracy_folds": [
                    round(
                        statistics.fmean(
                            argmax[i] == truth[i] for i in range(n) if fold_of[i] == fold
                        ),
                        4,
                    )
                    for fold in range(folds)
                ],
                "argmax_agreement_with_reference": round(
                    sum(a == r[0][0] for a, r in zip(argmax, ref_store["ranking"], strict=True))
                    / n,
                    4,
                ),
                "fallback_grid": fallback_grid(examples, store["ranking"]),
                "on_ref_examples": {
                    "macro_f1": intent_metrics(kept_examples, on_kept(final), kept_folds)[
                        "macro_f1"
                    ],
                    "argmax_macro_f1": intent_metrics(kept_examples, on_kept(argmax), kept_folds)[
                        "macro_f1"
                    ],
                },
            }
        )

    triage_results = []
    for candidate in triages:
        store = oof_triage[candidate.name]
        triage_results.append(
            {
                "name": candidate.name,
                "config": {**_triage_defaults(), **candidate.config},
                **triage_metrics(examples, store),
                "thresholds": threshold_sweeps(examples, store),
                "on_ref_examples": triage_metrics(
                    kept_examples, {key: on_kept(store[key]) for key in TRIAGE_KEYS}
                ),
                "train_seconds_per_fold": round(statistics.fmean(store["seconds"]), 2),
            }
        )

    return {
        "measured_at": dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds"),
        "method": {
            "data": f"{_shown(data)} (training data only; bench/data is never read)",
            "config": _shown(config),
            "examples": n,
            "intent_counts": dict(Counter(truth).most_common()),
            "folds": folds,
            "seed": seed,
            "split": "StratifiedGroupKFold by intent, grouped by normalised text",
            "pipeline": "Rasa component classes run in process (create/train/process)",
            "fallback": {"threshold": threshold, "ambiguity_threshold": ambiguity},
            "triage_intents": f"predicted by '{intents[0].name}' after the FallbackClassifier",
            "compare_ref": compare_ref,
            "ref_examples": len(kept),
        },
        "machine": machine(),
        "total_seconds": round(time.perf_counter() - started, 1),
        "intent": intent_results,
        "triage": triage_results,
        "errors": errors(examples, ref_store, ref_final, oof_triage[triages[0].name]),
    }


def errors(
    examples: Sequence[Example],
    store: Dict[str, list],
    final: Sequence[str],
    triage: Dict[str, list],
) -> Dict[str, List[Dict[str, Any]]]:
    """Out-of-fold errors of the reference configuration, for fixing the TRAINING data."""
    intent_errors = [
        {
            "text": e.text,
            "expected": e.intent,
            "got": got,
            "top": store["ranking"][i][0][0],
            "confidence": round(store["ranking"][i][0][1], 3),
        }
        for i, (e, got) in enumerate(zip(examples, final, strict=True))
        if got != e.intent
    ]
    category_errors = [
        {
            "text": e.text,
            "expected": e.category,
            "head": triage["head"][i],
            "entity": triage["category"][i],
        }
        for i, e in enumerate(examples)
        if e.intent == "complain" and e.category and triage["category"][i] != e.category
    ]
    remedy_errors = [
        {
            "text": e.text,
            "intent": e.intent,
            "expected": e.remedy or NONE,
            "got": triage["remedy"][i],
            "confidence": triage["remedy_conf"][i],
        }
        for i, e in enumerate(examples)
        if (e.remedy or NONE) != triage["remedy"][i]
    ]
    return {"intent": intent_errors, "category": category_errors, "remedy": remedy_errors}


# ---------------------------------------------------------------------- markdown


def before_after(result: Dict[str, Any]) -> List[str]:
    """config.yml's figures in the baseline run and now; on the old examples when known."""
    before, now = result["baseline"], headline(result)
    rows = [
        ("examples", "examples"),
        ("intent macro-F1 (after fallback)", "intent_macro_f1"),
        ("intent macro-F1 (argmax)", "intent_argmax_macro_f1"),
        ("fallback rate", "fallback_rate"),
        ("mean intent confidence", "mean_confidence"),
        ("category head accuracy", "category_head_accuracy"),
        ("category entity accuracy", "category_entity_accuracy"),
        ("remedy accuracy (all examples)", "remedy_accuracy"),
        ("remedy recall (examples with a remedy)", "remedy_recall"),
        ("remedy recall in complaints", "remedy_recall_in_complaints"),
        ("false remedy rate", "false_remedy_rate"),
        ("intent training s/fold", "intent_train_seconds_per_fold"),
    ]
    ref = result["method"].get("compare_ref")
    old = now["on_ref_examples"]
    header = ["figure (config.yml)", f"before: {before['config']}, {before['data']}", "now"]
    if ref:
        header.append(f"now, on the {old['examples']} examples that existed at {ref}")
    table = []
    for label, key in rows:
        row = [label, before.get(key), now.get(key)]
        if ref:
            row.append(old.get(key))
        table.append(row)
    return [
        "## Before and after",
        "",
        f"Baseline ({before['file']}) measured {before['measured_at']}. Added examples are usually harder or "
        "easier than the old ones, so the last column scores only the examples both runs "
        "have (trained on everything now in data/nlu/).",
        "",
        md_table(header, table),
        "",
    ]


def markdown(result: Dict[str, Any]) -> str:
    method = result["method"]
    ref = result["intent"][0]
    lines = [
        "# NLU model selection by cross-validation (training data only)",
        "",
        f"Measured {result['measured_at']} by `bench/model_selection.py` on "
        f"{result['machine']['cpu_count']} CPUs in {result['total_seconds']} s. "
        f"{method['examples']} examples of data/nlu/, {method['folds']}-fold "
        f"{method['split']} (seed {method['seed']}); bench/data/ is not read. "
        "The components are Rasa's and the project's own classes, created, trained and "
        "applied in process exactly as config.yml's graph runs them; figures are pooled "
        "over the test folds. The first row of each table is config.yml as it stands.",
        "",
    ]
    if "baseline" in result:
        lines += before_after(result)
    lines += [
        "## Intent classifier",
        "",
        f"Macro-F1 over {len(method['intent_counts'])} intents, after the FallbackClassifier "
        f"(threshold {method['fallback']['threshold']}, ambiguity "
        f"{method['fallback']['ambiguity_threshold']}; a fallback counts as an error) and "
        "without it (argmax). 'b / c': messages only the candidate / only config.yml gets "
        "right (after fallback; 'argmax b / c' without it). Every candidate goes through "
        "config.yml's fallback settings; another C or class weighting gives other confidences "
        "and would need its own threshold, so compare them by the argmax figures and the "
        "fallback grids below. Training time: tokenizer, featurizers and intent classifier, mean per fold "
        "(4/5 of the data).",
        "",
        md_table(
            [
                "candidate",
                "macro-F1",
                "± fold sd",
                "argmax macro-F1",
                "accuracy",
                "fallback rate",
                "mean conf.",
                "b / c",
                "argmax b / c",
                "train s/fold",
            ]
            + ([f"macro-F1 on {method['compare_ref']} examples"] if method["compare_ref"] else []),
            [
                [
                    r["name"],
                    r["with_fallback"]["macro_f1"],
                    r["with_fallback"]["macro_f1_fold_sd"],
                    r["argmax"]["macro_f1"],
                    r["with_fallback"]["accuracy"],
                    r["fallback_rate"],
                    r["mean_confidence"],
                    f"{r['vs_reference']['only_candidate_right']} / "
                    f"{r['vs_reference']['only_reference_right']}",
                    f"{r['argmax_vs_reference']['only_candidate_right']} / "
                    f"{r['argmax_vs_reference']['only_reference_right']}",
                    r["train_seconds_per_fold"],
                ]
                + ([r["on_ref_examples"]["macro_f1"]] if method["compare_ref"] else [])
                for r in result["intent"]
            ],
        ),
        "",
        f"config.yml is {ref['name']!r}: featurizers {json.dumps(ref['featurizers'])}, "
        f"classifier {json.dumps(ref['classifier'])}" + f", C={ref['C']:g}" + ".",
        "",
        "Per-intent F1 (after fallback):",
        "",
        md_table(
            ["intent", "n"] + [r["name"] for r in result["intent"]],
            [
                [label, ref["with_fallback"]["per_intent"][label]["support"]]
                + [r["with_fallback"]["per_intent"][label]["f1"] for r in result["intent"]]
                for label in ref["with_fallback"]["per_intent"]
            ],
        ),
        "",
        "## FallbackClassifier threshold and ambiguity",
        "",
        "Out-of-fold confidences of each candidate through Rasa's `_should_fallback`. "
        "'errors caught': share of wrong argmax predictions turned into nlu_fallback; "
        "'correct lost': share of right ones; 'misrouted': share of all messages that get a "
        "wrong intent without fallback (a fallback makes the bot ask again; a wrong intent "
        "sends the conversation the wrong way).",
        "",
    ]
    for r in result["intent"]:
        lines += [
            f"**{r['name']}**",
            "",
            md_table(
                [
                    "threshold",
                    "ambiguity",
                    "fallback rate",
                    "accepted accuracy",
                    "errors caught",
                    "correct lost",
                    "misrouted",
                ],
                [
                    [
                        g["threshold"],
                        g["ambiguity_threshold"],
                        g["fallback_rate"],
                        g["accepted_accuracy"],
                        g["errors_caught"],
                        g["correct_lost"],
                        g["misroute_rate"],
                    ]
                    for g in r["fallback_grid"]
                    if g["ambiguity_threshold"] in (0.0, 0.1) or r is ref
                ],
            ),
            "",
        ]
    lines += [
        "## Triage heads (category, remedy)",
        "",
        "Category: complain examples; 'head' = the category model's top code, 'entity' = the "
        "`issue_category` entity the pipeline emits (needs the predicted intent, after "
        "fallback, to be complain and the confidence threshold; none = wrong). Remedy: ALL "
        "examples, expected = `remedy` metadata or none, predicted = the `desired_remedy` "
        "entity or none.",
        "",
        md_table(
            [
                "candidate",
                "category head acc.",
                "category entity acc.",
                "entity coverage",
                "remedy acc. (all)",
                "remedy recall",
                "recall in complaints",
                "remedy → none",
                "false remedy",
                "train s/fold",
            ],
            [
                [
                    r["name"],
                    r["category_head_accuracy"],
                    r["category_entity_accuracy"],
                    r["category_entity_coverage"],
                    r["remedy_accuracy"],
                    r["remedy_recall"],
                    r["remedy_recall_in_complaints"],
                    r["remedy_none_as_none"],
                    r["false_remedy_rate"],
                    r["train_seconds_per_fold"],
                ]
                for r in result["triage"]
            ],
        ),
        "",
        f"{result['triage'][0]['category_n']} complain examples with a category, "
        f"{result['triage'][0]['remedy_n']} examples for the remedy.",
        "",
        "Confidence thresholds (same out-of-fold rankings; below the threshold the bot asks "
        "with buttons instead of guessing). Category: coverage = complaints that get the "
        "entity, precision among those. Remedy: accuracy on all examples, recall on those "
        "with a remedy, false remedies on those without.",
        "",
    ]
    for r in result["triage"]:
        lines += [
            f"**{r['name']}** (category_threshold {r['config']['category_threshold']}, "
            f"remedy_threshold {r['config']['remedy_threshold']})",
            "",
            md_table(
                ["category threshold", "coverage", "precision", "accuracy"],
                [
                    [g["threshold"], g["coverage"], g["precision"], g["accuracy"]]
                    for g in r["thresholds"]["category"]
                ],
            ),
            "",
            md_table(
                ["remedy threshold", "accuracy (all)", "recall", "false remedy"],
                [
                    [g["threshold"], g["accuracy"], g["recall"], g["false_remedy_rate"]]
                    for g in r["thresholds"]["remedy"]
                ],
            ),
            "",
        ]
    lines += [
        "## Out-of-fold errors of config.yml",
        "",
        "For fixing the TRAINING data; complete lists in docs/model_selection.json.",
        "",
    ]
    errs = result["errors"]
    pairs = Counter((e["expected"], e["got"]) for e in errs["intent"])
    lines += [
        f"Intent: {len(errs['intent'])} errors. Most frequent confusions:",
        "",
        md_table(["expected", "got", "n"], [[a, b, c] for (a, b), c in pairs.most_common(15)]),
        "",
        md_table(
            ["text", "expected", "got", "top (conf.)"],
            [
                [short(e["text"]), e["expected"], e["got"], f"{e['top']} ({e['confidence']})"]
                for e in errs["intent"][:80]
            ],
        ),
        "",
        f"Category (entity): {len(errs['category'])} errors.",
        "",
        md_table(
            ["text", "expected", "head", "entity"],
            [
                [short(e["text"]), e["expected"], e["head"], e["entity"]]
                for e in errs["category"][:60]
            ],
        ),
        "",
        f"Remedy: {len(errs['remedy'])} errors.",
        "",
        md_table(
            ["text", "intent", "expected", "got", "conf."],
            [
                [short(e["text"]), e["intent"], e["expected"], e["got"], e["confidence"]]
                for e in errs["remedy"][:80]
            ],
        ),
        "",
    ]
    return "\n".join(lines)


def rewrite_markdown(json_path: Path = JSON_PATH) -> None:
    """Regenerate the markdown from a stored result (after editing the report's wording)."""
    result = json.loads(json_path.read_text(encoding="utf-8"))
    json_path.with_suffix(".md").write_text(markdown(result) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--quick", action="store_true", help="config.yml candidates only")
    parser.add_argument(
        "--class-weights",
        action="store_true",
        help="config.yml and its class-weight variants only (triage: config.yml only)",
    )
    parser.add_argument(
        "--solver-check", action="store_true", help="add the (slow) lbfgs intent candidate"
    )
    add_training_options(parser)
    parser.add_argument(
        "--at",
        metavar="GIT_REF",
        help="use data/nlu and config.yml as committed at this revision (a baseline run)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="an earlier model_selection.json: adds a before/after table of config.yml's figures",
    )
    parser.add_argument(
        "--compare-ref",
        metavar="GIT_REF",
        help="also score only the examples data/nlu/ had at this revision (e.g. HEAD)",
    )
    parser.add_argument(
        "--out", type=Path, default=DOCS, help="folder for model_selection.md/.json (docs/)"
    )
    parser.add_argument(
        "--markdown-only",
        action="store_true",
        help="only rewrite model_selection.md in --out from its model_selection.json",
    )
    args = parser.parse_args()
    if args.markdown_only:
        rewrite_markdown(args.out / JSON_PATH.name)
        return
    with tempfile.TemporaryDirectory(prefix="model-selection-at-") as tmp:
        data, config = args.data.resolve(), args.config.resolve()
        if args.at:
            data, config = checkout(args.at, Path(tmp))
        result = run(
            args.folds,
            args.seed,
            args.quick,
            args.solver_check,
            args.compare_ref,
            data,
            config,
            args.class_weights,
        )
    if args.at:
        result["method"]["data"] = f"data/nlu at {args.at} (training data only)"
        result["method"]["config"] = f"config.yml at {args.at}"
    if args.baseline:
        result["baseline"] = {
            "file": _shown(args.baseline.resolve()),
            **headline(json.loads(args.baseline.read_text(encoding="utf-8"))),
        }
    args.out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = args.out / JSON_PATH.name, args.out / MD_PATH.name
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md_path.write_text(markdown(result) + "\n", encoding="utf-8")
    print(f"wrote {md_path} and {json_path}")


if __name__ == "__main__":
    main()
