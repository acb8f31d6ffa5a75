"""Rasa's `LogisticRegressionClassifier` with the regularisation strength `C` configurable.

Rasa's component fixes scikit-learn's default C=1 together with `class_weight="balanced"`.
On this project's data that regularises hard: complain has half of the examples, the balanced
weights shrink it, and C=1 flattens the probabilities (mean top confidence 0.84). Chosen by
5-fold cross-validation on data/nlu only (bench/model_selection.py, docs/model_selection.md;
1999 examples, the real components trained on 4/5 and applied to the rest): C=5 predicted the
intent right for 91.1% of the held-out messages against 90.1% with C=1 (36 messages only C=5
got right, 16 only C=1; better in each of the 5 folds), argmax macro-F1 0.893 against 0.884,
mean top confidence 0.89. On data/nlu as it was before the examples added together with
this component (1610) the gain was smaller: 89.5% against 89.3% (16 / 12 messages). C=20 was
no better than C=5. Everything else -- features, class weights, solver options, ranking --
is Rasa's component. Two things are done faster with the same result (docs/performance.md,
training round): the training matrix is built in one go (`bot.nlu.sentence_matrix`), the
solver multiplies by its transpose in row order (`bot.nlu.transposed_rows`), and the fitted LR is stored as numpy arrays instead of skops (`bot.nlu.logistic_regression_arrays`;
models stored by Rasa's code still load).

One message at a time (the server's case) is scored with numpy: softmax of the features
times the fitted coefficients, which is what scikit-learn computes for this multinomial
model, without its input checks and sparse-matrix stacking (about 10x faster per message;
the intent model was a tenth of the Rasa server's CPU under load). Batches, and models
scikit-learn scores otherwise (one-vs-rest, two classes), keep Rasa's code.

`complement_nb_weight` > 0 averages the LR's probabilities with those of a Complement Naive
Bayes model fitted on the same features (weight w: (1 - w) * P_lr + w * P_nb). Why: the LR
misroutes the confusable pairs with high confidence; a model of another family, trained on
the same n-gram counts, disagrees on many of those and pulls their confidence under the
fallback threshold, while it agrees on the clear cases. By paired 5-fold CV on data/nlu
(docs/intent_dev.md, fifth split) w=0.2 with alpha 0.1 and the fallback threshold at 0.45
sent fewer messages both to a wrong intent and to nlu_fallback than the LR alone at 0.5.
Scoring it costs one more sparse dot product per message.

`short_message_features` > 0 sharpens the probabilities of a message with at most that many
active features (a one- or two-word message: "漏液", "一般", "🙏", "得嘞"): they are raised to
the power `short_message_sharpening` and renormalised. Why: with few features the scores stay
near the intercepts, so a short message's top probability is low even when it is clearly the
top intent, and the Naive Bayes share flattens it further; one- and two-word answers sat
at 0.42-0.45 against the fallback's 0.45 and moved under it whenever examples were added
(docs/intent_dev.md, ninth round). The order of the intents does not change, only how sure
the top one is, so only the fallback decision of short messages moves.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from sklearn.naive_bayes import ComplementNB

from bot.nlu import logistic_regression_arrays
from bot.nlu.sentence_matrix import sentence_blocks, sentence_matrix
from bot.nlu.transposed_rows import TransposedRowsMatrix

NB_FILE = "complement_nb.npz"
LR_FILE = "logistic_regression.npz"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TunableLogisticRegressionClassifier(LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` whose scikit-learn estimator uses the configured `C`.

    With `C: 1.0` and `class_weight: balanced` (the defaults) it trains exactly the model
    Rasa's component trains. A loaded model keeps the C and class weights it was trained with
    (they are part of the stored estimator).

    `class_weight: null` (scikit-learn's default) weighs every example alike; Rasa's
    "balanced" weighs every intent alike, an example n / (17 * n_intent). complain has 1553 of
    data/nlu's 3531 examples, so a complaint weighs 0.13 and a denial 1.08, which pulls terse
    negated complaints ("不通电", "赠品没有") towards deny. Balanced stays, by 5-fold
    cross-validation (bench/model_selection.py --class-weights, fold seeds 42 / 7, C=5):
    unweighted is right for more messages (0.905 / 0.910 against 0.901 / 0.902 after the
    fallback) and complain and deny F1 rise (0.942 / 0.945 and 0.864 / 0.872 against
    0.927 / 0.932 and 0.849 / 0.842), but the small intents lose recall (rate, goodbye,
    cancel, thank) and macro-F1 after the fallback falls, 0.916 / 0.918 against 0.925 /
    0.927. Halfway weights, (n / (17 * n_intent)) ** 0.5, also fell (0.921 / 0.922), so that
    option was not kept.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rasa's defaults plus `C` (> 0) and `class_weight` ("balanced" or None), as Rasa's.

        `complement_nb_weight` 0 (no Naive Bayes: Rasa's model) and its smoothing `alpha`;
        `short_message_features` 0 (no sharpening of short messages' probabilities).
        """
        return {
            **LogisticRegressionClassifier.get_default_config(),
            "C": 1.0,
            "class_weight": "balanced",
            "complement_nb_weight": 0.0,
            "complement_nb_alpha": 0.1,
            "short_message_features": 0,
            "short_message_sharpening": 1.0,
        }

    def __init__(
        self,
        config: Dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        """Build Rasa's classifier, then set `C` and the class weights (checked first)."""
        super().__init__(config, name, model_storage, resource)
        self.validate_config(self.config)
        self.clf.set_params(C=float(self.config["C"]), class_weight=self.config["class_weight"])
        # Complement Naive Bayes log-weights (classes x features), when it is mixed in
        self.nb_log_prob: Optional[np.ndarray] = None

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Reject a `C` or `class_weight` other than those documented, before training does."""
        value = config.get("C", 1.0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"{cls.__name__}: C must be a positive number, got {value!r}")
        weight = config.get("class_weight", "balanced")
        if not (weight is None or (isinstance(weight, str) and weight == "balanced")):
            raise ValueError(
                f"{cls.__name__}: class_weight must be 'balanced' or null, got {weight!r}"
            )
        mix = config.get("complement_nb_weight", 0.0)
        if isinstance(mix, bool) or not isinstance(mix, (int, float)) or not 0 <= mix < 1:
            raise ValueError(f"{cls.__name__}: complement_nb_weight must be in [0, 1), got {mix!r}")
        alpha = config.get("complement_nb_alpha", 0.1)
        if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or alpha <= 0:
            raise ValueError(f"{cls.__name__}: complement_nb_alpha must be > 0, got {alpha!r}")
        short = config.get("short_message_features", 0)
        if isinstance(short, bool) or not isinstance(short, int) or short < 0:
            raise ValueError(
                f"{cls.__name__}: short_message_features must be an integer >= 0, got {short!r}"
            )
        power = config.get("short_message_sharpening", 1.0)
        if isinstance(power, bool) or not isinstance(power, (int, float)) or power < 1:
            raise ValueError(
                f"{cls.__name__}: short_message_sharpening must be >= 1, got {power!r}"
            )

    @property
    def _nb_weight(self) -> float:
        """The Naive Bayes share of the probabilities (0 when none was trained)."""
        if self.nb_log_prob is None:
            return 0.0
        return float(self.config["complement_nb_weight"])

    def train(self, training_data: TrainingData) -> Resource:
        """Rasa's training (fit the LR, persist); the Naive Bayes model on the same matrix too."""
        X, y = self._create_training_matrix(training_data)
        if X.shape[0] == 0:
            return super().train(training_data)  # Rasa's "no data" path
        # the solver's products with X.T from a CSR copy: the same coefficients, bit for bit
        self.clf.fit(TransposedRowsMatrix.of(scipy.sparse.csr_matrix(X)), y)
        if self.config["complement_nb_weight"] > 0:
            nb = ComplementNB(alpha=float(self.config["complement_nb_alpha"])).fit(X, y)
            if list(nb.classes_) != list(self.clf.classes_):
                raise ValueError("Naive Bayes and logistic regression classes differ")
            self.nb_log_prob = np.asarray(nb.feature_log_prob_, dtype=float)
        self.persist()
        return self._resource

    def _create_training_matrix(self, training_data: TrainingData) -> Tuple[Any, List[str]]:
        """Rasa's (X, y) of the intent examples, X built in one go (`bot.nlu.sentence_matrix`).

        The same examples and the same matrix as Rasa's method; its code stays for
        messages whose features do not line up.
        """
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        X = sentence_matrix(examples)
        if X is None:
            return super()._create_training_matrix(training_data)
        return X, [e.get(INTENT) for e in examples]

    def persist(self) -> None:
        """The LR as numpy arrays (not Rasa's skops file), the Naive Bayes weights beside it.

        Why: importing skops cost ~4.5 s of CPU per training, for two arrays
        (`bot.nlu.logistic_regression_arrays`); models stored by Rasa's code still load.
        """
        with self._model_storage.write_to(self._resource) as model_dir:
            logistic_regression_arrays.save(self.clf, model_dir / LR_FILE)
            if self.nb_log_prob is not None:
                np.savez(model_dir / NB_FILE, log_prob=self.nb_log_prob)

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TunableLogisticRegressionClassifier:
        """The stored LR (arrays, or Rasa's skops file), plus the Naive Bayes weights if any."""
        component = cls._load_arrays(config, model_storage, resource, execution_context)
        if component is None:
            component = super().load(config, model_storage, resource, execution_context, **kwargs)
        if not isinstance(component, TunableLogisticRegressionClassifier):
            raise TypeError(f"{cls.__name__}.load gave {type(component).__name__}")
        if component.config.get("complement_nb_weight", 0.0) > 0:
            try:
                with model_storage.read_from(resource) as model_dir:
                    if (model_dir / NB_FILE).exists():
                        with np.load(model_dir / NB_FILE) as stored:
                            component.nb_log_prob = stored["log_prob"]
            except ValueError:
                pass  # nothing stored: an untrained component, as Rasa's load returns
        return component

    @classmethod
    def _load_arrays(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Optional[TunableLogisticRegressionClassifier]:
        """The component with the LR `persist` stored, None if there is none (older models)."""
        try:
            with model_storage.read_from(resource) as model_dir:
                if not (model_dir / LR_FILE).exists():
                    return None
                clf = logistic_regression_arrays.load(model_dir / LR_FILE)
        except ValueError:
            return None  # nothing stored: Rasa's load says so for an untrained component
        component = cls(config, execution_context.node_name, model_storage, resource)
        component.clf = clf
        return component

    @property
    def _sharpens(self) -> bool:
        """Whether short messages' probabilities are sharpened."""
        return (
            int(self.config["short_message_features"]) > 0
            and float(self.config["short_message_sharpening"]) != 1.0
        )

    def _sharpened(self, probabilities: np.ndarray, active_features: int) -> np.ndarray:
        """The probabilities of a message with few active features raised to a power >= 1.

        The ranking stays; the top intent of a one- or two-word message gets the confidence
        a longer message with the same margin would have (see the module docstring).
        """
        if not self._sharpens or active_features > int(self.config["short_message_features"]):
            return probabilities
        powered = np.power(probabilities, float(self.config["short_message_sharpening"]))
        return powered / powered.sum()

    def process(self, messages: List[Message]) -> List[Message]:
        """Rasa's `process`; a single message of a multinomial model is scored directly."""
        probabilities = self._single_message_probabilities(messages)
        if probabilities is None:
            if (self._nb_weight == 0.0 and not self._sharpens) or not messages:
                return super().process(messages)
            return self._process_batch(messages)
        self._set_ranking(messages[0], probabilities)
        return messages

    def _process_batch(self, messages: List[Message]) -> List[Message]:
        """Several messages: scikit-learn's LR probabilities mixed with the Naive Bayes ones."""
        X = self._create_X(messages)
        mixed = self.clf.predict_proba(X)
        if self._nb_weight > 0.0:
            mixed = (1.0 - self._nb_weight) * mixed + self._nb_weight * self._nb_probabilities(X)
        active = np.asarray((scipy.sparse.csr_matrix(X) != 0).sum(axis=1)).ravel()
        for message, row, count in zip(messages, mixed, active, strict=True):
            self._set_ranking(message, self._sharpened(row, int(count)))
        return messages

    def _nb_probabilities(self, X: Any) -> np.ndarray:
        """ComplementNB's `predict_proba` (softmax of X times its log-weights) for rows of X."""
        assert self.nb_log_prob is not None
        scores = np.asarray(scipy.sparse.csr_matrix(X) @ self.nb_log_prob.T)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def _set_ranking(self, message: Message, probabilities: np.ndarray) -> None:
        """The intent and ranking as Rasa's component sets them."""
        ranking = sorted(
            (
                {"name": name, "confidence": confidence}
                for name, confidence in zip(self.clf.classes_, probabilities, strict=True)
            ),
            key=lambda entry: -entry["confidence"],
        )
        message.set("intent", ranking[0], add_to_output=True)
        if self.config[RANKING_LENGTH] > 0:
            ranking = ranking[: self.config[RANKING_LENGTH]]
        message.set("intent_ranking", ranking, add_to_output=True)

    def _single_message_probabilities(self, messages: List[Message]) -> Optional[np.ndarray]:
        """scikit-learn's multinomial `predict_proba` for one message, or None to use it.

        The featurizers' sentence features are read block by block, in the order
        `Message.get_sparse_features` would stack them, without stacking them: scipy's
        `hstack` (and the deep copy before it) cost more than the scoring.
        """
        if len(messages) != 1 or not _is_multinomial(self.clf):
            return None
        blocks = sentence_blocks(messages[0])
        if blocks is None or sum(block.shape[1] for block in blocks) != self.clf.coef_.shape[1]:
            return None
        scores = self.clf.intercept_.astype(float)
        nb_scores = np.zeros_like(scores)
        offset = 0
        active = sum(int(np.count_nonzero(block.data)) for block in blocks)
        for block in blocks:
            columns = offset + block.col
            scores = scores + self.clf.coef_[:, columns] @ block.data
            if self.nb_log_prob is not None:
                nb_scores = nb_scores + self.nb_log_prob[:, columns] @ block.data
            offset += block.shape[1]
        probabilities = _softmax(scores)
        if self._nb_weight > 0.0:
            probabilities = (1.0 - self._nb_weight) * probabilities + self._nb_weight * _softmax(
                nb_scores
            )
        return self._sharpened(probabilities, active)


def _softmax(scores: np.ndarray) -> np.ndarray:
    """exp(scores) normalised to sum to 1, shifted first so that nothing overflows."""
    scores = np.exp(scores - scores.max())
    return scores / scores.sum()


def _is_multinomial(clf: Any) -> bool:
    """Whether scikit-learn scores the fitted model with a softmax over all classes."""
    classes = getattr(clf, "classes_", None)
    if classes is None or len(classes) <= 2:
        return False
    if clf.multi_class == "multinomial":
        return True
    return clf.multi_class == "auto" and clf.solver != "liblinear"
