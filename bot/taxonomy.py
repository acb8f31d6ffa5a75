"""The complaint taxonomy from the ticket contract (`shared/spec/complaint-ticket.md`).

Codes are stable identifiers stored in databases and reports; the Chinese labels are what
agents and customers see. Keep both in step with the spec.
"""

from typing import Dict

CATEGORIES: Dict[str, str] = {
    "product_quality": "商品质量问题",
    "logistics": "物流配送问题",
    "wrong_or_missing_item": "错发漏发",
    "not_as_described": "描述不符",
    "refund_payment": "付款及退款问题",
    "after_sales": "售后服务问题",
    "service_attitude": "客服服务问题",
    "promotion": "营销活动问题",
    "account": "账户异常",
    "livestream_misleading": "主播误导/虚假宣传",
    "other": "其他",
}

REMEDIES: Dict[str, str] = {
    "refund": "仅退款",
    "return_refund": "退货退款",
    "exchange": "换货",
    "reship": "补发",
    "repair": "维修",
    "compensation": "赔偿/补偿",
    "apology": "道歉/给个说法",
    "other": "其他",
}

SEVERITIES: Dict[str, str] = {"urgent": "严重", "normal": "一般"}

SEVERITY_REASONS: Dict[str, str] = {
    "injury": "人身伤害/安全隐患",
    "legal": "扬言投诉监管或起诉",
    "media": "扬言曝光/媒体",
    "group": "群体投诉",
    "amount": "金额较大",
}

EMOTIONS: Dict[str, str] = {"calm": "平静", "upset": "不满", "angry": "愤怒"}

TICKET_STATUSES = ("open", "assigned", "resolved", "closed")


def category_label(code: str | None) -> str:
    """Chinese label for a category code; unknown codes are shown as they are."""
    return CATEGORIES.get(code or "", code or "")


def remedy_label(code: str | None) -> str:
    """Chinese label for a remedy code; unknown codes are shown as they are."""
    return REMEDIES.get(code or "", code or "")
