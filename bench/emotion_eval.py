"""Customer emotion: the lexicon alone against the lexicon combined with the learned head.

Two measurements, both without a Rasa server (the head is the same `EmotionHead` the Rasa
component trains, on the same file):

* cross-validation on the training file (data/emotion/train.yml): 5 stratified folds,
  identical normalised texts ("滚"/"滾") kept in one fold; the head is trained on 4/5 and
  judges the rest;
* the development splits (bench/data/emotion_dev.yml, and emotion_dev2.yml: curse-free
  anger — sarcasm, rhetorical questions, 糊弄/忽悠, review threats — against upset and
  calm-but-firm) and emotion_dev3.yml (replies mid-conversation: scoffing at the bot's
  suggestions and questions, 反问, dialect curses, tired resignation, terse calm answers),
  and emotion_dev4.yml (calm questions with 你们, sarcasm, polite sadness, emoji-only, long
  pasted complaints; and `turns:`, answers judged after the previous message's emotion),
  and emotion_dev5.yml (mock praise without blaming words, rhetorical questions, resignation,
  polite threats, emoji/punctuation-only replies, Cantonese, calm customers with bad events),
  written apart from the training file and never trained on: the head is trained on the
  whole training file. `--dev NAME` picks splits (default: all of them).

Figures: macro-F1, accuracy and per-class recall/precision of `lexicon` (bot.triage.emotion
.detect_emotion), `learned` (the head's top label) and `combined` (combine_emotion, what the
bot uses). `--tune` prints the cross-validated grid the defaults were chosen from.

    .venv/bin/python -m bench.emotion_eval [--json] [--tune] [--dev emotion_dev2 ...]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bench.common import DATA, ROOT, md_table
from bot.triage.emotion import combine_emotion, detect_emotion, emotion_after
from bot.triage.emotion_model import (
    DEFAULT_C,
    DEFAULT_NGRAMS,
    EMOTIONS,
    EmotionHead,
    prepare,
    read_emotion_file,
    read_emotion_turns,
)

TRAIN = ROOT / "data" / "emotion" / "train.yml"
DEV = DATA / "emotion_dev.yml"
# Every development split by name; "dev" in results is always emotion_dev (bench/nlu_eval.py).
DEVS = {
    "emotion_dev": DEV,
    "emotion_dev2": DATA / "emotion_dev2.yml",
    "emotion_dev3": DATA / "emotion_dev3.yml",
    "emotion_dev4": DATA / "emotion_dev4.yml",
    "emotion_dev5": DATA / "emotion_dev5.yml",
}
FOLDS = 5

Probabilities = Optional[Dict[str, float]]


def scores(y_true: Sequence[str], y_pred: Sequence[str]) -> Dict[str, Any]:
    """Macro-F1, accuracy, per-class recall and precision (stable keys)."""
    recall, precision, f1s = {}, {}, []
    for label in EMOTIONS:
        tp = sum(t == p == label for t, p in zip(y_true, y_pred, strict=True))
        support = sum(t == label for t in y_true)
        predicted = sum(p == label for p in y_pred)
        r = tp / support if support else 0.0
        p = tp / predicted if predicted else 0.0
        recall[label], precision[label] = round(r, 3), round(p, 3)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    accuracy = sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / max(1, len(y_true))
    return {
        "macro_f1": round(sum(f1s) / len(f1s), 3),
        "accuracy": round(accuracy, 3),
        "recall": recall,
        "precision": precision,
    }


def out_of_fold(
    texts: Sequence[str], labels: Sequence[str], C: float, ngrams: Tuple[int, int]
) -> List[Probabilities]:
    """The head's probabilities for every training text, from the fold that held it out."""
    from sklearn.model_selection import StratifiedGroupKFold

    groups = [prepare(text) for text in texts]
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=42)
    result: List[Probabilities] = [None] * len(texts)
    for train, test in folds.split(list(texts), list(labels), groups):
        head = EmotionHead.fit(
            [texts[i] for i in train], [labels[i] for i in train], C=C, ngrams=ngrams
        )
        for i, verdict in zip(test, head.predict([texts[i] for i in test]), strict=True):
            result[i] = verdict.probabilities if verdict else None
    return result


def judge(
    texts: Sequence[str],
    labels: Sequence[str],
    learned: Sequence[Probabilities],
    lexicon: Optional[Sequence[Any]] = None,
    **thresholds: float,
) -> Dict[str, Any]:
    """Scores of the lexicon, the head alone and the combination, plus the combined misses."""
    lexicon = lexicon or [detect_emotion([text]) for text in texts]
    combined = [
        combine_emotion(lex, probs, **thresholds, text=text).emotion
        for text, lex, probs in zip(texts, lexicon, learned, strict=True)
    ]
    alone = [max(p, key=p.__getitem__) if p else "calm" for p in learned]
    return {
        "cases": len(texts),
        "lexicon": scores(labels, [lex.emotion for lex in lexicon]),
        "learned": scores(labels, alone),
        "combined": scores(labels, combined),
        "errors": [
            {"text": t, "expected": y, "got": c}
            for t, y, c in zip(texts, labels, combined, strict=True)
            if y != c
        ],
    }


def run(
    train: Path = TRAIN, dev: Path = DEV, more: Sequence[str] = ("emotion_dev2",)
) -> Dict[str, Any]:
    """Cross-validation on the training file, the dev split and the further splits named.

    The further splits land under `devs` by name so the keys bench/nlu_eval.py reads
    (`cv`, `dev`) keep their meaning.
    """
    train_pairs = read_emotion_file(train)
    texts, labels = [t for t, _ in train_pairs], [y for _, y in train_pairs]
    cv = judge(texts, labels, out_of_fold(texts, labels, DEFAULT_C, DEFAULT_NGRAMS))
    head = EmotionHead.fit(texts, labels)
    return {
        "train_examples": len(texts),
        "cv": cv,
        "dev": judge_split(head, dev),
        "devs": {name: judge_split(head, DEVS[name]) for name in more},
    }


def judge_split(head: EmotionHead, path: Path) -> Dict[str, Any]:
    """The head trained on the whole training file judged on one development split.

    A split with `turns:` (answers judged after an earlier message) adds them under `turns`.
    """
    pairs = read_emotion_file(path)
    dev_texts, dev_labels = [t for t, _ in pairs], [y for _, y in pairs]
    verdicts = head.predict(dev_texts)
    result = judge(dev_texts, dev_labels, [v.probabilities if v else None for v in verdicts])
    turns = read_emotion_turns(path)
    if turns:
        result["turns"] = judge_turns(head, turns)
    return result


def judge_turns(head: EmotionHead, turns: Sequence[Tuple[str, str, str]]) -> Dict[str, Any]:
    """Answers judged as the bot judges a message after one of the given emotion.

    Each is judged alone (lexicon + head) and then after the previous turn's emotion
    (`bot.triage.emotion.emotion_after`), as `detect_emotion_in_messages` does in a ticket.
    """
    texts, labels = [t for _, t, _ in turns], [y for _, _, y in turns]
    learned = [v.probabilities if v else None for v in head.predict(texts)]
    got = [
        emotion_after(
            previous, text, combine_emotion(detect_emotion([text]), probs, text=text)
        ).emotion
        for (previous, text, _), probs in zip(turns, learned, strict=True)
    ]
    return {
        "cases": len(turns),
        "combined": scores(labels, got),
        "errors": [
            {"previous": p, "text": t, "expected": y, "got": g}
            for (p, t, y), g in zip(turns, got, strict=True)
            if y != g
        ],
    }


def tune(train: Path = TRAIN) -> List[Dict[str, Any]]:
    """Cross-validated macro-F1 of the combination over C, n-grams and thresholds."""
    pairs = read_emotion_file(train)
    texts, labels = [t for t, _ in pairs], [y for _, y in pairs]
    lexicon = [detect_emotion([text]) for text in texts]
    rows = []
    for C, ngrams in itertools.product((1.0, 3.0, 10.0, 30.0), ((1, 2), (1, 3), (1, 4))):
        learned = out_of_fold(texts, labels, C, ngrams)
        for angry, upset in itertools.product((0.4, 0.5, 0.6, 0.7), (0.4, 0.5, 0.6, 0.7)):
            result = judge(
                texts, labels, learned, lexicon, angry_threshold=angry, upset_threshold=upset
            )
            rows.append(
                {
                    "C": C,
                    "ngrams": ngrams,
                    "angry": angry,
                    "upset": upset,
                    "macro_f1": result["combined"]["macro_f1"],
                    "learned_macro_f1": result["learned"]["macro_f1"],
                }
            )
    return sorted(rows, key=lambda r: -r["macro_f1"])


def headline(result: Dict[str, Any]) -> Dict[str, Any]:
    """Stable keys for docs/benchmarks.json (`nlu.emotion_*`)."""
    return {
        "emotion_dev_macro_f1": result["dev"]["combined"]["macro_f1"],
        "emotion_dev_lexicon_macro_f1": result["dev"]["lexicon"]["macro_f1"],
        "emotion_cv_macro_f1": result["cv"]["combined"]["macro_f1"],
    }


def markdown(result: Dict[str, Any]) -> str:
    """The emotion section of docs/benchmarks.md (plus one block per further dev split)."""
    splits = [(f"{FOLDS}-fold CV, training file", result["cv"])]
    if result.get("dev"):
        splits.append(("dev split", result["dev"]))
    splits += list(result.get("devs", {}).items())
    rows = []
    for name, part in splits:
        for method in ("lexicon", "learned", "combined"):
            s = part[method]
            rows.append(
                [name, method, s["macro_f1"], s["accuracy"]]
                + [s["recall"][label] for label in EMOTIONS]
                + [part["cases"]]
            )
    lines = [
        md_table(
            [
                "split",
                "method",
                "macro-F1",
                "accuracy",
                "recall calm",
                "recall upset",
                "recall angry",
                "cases",
            ],
            rows,
        ),
        "",
        "`combined` is what the bot uses (bot.triage.emotion.combine_emotion); `learned` is "
        "the head's top label alone.",
    ]
    turn_rows = [
        [name, part["turns"]["combined"]["macro_f1"], part["turns"]["combined"]["accuracy"]]
        + [part["turns"]["combined"]["recall"][label] for label in EMOTIONS]
        + [part["turns"]["cases"]]
        for name, part in splits[1:]
        if part.get("turns")
    ]
    if turn_rows:
        headers = ["turns of", "macro-F1", "accuracy", "recall calm", "recall upset"]
        lines += ["", md_table(headers + ["recall angry", "cases"], turn_rows), ""]
    for name, part in splits[1:]:
        errors = part["errors"]
        lines.append(
            f"Misses of `combined` on {name} ({len(errors)}): "
            + "; ".join(f"{e['text']} ({e['expected']}→{e['got']})" for e in errors[:30])
        )
        for e in (part.get("turns") or {}).get("errors", []):
            lines.append(f"Turn miss on {name}: after {e['previous']}: {e['text']} "
                         f"({e['expected']}→{e['got']})")
    return "\n".join(lines + [""])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--tune", action="store_true", help="print the CV grid (training file)")
    parser.add_argument(
        "--dev",
        action="append",
        choices=sorted(DEVS),
        help="development split(s) to judge besides CV (repeatable; default: all)",
    )
    args = parser.parse_args()
    if args.tune:
        for row in tune()[:25]:
            print(row)
        return
    chosen = args.dev or sorted(DEVS)
    result = run(more=[name for name in chosen if name != "emotion_dev"])
    if "emotion_dev" not in chosen:
        result["dev"] = None
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else markdown(result))


if __name__ == "__main__":
    main()
