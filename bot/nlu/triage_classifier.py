"""Rasa component that classifies a complaint's category and the customer's desired remedy.

Labels come from NLU example metadata, so the data stays in ordinary Rasa files:

    - intent: complain
      metadata: {category: logistics, remedy: reship}
      examples: |
        - 收到的杯子碎了！！给我补发一个

Rasa keeps that as `message.get("metadata") == {"intent": {...}, "example": {...}}`; example
metadata overrides intent metadata. Two scikit-learn models are trained on TF-IDF character
n-grams of the normalised text (`bot.nlu.normalize`, digits folded to 0), so Traditional
input meets the same features as Simplified training data:

* category: examples that have a `category`;
* remedy: ALL examples, class "none" for those without a `remedy` (most messages ask for
  nothing, and the model must learn that too).

Classifier: LinearSVC (C=1) with sigmoid calibration (3-fold), kept over LogisticRegression
(C=30) by 5-fold cross-validation on data/nlu alone (bench/model_selection.py: stratified by
intent, identical normalised texts in one fold, the real pipeline trained on 4/5 of the
examples and applied to the rest; figures in docs/model_selection.md, 1999 examples, 984
complaints). Category: the top code is right for 88.3% vs 88.5% of complaints; at the 0.45
threshold (and an intent that allows it) the SVM names a category for 84% of complaints with
92.6% precision, LogisticRegression for 70% with 96.2% -- its probabilities are flatter; at
0.3 it reaches 83% / 92.9%, so both trade coverage for precision alike. Remedy (all messages,
"none" when nothing is asked): accuracy 0.936 vs 0.937 at the 0.5 threshold, recall 0.880 vs
0.867 on messages that ask for a remedy, a false remedy on 4.0% vs 3.2% of those that ask for
none -- LogisticRegression is a little more precise at equal recall. Training 0.7 s vs 5 s
per fold. Neither is clearly better; the SVM stays the default for its speed and because the
configured thresholds are set for its probabilities. Calibration needs 3 examples per
class; with fewer (tiny data sets) a head falls back to LogisticRegression, and a single
class is kept as a constant.

Last-clause features for the remedy (`remedy_tail_weight`, 0.5 in config.yml; 0 = off). The
convention (../shared/spec/complaint-ticket.md: desired_remedy is what the customer asks for)
is that a refund, return, exchange or repair that is only the SUBJECT of a complaint ("退款一直
没到账", "换货申请被拒了") is no remedy; asked for ("… 今天必须退给我") it is. Both share
their character n-grams, but a request nearly always stands last, so the remedy head also
sees the TF-IDF n-grams of the message's last clause (`last_clause`), scaled by the weight.
By 5-fold CV on data/nlu (docs/model_selection.md, 2913 examples): remedy accuracy 0.965
against 0.953 without, a false remedy on 2.0% against 3.2% of the messages that ask for
none, recall 0.925 against 0.915 on those that ask for one; category unchanged. A keyword
lexicon (remedy words x request/fact cues as extra features) and a two-stage head ("remedy
asked?" then "which") were tried in the same CV and not kept: the lexicon lowered accuracy
at every weight tried (0.2, 0.4, 1.0), the two-stage head gained 0.4 points alone and
nothing on top of the last clause. Weights 0.3-0.7 scored alike.

Heads are stored as numpy arrays (`complaint_triage.npz`, loaded with `allow_pickle=False`)
when both are compiled (`bot.nlu.fast_head`: the configured SVM, which is what predicts);
importing skops alone cost ~6 s of CPU per training (docs/performance.md, training round).
Heads scikit-learn scores (the logreg option, tiny data) and models stored before are
skops files, not pickle, loaded only if they contain nothing beyond the known scikit-learn
types (Rasa's own LogisticRegressionClassifier does the same). There the TF-IDF vocabulary
is two arrays (terms, idf) rather than the vectorizer: skops serialises a 40,000-entry dict
entry by entry, which took 15 s per training.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    METADATA,
    METADATA_EXAMPLE,
    METADATA_INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.english_glossary import read_english
from bot.nlu.fast_head import CompiledHead, compile_head
from bot.nlu.missing_item import mark as missing_item_mark
from bot.nlu.normalize import affirmed_part, fold_digits, has_words, normalize
from bot.nlu.problem_part import problem_part
from bot.nlu.promiser import mark as promiser_mark
from bot.nlu.several_problems import first_problem
from bot.settings import Settings
from bot.taxonomy import CATEGORIES, REMEDIES

logger = logging.getLogger(__name__)

NO_REMEDY = "none"
OUTPUT_PROPERTY = "complaint_triage"
CATEGORY_ENTITY = "issue_category"
REMEDY_ENTITY = "desired_remedy"

ARRAYS_FILE = "complaint_triage.npz"

# Types a stored model may contain besides the ones skops trusts by default.
TRUSTED_TYPES = frozenset(
    {
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
    }
)

# One trained head: {"classes": [...], "vectorizer": TfidfVectorizer | None,
# "classifier": fitted estimator | None}; no vectorizer/classifier when only one class.
Head = Dict[str, Any]


class UntrustedModelError(Exception):
    """The stored model holds types that are not known to be safe to load."""


# A long number after `fold_digits` (order, phone, tracking number; groups allowed).
_LONG_NUMBER = re.compile(r"0(?:[ -]?0){5,}")


def _prepare(text: Optional[str]) -> str:
    """Normalised text, spacing collapsed, every long number one `#`.

    Why `#`: a twelve-digit order number folds to twelve zeros, whose many identical
    n-grams outweighed the words of a short complaint ("羽绒服漏绒很严重 订单202411200012"
    read as not_as_described, without the number as product_quality). That a number is
    there is kept; how long it is says nothing about the category or the remedy.
    """
    folded = " ".join(fold_digits(normalize(text or "")).split())
    return _LONG_NUMBER.sub("#", folded)


# Clause boundaries (half-width after normalisation; the full-width forms for raw text).
_CLAUSE_BREAK = re.compile(r"[\s,.!?;:~、。…，！？；：～]+")


def last_clause(text: str) -> str:
    """The last clause of a prepared text: where a request usually stands.

    Why: "退款一直没到账" only mentions a refund, "退款一直没到账 今天必须退给我" asks for one.
    The same character n-grams occur in both; what the customer asks for is nearly always
    said last. The remedy head gets the n-grams of the last clause as extra features.
    """
    parts = [part for part in _CLAUSE_BREAK.split(text) if part]
    return parts[-1] if parts else text


def labels_of(message: Message) -> Tuple[Optional[str], Optional[str]]:
    """(category, remedy) from an example's metadata; example-level keys win."""
    metadata = message.get(METADATA)
    if not isinstance(metadata, dict):
        return None, None
    merged: Dict[str, Any] = {}
    for level in (METADATA_INTENT, METADATA_EXAMPLE):
        if isinstance(metadata.get(level), dict):
            merged.update(metadata[level])
    category, remedy = merged.get("category"), merged.get("remedy")
    return (
        str(category) if category else None,
        str(remedy) if remedy and remedy != NO_REMEDY else None,
    )


def _vectorizer(config: Dict[str, Any], vocabulary: Optional[Dict[str, int]] = None) -> Any:
    """TF-IDF over character n-grams of the (already normalised) text."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="char",
        ngram_range=(config["min_ngram"], config["max_ngram"]),
        sublinear_tf=True,
        lowercase=False,
        vocabulary=vocabulary,
    )


def _terms(vectorizer: Any) -> Any:
    """A fitted vectorizer's vocabulary as an array of terms, in column order."""
    vocabulary = vectorizer.vocabulary_
    return np.array(sorted(vocabulary, key=vocabulary.__getitem__), dtype=str)


def _head_state(head: Optional[Head]) -> Optional[Dict[str, Any]]:
    """What is stored of a head: plain arrays for the vocabulary, the fitted classifier."""
    if head is None:
        return None
    vectorizer = head["vectorizer"]
    if vectorizer is None:
        return {"classes": head["classes"], "terms": None, "idf": None, "classifier": None}
    state = {
        "classes": head["classes"],
        "terms": _terms(vectorizer),
        "idf": vectorizer.idf_,
        "ngram_range": list(vectorizer.ngram_range),
        "classifier": head["classifier"],
    }
    tail = head.get("tail_vectorizer")
    if tail is not None:
        state.update(
            tail_terms=_terms(tail), tail_idf=tail.idf_, tail_weight=float(head["tail_weight"])
        )
    return state


def _head_from_state(state: Optional[Dict[str, Any]], config: Dict[str, Any]) -> Optional[Head]:
    """Rebuild a head; the n-gram range is the one it was trained with."""
    if state is None:
        return None
    if state["classifier"] is None:
        return {"classes": list(state["classes"]), "vectorizer": None, "classifier": None}
    low, high = state["ngram_range"]
    terms = state["terms"].tolist()
    vectorizer = _vectorizer(
        {**config, "min_ngram": low, "max_ngram": high}, {t: i for i, t in enumerate(terms)}
    )
    vectorizer.idf_ = state["idf"]
    head = {
        "classes": list(state["classes"]),
        "vectorizer": vectorizer,
        "classifier": state["classifier"],
    }
    if state.get("tail_terms") is not None:
        tail_terms = state["tail_terms"].tolist()
        tail = _vectorizer(
            {**config, "min_ngram": low, "max_ngram": high},
            {t: i for i, t in enumerate(tail_terms)},
        )
        tail.idf_ = state["tail_idf"]
        head.update(tail_vectorizer=tail, tail_weight=float(state["tail_weight"]))
    return _with_compiled(head)


# Texts the compiled heads are checked on against scikit-learn (`_scores_as_sklearn`).
_PROBES = (
    "收到的杯子碎了！！订单 2024 1123 5567，给我补发一个",
    "退款一直没到账 今天必须退给我",
    "主播说送的赠品没收到",
    "快遞員態度太差了",
    "",
)


def _with_compiled(head: Head) -> Head:
    """The head plus its numpy copy for scoring single messages fast, when exact."""
    compiled = compile_head(head)
    head["compiled"] = compiled if compiled and _scores_as_sklearn(compiled, head) else None
    return head


HEAD_NAMES = ("category", "remedy")


def _heads_as_arrays(heads: Dict[str, Optional[Head]]) -> Optional[Dict[str, np.ndarray]]:
    """Both heads as arrays keyed "<head>.<array>", or None if one is not compiled.

    A head is absent ("none"), constant (one class seen) or compiled; a head scikit-learn
    scores (not compiled: the logreg option, tiny data) is left to skops.
    """
    arrays: Dict[str, np.ndarray] = {}
    for name in HEAD_NAMES:
        head = heads.get(name)
        if head is None:
            arrays[f"{name}.kind"] = np.array("none")
            continue
        arrays[f"{name}.classes"] = np.array(head["classes"], dtype=str)
        compiled: Optional[CompiledHead] = head.get("compiled")
        if compiled is not None:
            arrays[f"{name}.kind"] = np.array("compiled")
            arrays.update({f"{name}.{key}": value for key, value in compiled.arrays().items()})
        elif head["classifier"] is None:
            arrays[f"{name}.kind"] = np.array("constant")
        else:
            return None
    return arrays


def _heads_from_arrays(arrays: Dict[str, np.ndarray]) -> Dict[str, Optional[Head]]:
    """The heads `_heads_as_arrays` stored; compiled ones predict with their arrays alone."""
    heads: Dict[str, Optional[Head]] = {}
    for name in HEAD_NAMES:
        kind = str(arrays[f"{name}.kind"])
        if kind == "none":
            heads[name] = None
            continue
        head: Head = {
            "classes": [str(c) for c in arrays[f"{name}.classes"].tolist()],
            "vectorizer": None,
            "classifier": None,
        }
        if kind == "compiled":
            prefix = f"{name}."
            head["compiled"] = CompiledHead.from_arrays(
                {k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)}
            )
        heads[name] = head
    return heads


def _scores_as_sklearn(compiled: CompiledHead, head: Head) -> bool:
    """Whether the compiled head gives scikit-learn's probabilities on the probe texts."""
    texts = [_prepare(text) for text in _PROBES]
    expected = head["classifier"].predict_proba(_features(head, texts))
    for text, row in zip(texts, expected, strict=True):
        got = compiled.probabilities(*compiled.features(text, last_clause(text)))
        if not np.allclose(got, row, rtol=0, atol=1e-9):
            return False
    return True


def _ranked(compiled: CompiledHead, classes: Sequence[str], text: str) -> List[Tuple[str, float]]:
    """One text's classes with probabilities, best first; [] without a known n-gram."""
    columns, values = compiled.features(text, last_clause(text))
    if not len(columns):
        return []
    probabilities = compiled.probabilities(columns, values)
    return [
        (classes[i], float(probabilities[i])) for i in np.argsort(-probabilities, kind="stable")
    ]


def _features(head: Head, texts: Sequence[str]) -> Any:
    """The head's feature matrix: n-grams of the text, plus weighted ones of its last clause."""
    features = head["vectorizer"].transform(list(texts))
    tail = head.get("tail_vectorizer")
    if tail is None:
        return features
    from scipy import sparse

    clauses = tail.transform([last_clause(text) for text in texts])
    return sparse.hstack([features, head["tail_weight"] * clauses], format="csr")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ComplaintTriageClassifier(GraphComponent, EntityExtractorMixin):
    """Predicts `issue_category` and `desired_remedy` and reports both rankings.

    Emits the entity `issue_category` only for messages whose predicted intent is in
    `category_intents` with at least the listed intent confidence (by default any
    `complain`, and `correct` at 0.6 or more: "不是物流问题，是质量问题") and whose category
    confidence reaches `category_threshold`. Emits `desired_remedy` when the remedy model
    predicts something other than "none" with `remedy_threshold` confidence and the intent is
    not in `remedy_excluded_intents` (a request for a person). Always sets the
    output property `complaint_triage` with both rankings, for quick-reply buttons when the
    bot is unsure.
    """

    MODEL_FILE = "complaint_triage.skops"  # heads scikit-learn scores; else ARRAYS_FILE

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Thresholds default to the project settings' defaults."""
        return {
            "category_threshold": Settings.category_confidence_threshold,
            "remedy_threshold": Settings.remedy_confidence_threshold,
            # intent name -> minimum intent confidence for a category entity
            "category_intents": {"complain": 0.0, "correct": 0.6},
            "min_ngram": 1,
            "max_ngram": 3,
            # "svm": LinearSVC + sigmoid calibration; "logreg": LogisticRegression
            "classifier": "svm",
            "svm_C": 1.0,
            # weight of the last clause's n-grams in the remedy head (0: none, the model
            # trained before them); config.yml sets 0.5, chosen by cross-validation
            "remedy_tail_weight": 0.0,
            "logreg_C": 30.0,
            "ranking_length": 3,
            "random_state": 42,
            # several problems in one message: the first one's category, when its own
            # clauses are ranked at least this sure and the whole message has it in its top
            # three (`bot.nlu.several_problems`); 1.0 or more turns it off
            "first_problem_confidence": 0.6,
            # no category entity when the runner-up is this close: the bot asks with the
            # top guesses as buttons instead (a story told before the facts names several
            # categories' words and ranks them nearly alike); 0 turns it off
            "category_margin": 0.0,
            # the category head also sees a mark of what the message says is missing, the
            # gift or the thing bought (`bot.nlu.missing_item`): "赠品呢 盒子里只有我买的笔"
            # and "盒子里只有赠品 我买的笔没有" share every character n-gram
            "missing_item_marks": False,
            # and a mark of who made the promise the message is about, the live-stream host
            # or the shop's service (`bot.nlu.promiser`): "客服答应补寄赠品" is after_sales,
            # "主播承诺的赠品" livestream_misleading, the page's gift promotion
            "promiser_marks": False,
            # the English complaint words of a mixed message in Chinese, for both heads
            # (`bot.nlu.english_glossary`: "仲未ship" -> "仲未发货")
            "english_glosses": False,
            # intents whose messages ask for no remedy, whatever their words: a request for
            # a person ("能不能换个活人跟我说", whose 换个 the head reads as exchange) or for
            # the status of a complaint ("退款投诉到哪一步了"); their remedy ranking stays in
            # the output property, but no `desired_remedy` entity fills the slot
            "remedy_excluded_intents": [],
        }

    @staticmethod
    def required_packages() -> List[str]:
        """Python packages the component needs."""
        return ["sklearn", "skops"]

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        heads: Optional[Dict[str, Optional[Head]]] = None,
    ) -> None:
        """Create the component, trained when `heads` is given."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._heads: Dict[str, Optional[Head]] = heads or {"category": None, "remedy": None}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ComplaintTriageClassifier:
        """Create an untrained component (see `GraphComponent.create`)."""
        return cls(config, model_storage, resource)

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Reject settings that would silently break training."""
        if config.get("classifier", "svm") not in ("svm", "logreg"):
            raise ValueError("ComplaintTriageClassifier: classifier must be 'svm' or 'logreg'")
        if not 1 <= config.get("min_ngram", 1) <= config.get("max_ngram", 3):
            raise ValueError("ComplaintTriageClassifier: need 1 <= min_ngram <= max_ngram")
        excluded = config.get("remedy_excluded_intents", [])
        if not isinstance(excluded, (list, tuple)) or not all(isinstance(i, str) for i in excluded):
            raise ValueError(
                "ComplaintTriageClassifier: remedy_excluded_intents must be intent names"
            )
        weight = config.get("remedy_tail_weight", 0.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            raise ValueError("ComplaintTriageClassifier: remedy_tail_weight must be >= 0")

    # ----------------------------------------------------------------------------- train

    def _head_text(self, raw: Optional[str]) -> str:
        """What both heads read: the prepared text (English words in Chinese: `english_glosses`)."""
        prepared = _prepare(raw)
        return read_english(prepared) if self._config["english_glosses"] else prepared

    def _category_text(self, raw: Optional[str], prepared: str) -> str:
        """What the category head reads: the prepared text, plus the marks that are on.

        The marks (private-use characters: `bot.nlu.missing_item.mark` with
        `missing_item_marks`, `bot.nlu.promiser.mark` with `promiser_marks`) are added in
        training and prediction alike.
        """
        marks = []
        if self._config["missing_item_marks"]:
            marks.append(missing_item_mark(raw))
        if self._config["promiser_marks"]:
            marks.append(promiser_mark(raw))
        found = " ".join(m for m in marks if m)
        return f"{prepared} {found}" if found else prepared

    def _problem_text(self, raw: Optional[str]) -> str:
        """What the category head reads of a message to classify: its problem part.

        Without a remedy asked for in a clause of its own or order fields pasted from the
        shop's page (`bot.nlu.problem_part`); in training the examples are read whole.
        """
        part = problem_part(raw) or raw
        return self._category_text(part, self._head_text(part))

    def _fit(
        self, texts: Sequence[str], labels: Sequence[str], tail_weight: float = 0.0
    ) -> Optional[Head]:
        """Fit one head; None without data, a constant head for a single class.

        With `tail_weight` > 0 the n-grams of each text's last clause are added as features,
        scaled by that weight (`last_clause`).
        """
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        counts = Counter(labels)
        classes = sorted(counts)
        if len(classes) < 2:
            return {"classes": classes, "vectorizer": None, "classifier": None} if classes else None
        classifier: Any
        if self._config["classifier"] == "svm" and min(counts.values()) >= 3:
            svm = LinearSVC(
                C=self._config["svm_C"],
                class_weight="balanced",
                random_state=self._config["random_state"],
            )
            classifier = CalibratedClassifierCV(svm, cv=3, method="sigmoid")
        else:
            classifier = LogisticRegression(
                C=self._config["logreg_C"],
                class_weight="balanced",
                max_iter=2000,
                random_state=self._config["random_state"],
            )
        head: Head = {"classes": classes, "vectorizer": _vectorizer(self._config)}
        head["vectorizer"].fit(list(texts))
        if tail_weight > 0:
            head["tail_vectorizer"] = _vectorizer(self._config)
            head["tail_vectorizer"].fit([last_clause(text) for text in texts])
            head["tail_weight"] = float(tail_weight)
        # a numpy array, not a list: CalibratedClassifierCV in sklearn 1.1 miscounts lists
        classifier.fit(_features(head, texts), np.array(labels))
        head["classes"] = [str(c) for c in classifier.classes_]
        head["classifier"] = classifier
        return _with_compiled(head)

    def train(self, training_data: TrainingData) -> Resource:
        """Train both heads from example metadata and persist them."""
        category_data: List[Tuple[str, str]] = []
        remedy_data: List[Tuple[str, str]] = []
        unknown: Counter[str] = Counter()
        for example in training_data.intent_examples:
            text = self._head_text(example.get(TEXT))
            if not text:
                continue
            category, remedy = labels_of(example)
            if category is not None:
                if category in CATEGORIES:
                    category_data.append((self._category_text(example.get(TEXT), text), category))
                else:
                    unknown[f"category '{category}'"] += 1
            if remedy is None or remedy in REMEDIES:
                remedy_data.append((text, remedy or NO_REMEDY))
            else:
                unknown[f"remedy '{remedy}'"] += 1
        for label, count in sorted(unknown.items()):
            rasa.shared.utils.io.raise_warning(
                f"{count} NLU example(s) carry the unknown {label} (not in bot/taxonomy.py); "
                f"{self.__class__.__name__} ignores those labels."
            )
        self._heads = {
            "category": self._fit(
                [text for text, _ in category_data], [label for _, label in category_data]
            )
            if category_data
            else None,
            "remedy": self._fit(
                [text for text, _ in remedy_data],
                [label for _, label in remedy_data],
                float(self._config["remedy_tail_weight"]),
            )
            if remedy_data
            else None,
        }
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Store both heads: numpy arrays when each is compiled (or constant), else skops.

        Why arrays: the compiled heads are what predicts, and importing skops alone cost
        ~6 s of CPU in a training process (docs/performance.md, training round).
        """
        arrays = _heads_as_arrays(self._heads)
        with self._model_storage.write_to(self._resource) as model_dir:
            if arrays is not None:
                np.savez(model_dir / ARRAYS_FILE, **arrays)
                return
            import skops.io as sio

            state = {name: _head_state(head) for name, head in self._heads.items()}
            sio.dump(state, model_dir / self.MODEL_FILE)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ComplaintTriageClassifier:
        """Load the trained heads; untrained if the resource is missing.

        Heads stored as arrays load without skops; a skops file (a head that is not
        compiled, or a model stored before) raises `UntrustedModelError` if it holds types
        outside `TRUSTED_TYPES`.
        """
        try:
            with model_storage.read_from(resource) as model_dir:
                if (model_dir / ARRAYS_FILE).exists():
                    with np.load(model_dir / ARRAYS_FILE, allow_pickle=False) as stored:
                        arrays = {key: stored[key] for key in stored.files}
                    return cls(config, model_storage, resource, _heads_from_arrays(arrays))
        except ValueError:
            pass  # no such resource: the skops path below reports an untrained component
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / cls.MODEL_FILE
                untrusted = set(sio.get_untrusted_types(file=path))
                if untrusted - TRUSTED_TYPES:
                    raise UntrustedModelError(
                        f"refusing to load {path}: unexpected types {sorted(untrusted - TRUSTED_TYPES)}"
                    )
                state = sio.load(path, trusted=sorted(untrusted))
        except (ValueError, FileNotFoundError):
            logger.debug(f"No trained {cls.__name__} in resource '{resource.name}'.")
            return cls(config, model_storage, resource)
        component = cls(config, model_storage, resource)
        component._heads = {
            name: _head_from_state(head, component._config) for name, head in state.items()
        }
        return component

    # --------------------------------------------------------------------------- predict

    @staticmethod
    def _rank(head: Optional[Head], texts: Sequence[str]) -> List[List[Tuple[str, float]]]:
        """Classes with probabilities, best first, per text; [] when nothing is known."""
        if head is None:
            return [[] for _ in texts]
        compiled: Optional[CompiledHead] = head.get("compiled")
        if compiled is not None:
            return [_ranked(compiled, head["classes"], text) for text in texts]
        if head["classifier"] is None:  # a single class was seen in training
            return [[(head["classes"][0], 1.0)] if text else [] for text in texts]
        features = _features(head, texts)
        probabilities = head["classifier"].predict_proba(features)
        classes = head["classes"]
        rankings: List[List[Tuple[str, float]]] = []
        for row, probas in enumerate(probabilities):
            if features[row].nnz == 0:  # no known character n-gram: the guess is the prior
                rankings.append([])
                continue
            order = np.argsort(-probas, kind="stable")
            rankings.append([(classes[i], float(probas[i])) for i in order])
        return rankings

    def _summary(self, ranking: List[Tuple[str, float]], skip: str = "") -> Dict[str, Any]:
        """{"code", "confidence", "ranking"} for the output property."""
        top = ranking[0] if ranking else (None, 0.0)
        shown = [(code, p) for code, p in ranking if code != skip]
        return {
            "code": None if top[0] == skip else top[0],
            "confidence": round(top[1], 4),
            "ranking": [
                {"code": code, "confidence": round(p, 4)}
                for code, p in shown[: self._config["ranking_length"]]
            ],
        }

    def _first_problem_ranking(
        self, text: str, whole: List[Tuple[str, float]]
    ) -> Optional[List[Tuple[str, float]]]:
        """The ranking of the message's first problem, when it should decide the category.

        "尺码发错了 然后问客服 客服态度超凶": the whole message reads as service_attitude,
        its first problem as a wrong item; the customer wants the item settled (the spec's
        one category), the service goes into the description. Only when the first part is
        sure of itself and the whole message ranks it among its top three, so a story told
        before the problem ("先是工作被老板念 然后…") decides nothing. When both agree, the
        first part's surer ranking stands ("扣了两次钱 还有客服一直不回消息" is no tie).
        """
        part = first_problem(text)
        if part is None or not whole:
            return None
        ranked = self._rank(
            self._heads.get("category"), [self._category_text(part, self._head_text(part))]
        )[0]
        if not ranked:
            return None
        top_three = {code for code, _ in whole[:3]}
        if ranked[0][1] < self._config["first_problem_confidence"] or ranked[0][0] not in top_three:
            return None
        return ranked

    def _clear_lead(self, ranking: List[Tuple[str, float]]) -> bool:
        """Whether the top category leads the runner-up by the configured margin.

        "之前那双鞋不合脚 申请了退货 快递员上门取的件 … 钱还是没退回来" ranks logistics,
        after_sales and refund_payment within 0.06 of each other: any of them named as the
        category is a coin toss, a question with the three as buttons is not.
        """
        if len(ranking) < 2:
            return True
        return ranking[0][1] - ranking[1][1] >= self._config["category_margin"]

    def _tied(self, ranking: List[Tuple[str, float]]) -> List[str]:
        """The categories within the margin of a sure top one: what a near tie is between.

        "杯子收到就破了 …" between logistics and product_quality asks which of the two,
        not which of five kinds; empty when the top one leads clearly or is unsure anyway
        (then the question offers the best guesses as before).
        """
        if not ranking or ranking[0][1] < self._config["category_threshold"]:
            return []
        if self._clear_lead(ranking):
            return []
        margin = self._config["category_margin"]
        top = ranking[0][1]
        tied = [code for code, p in ranking if top - p < margin]
        return tied[: self._config["ranking_length"]]

    def _intent_allows_category(self, message: Message) -> bool:
        intent = message.get(INTENT) or {}
        minimum = self._config["category_intents"].get(intent.get("name"))
        return minimum is not None and float(intent.get("confidence") or 0.0) >= minimum

    def _intent_allows_remedy(self, message: Message) -> bool:
        """Whether the message's intent may carry a remedy (not a request for a person).

        Why here and not in the words: the head learns a remedy from character n-grams, so
        any message sharing them ("换个人" with "换个新的") can be read as one; a handoff or a
        status question said at any moment would then file or overwrite the ticket's remedy.
        """
        intent = (message.get(INTENT) or {}).get("name")
        return intent not in self._config["remedy_excluded_intents"]

    def _entity(self, name: str, value: str, confidence: float, text: str) -> Dict[str, Any]:
        """A message-level entity: it spans the whole text, since no word carries it."""
        return {
            ENTITY_ATTRIBUTE_TYPE: name,
            ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: 0,
            ENTITY_ATTRIBUTE_END: len(text),
            ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: round(confidence, 4),
        }

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the entities and the `complaint_triage` output property to each message."""
        texts = [self._head_text(message.get(TEXT)) for message in messages]
        categories = self._rank(
            self._heads.get("category"), [self._problem_text(m.get(TEXT)) for m in messages]
        )
        remedies = self._rank(self._heads.get("remedy"), texts)
        for message, category, remedy in zip(messages, categories, remedies, strict=True):
            text = message.get(TEXT) or ""
            first = self._first_problem_ranking(text, category)
            if first is not None:
                category = first
            triage = {
                "category": self._summary(category),
                "remedy": self._summary(remedy, skip=NO_REMEDY),
            }
            tied = self._tied(category)
            if tied and has_words(text):
                triage["category"]["tied"] = tied
            affirmed = affirmed_part(text)
            if affirmed:
                # "不是少发 是两个都到了 其中一个碎了": the category of what the customer now
                # says, for the actions to take when the message corrects the problem
                ranked = self._rank(
                    self._heads.get("category"),
                    [self._category_text(affirmed, self._head_text(affirmed))],
                )
                if ranked and ranked[0]:
                    triage["category_affirmed"] = self._summary(ranked[0])
            entities = []
            best = triage["category"]
            if not has_words(text):
                pass  # "😭😭😭" says how the customer feels, not what happened
            elif (
                best["code"] is not None
                and best["confidence"] >= self._config["category_threshold"]
                and self._clear_lead(category)
                and self._intent_allows_category(message)
            ):
                entities.append(
                    self._entity(CATEGORY_ENTITY, best["code"], best["confidence"], text)
                )
            best = triage["remedy"]
            if (
                has_words(text)
                and best["code"] is not None
                and best["confidence"] >= self._config["remedy_threshold"]
                and self._intent_allows_remedy(message)
            ):
                entities.append(self._entity(REMEDY_ENTITY, best["code"], best["confidence"], text))
            message.set(OUTPUT_PROPERTY, triage, add_to_output=True)
            if entities:
                entities = self.add_extractor_name(entities)
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
