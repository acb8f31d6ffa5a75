"""The metamorphic rewrites (bench/order_metamorphic.py) keep a case's meaning."""

from bench.order_metamorphic import DevCase, variants


def _rewrites(text, expected):
    return {
        variant.rewrite: variant.text for variant in variants(DevCase("t", text, expected, "t"))
    }


def test_an_id_in_a_table_row_is_never_broken_over_lines():
    """A line break inside a table's row breaks the table: no such variant."""
    rewrites = _rewrites("| 订单号 | 金额 |\n|---|---|\n| 881029374456 | 89.00 |", "881029374456")
    assert "split-4-space" in rewrites
    assert not any(name.startswith("split") and name.endswith("-newline") for name in rewrites)
    assert "own-line" not in rewrites


def test_an_id_in_prose_is_still_put_on_lines_of_its_own():
    rewrites = _rewrites("订单号 881029374456 坏了", "881029374456")
    assert rewrites["split-4-newline"] == "订单号 8810\n2937\n4456 坏了"
    assert rewrites["own-line"] == "订单号\n881029374456\n坏了"
