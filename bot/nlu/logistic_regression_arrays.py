"""A fitted scikit-learn `LogisticRegression` stored as numpy arrays and its parameters.

Why: Rasa's intent classifier stores its estimator with skops, and `persist` cost 4.5 s of
CPU per training (6 % of a full `rasa train`; docs/performance.md, training round), nearly all
of it importing `skops.io`, which scans every loaded module for the home of each numpy and
scipy ufunc. With the triage heads stored as arrays too, a training never imports skops.
`np.savez` writes the two arrays and a dozen settings in milliseconds, and loading them
(`allow_pickle=False`) trusts nothing but numpy, as skops' checks did. The estimator rebuilt
from them predicts bit for bit what the fitted one predicts
(tests/bot/nlu/test_logistic_regression_arrays.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

# the fitted state `predict_proba` and `decision_function` read
_ARRAYS = ("coef_", "intercept_", "classes_", "n_iter_")


def save(clf: LogisticRegression, path: Path) -> None:
    """Write the fitted arrays and the constructor parameters (as JSON) to `path` (.npz)."""
    params = json.dumps(clf.get_params(), sort_keys=True)
    np.savez(
        path,
        params=np.array(params),
        **{name: np.asarray(getattr(clf, name)) for name in _ARRAYS},
    )


def load(path: Path) -> Any:
    """The estimator `save` wrote: same parameters, same fitted arrays."""
    with np.load(path, allow_pickle=False) as stored:
        clf = LogisticRegression(**json.loads(str(stored["params"])))
        for name in _ARRAYS:
            setattr(clf, name, stored[name])
    clf.n_features_in_ = clf.coef_.shape[1]
    return clf
