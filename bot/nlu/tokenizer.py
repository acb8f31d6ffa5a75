"""Jieba tokenizer that segments normalised text but reports offsets into the original.

Training data is mostly Simplified; customers also write Traditional and full-width forms.
Segmenting the normalised text (see `bot.nlu.normalize`) gives "訂單" and "订单", "１２３"
and "123" the same tokens and hence the same features, while token `start`/`end` still
point into the message as typed, because normalisation keeps the length. Long numbers read
out in words by voice input ("一三九 一二三四 五六七八") are digits first, so that they get the
features of a typed number rather than of the words "一" and "三"; a message that is only
"88" / "886" is the chat goodbye 拜拜 / 拜拜了, not a number. Romanised Chinese ("zhuan
rengong", "tuìkuǎn", "zrg") is segmented as the characters it stands for (`bot.nlu.romanised`,
option `romanised`), its tokens' offsets spanning the romanised words as typed. English
words of mixed messages ("这个order的refund还没到") are segmented as the Chinese of
`bot.nlu.english_glossary` (option `english_glosses`), the table the triage heads read, so
that the intent classifier sees "退款" where the customer typed "refund".
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.english_glossary import read_english_spans
from bot.nlu.normalize import (
    fold_digits,
    normalize,
    normalize_digits,
    spell_goodbye_digits,
    spell_score_digit,
)
from bot.nlu.romanised import original_span, romanised_to_hanzi
from bot.settings import PROJECT_ROOT

logger = logging.getLogger(__name__)

DEFAULT_DICTIONARY_PATH = "bot/nlu/jieba_dict"

# digests of the user dictionaries this process has given jieba (see _load_custom_dictionary)
_LOADED_DICTIONARIES: Set[str] = set()


Span = Tuple[int, int]


def _through(outer: Optional[Sequence[Span]], inner: Optional[List[Span]]) -> Optional[List[Span]]:
    """The spans of a text read twice, from the second reading into the original.

    `inner` points into the first reading, `outer` from there into the original (None: a
    reading that kept every character where it was).
    """
    if inner is None:
        return None if outer is None else list(outer)
    if outer is None:
        return inner
    return [(outer[start][0], outer[end - 1][1]) for start, end in inner]


def _resolve_dictionary_path(path: Optional[str]) -> Optional[str]:
    """The user-dictionary folder as given, or under the project root when relative.

    Rasa is normally started from the project root, but tests and scripts may not be; a
    missing folder is fine (nothing to load), so a non-existent path is passed through.
    """
    if path is None:
        return None
    candidate = Path(path)
    if candidate.is_absolute() or candidate.exists():
        return str(candidate)
    rooted = PROJECT_ROOT / candidate
    return str(rooted) if rooted.exists() else str(candidate)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True)
class NormalizingJiebaTokenizer(JiebaTokenizer):
    """`JiebaTokenizer` over the normalised text (Simplified, half-width), original offsets.

    Token `text` and `lemma` are the normalised word, so featurizers see one vocabulary for
    both scripts; `start`/`end` index the original message. The user dictionaries in
    `dictionary_path` are loaded and persisted exactly as `JiebaTokenizer` does.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Rasa's Jieba defaults, the project's user-dictionary folder, romanised text read.

        English words stay as typed unless `english_glosses` is on (config.yml turns it on):
        a model trained without the glosses must parse as it was trained.
        """
        return {
            **JiebaTokenizer.get_default_config(),
            "dictionary_path": DEFAULT_DICTIONARY_PATH,
            "romanised": True,
            "english_glosses": False,
        }

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NormalizingJiebaTokenizer:
        """Create the tokenizer, loading the user dictionaries found under the project."""
        config = {**config, "dictionary_path": _resolve_dictionary_path(config["dictionary_path"])}
        if config["dictionary_path"] is not None:
            cls._load_custom_dictionary(config["dictionary_path"])
        return cls(config, model_storage, resource)

    @staticmethod
    def _load_custom_dictionary(path: str) -> None:
        """Give jieba each user dictionary once per process, whatever folder it is read from.

        `jieba.load_userdict` is not idempotent: every load adds the words' frequencies to
        jieba's total again, which shifts every segmentation score. `rasa train` loads the
        dictionary twice (the trained tokenizer, then the one read back from the model
        storage) while a server loads it once, so training data used to be segmented with
        other scores than the customers' messages. Keyed by content, since the model storage
        holds a copy of the folder.
        """
        import jieba

        for file in sorted(f for f in Path(path).glob("*") if f.is_file()):
            digest = hashlib.sha256(file.read_bytes()).hexdigest()
            if digest not in _LOADED_DICTIONARIES:
                logger.info("Loading Jieba user dictionary %s", file)
                jieba.load_userdict(str(file))
                _LOADED_DICTIONARIES.add(digest)

    def _reading(self, normalized: str) -> Tuple[str, Optional[List[Span]]]:
        """The text jieba segments and each of its characters' span in `normalized`.

        English words glossed (`english_glosses`), then romanised Chinese as characters
        (`romanised`); spans None when the text is `normalized` itself.
        """
        text, spans = normalized, None
        if self._config.get("english_glosses", False):
            text, spans = read_english_spans(text)
        if self._config.get("romanised", True):
            text, romanised = romanised_to_hanzi(text)
            spans = _through(spans, romanised)
        return text, spans

    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        """Segment the normalised text; offsets are valid in the original text."""
        import jieba

        text = message.get(attribute) or ""
        spelled = spell_score_digit(
            spell_goodbye_digits(normalize_digits(normalize(text, lowercase=False)))
        )
        normalized = fold_digits(spelled)
        segmented, spans = self._reading(normalized)
        tokens = [
            Token(word, *original_span(spans, start, end))
            for word, start, end in jieba.tokenize(segmented)
            if word.strip()
        ]
        if not tokens:
            # Featurizers give a message without tokens no features at all, and Rasa's
            # LogisticRegressionClassifier then fails on it (also with the stock
            # JiebaTokenizer). One empty token yields all-zero features instead.
            return [Token("", 0, len(text))]
        return self._apply_token_pattern(tokens)
