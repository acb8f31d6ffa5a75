"""The kind of evidence a customer says is missing (hand trial, WeCom: "商品的没有了，扔掉了")."""

import pytest

from bot.intake.evidence_said_missing import (
    kinds_said_missing,
    missing_as_said,
    only_says_kinds_missing,
)

DAMAGE = ["外包装照片", "商品破损照片", "快递面单"]


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("商品的没有了，扔掉了", ["商品破损照片"]),
        ("面单没有", ["快递面单"]),
        ("箱子早扔了", ["外包装照片"]),
        ("快递单找不到了", ["快递面单"]),
        ("商品照片没拍", ["商品破损照片"]),
        ("货没拍", ["商品破损照片"]),
    ],
)
def test_the_kind_named_as_missing(text, kinds):
    assert kinds_said_missing(text, DAMAGE) == kinds
    assert only_says_kinds_missing(text, DAMAGE)


@pytest.mark.parametrize(
    "text",
    [
        "东西没了",
        "商品有问题",
        "杯子碎了",
        "面单发你了",
        "外箱压扁了 杯子也碎了",
        # 货 inside another word is no goods (dedupe2's review)
        "退货退款 没拍",
        "发货太慢了 没拍照",
        "货号没记",
    ],
)
def test_no_kind_said_missing(text):
    assert kinds_said_missing(text, DAMAGE) == []


def test_words_of_the_problem_beside_it_are_more_than_the_missing_kind():
    assert kinds_said_missing("面单扔了 杯子碎成三块", DAMAGE) == ["快递面单"]
    assert not only_says_kinds_missing("面单扔了 杯子碎成三块", DAMAGE)


def test_the_files_count_as_many_kinds_as_before():
    assert missing_as_said(["快递面单"], ["商品破损照片"]) == ["商品破损照片"]
    assert missing_as_said(["商品破损照片", "快递面单"], ["快递面单"]) == [
        "快递面单",
        "商品破损照片",
    ]
    assert missing_as_said(["快递面单"], []) == ["快递面单"]
