"""Round twenty-nine (ord29, dev29): an id's own letters against letters typed for digits.

A file of its own so that rounds written at the same time merge. Each class is tested in
words other than the split's, and with what must not change.
"""

import pytest

from bot.nlu.normalize import normalize_digits
from tests.bot.nlu.orders import primary


@pytest.mark.parametrize(
    "text, expected",
    [
        # two different look-alikes side by side in one block are the shop's letters
        ("订单号 3950128876OL 还没发", "3950128876OL"),
        ("3950128876ol 能不能快点", "3950128876OL"),
        ("单号 3950IO12887601 少件", "3950IO12887601"),
        ("订单号 SZ39IO50128876 坏了", "SZ39IO50128876"),
        # at the end of a number typed in groups too
        ("订单号 3950 1288 76OL", "3950128876OL"),
        # what must not change: inside groups, beside other typos, the same letter twice
        ("订单号 3O5l 1288 7610 的货", "305112887610"),
        ("订单号：395l28-l23456789Ol2345", "395128123456789012345"),
        ("订单编号：395012887610OO36", "3950128876100036"),
    ],
)
def test_a_pair_of_look_alikes_is_the_ids_own_block(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first group of a number typed in groups behind a prefix counts the others' digits
        ("QD3O95 1288 7610 海鲜坏了", "QD309512887610"),
        ("订单号 SO3950-1288-OO76", "SO395012880076"),
        # one look-alike ending a long id behind a prefix
        ("订单号 E3950128876103950128876O", "E39501288761039501288760"),
    ],
)
def test_typos_behind_a_prefix_in_groups_and_at_the_end(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # said bare, a dashed letter or two after a number of ten digits or more stays on it
        ("39501288761234-C", "39501288761234C"),
        ("3950128876-ol 还没发", "3950128876OL"),
        ("DZ39501288-7610-X 没到", "DZ395012887610X"),
        # what must not change: a size, a word, another kind's label
        ("3950128876-XL码 太小了", None),
        ("3950128876-ok", None),
        ("快递单号 3950128876-B", None),
    ],
)
def test_a_dashed_letter_suffix_said_bare_stays_on_the_number(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # whose order it is, said with 的 ("我的单", a platform's): an order label
        ("蝦皮的单 GSA7Q2Z9S1B4DK 还没到", "GSA7Q2Z9S1B4DK"),
        ("我的单 395012887610 没到", "395012887610"),
        # the parcel's, said with 的, stays a parcel number
        ("快递的单 SF3950128876104", None),
        # an add-on order said with 的 still loses to the original
        ("补运费的单 395012887699 原订单 395012887610 少了一件", "395012887610"),
    ],
)
def test_whose_order_said_with_de_labels_it(text, expected):
    assert primary(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024g11230078", "2024g11230078"),  # G, D, Q are never digits
        ("LS2024q40017", "LS2024q40017"),
        ("241123s5b8qd2g", "241123s5b8qd2g"),  # a mixed id keeps every letter
        ("2024112s5567", "202411255567"),  # a lone S between digits is 5
    ],
)
def test_which_letters_are_read_as_digits(text, expected):
    assert normalize_digits(text) == expected
