"""Which evidence kinds files are, read from the words typed with them (gap d)."""

import pytest

from bot.intake.draft import EVIDENCE_KINDS
from bot.intake.evidence_captions import (
    Upload,
    kinds_named,
    missing_after,
    names_other_things,
    still_missing,
)

PARCEL = EVIDENCE_KINDS["logistics"]  # 外包装照片, 商品破损照片, 快递面单


@pytest.mark.parametrize(
    "caption, named",
    [
        ("这是快递面单", ["快递面单"]),
        ("這是快遞面單", ["快递面单"]),  # Traditional reads the same
        ("面单和外箱", ["快递面单", "外包装照片"]),  # in the order the words name them
        ("开箱视频", ["外包装照片", "商品破损照片"]),
        ("你们看看吧", []),
    ],
)
def test_kinds_named(caption, named):
    assert kinds_named(caption, PARCEL) == named


def test_other_things_are_told_apart():
    assert names_other_things("聊天截图") and names_other_things("發票")
    assert not names_other_things("快递面单")


@pytest.mark.parametrize(
    "files, uploads, missing",
    [
        (1, [Upload(1, "这是快递面单")], ["外包装照片", "商品破损照片"]),
        (1, [Upload(1, "开箱视频")], ["商品破损照片", "快递面单"]),  # no more kinds than files
        (1, [Upload(1, "聊天截图")], PARCEL),
        (2, [Upload(1, "聊天截图"), Upload(1)], ["商品破损照片", "快递面单"]),
        (2, [Upload(2, "这是快递面单")], ["商品破损照片"]),  # the other file covers the first
        (1, [Upload(1)], ["商品破损照片", "快递面单"]),  # no words: by count, as before
        (3, [], []),
    ],
)
def test_still_missing(files, uploads, missing):
    assert still_missing(PARCEL, files, uploads) == missing


BOX_AND_CUP = ["外包装照片", "商品破损照片"]  # the waybill given during the intake


@pytest.mark.parametrize(
    "missing, upload, after",
    [
        (PARCEL, Upload(1, "这是快递面单"), BOX_AND_CUP),
        (PARCEL, Upload(1, "聊天截图"), PARCEL),
        (PARCEL, Upload(1, "你们看看吧"), ["商品破损照片", "快递面单"]),  # by count
        (PARCEL, Upload(2), ["快递面单"]),
        # a kind already given is that kind again: it covers nothing new
        (BOX_AND_CUP, Upload(1, "面单 再拍了一张清楚的"), BOX_AND_CUP),
        # one photo naming a kind given and one missing: the missing one is the news
        (BOX_AND_CUP, Upload(1, "面单和外箱"), ["商品破损照片"]),
        # files without words cover the kinds still missing, not the category's first ones
        (BOX_AND_CUP, Upload(1), ["商品破损照片"]),
        (BOX_AND_CUP, Upload(3), []),
        # a kind the ticket lacks that is not the complaint's (the description changed)
        (["物流详情截图"], Upload(1, "物流截图"), []),
        ([], Upload(1, "这是快递面单"), []),
    ],
)
def test_missing_after_files_sent_after_filing(missing, upload, after):
    assert missing_after(missing, PARCEL, upload) == after
