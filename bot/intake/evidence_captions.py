"""Which evidence kinds files are, read from the words typed with them.

Why (gap d): the server cannot tell a photo of a box from one of a waybill, so files were
taken to cover the kinds a complaint calls for in the order the question lists them
(`bot.intake.draft.evidence_still_missing`): "这是快递面单" with one photo of a broken
parcel covered "外包装照片" and the waybill was asked for again; "聊天截图" counted as a photo
of the parcel. The widget sends the words typed with files right after them
(`metadata.with_evidence`); they name the kinds ("面单和外箱", "开箱视频", "吊牌"), or name
something that is none of them ("聊天截图", "发票"). Words that name neither ("你们看看吧")
leave the files to cover the kinds in order, as before. The text is normalised
(`bot.nlu.normalize`: Simplified script), so Traditional counts the same. The words for
each kind (its names and what its files show) are in `bot.intake.evidence_kinds`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Set, Tuple

from bot.intake.evidence_kinds import caption_words
from bot.nlu.normalize import normalize

# things customers send that are none of the kinds: the files cover none of them
_OTHER_THINGS = re.compile(r"聊天|对话|发票|小票|收据|好评|差评|评价")


@dataclass(frozen=True)
class Upload:
    """One sending of files: how many, and the words typed with them (None: none)."""

    count: int
    caption: Optional[str] = None


def kinds_named(caption: str, kinds: Sequence[str]) -> List[str]:
    """The kinds of `kinds` the caption names, in the order it names them."""
    text = normalize(caption or "")
    found: List[Tuple[int, int, str]] = []
    for order, kind in enumerate(kinds):
        words = caption_words(kind)
        match = words.search(text) if words else None
        if match:
            found.append((match.start(), order, kind))
    return [kind for _, _, kind in sorted(found)]


def names_other_things(caption: str) -> bool:
    """Whether the caption says the files are something no kind is ("聊天截图", "发票")."""
    return bool(_OTHER_THINGS.search(normalize(caption or "")))


def still_missing(kinds: Sequence[str], file_count: int, uploads: Sequence[Upload]) -> List[str]:
    """The kinds `file_count` files leave missing, the captioned ones read by their words.

    A caption's files cover the kinds it names (no more kinds than files); the files of a
    caption that also names other things are all accounted for; the files left over cover
    the kinds still missing in the order they are listed, as files without words do.
    """
    covered: Set[str] = set()
    accounted = 0
    for upload in uploads:
        if not upload.caption or upload.count <= 0:
            continue
        named = [k for k in kinds_named(upload.caption, kinds) if k not in covered]
        named = named[: upload.count]
        covered.update(named)
        accounted += upload.count if names_other_things(upload.caption) else len(named)
    rest = [kind for kind in kinds if kind not in covered]
    return rest[max(0, file_count - accounted) :]


def missing_after(missing: Sequence[str], kinds: Sequence[str], upload: Upload) -> List[str]:
    """The kinds of `missing` one more sending of files leaves missing (files after filing).

    Why (task ev3): files sent while the ticket waits were matched by count to the
    category's whole list from its first kind: a chat screenshot cleared the parcel photo,
    and a second photo of a waybill already given made the waybill missing again. The words
    are read against all of the complaint's `kinds`: named kinds still missing are covered
    first (no more kinds than files), a named kind already given covers nothing new, files
    of other things ("聊天截图") cover nothing; files left over cover the kinds still missing
    in their order, as files without words do. Only ever removes kinds.
    """
    nameable = list(kinds) + [kind for kind in missing if kind not in kinds]
    named = kinds_named(upload.caption, nameable) if upload.caption else []
    # a photo of the box with the waybill on it, already given: the box is the news
    named = [k for k in named if k in missing] + [k for k in named if k not in missing]
    named = named[: max(0, upload.count)]
    others = bool(upload.caption) and names_other_things(str(upload.caption))
    accounted = upload.count if others else len(named)
    rest = [kind for kind in missing if kind not in named]
    return rest[max(0, upload.count - accounted) :]
