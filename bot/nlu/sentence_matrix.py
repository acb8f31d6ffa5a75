"""The featurizers' sparse sentence features of messages, read block by block.

Why: Rasa's `LogisticRegressionClassifier` builds its training matrix message by message:
`Message.get_sparse_features` hstacks the featurizers' blocks of each message (after a deep
copy), the result becomes a one-row CSR matrix, and the rows are vstacked, with scipy's
checks at every step. For data/nlu's 5,260 examples that was 4.7 s of CPU, a sixth of the
intent classifier's training (docs/performance.md, training round); this takes 0.17 s. Here each message's
blocks are read where the featurizers put them and their entries are concatenated once:
the same matrix, entry for entry (tests/bot/nlu/test_sentence_matrix.py compares them).
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

import numpy as np
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message


def sentence_blocks(message: Message) -> Optional[List[Any]]:
    """The message's sparse sentence features of its text (COO, one row each), in order.

    The order is the one `Message.get_sparse_features` stacks them in (the featurizers'
    order). None if it has none, a dense text feature or a block of another shape.
    """
    blocks = []
    for feature in message.features:
        if feature.attribute != TEXT:
            continue
        if feature.is_dense():
            return None
        if feature.type == FEATURE_TYPE_SENTENCE:
            matrix = feature.features.tocoo()
            if matrix.shape[0] != 1:
                return None
            blocks.append(matrix)
    return blocks or None


def sentence_matrix(messages: Sequence[Message]) -> Optional[scipy.sparse.csr_matrix]:
    """One CSR row per message: its sentence blocks side by side, as Rasa's `_create_X`.

    None when the messages' blocks do not line up (a dense feature, a missing block, other
    widths): the caller then keeps Rasa's code, which raises or copes as it always did.
    """
    if not messages:
        return None
    layouts = [sentence_blocks(message) for message in messages]
    first = layouts[0]
    if first is None:
        return None
    widths = [block.shape[1] for block in first]
    offsets = np.cumsum([0, *widths[:-1]])
    rows, columns, values = [], [], []
    for row, blocks in enumerate(layouts):
        if blocks is None or [block.shape[1] for block in blocks] != widths:
            return None
        for offset, block in zip(offsets, blocks, strict=True):
            rows.append(np.full(block.nnz, row, dtype=np.int64))
            columns.append(block.col.astype(np.int64) + offset)
            values.append(block.data)
    # Rasa stacks each row with an empty dense block (`csr_matrix([])`, float64): its
    # matrix is float64 whatever the featurizers' dtype
    data = np.concatenate(values).astype(np.result_type(np.float64, *values))
    matrix = scipy.sparse.coo_matrix(
        (data, (np.concatenate(rows), np.concatenate(columns))),
        shape=(len(messages), int(sum(widths))),
    )
    return matrix.tocsr()
