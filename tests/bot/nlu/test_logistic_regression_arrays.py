"""A LogisticRegression stored as arrays predicts exactly what the fitted one predicts."""

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.nlu import logistic_regression_arrays


def test_loaded_estimator_predicts_bit_for_bit(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((60, 8))
    y = np.array(["complain", "greet", "deny"])[rng.integers(0, 3, 60)]
    fitted = LogisticRegression(C=5.0, class_weight="balanced", solver="newton-cg").fit(X, y)
    path = tmp_path / "lr.npz"
    logistic_regression_arrays.save(fitted, path)
    loaded = logistic_regression_arrays.load(path)
    assert loaded.get_params() == fitted.get_params()
    assert list(loaded.classes_) == list(fitted.classes_)
    probe = rng.standard_normal((20, 8))
    assert np.array_equal(loaded.predict_proba(probe), fitted.predict_proba(probe))
    assert list(loaded.predict(probe)) == list(fitted.predict(probe))


def test_nothing_is_pickled(tmp_path):
    fitted = LogisticRegression().fit(np.eye(3), ["a", "b", "c"])
    path = tmp_path / "lr.npz"
    logistic_regression_arrays.save(fitted, path)
    with np.load(path, allow_pickle=False) as stored:  # raises on any pickled array
        assert {name: stored[name].dtype.kind for name in stored.files}["classes_"] == "U"
