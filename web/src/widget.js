/*
 * The shop chat widget of the complaint-intake bot.
 *
 * build.mjs wraps this file together with npm's socket.io-client into dist/widget.js; the
 * wrapper calls startComplaintWidget(io, document.currentScript). Embed it with one tag:
 *
 *   <script src="https://BOT-SERVER/widget/widget.js" async
 *           data-title="..." data-order-id="..." data-lang="zh-Hant"></script>
 *
 * Everything is drawn in a Shadow DOM, so the shop's CSS and the widget's do not mix.
 * Protocol: see docs/widget.md.
 */
function startComplaintWidget(io, script) {
  "use strict";

  if (window.ComplaintWidget) return; // included twice
  var dataset = (script && script.dataset) || {};
  var scriptUrl = script && script.src ? new URL(script.src, location.href) : new URL(location.href);
  var server = (dataset.server || scriptUrl.origin).replace(/\/+$/, "");
  var socketPath = dataset.socketPath || "/socket.io";
  var orderId = dataset.orderId || "";
  var uiLang = dataset.lang || (/^zh-(TW|HK|MO|Hant)/i.test(navigator.language || "") ? "zh-Hant" : "zh-Hans");
  var storeKey = "complaint-widget:v1:" + server;

  var TEXTS = {
    "zh-Hans": {
      launcher: "联系客服",
      title: "在线客服",
      subtitle: "投诉与售后 · 我们会尽快处理",
      close: "关闭对话窗口",
      log: "对话记录",
      input: "输入消息",
      placeholder: "请描述您遇到的问题…",
      send: "发送",
      attach: "添加图片或视频（也可拖入或粘贴截图）",
      drop: "松开即可上传图片或视频",
      typing: "客服正在输入",
      offline: "网络已断开，恢复后会自动重连，消息不会丢失",
      connecting: "正在连接客服…",
      pending: "待发送",
      you: "我",
      bot: "客服",
      agent: "人工客服",
      quick: "快捷回复",
      tray: "待发送的证据",
      uploading: "正在上传",
      remove: "移除",
      readBack: "请核对您的投诉信息",
      ticket: "投诉单已创建",
      ticketId: "投诉单号",
      due: "预计首次回复：",
      evidenceSent: "提交了 {n} 个证据文件",
      evidenceGone: "文件已移除",
      video: "视频",
      duplicate: "「{name}」已经上传过了。",
      uploadFailed: "「{name}」上传失败，请检查网络后重试。",
      refusedAsTooLarge: "「{name}」太大，没能上传：请压缩后再发，或换一个小一点的文件。",
      waitUploads: "请等待文件上传完成后再发送。",
      tooLarge: "「{name}」太大了：图片不能超过 {img}，视频不能超过 {vid}。",
      unread: "{n} 条新消息",
    },
    "zh-Hant": {
      launcher: "聯繫客服",
      title: "線上客服",
      subtitle: "投訴與售後 · 我們會盡快處理",
      close: "關閉對話視窗",
      log: "對話紀錄",
      input: "輸入訊息",
      placeholder: "請描述您遇到的問題…",
      send: "傳送",
      attach: "新增圖片或影片（也可拖入或貼上截圖）",
      drop: "放開即可上傳圖片或影片",
      typing: "客服正在輸入",
      offline: "網路已中斷，恢復後會自動重新連線，訊息不會遺失",
      connecting: "正在連線客服…",
      pending: "待傳送",
      you: "我",
      bot: "客服",
      agent: "人工客服",
      quick: "快速回覆",
      tray: "待傳送的證據",
      uploading: "正在上傳",
      remove: "移除",
      readBack: "請核對您的投訴資訊",
      ticket: "投訴單已建立",
      ticketId: "投訴單號",
      due: "預計首次回覆：",
      evidenceSent: "提交了 {n} 個證據檔案",
      evidenceGone: "檔案已移除",
      video: "影片",
      duplicate: "「{name}」已經上傳過了。",
      uploadFailed: "「{name}」上傳失敗，請檢查網路後重試。",
      refusedAsTooLarge: "「{name}」太大，沒能上傳：請壓縮後再傳，或換一個小一點的檔案。",
      waitUploads: "請等待檔案上傳完成後再傳送。",
      tooLarge: "「{name}」太大了：圖片不能超過 {img}，影片不能超過 {vid}。",
      unread: "{n} 則新訊息",
    },
  };
  // The script the widget speaks: the browser's (or data-lang) until the bot has answered,
  // then the script of the bot's answers (the bot answers in the customer's own script), so
  // the widget's labels and notices match them; kept across reloads.
  var lang = load("lang", null) || uiLang;
  var T = texts(lang);
  function texts(name) {
    var chosen = Object.assign({}, TEXTS[name] || TEXTS["zh-Hans"]);
    if (dataset.title) chosen.title = dataset.title;
    return chosen;
  }

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] == null ? "" : String(values[key]);
    });
  }

  // Characters that exist only in Traditional script: a message containing them is marked
  // lang="zh-Hant" so the browser picks Traditional glyph shapes and fonts.
  var TRADITIONAL_ONLY =
    "們這個說請貨買賣訂單錢題發問實還無與為對時會麼後過關開點樣覺給讓機寶質壞氣處應該謝裡車長門見頭學" +
    "電話號碼標準確認務費幫約據遞傳網帳戶紅綠顏體積價優圖視頻嗎歡專業產廠誤臺灣條區縣鄉鎮擔憂簡單態種類" +
    "壓爛濕髒換補償諾禮從經濟辦麵漲亂邊運輸傷險軟沒裝損貼擊絕級";
  function looksTraditional(text) {
    for (var i = 0; i < text.length; i++) {
      if (TRADITIONAL_ONLY.indexOf(text.charAt(i)) >= 0) return true;
    }
    return false;
  }
  // Their Simplified forms (without 里台后么, which Traditional text uses too).
  var SIMPLIFIED_ONLY =
    "们这个说请货买卖订单钱题发问实还无与为对时会过关开点样觉给让机宝质坏气处应该谢车长门见头学" +
    "电话号码标准确认务费帮约据递传网帐户红绿颜体积价优图视频吗欢专业产厂误湾条区县乡镇担忧简态种类" +
    "压烂湿脏换补偿诺礼从经济办涨乱边运输伤险软没装损贴击绝级";
  // "zh-Hant" or "zh-Hans" when one script's characters outnumber the other's, else null.
  function scriptOf(text) {
    var hant = 0;
    var hans = 0;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (TRADITIONAL_ONLY.indexOf(ch) >= 0) hant += 1;
      else if (SIMPLIFIED_ONLY.indexOf(ch) >= 0) hans += 1;
    }
    return hant > hans ? "zh-Hant" : hans > hant ? "zh-Hans" : null;
  }

  // --- persistent state ------------------------------------------------------------------

  function load(name, fallback) {
    try {
      var raw = localStorage.getItem(storeKey + ":" + name);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }
  function save(name, value) {
    try {
      localStorage.setItem(storeKey + ":" + name, JSON.stringify(value));
    } catch (e) {
      /* private mode or full storage: the widget still works for this page */
    }
  }

  var session = load("session", null); // {session_id, token}
  var outbox = load("outbox", []); // messages not yet acknowledged by the server
  var limits = { max_image_bytes: 10485760, max_video_bytes: 52428800, max_files: 9 };
  var records = []; // what the log shows, oldest first
  var recordNodes = {};
  var evidenceById = {};
  var tray = []; // uploads not yet sent to the bot
  var inflight = {}; // client_msg_id -> true while waiting for the server's ack
  var confirmed = false;
  var unread = 0;
  var started = false;
  var socket = null;

  function uid() {
    if (window.crypto && crypto.getRandomValues) {
      var bytes = new Uint8Array(12);
      crypto.getRandomValues(bytes);
      return Array.prototype.map
        .call(bytes, function (b) {
          return ("0" + b.toString(16)).slice(-2);
        })
        .join("");
    }
    return Date.now().toString(16) + Math.random().toString(16).slice(2);
  }

  // --- DOM -------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value == null || value === false) return;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function svg(path) {
    var ns = "http://www.w3.org/2000/svg";
    var node = document.createElementNS(ns, "svg");
    node.setAttribute("viewBox", "0 0 24 24");
    node.setAttribute("aria-hidden", "true");
    node.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    p.setAttribute("fill", "currentColor");
    node.appendChild(p);
    return node;
  }
  var ICON_CHAT =
    "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z";
  var ICON_CLOSE =
    "M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z";
  var ICON_ATTACH =
    "M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9V15.5a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z";

  var host = document.createElement("complaint-widget");
  host.setAttribute("style", "all: initial !important; display: block !important;");
  var shadow = host.attachShadow({ mode: "open" });
  var style = document.createElement("style");
  style.textContent = __WIDGET_CSS__;
  shadow.appendChild(style);

  var badge = el("span", { class: "badge", hidden: true, "aria-hidden": "true" });
  var launcherLabel, inputLabel, avatar, titleNode, subtitleNode; // relabelled by applyLabels
  var launcher = el(
    "button",
    {
      class: "launcher",
      type: "button",
      "aria-expanded": "false",
      "aria-controls": "cw-panel",
      onclick: function () {
        toggle();
      },
    },
    [svg(ICON_CHAT), (launcherLabel = el("span", { class: "launcher-label", text: T.launcher })), badge]
  );
  var statusBar = el("div", { class: "status", role: "status", hidden: true });
  var log = el("div", {
    class: "log",
    role: "log",
    "aria-live": "polite",
    "aria-label": T.log,
    tabindex: "0",
  });
  var typing = el("div", { class: "typing", hidden: true, role: "status", "aria-label": T.typing }, [
    el("span"),
    el("span"),
    el("span"),
  ]);
  var alertRegion = el("div", { class: "sr-only", role: "alert" });
  var quick = el("div", { class: "quick", role: "group", "aria-label": T.quick, hidden: true });
  var trayList = el("ul", { class: "tray", "aria-label": T.tray, hidden: true });
  var fileInput = el("input", {
    class: "file-input",
    type: "file",
    multiple: true,
    accept: "image/*,video/*",
    tabindex: "-1",
    "aria-hidden": "true",
    onchange: function () {
      addFiles(fileInput.files);
      fileInput.value = "";
    },
  });
  var attachButton = el(
    "button",
    {
      class: "icon-button attach",
      type: "button",
      "aria-label": T.attach,
      title: T.attach,
      onclick: function () {
        fileInput.click();
      },
    },
    [svg(ICON_ATTACH)]
  );
  var input = el("textarea", {
    id: "cw-input",
    rows: "1",
    placeholder: T.placeholder,
    autocomplete: "off",
    enterkeyhint: "send",
    maxlength: "2000",
  });
  var sendButton = el("button", { class: "send", type: "submit", text: T.send });
  var composer = el(
    "form",
    {
      class: "composer",
      onsubmit: function (event) {
        event.preventDefault();
        submit();
      },
    },
    [
      attachButton,
      fileInput,
      (inputLabel = el("label", { class: "sr-only", for: "cw-input", text: T.input })),
      input,
      sendButton,
    ]
  );
  var dropZone = el("div", { class: "drop", hidden: true, "aria-hidden": "true", text: T.drop });
  var closeButton = el(
    "button",
    {
      class: "icon-button",
      type: "button",
      "aria-label": T.close,
      title: T.close,
      onclick: function () {
        close(true);
      },
    },
    [svg(ICON_CLOSE)]
  );
  var panel = el(
    "section",
    {
      id: "cw-panel",
      class: "panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "cw-title",
      hidden: true,
    },
    [
      el("header", { class: "header" }, [
        (avatar = el("div", { class: "avatar", "aria-hidden": "true", text: T.bot.charAt(0) })),
        el("div", { class: "titles" }, [
          (titleNode = el("h2", { class: "title", id: "cw-title", text: T.title })),
          (subtitleNode = el("p", { class: "subtitle", text: T.subtitle })),
        ]),
        closeButton,
      ]),
      statusBar,
      log,
      quick,
      trayList,
      composer,
      dropZone,
      alertRegion,
    ]
  );
  var root = el("div", { class: "root", lang: lang }, [panel, launcher]);
  shadow.appendChild(root);

  // Switch the widget's own words to `name` ("zh-Hant" / "zh-Hans") and remember it.
  function setLanguage(name) {
    if (name === lang || !TEXTS[name]) return;
    lang = name;
    T = texts(name);
    save("lang", name);
    root.setAttribute("lang", name);
    launcherLabel.textContent = T.launcher;
    setUnread(unread);
    [closeButton, attachButton].forEach(function (button, i) {
      var label = i === 0 ? T.close : T.attach;
      button.setAttribute("aria-label", label);
      button.setAttribute("title", label);
    });
    log.setAttribute("aria-label", T.log);
    typing.setAttribute("aria-label", T.typing);
    quick.setAttribute("aria-label", T.quick);
    trayList.setAttribute("aria-label", T.tray);
    input.setAttribute("placeholder", T.placeholder);
    inputLabel.textContent = T.input;
    sendButton.textContent = T.send;
    dropZone.textContent = T.drop;
    avatar.textContent = T.bot.charAt(0);
    titleNode.textContent = T.title;
    subtitleNode.textContent = T.subtitle;
    setStatus(statusKey);
    renderTray();
    renderAll();
  }
  // Speak the script of the bot's latest answer that shows one (not an agent's own words).
  function followBot() {
    for (var i = records.length - 1; i >= 0; i--) {
      var record = records[i];
      if (record.role !== "bot" || record.agent || !record.text) continue;
      var script = scriptOf(String(record.text));
      if (script) {
        setLanguage(script);
        return;
      }
    }
  }

  // --- rendering -------------------------------------------------------------------------

  function timeLabel(ms) {
    var d = new Date(ms);
    var now = new Date();
    var hm = ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
    if (d.toDateString() === now.toDateString()) return hm;
    return d.getMonth() + 1 + "/" + d.getDate() + " " + hm;
  }
  // A time the bot promised, as the bot worded it: in the shop's zone, the offset the server
  // wrote ("2026-11-30T15:06:35+08:00" is 15:06 whatever the browser's zone), so the banner
  // agrees with the sentence above it.
  function shopTimeLabel(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::[\d.]+)?(Z|([+-])(\d\d):?(\d\d))$/.exec(iso);
    if (!m) {
      var parsed = new Date(iso);
      return isNaN(parsed.getTime()) ? iso : timeLabel(parsed.getTime());
    }
    var offset = m[6] === "Z" ? 0 : (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    var today = new Date(Date.now() + offset * 60000).toISOString().slice(0, 10);
    var hm = m[4] + ":" + m[5];
    return today === m[1] + "-" + m[2] + "-" + m[3] ? hm : Number(m[2]) + "/" + Number(m[3]) + " " + hm;
  }
  function metaLine(record) {
    var children = [el("time", { datetime: new Date(record.ts).toISOString(), text: timeLabel(record.ts) })];
    if (record.role === "user" && record.state === "pending") {
      children.push(el("span", { class: "state", text: T.pending }));
    }
    return el("div", { class: "meta" }, children);
  }
  function absolute(url) {
    if (!url) return url;
    return /^https?:\/\//i.test(url) ? url : server + url;
  }
  function langOf(text) {
    return text && looksTraditional(text) ? "zh-Hant" : null;
  }
  function evidenceTile(id) {
    var item = evidenceById[id];
    if (!item) return el("span", { class: "tile", text: T.evidenceGone });
    var label = item.filename || "";
    var inner = item.thumbnail_url
      ? el("img", { src: absolute(item.thumbnail_url), alt: label, loading: "lazy" })
      : item.preview
      ? el("img", { src: item.preview, alt: label })
      : el("span", { text: "▶ " + T.video });
    return el("a", { href: absolute(item.url), target: "_blank", rel: "noopener", title: label, "aria-label": label }, [inner]);
  }
  function renderRecord(record) {
    var who = record.role === "user" ? T.you : record.agent ? T.agent + " " + record.agent : T.bot;
    var rowClass = "row " + (record.role === "user" ? "user" : record.agent ? "bot agent" : "bot");
    if (record.role === "notice") {
      return el("div", { class: "notice", "data-id": record.id, text: record.text });
    }
    var body;
    var custom = record.custom;
    if (custom && custom.type === "read_back" && Array.isArray(custom.fields)) {
      var list = el("dl");
      custom.fields.forEach(function (field) {
        var label = String(field.label == null ? "" : field.label);
        var value = String(field.value == null ? "" : field.value);
        list.appendChild(el("dt", { text: label, lang: langOf(label) }));
        list.appendChild(el("dd", { text: value, lang: langOf(value) }));
      });
      body = el("div", { class: "card", role: "group", "aria-labelledby": "cw-card-" + record.id }, [
        el("h3", { id: "cw-card-" + record.id, text: custom.title || T.readBack }),
        list,
      ]);
    } else if (custom && custom.type === "ticket") {
      var dueText = "";
      if (custom.first_response_due) dueText = shopTimeLabel(String(custom.first_response_due));
      body = el("div", { class: "ticket", role: "status" }, [
        el("strong", { text: T.ticket }),
        el("span", { class: "sr-only", text: T.ticketId + " " }),
        el("span", { class: "ticket-id", text: String(custom.id || "") }),
        dueText ? el("div", { class: "due", text: T.due + dueText }) : null,
      ]);
    } else if (record.evidence) {
      var grid = el("div", { class: "evidence-grid" });
      record.evidence.forEach(function (id) {
        grid.appendChild(evidenceTile(id));
      });
      body = el("div", { class: "bubble" }, [
        el("div", { text: record.text || fmt(T.evidenceSent, { n: record.evidence.length }) }),
        el("div", { style: "height:6px" }),
        grid,
      ]);
    } else if (record.attachment && record.attachment.type === "image") {
      var src = record.attachment.payload && record.attachment.payload.src;
      body = el("div", { class: "bubble" }, [el("img", { src: src, alt: record.text || T.bot })]);
    } else if (custom && typeof custom.text === "string") {
      body = el("div", { class: "bubble", text: custom.text, lang: langOf(custom.text) });
    } else if (record.text != null && record.text !== "") {
      body = el("div", { class: "bubble", text: record.text, lang: langOf(record.text) });
    } else {
      return null;
    }
    // an agent's line says so where the customer can see it: the bubble alone looked like the
    // bot's, and a customer could not tell that a person had taken over (trial5)
    var name = record.agent ? el("span", { class: "agent-name", "aria-hidden": "true", text: who }) : null;
    return el("div", { class: rowClass, "data-id": record.id }, [
      el("span", { class: "sr-only", text: who + "：" }),
      name,
      body,
      metaLine(record),
    ]);
  }
  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }
  function scrollDown(force) {
    if (force || nearBottom()) log.scrollTop = log.scrollHeight;
  }
  function appendRecord(record) {
    var stick = nearBottom();
    records.push(record);
    var node = renderRecord(record);
    if (node) {
      recordNodes[record.id] = node;
      log.insertBefore(node, typing);
    }
    renderQuickReplies();
    scrollDown(stick || record.role === "user");
  }
  function updateRecord(record) {
    var old = recordNodes[record.id];
    var node = renderRecord(record);
    if (old && node) {
      log.replaceChild(node, old);
      recordNodes[record.id] = node;
    }
  }
  function renderAll() {
    Object.keys(recordNodes).forEach(function (id) {
      var node = recordNodes[id];
      if (node.parentNode) node.parentNode.removeChild(node);
    });
    recordNodes = {};
    records.forEach(function (record) {
      var node = renderRecord(record);
      if (node) {
        recordNodes[record.id] = node;
        log.insertBefore(node, typing);
      }
    });
    renderQuickReplies();
    scrollDown(true);
  }
  function renderQuickReplies() {
    quick.textContent = "";
    var last = null;
    for (var i = records.length - 1; i >= 0; i--) {
      if (records[i].role !== "notice") {
        last = records[i];
        break;
      }
    }
    var replies = last && last.role === "bot" && last.quick_replies;
    if (!replies || !replies.length) {
      quick.hidden = true;
      return;
    }
    replies.forEach(function (reply) {
      quick.appendChild(
        el("button", {
          type: "button",
          text: reply.title,
          lang: langOf(reply.title),
          onclick: function () {
            sendMessage(reply.payload || reply.title, { display: reply.title });
            input.focus();
          },
        })
      );
    });
    quick.hidden = false;
  }
  function notice(text) {
    appendRecord({ id: "n-" + uid(), role: "notice", text: text, ts: Date.now() });
    alertRegion.textContent = "";
    setTimeout(function () {
      alertRegion.textContent = text;
    }, 30);
  }
  function updateTyping() {
    var waiting = socket && socket.connected && Object.keys(inflight).length > 0;
    typing.hidden = !waiting;
    if (waiting) scrollDown(false);
  }
  var statusKey = ""; // "offline", "connecting" or "" (none)
  function setStatus(key) {
    statusKey = key || "";
    statusBar.textContent = statusKey ? T[statusKey] : "";
    statusBar.hidden = !statusKey;
  }
  function setUnread(count) {
    unread = count;
    badge.textContent = String(count);
    badge.hidden = count === 0;
    launcher.setAttribute("aria-label", count ? T.launcher + "（" + fmt(T.unread, { n: count }) + "）" : T.launcher);
  }
  log.appendChild(typing);

  // --- opening and closing -----------------------------------------------------------------

  function isOpen() {
    return !panel.hidden;
  }
  function open() {
    panel.hidden = false;
    root.classList.add("open");
    launcher.setAttribute("aria-expanded", "true");
    try {
      sessionStorage.setItem(storeKey + ":open", "1");
    } catch (e) {
      /* ignore */
    }
    setUnread(0);
    connect();
    scrollDown(true);
    input.focus();
  }
  function close(returnFocus) {
    panel.hidden = true;
    root.classList.remove("open");
    launcher.setAttribute("aria-expanded", "false");
    try {
      sessionStorage.removeItem(storeKey + ":open");
    } catch (e) {
      /* ignore */
    }
    if (returnFocus) launcher.focus();
  }
  function toggle() {
    if (isOpen()) close(true);
    else open();
  }
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    }
  });

  // --- connection ----------------------------------------------------------------------------

  function connect() {
    if (!socket) {
      socket = io(server, {
        path: socketPath,
        // HTTP long-polling only: python-engineio's WebSocket on Sanic (unmaintained there)
        // stalled handshakes and broke after upgrades ("write() after write_eof()"), leaving
        // the widget "connecting" or deaf for 30 s and more (CI, docs/widget.md); a chat's
        // few messages a minute need no WebSocket.
        transports: ["polling"],
        reconnectionDelayMax: 5000,
        autoConnect: false,
      });
      socket.on("connect", function () {
        setStatus("");
        socket.emit("session_request", session ? { session_id: session.session_id, token: session.token } : {});
      });
      socket.on("session_confirm", onSessionConfirm);
      socket.on("bot_uttered", onBotMessage);
      socket.on("user_echo", onUserEcho);
      socket.on("disconnect", function () {
        confirmed = false;
        inflight = {};
        updateTyping();
        setStatus(navigator.onLine === false ? "offline" : "connecting");
      });
      socket.on("connect_error", function () {
        setStatus(navigator.onLine === false ? "offline" : "connecting");
        // socket.io retries network errors itself (the socket stays active); a connection the
        // server refused is given up, so try again a little later rather than never
        if (!socket.active) retryConnect();
      });
    }
    // `active`: connected, or a connection attempt under way. Calling socket.connect() during
    // an attempt sends a second CONNECT, which the server refuses ("Unable to connect"), and
    // socket.io then drops the whole connection (a page stuck on "正在连接客服…", CI).
    if (!socket.active && navigator.onLine !== false) {
      setStatus("connecting");
      socket.connect();
    } else if (navigator.onLine === false) {
      setStatus("offline");
    }
  }
  var retryTimer = null;
  function retryConnect() {
    if (retryTimer) return;
    retryTimer = setTimeout(function () {
      retryTimer = null;
      connect();
    }, 5000);
  }
  window.addEventListener("offline", function () {
    setStatus("offline");
    // Do not wait for heartbeats to notice: queue from now on, reconnect when online.
    if (socket) socket.disconnect();
  });
  window.addEventListener("online", function () {
    if (socket && !socket.connected) connect();
  });

  function onSessionConfirm(data) {
    if (typeof data === "string") data = { session_id: data };
    if (!data || !data.session_id) return;
    var hadSession = !!session;
    var changed = !session || session.session_id !== data.session_id;
    session = { session_id: data.session_id, token: data.token || "" };
    save("session", session);
    if (data.limits) limits = data.limits;
    if (changed && hadSession) {
      // the old session was refused (e.g. the server's secret changed): start afresh, but
      // keep what the customer typed or picked and has not been sent
      records = records.filter(function (r) {
        return r.role === "user" && r.state === "pending";
      });
      tray = tray.filter(function (item) {
        if (item.xhr) item.xhr.abort();
        return item.status === "waiting";
      });
      renderTray();
      renderAll();
    }
    confirmed = true;
    requestHistory(function () {
      flushOutbox();
      refreshEvidence();
      tray.forEach(function (item) {
        if (item.status === "waiting") upload(item);
      });
    });
  }

  function historyRecord(item) {
    var record = {
      id: item.id,
      role: item.role === "user" ? "user" : "bot",
      text: item.text,
      ts: item.timestamp ? item.timestamp * 1000 : Date.now(),
      state: "sent",
    };
    if (item.quick_replies) record.quick_replies = item.quick_replies;
    if (item.custom) record.custom = item.custom;
    if (item.attachment) record.attachment = item.attachment;
    if (item.evidence) record.evidence = item.evidence;
    if (item.agent) record.agent = item.agent;
    return record;
  }
  function requestHistory(done) {
    var liveBefore = {};
    records.forEach(function (r) {
      liveBefore[r.id] = true;
    });
    socket.timeout(10000).emit("history_request", {}, function (err, reply) {
      if (!err && reply && reply.status === "ok" && Array.isArray(reply.messages)) {
        var merged = absorbCards(reply.messages.map(historyRecord));
        var known = {};
        var lastTs = 0;
        merged.forEach(function (r) {
          known[r.id] = true;
          lastTs = Math.max(lastTs, r.ts);
        });
        // keep what history cannot know yet: unsent messages, notices, and replies that
        // arrived while it was being read
        records.forEach(function (r) {
          if (known[r.id]) return;
          var pending = r.role === "user" && r.state === "pending";
          if (pending || r.role === "notice" || !liveBefore[r.id] || r.ts > lastTs) merged.push(r);
        });
        records = merged;
        renderAll();
        followBot();
      }
      done();
    });
  }

  // The bot sends a read-back as text with quick replies followed by the same facts as a
  // card: the card replaces the text bubble and keeps its quick replies.
  function absorbCard(previous, record) {
    if (!previous || previous.role !== "bot" || previous.custom || !previous.text) return false;
    if (!record.custom || record.custom.type !== "read_back" || record.text) return false;
    previous.custom = record.custom;
    previous.text = "";
    return true;
  }
  function absorbCards(list) {
    return list.filter(function (record, index) {
      return !(index > 0 && absorbCard(list[index - 1], record));
    });
  }

  function onBotMessage(payload) {
    if (!payload || typeof payload !== "object") return;
    var id = payload.id || "b-" + uid();
    for (var i = 0; i < records.length; i++) {
      if (records[i].id === id) return; // already shown (history and live overlap)
    }
    var record = historyRecord(Object.assign({}, payload, { id: id, role: "bot" }));
    if (!payload.timestamp) record.ts = Date.now();
    var previous = records[records.length - 1];
    if (absorbCard(previous, record)) {
      updateRecord(previous);
      renderQuickReplies();
      return;
    }
    appendRecord(record);
    if (!isOpen()) setUnread(unread + 1);
    followBot();
  }

  // A message the customer sent from another tab of the same conversation.
  function onUserEcho(payload) {
    if (!payload || typeof payload !== "object" || !payload.id) return;
    for (var i = 0; i < records.length; i++) {
      if (records[i].id === payload.id) return;
    }
    appendRecord(historyRecord(Object.assign({}, payload, { role: "user" })));
    var unknown = (payload.evidence || []).some(function (id) {
      return !evidenceById[id];
    });
    if (unknown) refreshEvidence();
  }

  // --- sending ---------------------------------------------------------------------------

  function sendMessage(text, extra) {
    extra = extra || {};
    var cmid = uid();
    var entry = { cmid: cmid, message: text, ts: Date.now(), attempted: false };
    if (extra.display) entry.display = extra.display;
    if (extra.evidence) entry.evidence = extra.evidence;
    if (extra.withEvidence) entry.with_evidence = true;
    if (extra.captioned) entry.captioned = true;
    outbox.push(entry);
    save("outbox", outbox);
    appendRecord({
      id: "u-" + cmid,
      role: "user",
      text: extra.display || text,
      evidence: extra.evidence,
      ts: entry.ts,
      state: "pending",
    });
    connect();
    emitEntry(entry);
  }
  function emitEntry(entry) {
    if (!socket || !socket.connected || !confirmed || inflight[entry.cmid]) return;
    var metadata = { client_msg_id: entry.cmid, lang: lang };
    if (entry.display) metadata.display = entry.display;
    if (entry.evidence) metadata.evidence = entry.evidence;
    // words typed with files go right after them: the bot reads them as the files' caption
    if (entry.with_evidence) metadata.with_evidence = true;
    // files with words typed beside them: the bot waits for the words before asking
    if (entry.captioned) metadata.captioned = true;
    if (orderId) metadata.page = { order_id: orderId };
    var retry = entry.attempted;
    entry.attempted = true;
    save("outbox", outbox);
    inflight[entry.cmid] = true;
    updateTyping();
    var sentOn = socket.id;
    socket.timeout(60000).emit(
      "user_uttered",
      { message: entry.message, session_id: session.session_id, metadata: metadata, retry: retry },
      function (err, ack) {
        delete inflight[entry.cmid];
        if (err) {
          // no answer in time: ask again (the server handles each message id once)
          updateTyping();
          if (socket.connected && socket.id === sentOn) emitEntry(entry);
          return;
        }
        if (ack && (ack.status === "ok" || ack.status === "duplicate")) {
          outbox = outbox.filter(function (e) {
            return e.cmid !== entry.cmid;
          });
          save("outbox", outbox);
          for (var i = 0; i < records.length; i++) {
            if (records[i].id === "u-" + entry.cmid) {
              records[i].state = "sent";
              updateRecord(records[i]);
            }
          }
        }
        updateTyping();
      }
    );
  }
  function flushOutbox() {
    outbox.forEach(function (entry) {
      var shown = records.some(function (r) {
        return r.id === "u-" + entry.cmid;
      });
      if (!shown) {
        appendRecord({
          id: "u-" + entry.cmid,
          role: "user",
          text: entry.display || entry.message,
          evidence: entry.evidence,
          ts: entry.ts,
          state: "pending",
        });
      }
      emitEntry(entry);
    });
  }
  function submit() {
    var text = input.value.replace(/^\s+|\s+$/g, "");
    var uploading = tray.some(function (item) {
      return item.status !== "done";
    });
    var ready = tray.filter(function (item) {
      return item.status === "done";
    });
    if (uploading && (ready.length || !text)) {
      notice(T.waitUploads);
      return;
    }
    if (ready.length) {
      var ids = ready.map(function (item) {
        return item.evidence.id;
      });
      tray = [];
      renderTray();
      sendMessage("/send_evidence", { display: fmt(T.evidenceSent, { n: ids.length }), evidence: ids, captioned: !!text });
    }
    if (text) {
      sendMessage(text, { withEvidence: ready.length > 0 });
      input.value = "";
      autosize();
    }
    input.focus();
  }
  input.addEventListener("keydown", function (event) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME candidate is not a send.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 120) + "px";
  }
  input.addEventListener("input", autosize);

  // --- evidence --------------------------------------------------------------------------

  function mb(bytes) {
    return Math.round(bytes / 1048576) + " MB";
  }
  function addFiles(files) {
    Array.prototype.forEach.call(files || [], function (file) {
      var type = file.type || "";
      // a file of another or no declared type may still be media (the server reads its
      // bytes), but nothing above the largest limit can be taken: refuse it before sending
      var largest = Math.max(limits.max_image_bytes, limits.max_video_bytes);
      var limit = type.indexOf("image/") === 0 ? limits.max_image_bytes : type.indexOf("video/") === 0 ? limits.max_video_bytes : largest;
      if (file.size > limit) {
        notice(fmt(T.tooLarge, { name: file.name, img: mb(limits.max_image_bytes), vid: mb(limits.max_video_bytes) }));
        return;
      }
      var item = {
        local: uid(),
        file: file,
        name: file.name || "image.png",
        status: "waiting",
        progress: 0,
        preview: type.indexOf("image/") === 0 && window.URL ? URL.createObjectURL(file) : null,
      };
      tray.push(item);
      upload(item);
    });
    renderTray();
    connect();
  }
  function dropTrayItem(item) {
    tray = tray.filter(function (other) {
      return other !== item;
    });
    renderTray();
  }
  function upload(item) {
    if (!session || !confirmed) {
      item.status = "waiting";
      return;
    }
    item.status = "uploading";
    var xhr = new XMLHttpRequest();
    item.xhr = xhr;
    // lang: the server words its refusals in the script this widget shows
    xhr.open(
      "POST",
      server + "/evidence/" + encodeURIComponent(session.session_id) + "?lang=" + encodeURIComponent(lang)
    );
    xhr.setRequestHeader("Authorization", "Bearer " + session.token);
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) {
        item.progress = event.loaded / event.total;
        if (item.bar) item.bar.value = Math.round(item.progress * 100);
      }
    };
    xhr.onload = function () {
      item.xhr = null;
      var body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        body = null;
      }
      if ((xhr.status === 201 || xhr.status === 200) && body && body.evidence) {
        var evidence = body.evidence;
        var duplicate = tray.some(function (other) {
          return other !== item && other.evidence && other.evidence.id === evidence.id;
        });
        if (duplicate || isSent(evidence.id)) {
          dropTrayItem(item);
          notice(fmt(T.duplicate, { name: item.name }));
          return;
        }
        evidence.preview = item.preview;
        evidenceById[evidence.id] = evidence;
        item.evidence = evidence;
        item.status = "done";
        renderTray();
        return;
      }
      dropTrayItem(item);
      // a proxy in front of the server refuses big bodies with its own page: retrying won't help
      var fallback = xhr.status === 413 ? T.refusedAsTooLarge : T.uploadFailed;
      notice(body && body.error && body.error.message ? body.error.message : fmt(fallback, { name: item.name }));
    };
    xhr.onerror = function () {
      item.xhr = null;
      dropTrayItem(item);
      notice(fmt(T.uploadFailed, { name: item.name }));
    };
    var form = new FormData();
    form.append("file", item.file, item.name);
    xhr.send(form);
    renderTray();
  }
  function isSent(evidenceId) {
    return records.some(function (r) {
      return r.evidence && r.evidence.indexOf(evidenceId) >= 0;
    });
  }
  function removeTrayItem(item) {
    if (item.xhr) item.xhr.abort();
    if (item.evidence && session) {
      var xhr = new XMLHttpRequest();
      xhr.open(
        "DELETE",
        server + "/evidence/" + encodeURIComponent(session.session_id) + "/" + encodeURIComponent(item.evidence.id)
      );
      xhr.setRequestHeader("Authorization", "Bearer " + session.token);
      xhr.send();
      delete evidenceById[item.evidence.id];
    }
    dropTrayItem(item);
    input.focus();
  }
  function renderTray() {
    trayList.textContent = "";
    trayList.hidden = tray.length === 0;
    tray.forEach(function (item) {
      var thumbUrl = item.evidence && item.evidence.thumbnail_url ? absolute(item.evidence.thumbnail_url) : item.preview;
      var thumb = el("div", { class: "thumb" }, [
        thumbUrl ? el("img", { src: thumbUrl, alt: "" }) : el("span", { text: "▶ " + T.video }),
      ]);
      var children = [thumb, el("span", { class: "name", text: item.name, title: item.name })];
      if (item.status !== "done") {
        item.bar = el("progress", {
          max: "100",
          value: String(Math.round(item.progress * 100)),
          "aria-label": T.uploading + " " + item.name,
        });
        children.push(item.bar);
      } else {
        item.bar = null;
      }
      children.push(
        el("button", {
          class: "remove",
          type: "button",
          "aria-label": T.remove + " " + item.name,
          title: T.remove,
          text: "×",
          onclick: function () {
            removeTrayItem(item);
          },
        })
      );
      trayList.appendChild(el("li", { "data-status": item.status }, children));
    });
    var busy = tray.some(function (item) {
      return item.status !== "done";
    });
    sendButton.setAttribute("aria-disabled", busy ? "true" : "false");
  }
  function refreshEvidence() {
    if (!session) return;
    var xhr = new XMLHttpRequest();
    xhr.open("GET", server + "/evidence/" + encodeURIComponent(session.session_id));
    xhr.setRequestHeader("Authorization", "Bearer " + session.token);
    xhr.onload = function () {
      if (xhr.status !== 200) return;
      var body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        return;
      }
      (body.evidence || []).forEach(function (item) {
        var known = evidenceById[item.id];
        if (known && known.preview) item.preview = known.preview;
        evidenceById[item.id] = item;
        var inTray = tray.some(function (t) {
          return t.evidence && t.evidence.id === item.id;
        });
        if (!inTray && !isSent(item.id)) {
          // uploaded before a reload but not sent yet: back into the tray
          tray.push({ local: uid(), name: item.filename, status: "done", progress: 1, evidence: item });
        }
      });
      renderTray();
      records.forEach(function (r) {
        if (r.evidence) updateRecord(r);
      });
    };
    xhr.send();
  }

  var dragDepth = 0;
  panel.addEventListener("dragenter", function (event) {
    if (!event.dataTransfer || Array.prototype.indexOf.call(event.dataTransfer.types || [], "Files") < 0) return;
    event.preventDefault();
    dragDepth += 1;
    dropZone.hidden = false;
  });
  panel.addEventListener("dragover", function (event) {
    if (!dropZone.hidden) event.preventDefault();
  });
  panel.addEventListener("dragleave", function () {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) dropZone.hidden = true;
  });
  panel.addEventListener("drop", function (event) {
    event.preventDefault();
    dragDepth = 0;
    dropZone.hidden = true;
    if (event.dataTransfer && event.dataTransfer.files) addFiles(event.dataTransfer.files);
  });
  input.addEventListener("paste", function (event) {
    var files = event.clipboardData && event.clipboardData.files;
    if (files && files.length) {
      event.preventDefault();
      addFiles(files);
    }
  });

  // --- start -----------------------------------------------------------------------------

  function mount() {
    if (started) return;
    started = true;
    (document.body || document.documentElement).appendChild(host);
    outbox.forEach(function (entry) {
      appendRecord({
        id: "u-" + entry.cmid,
        role: "user",
        text: entry.display || entry.message,
        evidence: entry.evidence,
        ts: entry.ts,
        state: "pending",
      });
    });
    var wasOpen = false;
    try {
      wasOpen = sessionStorage.getItem(storeKey + ":open") === "1";
    } catch (e) {
      /* ignore */
    }
    if (wasOpen || dataset.open === "true") open();
    else if (session || outbox.length) connect(); // resume quietly: unread replies show on the badge
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  window.ComplaintWidget = {
    open: open,
    close: function () {
      close(false);
    },
    toggle: toggle,
    send: function (text) {
      if (text) sendMessage(String(text));
    },
  };
}
