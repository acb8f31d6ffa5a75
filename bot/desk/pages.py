"""The desk's HTML shells.

Data is never put into HTML here: pages load it as JSON and `static/desk.js` renders it with `textContent` only, so customer text cannot become markup.
The few values below (agent name, CSRF token, ticket id, the shop's time zone) pass through `html.escape`.

Times are shown in the shop's zone (`data-timezone`), the zone of what the bot tells customers
("07:28 前回复您"): a desk PC set to another zone showed the same deadline as 23:28 (trial5).
"""

from __future__ import annotations

from html import escape

NAV = (
    ("queue", "/desk/", "工单队列"),
    ("stats", "/desk/stats", "统计"),
)


SHOP_TIMEZONE = "Asia/Shanghai"


def _shell(
    page: str,
    title: str,
    body: str,
    agent: str,
    role: str,
    csrf: str,
    extra: str = "",
    timezone: str = SHOP_TIMEZONE,
) -> str:
    links = "".join(
        f'<a href="{href}"{" aria-current=page" if key == page else ""}>{label}</a>'
        for key, href, label in NAV
    )
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="{escape(csrf)}">
<title>{escape(title)} · 客服工作台</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/desk/static/desk.css">
<script src="/desk/static/desk.js" defer></script>
</head><body data-page="{escape(page)}" data-agent="{escape(agent)}" data-timezone="{escape(timezone)}"{extra}>
<header class="top"><strong>投诉工单 · 客服工作台</strong><nav>{links}</nav>
<span class="me">{escape(agent)}（{"主管" if role == "supervisor" else "客服"}）</span>
<form method="post" action="/desk/logout" class="logout">
<input type="hidden" name="csrf_token" value="{escape(csrf)}">
<button type="submit">退出</button></form></header>
<main>{body}</main>
<div id="toast" role="status" aria-live="polite"></div>
</body></html>"""


def queue_page(agent: str, role: str, csrf: str, timezone: str = SHOP_TIMEZONE) -> str:
    """The queue: counts, urgent alert banner, filters, the table of tickets."""
    body = """
<section id="alert" class="alert" hidden role="alert"></section>
<section class="counts" id="counts" aria-label="工单数量"></section>
<p class="livebar"><span id="live-dot" class="dot"></span><span id="live-text">连接中…</span>
<button type="button" id="sound">开启提示音</button></p>
<form class="filters" id="filters" role="search">
<label>状态 <select id="f-status"><option value="active">进行中</option>
<option value="open">待处理</option><option value="assigned">处理中</option>
<option value="resolved">已结案</option><option value="closed">已关闭</option></select></label>
<label>性质 <select id="f-severity"><option value="">全部</option>
<option value="urgent">严重</option><option value="normal">一般</option></select></label>
<label><input id="f-escalated" type="checkbox"> 只看已升级</label>
<label>查找 <input id="f-search" type="search" placeholder="工单号、订单号、会话、摘要里的字或“已升级”"></label>
</form>
<p id="group-link" class="group-link" hidden></p>
<table class="queue"><thead><tr><th>工单号</th><th>性质</th><th>类型</th><th>渠道</th>
<th>摘要</th><th>状态</th><th>处理人</th><th>时限</th></tr></thead>
<tbody id="queue-rows"></tbody></table>
<p id="queue-empty" hidden>没有符合条件的工单。</p>"""
    return _shell("queue", "工单队列", body, agent, role, csrf, timezone=timezone)


def ticket_page(
    agent: str, role: str, csrf: str, ticket_id: str, timezone: str = SHOP_TIMEZONE
) -> str:
    """One ticket: summary, fields, order, live context, evidence, transcript, history, actions."""
    body = """
<p><a href="/desk/">← 返回队列</a></p>
<h1 id="title"></h1>
<section class="summary" id="summary"></section>
<div class="cols"><div class="col">
<section class="card"><h2>操作</h2><div id="actions" class="actions"></div>
<form id="reply-form" class="reply"><label for="reply-text">回复客户</label>
<textarea id="reply-text" rows="3" maxlength="2000"></textarea>
<button type="submit">发送</button></form>
<form id="note-form" class="reply"><label for="note-text">内部备注（客户看不到）</label>
<textarea id="note-text" rows="2" maxlength="4000"></textarea>
<button type="submit">添加备注</button></form></section>
<section class="card"><h2>对话记录</h2><ol id="transcript" class="transcript"></ol>
<p class="hint">客户的新消息会实时出现在这里。</p></section>
</div><div class="col">
<section class="card"><h2>工单信息</h2><dl id="fields" class="fields"></dl></section>
<section class="card"><h2>订单</h2><div id="order"></div></section>
<section class="card" id="live-card" hidden><h2>直播信息</h2><dl id="live" class="fields"></dl></section>
<section class="card"><h2>凭证</h2><div id="evidence" class="evidence"></div></section>
<section class="card"><h2>内部备注</h2><ol id="notes" class="notes"></ol></section>
<section class="card"><h2>处理记录</h2><ol id="audit" class="audit"></ol></section>
</div></div>"""
    return _shell(
        "ticket",
        ticket_id,
        body,
        agent,
        role,
        csrf,
        f' data-ticket="{escape(ticket_id)}"',
        timezone=timezone,
    )


def incident_page(
    agent: str, role: str, csrf: str, incident_id: str, timezone: str = SHOP_TIMEZONE
) -> str:
    """A group incident: its tickets, and claiming, answering and resolving them at once."""
    body = """
<p><a href="/desk/">← 返回队列</a></p>
<h1 id="title"></h1>
<section class="card"><dl id="incident" class="fields"></dl></section>
<section class="card"><h2>批量处理</h2>
<p class="hint">逐张处理本组工单，与单张操作相同：权限、处理记录、客户的简繁体和满意度邀请都不变。</p>
<div class="actions"><button type="button" id="claim-all">认领本组未认领的工单</button></div>
<form id="group-reply-form" class="reply"><label for="group-reply-text">回复本组每位客户（按各自的简繁体发送）</label>
<textarea id="group-reply-text" rows="3" maxlength="2000"></textarea>
<button type="submit" id="group-reply-send">群发回复</button></form>
<form id="group-resolve-form" class="reply"><label for="group-resolution">处理结果（结案后告知每位客户并邀请评分）</label>
<textarea id="group-resolution" rows="2" maxlength="2000"></textarea>
<button type="submit" id="resolve-all">全部结案…</button></form>
<section id="confirm" class="confirm" hidden role="alertdialog" aria-labelledby="confirm-text">
<p id="confirm-text"></p><ul id="confirm-list"></ul>
<div class="actions"><button type="button" id="confirm-yes">确认结案</button>
<button type="button" id="confirm-no" class="plain">取消</button></div></section>
</section>
<section class="card" id="outcome" hidden><h2 id="outcome-title" tabindex="-1"></h2>
<ul id="outcome-list" class="outcome"></ul></section>
<table class="queue"><thead><tr><th>工单号</th><th>状态</th><th>处理人</th><th>摘要</th>
<th>本次结果</th></tr></thead><tbody id="group-rows"></tbody></table>"""
    return _shell(
        "incident",
        incident_id,
        body,
        agent,
        role,
        csrf,
        f' data-incident="{escape(incident_id)}"',
        timezone=timezone,
    )


def stats_page(agent: str, role: str, csrf: str, timezone: str = SHOP_TIMEZONE) -> str:
    """Statistics with inline SVG/CSS charts and a CSV export link."""
    body = """
<h1>统计</h1><p><a href="/desk/stats.csv" download>导出 CSV</a></p>
<section class="kpis" id="kpis"></section>
<div class="charts" id="charts"></div>"""
    return _shell("stats", "统计", body, agent, role, csrf, timezone=timezone)


def login_page(csrf: str, error: str = "") -> str:
    """The sign-in form (its CSRF token is also in a cookie: double submit)."""
    message = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 客服工作台</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/desk/static/desk.css"></head>
<body class="login"><main><h1>客服工作台登录</h1>{message}
<form method="post" action="/desk/login">
<input type="hidden" name="csrf_token" value="{escape(csrf)}">
<label>账号 <input name="name" autocomplete="username" required maxlength="64"></label>
<label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">登录</button></form></main></body></html>"""
