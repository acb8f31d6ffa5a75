"""TransposedRowsMatrix: the same products and the same fitted LR, bit for bit."""

import numpy as np
import scipy.sparse
from sklearn.linear_model import LogisticRegression

from bot.nlu.transposed_rows import TransposedRowsMatrix


def _counts(rows=300, columns=500, seed=0):
    rng = np.random.default_rng(seed)
    matrix = scipy.sparse.random(rows, columns, density=0.03, random_state=seed, format="csr")
    matrix.data = rng.integers(1, 4, matrix.nnz).astype(float)
    return matrix, np.array(["a", "b", "c", "d"])[rng.integers(0, 4, rows)]


def test_transpose_is_stored_in_rows_and_multiplies_alike():
    X, _ = _counts()
    wrapped = TransposedRowsMatrix.of(X)
    assert wrapped.T.format == "csr" and X.T.format == "csc"
    M = np.random.default_rng(1).standard_normal((X.shape[0], 17))
    assert np.array_equal(wrapped.T @ M, X.T @ M)
    assert np.array_equal(wrapped @ np.ones(X.shape[1]), X @ np.ones(X.shape[1]))


def test_fitted_coefficients_are_equal_bit_for_bit():
    X, y = _counts()
    settings = {"C": 5.0, "solver": "newton-cg", "class_weight": "balanced", "tol": 1e-4}
    plain = LogisticRegression(**settings).fit(X, y)
    wrapped = LogisticRegression(**settings).fit(TransposedRowsMatrix.of(X), y)
    assert np.array_equal(wrapped.coef_, plain.coef_)
    assert np.array_equal(wrapped.intercept_, plain.intercept_)


def test_a_copy_transposes_as_scipy_does():
    wrapped = TransposedRowsMatrix.of(_counts()[0])
    assert wrapped.copy().T.format == "csc"
    assert wrapped.transpose(copy=True).format == "csc"
