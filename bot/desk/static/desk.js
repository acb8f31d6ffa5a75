// Agent desk. Every value from the server is put into the page with textContent or
// setAttribute on safe attributes only: customer text never becomes markup.
"use strict";

(function () {
  const CSRF = document.querySelector('meta[name="csrf-token"]').content;
  const STATUS = { open: "待处理", assigned: "处理中", resolved: "已结案", closed: "已关闭" };
  const CHANNEL = { widget: "网页客服", wecom: "微信客服", livestream: "直播间", rest: "接口" };
  const channelName = (code) => CHANNEL[code] || code;
  const ROLE = { customer: "客户", bot: "机器人", agent: "客服" };
  const REASONS = { injury: "人身伤害/安全隐患", legal: "扬言投诉监管或起诉", media: "扬言曝光/媒体", group: "群体投诉", amount: "金额较大" };
  const EMOTION = { calm: "平静", upset: "不满", angry: "愤怒" };
  const REMEDY = { refund: "仅退款", return_refund: "退货退款", exchange: "换货", reship: "补发", repair: "维修", compensation: "赔偿/补偿", apology: "道歉/给个说法", other: "其他" };
  const SEVERITY = { urgent: "严重", normal: "一般" };
  // the order service's status codes, as bot/tickets/summary.py words them for the summary
  const ORDER_STATUS = { unpaid: "待付款", paid: "待发货", shipped: "已发货", delivered: "已签收", completed: "已完成",
    cancelled: "已取消", refunding: "退款中", refunded: "已退款" };
  const money = (amount) => (typeof amount === "number" ? "¥" + amount.toFixed(2) : amount);
  // what the customer added while the ticket waited, as the mark names it ("客户补充了：订单号")
  const FILLED = { order_id: "订单号", issue_category: "投诉类型", issue_description: "问题描述", desired_remedy: "客户诉求", evidence: "凭证", severity: "严重程度", severity_reasons: "严重原因", emotion: "情绪" };
  const FIELD = { status: "状态", assignee: "处理人", resolution: "处理结果", satisfaction: "满意度", ...FILLED, order_verified: "订单已核实", order_data: "订单信息", evidence_missing: "缺少的凭证",
    contact: "联系方式", incident_id: "群体事件", first_response_due: "首次响应时限", resolution_due: "解决时限", notice_ticket_prioritised: "加急通知" };
  const NOTICE_STATE = { pending: "待发送", given_up: "发送失败，已放弃" };
  const VALUE = { status: STATUS, severity: SEVERITY, emotion: EMOTION, desired_remedy: REMEDY, notice_ticket_prioritised: NOTICE_STATE };
  const TIMES = new Set(["first_response_due", "resolution_due"]); // shown as the page shows times

  // "客户补充了：订单号、情绪（愤怒）": a raised reading says what it is now
  function filledText(fields, t) {
    const now = { severity: SEVERITY[t.severity], emotion: EMOTION[t.emotion] };
    return "客户补充了：" + fields.map((f) => (FILLED[f] || f) + (now[f] ? "（" + now[f] + "）" : "")).join("、");
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "href" || key === "src") {
        const url = new URL(String(value), location.href);
        if (url.protocol === "http:" || url.protocol === "https:") node.setAttribute(key, url.href);
      } else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // The same customer message from the live stream and from the stored transcript.
  function messageKey(m) {
    return Math.floor(Date.parse(m.at) / 1000) + "\n" + m.text;
  }

  // What the desk remembers for the signed-in agent across their tabs and reloads of this
  // browser (localStorage, one key per agent and kind: a desk PC shared by shifts keeps each
  // agent's own), per ticket, the most recently touched MAX_REMEMBERED tickets; in this page's
  // memory only when the browser keeps no storage. Why (desk14): the marks lived in the tab
  // (sessionStorage, or the page itself), so a second tab or a reload lost what the agent had
  // not yet seen or saved.
  const AGENT = document.body.dataset.agent || "";
  const MAX_REMEMBERED = 300;
  const inMemory = {};
  const storageKey = (kind) => "desk:" + AGENT + ":" + kind;
  function remembered(kind) {
    try {
      const raw = localStorage.getItem(storageKey(kind));
      return raw === null ? inMemory[kind] || {} : JSON.parse(raw);
    } catch (error) { return inMemory[kind] || {}; }
  }
  // `value` null forgets the ticket; written only when it changed (other tabs hear each write)
  function remember(kind, ticketId, value) {
    const all = remembered(kind);
    if (JSON.stringify(all[ticketId] === undefined ? null : all[ticketId]) === JSON.stringify(value)) return;
    delete all[ticketId];
    if (value !== null) all[ticketId] = value;
    const ids = Object.keys(all);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED))) delete all[old];
    inMemory[kind] = all;
    try { localStorage.setItem(storageKey(kind), JSON.stringify(all)); } catch (error) { /* this page only */ }
  }
  // another tab of this agent changed `kind`: `then` redraws this one
  function onRemembered(kind, then) {
    window.addEventListener("storage", (event) => { if (event.key === storageKey(kind)) then(); });
  }

  // Replies the customer got that the ticket's store refused, per ticket: the ticket page and
  // the group page mark the same lines 客服（已发给客户，暂未记入工单） until the transcript holds
  // them, whichever page or tab sent them (hand trial desk13: a group reply showed only as a
  // warning, and the ticket page opened from it showed nothing).
  function unkeptOf(ticketId) { return remembered("unkept")[ticketId] || []; }
  function setUnkept(ticketId, lines) { remember("unkept", ticketId, lines.length ? lines : null); }
  function addUnkept(ticketId, line) { setUnkept(ticketId, unkeptOf(ticketId).concat([line])); }
  // the lines still not in the transcript (`agentLines`: its agent lines); the others are dropped
  function stillUnkept(ticketId, agentLines) {
    const held = new Set(agentLines.map((m) => messageKey(m)));
    const left = unkeptOf(ticketId).filter((m) => !held.has(messageKey(m)));
    setUnkept(ticketId, left);
    return left;
  }
  const UNKEPT_LABEL = "客服（已发给客户，暂未记入工单）";

  // Escalated to a supervisor: the badge says so in words (not by colour alone); who escalated
  // it to whom is read out by a screen reader (hidden text) and shown as a tooltip.
  function escalationBadge(escalation) {
    if (!escalation) return "";
    const detail = "给主管 " + escalation.to + "（" + escalation.by + " 升级）";
    return el("span", { class: "badge escalated", title: "已升级" + detail },
      "已升级", el("span", { class: "sr-only" }, detail));
  }

  // Times in the shop's zone (the page's data-timezone), the zone of what the bot tells the
  // customers: a desk PC set to another zone showed "23:28" for the "07:28 前" a customer was
  // promised, and a live session that began at 20:00 as 12:00 (trial5).
  const ZONE = document.body.dataset.timezone || undefined;
  // A claimed ticket whose customer wrote since an agent last answered (trial5: after a group
  // reply, viewers' answers were seen only by opening each ticket): said in words, with the
  // newest message, in the queue and on the group's page.
  function awaitingMark(t) {
    const u = t.unanswered;
    if (!u) return "";
    const short = u.text.length > 40 ? u.text.slice(0, 40) + "…" : u.text;
    return el("p", { class: "awaiting" }, el("span", { class: "badge awaiting" }, "客户待回复 " + u.count + " 条"),
      " “" + short + "” ", el("time", {}, shortTime(u.at)));
  }

  function time(value) {
    if (!value) return "";
    const d = new Date(value);
    if (isNaN(d)) return String(value);
    try { return d.toLocaleString("zh-CN", { hour12: false, timeZone: ZONE }); }
    catch (error) { return d.toLocaleString("zh-CN", { hour12: false }); } // an unknown zone
  }
  function zonedParts(d) {
    const options = { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    let format;
    try { format = new Intl.DateTimeFormat("en-US", { ...options, timeZone: ZONE }); }
    catch (error) { format = new Intl.DateTimeFormat("en-US", options); }
    const parts = {};
    for (const part of format.formatToParts(d)) parts[part.type] = part.value;
    return parts;
  }
  // a deadline as the bot words it to the customer: "07:28" today, "12月3日 07:13" another day
  function shortTime(value, now) {
    const d = new Date(value);
    if (!value || isNaN(d)) return "";
    const p = zonedParts(d), today = zonedParts(now || new Date());
    const clock = p.hour + ":" + p.minute;
    return p.year === today.year && p.month === today.month && p.day === today.day ? clock : p.month + "月" + p.day + "日 " + clock;
  }
  // "9 分钟", "1 小时 56 分", "2 天 3 小时": whole minutes passed, never more time left than there is
  function span(ms) {
    const minutes = Math.floor(Math.abs(ms) / 60000);
    if (minutes < 1) return "不到 1 分钟";
    if (minutes < 60) return minutes + " 分钟";
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + " 小时" + (minutes % 60 ? " " + (minutes % 60) + " 分" : "");
    return Math.floor(hours / 24) + " 天" + (hours % 24 ? " " + (hours % 24) + " 小时" : "");
  }
  const DUE_KIND = { first_response: "首次响应", resolution: "解决" };
  // The queue's deadline: which one it is and how long is left (trial5: the column mixed first
  // response and resolution deadlines, as full dates in the browser's zone, and an agent had to
  // work out the minutes left). A finished ticket's deadline is history: no countdown.
  function dueCell(t) {
    if (!t.due) return ["—"];
    const left = Date.parse(t.due) - Date.now();
    const active = t.status === "open" || t.status === "assigned";
    const when = el("span", { class: "due-time", title: time(t.due) }, (DUE_KIND[t.due_kind] || "") + " " + shortTime(t.due));
    if (!active) return [when];
    return [when, el("br"), t.overdue || left < 0 ? el("strong", {}, "已超时 " + span(left)) : el("span", { class: "left" }, "还剩 " + span(left))];
  }

  function show(value, name) {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "object") return value.score ? value.score + " 分 " + (value.comment || "") : JSON.stringify(value);
    if (TIMES.has(name)) return time(value);
    return (VALUE[name] || STATUS)[value] || String(value);
  }

  function toast(message, bad) {
    const box = document.getElementById("toast");
    box.textContent = message;
    box.className = bad ? "show bad" : "show";
    setTimeout(() => { box.className = ""; }, 4000);
  }

  async function api(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": CSRF },
      body: JSON.stringify(body),
    };
    const response = await fetch(path, { credentials: "same-origin", ...options });
    if (response.status === 401) { location.href = "/desk/login"; throw new Error("signed out"); }
    const data = await response.json();
    if (!response.ok) throw new Error(data.message || response.statusText);
    return data;
  }

  // --- sound -------------------------------------------------------------------------------
  let audio = null;
  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "square";
      osc.frequency.value = 880;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.35);
      document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
    } catch (error) { /* no audio device: the banner still shows */ }
  }

  // --- queue -------------------------------------------------------------------------------
  function queuePage() {
    const rows = document.getElementById("queue-rows");
    const seen = new Set();
    const severityOf = new Map(); // a waiting ticket the customer's words made urgent is news too
    let first = true;
    document.getElementById("sound").addEventListener("click", (event) => {
      beep();
      event.target.textContent = "提示音已开启";
    });

    // Filters: status (the live queue holds open and assigned tickets; finished ones are
    // fetched), severity and a search over id, order, conversation, group incident and summary; kept in the
    // URL so going back to the queue keeps them.
    const statusBox = document.getElementById("f-status");
    const severityBox = document.getElementById("f-severity");
    const searchBox = document.getElementById("f-search");
    const escalatedBox = document.getElementById("f-escalated");
    const params = new URLSearchParams(location.search);
    escalatedBox.checked = params.get("escalated") === "1";
    if (params.get("status")) statusBox.value = params.get("status");
    if (params.get("severity")) severityBox.value = params.get("severity");
    searchBox.value = params.get("q") || "";
    if (!statusBox.value) statusBox.value = "active";
    let live = { tickets: [], counts: {} };
    let finished = { status: null, tickets: [] };

    function shown() {
      const status = statusBox.value;
      const source = status === "resolved" || status === "closed"
        ? (finished.status === status ? finished.tickets : [])
        : live.tickets.filter((t) => status === "active" || t.status === status);
      const words = searchBox.value.trim().toLowerCase();
      // the escalation mark is searched as the queue shows it: 已升级, and who and to whom
      const marks = (t) => (t.escalation ? ["已升级", t.escalation.to, t.escalation.by] : []);
      return source.filter((t) => (!severityBox.value || t.severity === severityBox.value) &&
        (!escalatedBox.checked || t.escalation) &&
        (!words || [t.id, t.order_id, t.conversation_id, t.incident_id, t.summary, ...marks(t)]
          .some((v) => v && String(v).toLowerCase().includes(words))));
    }
    function onFilter() {
      const next = new URLSearchParams();
      if (statusBox.value !== "active") next.set("status", statusBox.value);
      if (severityBox.value) next.set("severity", severityBox.value);
      if (escalatedBox.checked) next.set("escalated", "1");
      if (searchBox.value.trim()) next.set("q", searchBox.value.trim());
      history.replaceState(null, "", location.pathname + (next.toString() ? "?" + next : ""));
      const status = statusBox.value;
      if ((status === "resolved" || status === "closed") && finished.status !== status) {
        api("/desk/api/finished?status=" + status).then((data) => {
          finished = { status, tickets: data.tickets };
          draw();
        }).catch((e) => toast(e.message, true));
      }
      draw();
    }
    statusBox.addEventListener("change", () => { finished = { status: null, tickets: [] }; onFilter(); });
    severityBox.addEventListener("change", onFilter);
    escalatedBox.addEventListener("change", onFilter);
    searchBox.addEventListener("input", onFilter);
    document.getElementById("filters").addEventListener("submit", (event) => event.preventDefault());

    function render(data) {
      live = data;
      const counts = document.getElementById("counts");
      counts.replaceChildren(...Object.keys(STATUS).map((s) =>
        el("div", { class: "count " + s }, el("span", {}, STATUS[s]), el("strong", {}, data.counts[s] || 0))));
      const fresh = [];
      const raised = new Set();
      for (const t of data.tickets) {
        if (!seen.has(t.id)) { seen.add(t.id); if (!first) fresh.push(t); }
        else if (t.severity === "urgent" && severityOf.get(t.id) !== "urgent") { raised.add(t.id); fresh.push(t); }
        severityOf.set(t.id, t.severity);
      }
      draw();
      const urgent = fresh.filter((t) => t.severity === "urgent");
      if (urgent.length) {
        const banner = document.getElementById("alert");
        banner.hidden = false;
        banner.replaceChildren(el("strong", {}, "紧急工单！"), " ",
          ...urgent.map((t) => el("a", { href: "/desk/tickets/" + encodeURIComponent(t.id) },
            (raised.has(t.id) ? "（转为严重）" : "") + t.id + " " + (t.summary || ""))));
        beep();
      }
      first = false;
    }

    function draw() {
      const tickets = shown();
      rows.replaceChildren(...tickets.map((t) => {
        const row = el("tr", {
          class: [t.severity === "urgent" ? "urgent" : "", t.overdue ? "overdue" : ""].join(" ").trim(),
          "data-ticket": t.id,
        },
          el("td", {}, el("a", { href: "/desk/tickets/" + encodeURIComponent(t.id) }, t.id)),
          el("td", {}, el("span", { class: "badge " + t.severity }, t.severity_label || t.severity)),
          el("td", {}, t.category_label || t.issue_category),
          el("td", {}, channelName(t.channel)),
          el("td", { class: "summary-cell" }, awaitingMark(t), (t.filled || []).length ? el("span", { class: "badge filled" }, filledText(t.filled, t)) : "", " ", t.summary),
          el("td", {}, STATUS[t.status] || t.status, t.escalation ? " " : "", escalationBadge(t.escalation)),
          el("td", {}, t.assignee || "—"),
          el("td", { class: "due" }, ...dueCell(t)));
        return row;
      }));
      document.getElementById("queue-empty").hidden = tickets.length > 0;
      // searched for a group incident: lead to its page, where the group is acted on at once
      const words = searchBox.value.trim().toLowerCase();
      const group = words && live.tickets.concat(finished.tickets)
        .map((t) => t.incident_id).find((i) => i && i.toLowerCase() === words);
      const link = document.getElementById("group-link");
      link.hidden = !group;
      link.replaceChildren(...(group ? [el("a", { href: "/desk/incidents/" + encodeURIComponent(group) },
        "群体事件 " + group + "：批量认领、群发回复、全部结案 →")] : []));
    }

    api("/desk/api/queue").then(render).then(onFilter).catch((e) => toast(e.message, true));
    setInterval(draw, 30000); // the minutes left count down between updates
    const source = new EventSource("/desk/api/queue/stream");
    const dot = document.getElementById("live-dot");
    const label = document.getElementById("live-text");
    source.addEventListener("open", () => { dot.className = "dot on"; label.textContent = "实时更新中"; });
    source.addEventListener("error", () => { dot.className = "dot"; label.textContent = "连接断开，正在重连…"; });
    source.addEventListener("queue", (event) => render(JSON.parse(event.data)));
  }

  // --- ticket ------------------------------------------------------------------------------
  function ticketPage() {
    const id = document.body.dataset.ticket;
    const base = "/desk/api/tickets/" + encodeURIComponent(id);
    const live = [];
    let storedKeys = new Set(); // customer messages the shown transcript already holds
    let shownTicket = null; // the status and assignee shown: a reassign is made only if still so
    // replies the customer got that the ticket does not hold yet (its store refused them):
    // shown, marked, until the transcript has them, so nobody sends them again
    let saidNews = null; // the news this page last announced (a toast once per news)
    let unseen = null; // news shown while the page was not in front: seen when it comes back

    // `code`: the ticket's field, marked when the customer added it after filing
    function field(list, name, value, code, filled) {
      if (value === null || value === undefined || value === "") value = "—";
      const added = code && filled && filled.has(code);
      list.append(el("dt", {}, name), el("dd", { class: added ? "filled" : null }, value,
        added ? el("span", { class: "badge filled" }, "客户补充") : null));
    }

    // The mark above the fields. News: what the customer added since this agent last saw the
    // ticket in front of them, in any tab (remembered per agent, "seen-filled"); it is marked
    // fresh and announced until a page of theirs showed it while in front. The first look at
    // a ticket is the ticket as they find it, not news.
    function filledMark(fields, t) {
      const seen = remembered("seen-filled")[t.id];
      const news = seen !== undefined && fields.some((f) => !seen.includes(f));
      if (seen === undefined || document.visibilityState === "visible") {
        remember("seen-filled", t.id, fields);
        unseen = null;
      } else unseen = [t.id, fields];
      if (!fields.length) return "";
      const text = filledText(fields, t);
      if (news && saidNews !== text) toast(text);
      saidNews = news ? text : null;
      return el("p", { id: "filled", class: "filled-mark" + (news ? " fresh" : "") }, text);
    }
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && unseen) remember("seen-filled", ...unseen);
    });

    function render(data) {
      const t = data.ticket;
      shownTicket = { status: t.status, assignee: t.assignee };
      const me = data.me;
      const filled = new Set(data.filled || []);
      if (filled.has("severity")) filled.add("severity_reasons"); // raised with its reasons
      document.getElementById("title").replaceChildren(
        el("span", {}, t.id + " "), el("span", { class: "badge " + t.severity }, t.severity === "urgent" ? "严重" : "一般"),
        el("span", { class: "badge status" }, STATUS[t.status] || t.status),
        data.escalation ? " " : "", escalationBadge(data.escalation));
      document.getElementById("summary").replaceChildren(el("p", {}, t.summary || ""), filledMark(data.filled || [], t));

      const fields = document.getElementById("fields");
      fields.replaceChildren();
      field(fields, "状态", STATUS[t.status] || t.status);
      field(fields, "处理人", t.assignee);
      field(fields, "创建时间", time(t.created_at));
      field(fields, "首次响应时限", time(t.sla.first_response_due));
      field(fields, "解决时限", time(t.sla.resolution_due));
      field(fields, "渠道", channelName(t.channel));
      field(fields, "会话", t.conversation_id);
      field(fields, "投诉类型", data.category_label || t.issue_category, "issue_category", filled);
      field(fields, "问题描述", t.issue_description, "issue_description", filled);
      field(fields, "客户诉求", REMEDY[t.desired_remedy] || t.desired_remedy, "desired_remedy", filled);
      field(fields, "严重原因", (t.severity_reasons || []).map((r) => REASONS[r] || r).join("、"), "severity_reasons", filled);
      field(fields, "情绪", EMOTION[t.emotion] || t.emotion, "emotion", filled);
      field(fields, "联系方式", t.contact);
      // the other complaints of the group: the queue finds them by the incident's id; the
      // group's page acts on all of them at once
      field(fields, "群体事件", t.incident_id ? el("span", {},
        el("a", { href: "/desk/?q=" + encodeURIComponent(t.incident_id) }, t.incident_id + "（查看同组工单）"), " ",
        el("a", { href: "/desk/incidents/" + encodeURIComponent(t.incident_id) }, "批量处理本组")) : null);
      field(fields, "缺少的凭证", (t.evidence_missing || []).join("、"));
      const resolutionText = (r) => (typeof r === "object" && r ? JSON.stringify(r) : r);
      field(fields, "处理结果", resolutionText(t.resolution));
      // a reopen took the resolution back: shown as what was tried before, not as the outcome
      const before = data.previous_resolution;
      if (before) {
        field(fields, "上次处理结果", el("span", { id: "previous-resolution" }, resolutionText(before.text),
          el("span", { class: "previous-meta" }, "（" + before.by + " 结案于 " + time(before.at) + "，工单已重新打开）")));
      }
      field(fields, "满意度", t.satisfaction ? t.satisfaction.score + " 分 " + (t.satisfaction.comment || "") : null);

      const order = document.getElementById("order");
      const orderList = el("dl", { class: "fields" });
      field(orderList, "订单号", t.order_id, "order_id", filled);
      // no order number at all is not an unknown number the customer confirmed
      field(orderList, "订单已核实", !t.order_id ? "—" : t.order_verified === false ? "否（客户确认）" : t.order_verified ? "是" : "—");
      const o = t.order || {};
      field(orderList, "金额", money(o.amount));
      field(orderList, "订单状态", ORDER_STATUS[o.status] || o.status);
      for (const item of o.items || []) field(orderList, "商品", item.name + " × " + item.qty + "  " + money(item.price));
      // what an agent checks a delivery complaint against, with the courier (trial5: the
      // service's carrier, tracking number and dates were in the ticket but not on the page)
      if (o.carrier || o.tracking_no) field(orderList, "快递", [o.carrier, o.tracking_no].filter(Boolean).join(" "));
      for (const [key, label] of [["paid_at", "付款时间"], ["shipped_at", "发货时间"], ["delivered_at", "签收时间"]]) {
        if (o[key]) field(orderList, label, time(o[key]));
      }
      order.replaceChildren(orderList);

      document.getElementById("live-card").hidden = !t.live;
      if (t.live) {
        const liveList = document.getElementById("live");
        liveList.replaceChildren();
        field(liveList, "直播间", t.live.room_id);
        field(liveList, "主播", t.live.streamer);
        field(liveList, "开播时间", time(t.live.started_at));
        field(liveList, "主播承诺", t.live.claim);
        field(liveList, "回放位置", t.live.replay_at);
      }

      document.getElementById("evidence").replaceChildren(...(data.evidence.length ? data.evidence.map((e) =>
        el("figure", {}, e.url ? el("a", { href: e.url, target: "_blank", rel: "noopener noreferrer" },
          e.thumb_url ? el("img", { src: e.thumb_url, alt: e.filename, loading: "lazy" }) : e.filename) : e.filename,
          el("figcaption", {}, e.filename + " · " + e.content_type))) : [el("p", {}, "没有凭证")]));

      const transcript = document.getElementById("transcript");
      const stored = new Set(t.transcript.map((m) => messageKey(m)));
      storedKeys = stored;
      const seenLive = new Set(live.map(([key]) => key));
      let agentSpoke = false;
      // "new" customer messages: written after filing, during a takeover, or seen live here
      transcript.replaceChildren(...t.transcript.map((m) => {
        agentSpoke = agentSpoke || m.role === "agent";
        const fresh = m.role === "customer" && (agentSpoke || seenLive.has(messageKey(m)) ||
          Date.parse(m.at) > Date.parse(t.created_at));
        // which agent: a reassigned or escalated ticket has several (trial5)
        const who = m.role === "agent" && m.agent ? ROLE.agent + " " + m.agent : ROLE[m.role] || m.role;
        return el("li", { class: "msg " + m.role + (fresh ? " live" : "") },
          el("span", { class: "who" }, who), el("p", {}, m.text), el("time", {}, time(m.at)));
      }));
      for (const [key, item] of live) if (!stored.has(key)) transcript.append(item.cloneNode(true));
      for (const m of stillUnkept(t.id, t.transcript.filter((m) => m.role === "agent"))) {
        transcript.append(el("li", { class: "msg agent unkept" }, el("span", { class: "who" }, UNKEPT_LABEL),
          el("p", {}, m.text), el("time", {}, time(m.at))));
      }

      document.getElementById("notes").replaceChildren(...data.notes.map((n) =>
        el("li", {}, el("strong", {}, n.author), " ", el("time", {}, time(n.at)), el("p", {}, n.text))));
      document.getElementById("audit").replaceChildren(...data.audit.map((a) =>
        el("li", {}, el("time", {}, time(a.at)), " ", a.actor, "：", FIELD[a.field] || a.field, " ",
          show(a.before, a.field), " → ", show(a.after, a.field))));

      const actions = document.getElementById("actions");
      const mine = t.assignee === me.name || me.role === "supervisor";
      const buttons = [];
      if (t.status === "open") buttons.push(el("button", { type: "button", "data-act": "claim" }, "认领"));
      if (t.status === "assigned" && mine) {
        buttons.push(el("input", { id: "resolution", "aria-label": "处理结果", placeholder: "处理结果（会告知客户）", maxlength: 2000 }),
          el("button", { type: "button", "data-act": "resolve" }, "结案"));
        const select = el("select", { id: "reassign-to", "aria-label": "转派给" },
          ...data.agents.filter((a) => a.name !== t.assignee).map((a) => el("option", { value: a.name }, a.name + (a.role === "supervisor" ? "（主管）" : ""))));
        if (select.options.length) buttons.push(select, el("button", { type: "button", "data-act": "reassign" }, "转派"));
      }
      // a supervisor escalates only to another supervisor (the API refuses it to themselves)
      const supervisorElse = data.agents.some((a) => a.role === "supervisor" && a.name !== me.name);
      const mayEscalate = me.role !== "supervisor" || supervisorElse;
      if (mayEscalate && (t.status === "open" || (t.status === "assigned" && mine))) {
        buttons.push(el("input", { id: "escalate-reason", "aria-label": "升级原因", placeholder: "升级原因", maxlength: 4000 }),
          el("button", { type: "button", "data-act": "escalate" }, "升级主管"));
      }
      if (t.status === "resolved" || t.status === "closed") buttons.push(el("button", { type: "button", "data-act": "reopen" }, "重新打开"));
      // a live refresh must not wipe what the agent is typing
      const typed = {};
      const focused = document.activeElement && document.activeElement.id;
      for (const input of actions.querySelectorAll("input, select")) typed[input.id] = input.value;
      actions.replaceChildren(...buttons);
      for (const input of actions.querySelectorAll("input, select")) {
        if (typed[input.id] !== undefined) input.value = typed[input.id];
        if (input.id && input.id === focused) input.focus();
      }
      document.getElementById("reply-form").hidden = !(t.status === "assigned" && mine);
    }

    function load() { return api(base).then(render).catch((e) => toast(e.message, true)); }

    // true when the server took it: only then may what the agent typed be cleared
    async function act(name, body) {
      let done = false;
      try {
        const result = await api(base + "/" + name, body || {});
        if (result.unkept) addUnkept(id, result.unkept);
        if (result.warning) toast(result.warning, true); else toast("已完成");
        done = true;
      } catch (error) { toast(error.message, true); }
      await load();
      return done;
    }

    document.getElementById("actions").addEventListener("click", (event) => {
      const name = event.target.dataset && event.target.dataset.act;
      if (!name) return;
      if (name === "resolve") {
        const resolution = document.getElementById("resolution").value.trim();
        if (resolution) act("resolve", { resolution }); else toast("请先填写处理结果", true);
      } else if (name === "escalate") {
        const reason = document.getElementById("escalate-reason").value.trim();
        if (reason) act("escalate", { reason }); else toast("请先填写升级原因", true);
      } else if (name === "reassign") {
        act("reassign", { assignee: document.getElementById("reassign-to").value, expect: shownTicket });
      } else act(name);
    });
    document.getElementById("reply-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const box = document.getElementById("reply-text");
      if (!box.value.trim()) return;
      act("reply", { text: box.value }).then((done) => { if (done) box.value = ""; });
    });
    document.getElementById("note-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const box = document.getElementById("note-text");
      if (!box.value.trim()) return;
      act("note", { text: box.value }).then((done) => { if (done) box.value = ""; });
    });

    const firstLoad = load();
    onRemembered("unkept", load); // a reply not kept, sent from another tab of this agent
    const source = new EventSource(base + "/stream");
    const shown = new Set();
    source.addEventListener("changed", load);
    source.addEventListener("customer", async (event) => {
      await firstLoad; // the stored transcript first, to tell live messages from stored ones
      const m = JSON.parse(event.data);
      const key = messageKey(m);
      if (shown.has(key)) return;
      shown.add(key);
      if (storedKeys.has(key)) return; // e.g. the click that filed the ticket
      const item = el("li", { class: "msg customer live" }, el("span", { class: "who" }, "客户（新）"), el("p", {}, m.text), el("time", {}, time(m.at)));
      live.push([key, item]);
      document.getElementById("transcript").append(item.cloneNode(true));
    });
  }

  // --- group incident ----------------------------------------------------------------------
  // Claim, answer and resolve every ticket of a group incident at once. The server acts on
  // each ticket as the single actions do and answers one result per ticket (shown in a list
  // and in the table); the page sends the ids it shows, so only tickets the agent saw are
  // acted on, and resolving first lists the tickets it will resolve for the agent to confirm.
  function incidentPage() {
    const id = document.body.dataset.incident;
    const base = "/desk/api/incidents/" + encodeURIComponent(id);
    const RESULT = { done: "已完成", skipped: "跳过", failed: "失败" };
    const ACTION = { claim: "认领", reply: "群发回复", resolve: "结案" };
    const confirmBox = document.getElementById("confirm");
    const buttons = ["claim-all", "group-reply-send", "resolve-all", "confirm-yes"].map((b) => document.getElementById(b));
    let data = null;
    let results = {}; // ticket id -> its result of the last action
    let lastAction = null; // {name, body}: "retry the failed ones" sends it again for those
    let pending = null; // the ids the confirmation lists
    let busy = false; // an action is under way: its buttons stay off until it answered

    const mine = (t) => t.status === "assigned" && (t.assignee === data.me.name || data.me.role === "supervisor");
    const link = (ticketId) => el("a", { href: "/desk/tickets/" + encodeURIComponent(ticketId) }, ticketId);

    function render(next) {
      data = next;
      const inc = data.incident;
      document.getElementById("title").replaceChildren(el("span", {}, "群体事件 " + inc.id + " "),
        el("span", { class: "badge urgent" }, "群体投诉"));
      const info = document.getElementById("incident");
      info.replaceChildren();
      const field = (name, value) => info.append(el("dt", {}, name), el("dd", {}, value || "—"));
      const byStatus = {};
      for (const t of data.tickets) byStatus[t.status] = (byStatus[t.status] || 0) + 1;
      field("投诉类型", inc.category_label || inc.issue_category);
      field("直播间", inc.live.room_id);
      field("主播", inc.live.streamer);
      field("开播时间", time(inc.live.started_at));
      field("工单", data.tickets.length + " 张（" + Object.keys(STATUS).filter((s) => byStatus[s])
        .map((s) => STATUS[s] + " " + byStatus[s]).join("，") + "）");
      const open = data.tickets.filter((t) => t.status === "open").length;
      const ours = data.tickets.filter(mine);
      const customers = new Set(ours.map((t) => t.conversation_id)).size;
      buttons[0].textContent = "认领本组未认领的工单（" + open + " 张）";
      buttons[1].textContent = "群发回复（" + customers + " 位客户）";
      buttons[2].textContent = "全部结案…（" + ours.length + " 张）";
      [open, customers, ours.length].forEach((n, i) => { buttons[i].disabled = busy || n === 0; });
      document.getElementById("group-rows").replaceChildren(...data.tickets.map((t) => {
        const r = results[t.id];
        return el("tr", { class: t.severity === "urgent" ? "urgent" : "", "data-ticket": t.id },
          el("td", {}, link(t.id)),
          el("td", {}, STATUS[t.status] || t.status),
          el("td", {}, t.assignee || "—"),
          el("td", { class: "summary-cell" }, awaitingMark(t), t.summary, ...stillUnkept(t.id, t.agent_lines || []).map((m) =>
            el("p", { class: "msg agent unkept" }, el("span", { class: "who" }, UNKEPT_LABEL), " ", m.text, " ",
              el("a", { href: "/desk/tickets/" + encodeURIComponent(t.id) }, "在工单页查看")))),
          el("td", { class: r ? "result " + r.result : "result" }, r ? RESULT[r.result] + (r.message ? "：" + r.message : "") : ""));
      }));
    }

    function load() { return api(base).then(render).catch((e) => toast(e.message, true)); }

    function report(name, answer) {
      results = {};
      for (const r of answer.results) {
        results[r.id] = r;
        if (r.unkept) addUnkept(r.id, r.unkept);
      }
      const c = answer.counts;
      const summary = ACTION[name] + "：完成 " + c.done + " 张，跳过 " + c.skipped + " 张，失败 " + c.failed + " 张";
      const failed = answer.results.filter((r) => r.result === "failed").map((r) => r.id);
      const items = answer.results.map((r) => el("li", { class: r.result, "data-ticket": r.id },
        link(r.id), " ", el("strong", {}, RESULT[r.result]), r.message ? "：" + r.message : "",
        r.warning ? el("span", { class: "warning" }, "（" + r.warning + "）") : ""));
      if (failed.length) {
        items.push(el("li", {}, el("button", { type: "button", id: "retry" }, "重试失败的 " + failed.length + " 张")));
      }
      document.getElementById("outcome").hidden = false;
      const title = document.getElementById("outcome-title");
      title.textContent = summary;
      document.getElementById("outcome-list").replaceChildren(...items);
      const retry = document.getElementById("retry");
      if (retry) retry.addEventListener("click", () => run(name, { ...lastAction.body, tickets: failed }));
      title.focus();
      toast(summary, c.failed > 0);
    }

    // what the agent typed for an action stays until it reached at least one ticket (a retry
    // of the failed ones then needs no typing), and is kept if they typed something new
    const BOXES = { reply: ["group-reply-text", "text"], resolve: ["group-resolution", "resolution"] };
    function clearTyped(name, body, answer) {
      const [boxId, key] = BOXES[name] || [];
      const box = boxId && document.getElementById(boxId);
      if (box && answer.counts.done > 0 && box.value.trim() === body[key]) box.value = "";
    }

    async function run(name, body) {
      busy = true;
      buttons.forEach((b) => { b.disabled = true; });
      try {
        const answer = await api(base + "/" + name, body);
        lastAction = { name, body };
        report(name, answer);
        clearTyped(name, body, answer);
      } catch (error) { toast(error.message, true); }
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
      await load(); // and the counts turn off the buttons with nothing to act on
    }

    const shownIds = () => data.tickets.map((t) => t.id);
    buttons[0].addEventListener("click", () => run("claim", { tickets: shownIds() }));
    document.getElementById("group-reply-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const box = document.getElementById("group-reply-text");
      const text = box.value.trim();
      if (!text) { toast("请先填写回复内容", true); return; }
      run("reply", { text, tickets: shownIds() });
    });
    document.getElementById("group-resolve-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const resolution = document.getElementById("group-resolution").value.trim();
      if (!resolution) { toast("请先填写处理结果", true); return; }
      const targets = data.tickets.filter(mine);
      if (!targets.length) { toast("本组没有你可以结案的工单（先认领）", true); return; }
      const left = data.tickets.filter((t) => !mine(t) && t.status !== "resolved" && t.status !== "closed").length;
      pending = targets.map((t) => t.id);
      // customers whose last words nobody answered yet: said before the group is closed over
      // them (trial5: a viewer's order number, sent after the group reply, went unseen)
      const waiting = targets.filter((t) => t.unanswered).length;
      document.getElementById("confirm-text").textContent = "确认结案以下 " + targets.length +
        " 张工单？每位客户会收到处理结果并被邀请评分。" + (left ? "另有 " + left + " 张未认领或不在你名下，不会结案。" : "") +
        (waiting ? "其中 " + waiting + " 位客户的新消息还没有回复。" : "");
      const short = (text) => (text.length > 60 ? text.slice(0, 60) + "…" : text);
      // the customer's own words: the summaries of one group begin alike
      document.getElementById("confirm-list").replaceChildren(...targets.map((t) =>
        el("li", {}, link(t.id), " ", short(t.issue_description || t.summary || ""),
          t.unanswered ? el("strong", { class: "awaiting" }, "（客户待回复：“" + short(t.unanswered.text) + "”）") : "")));
      confirmBox.hidden = false;
      document.getElementById("confirm-yes").focus();
    });
    document.getElementById("confirm-no").addEventListener("click", () => {
      confirmBox.hidden = true;
      pending = null;
    });
    document.getElementById("confirm-yes").addEventListener("click", () => {
      const resolution = document.getElementById("group-resolution").value.trim();
      const tickets = pending;
      confirmBox.hidden = true;
      pending = null;
      if (tickets && resolution) run("resolve", { resolution, tickets });
    });

    load();
    onRemembered("unkept", () => { if (data) render(data); });
    // the group changes as others work on it (and viewers join): the queue's stream says when
    const source = new EventSource("/desk/api/queue/stream");
    source.addEventListener("queue", () => { if (data) load(); });
  }

  // --- statistics --------------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function bars(title, pairs, labels) {
    const max = Math.max(1, ...pairs.map((p) => p[1]));
    const list = el("ul", { class: "bars" }, ...pairs.map(([key, value]) => {
      const bar = el("span", { class: "bar" });
      bar.style.width = (100 * value / max).toFixed(1) + "%";
      return el("li", {}, el("span", { class: "label" }, (labels && labels[key]) || key || "—"), el("span", { class: "track" }, bar), el("span", { class: "value" }, value));
    }));
    return el("section", { class: "card chart" }, el("h2", {}, title), pairs.length ? list : el("p", {}, "暂无数据"));
  }

  function columns(title, pairs, short) {
    const width = 600, height = 160, max = Math.max(1, ...pairs.map((p) => p[1]));
    const step = pairs.length ? width / pairs.length : width;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 30}`, role: "img", "aria-label": title, class: "columns" });
    pairs.forEach(([key, value], i) => {
      const h = (height - 20) * value / max;
      const w = Math.min(step * 0.7, 48);
      chart.append(svg("rect", { x: i * step + (step - w) / 2, y: height - h, width: w, height: h, class: "col" }));
      chart.append(svg("text", { x: i * step + step / 2, y: height - h - 4, "text-anchor": "middle", class: "v" }, value));
      chart.append(svg("text", { x: i * step + step / 2, y: height + 18, "text-anchor": "middle", class: "k" }, short ? key.slice(5) : key));
    });
    return el("section", { class: "card chart wide" }, el("h2", {}, title), pairs.length ? chart : el("p", {}, "暂无数据"));
  }

  function agentTable(rows) {
    const minutes = (v) => (v === null ? "—" : v + " 分钟");
    const head = ["客服", "持有工单", "已结案", "平均首次响应", "平均解决时长", "SLA 超时", "满意度"];
    const body = rows.map((r) => el("tr", {},
      el("td", {}, r.agent), el("td", {}, r.tickets), el("td", {}, r.resolved),
      el("td", {}, minutes(r.avg_first_response_minutes)), el("td", {}, minutes(r.avg_resolution_minutes)),
      el("td", {}, r.sla_breached),
      el("td", {}, r.satisfaction_average === null ? "—" : r.satisfaction_average + " / 5（" + r.satisfaction_count + " 份）")));
    const table = el("table", { class: "queue agents" },
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))), el("tbody", {}, ...body));
    return el("section", { class: "card chart wide", id: "by-agent" }, el("h2", {}, "按客服"), rows.length ? table : el("p", {}, "暂无数据"));
  }

  function statsPage() {
    api("/desk/api/stats").then((s) => {
      const minutes = (v) => (v === null ? "—" : v + " 分钟");
      const sat = s.satisfaction;
      document.getElementById("kpis").replaceChildren(
        ...[["工单总数", s.total], ["平均首次响应", minutes(s.avg_first_response_minutes)],
          ["平均解决时长", minutes(s.avg_resolution_minutes)],
          ["SLA 超时率", s.sla_breach_rate === null ? "—" : (100 * s.sla_breach_rate).toFixed(1) + "%"],
          ["满意度", sat.average === null ? "—" : sat.average + " / 5（" + sat.count + " 份）"]]
          .map(([k, v]) => el("div", { class: "kpi" }, el("span", {}, k), el("strong", {}, v))));
      document.getElementById("charts").replaceChildren(
        columns("按日（近 31 天）", s.by_day.slice(-31), true),
        columns("按月（近 12 个月）", s.by_month.slice(-12), false),
        bars("按类型", s.by_category, s.labels.category),
        bars("按渠道", s.by_channel, CHANNEL),
        bars("按性质", s.by_severity, s.labels.severity),
        bars("按状态", s.by_status, STATUS),
        bars("满意度分布", sat.distribution.map(([k, v]) => [k + " 分", v])),
        agentTable(s.by_agent));
    }).catch((e) => toast(e.message, true));
  }

  const page = document.body.dataset.page;
  if (page === "queue") queuePage();
  else if (page === "ticket") ticketPage();
  else if (page === "incident") incidentPage();
  else if (page === "stats") statsPage();
})();
