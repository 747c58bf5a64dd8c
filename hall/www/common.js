// common.js - what the counter page and the manager's live page share: the
// API calls (JSON, the session's CSRF token), the words of po/ through
// /api/words, the hall's clock (the server's "now", never the browser's),
// the stream of hall changes, messages that stay until dismissed, and the
// header's language buttons.
"use strict";

const K = (() => {
	// each language's own name, the same in both
	const LANG_NAMES = { kk: "Қазақша", ru: "Русский" };
	let words = {};
	let lang = "kk";
	let csrf = "";
	let clockOffset = 0; // server's now minus the browser's, seconds

	// The translation of an English msgid; the msgid itself only while the
	// catalogue has not come (the pages load it before showing anything).
	function translate(msgid) {
		return Object.prototype.hasOwnProperty.call(words, msgid) && words[msgid] !== ""
			? words[msgid]
			: msgid;
	}

	// printf's %s (or %2$s, when a language puts them in another order)
	// filled from args: xgettext marks such strings javascript-format, so
	// msgfmt --check holds every translation to the same placeholders.
	function fill(text, ...args) {
		let next = 0;
		return text.replace(/%(?:(\d+)\$)?([sd%])/g, (m, pos, type) => {
			if (type === "%") return "%";
			const i = pos ? Number(pos) - 1 : next++;
			return i < args.length ? String(args[i]) : m;
		});
	}

	async function loadWords(want) {
		const res = await fetch("/api/words?lang=" + encodeURIComponent(want), {
			credentials: "same-origin",
		});
		if (!res.ok) throw new Error("words " + res.status);
		const body = await res.json();
		words = body.words || {};
		lang = body.lang || want;
		document.documentElement.lang = lang;
		try {
			localStorage.setItem("kezek.lang", lang);
		} catch (e) {
			// private mode: the choice lasts for this page only
		}
	}

	function savedLang() {
		try {
			const l = localStorage.getItem("kezek.lang");
			if (l === "kk" || l === "ru") return l;
		} catch (e) {
			// no storage: Kazakh, the state language
		}
		return "kk";
	}

	// An API error: the server's one-line message in the session's language.
	class ApiError extends Error {
		constructor(status, body) {
			super((body && body.message) || ApiError.fallback(status));
			this.status = status;
			this.code = (body && body.error) || "";
			this.field = (body && body.field) || "";
			this.retryAfter = 0;
		}
		static fallback(status) {
			if (status === 401) return _("Your session has ended; log in again.");
			if (status === 403) return _("This is not allowed for your login.");
			if (status === 429) return _("Too many tries; wait a little and try again.");
			if (status === 503) return _("The hall database is busy; try again in a moment.");
			if (status === 0) return _("The hall server cannot be reached; check the network.");
			return _("The hall server refused the request.");
		}
	}

	async function api(method, path, body) {
		const opts = { method, credentials: "same-origin", headers: {} };
		if (method !== "GET") opts.headers["X-CSRF-Token"] = csrf;
		if (body !== undefined) {
			opts.headers["Content-Type"] = "application/json";
			opts.body = JSON.stringify(body);
		}
		let res;
		try {
			res = await fetch(path, opts);
		} catch (e) {
			throw new ApiError(0, null);
		}
		let data = null;
		const text = await res.text();
		if (text !== "") {
			try {
				data = JSON.parse(text);
			} catch (e) {
				data = null;
			}
		}
		if (!res.ok) {
			const err = new ApiError(res.status, data);
			err.retryAfter = parseInt(res.headers.get("Retry-After") || "0", 10) || 0;
			throw err;
		}
		if (data && typeof data.now === "number") setNow(data.now);
		return data;
	}

	function setSession(s) {
		csrf = (s && s.csrf) || "";
	}

	function setNow(serverNow) {
		clockOffset = serverNow - Date.now() / 1000;
	}

	// The hall's clock now, seconds, ticking from the server's last "now".
	function now() {
		return Date.now() / 1000 + clockOffset;
	}

	// 75 -> "1:15", 3725 -> "1:02:05": a clerk's stopwatch.
	function clockText(seconds) {
		const s = Math.max(0, Math.floor(seconds));
		const h = Math.floor(s / 3600);
		const m = Math.floor((s % 3600) / 60);
		const ss = String(s % 60).padStart(2, "0");
		return h > 0 ? h + ":" + String(m).padStart(2, "0") + ":" + ss : m + ":" + ss;
	}

	function minutesText(seconds) {
		return fill(_("%s min"), Math.floor(Math.max(0, seconds) / 60));
	}

	// "ok", "warn" (25 minutes of a 30-minute limit) or "over" (the limit).
	function level(seconds, limit) {
		if (seconds >= limit) return "over";
		if (seconds >= limit - 300) return "warn";
		return "ok";
	}

	function hhmm(epoch) {
		const d = new Date(epoch * 1000);
		return d.toLocaleTimeString(lang === "ru" ? "ru-RU" : "kk-KZ", {
			hour: "2-digit",
			minute: "2-digit",
			timeZone: "Asia/Almaty",
		});
	}

	// The hall's stream: onChange at every commit, and once on each
	// (re)connection, since changes may have come while it was away.  A
	// stream the server ended (restarted, or the session is over) is opened
	// again with a growing pause; the page's fetch finds out which it was.
	function stream(onChange, onState) {
		let source = null;
		let retry = 1000;
		let timer = 0;
		let closed = false;
		function connect() {
			if (closed) return;
			source = new EventSource("/api/events");
			source.addEventListener("open", () => {
				retry = 1000;
				onState(true);
				onChange();
			});
			source.addEventListener("change", () => onChange());
			source.addEventListener("error", () => {
				if (closed) return;
				onState(false);
				if (source.readyState === EventSource.CLOSED) {
					source = null;
					timer = setTimeout(connect, retry);
					retry = Math.min(retry * 2, 8000);
					onChange();
				}
			});
		}
		connect();
		return {
			close() {
				closed = true;
				clearTimeout(timer);
				if (source) source.close();
				source = null;
			},
		};
	}

	// Messages stay until the person dismisses them (their button): an
	// error stays whatever comes after it; a report of what was done stays
	// until dismissed or until the next report takes its place, so the
	// desk is not buried under "called A-001" lines.
	function message(kind, text) {
		const box = document.getElementById("messages");
		if (kind === "info") for (const old of box.querySelectorAll(".message.info")) old.remove();
		const item = document.createElement("div");
		item.className = "message " + kind;
		item.setAttribute("role", kind === "error" ? "alert" : "status");
		const span = document.createElement("span");
		span.className = "message-text";
		span.textContent = text;
		const close = document.createElement("button");
		close.type = "button";
		close.className = "message-close";
		close.textContent = "×";
		close.setAttribute("aria-label", _("Dismiss this message"));
		close.addEventListener("click", () => item.remove());
		item.append(span, close);
		box.prepend(item);
		return item;
	}

	function clearMessages() {
		document.getElementById("messages").replaceChildren();
	}

	// Put each word in its place: data-w (text), data-w-label (aria-label),
	// data-w-title (title), data-w-ph (placeholder), from the page's table.
	function applyWords(table) {
		for (const el of document.querySelectorAll("[data-w]")) {
			const t = table[el.dataset.w];
			if (t !== undefined) el.textContent = t;
		}
		for (const el of document.querySelectorAll("[data-w-label]")) {
			const t = table[el.dataset.wLabel];
			if (t !== undefined) el.setAttribute("aria-label", t);
		}
		for (const el of document.querySelectorAll("[data-w-title]")) {
			const t = table[el.dataset.wTitle];
			if (t !== undefined) el.title = t;
		}
		for (const el of document.querySelectorAll("[data-w-ph]")) {
			const t = table[el.dataset.wPh];
			if (t !== undefined) el.placeholder = t;
		}
	}

	// A button for each language in every nav.langs of the page; a click
	// calls pick with the language's code.
	function langButtons(pick) {
		for (const nav of document.querySelectorAll("nav.langs"))
			nav.replaceChildren(
				...Object.keys(LANG_NAMES).map((l) =>
					el("button", { type: "button", class: "lang", dataset: { lang: l }, lang: l, onclick: () => pick(l) })
				)
			);
	}

	// Each language button named, the one of current (the page's language
	// when not given) pressed.
	function showLangs(current) {
		for (const b of document.querySelectorAll(".lang")) {
			b.textContent = LANG_NAMES[b.dataset.lang];
			b.setAttribute("aria-pressed", String(b.dataset.lang === (current || lang)));
		}
	}

	function el(tag, props, ...children) {
		const node = document.createElement(tag);
		for (const [k, v] of Object.entries(props || {})) {
			if (k === "class") node.className = v;
			else if (k === "text") node.textContent = v;
			else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
			else if (k === "dataset") Object.assign(node.dataset, v);
			else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v);
		}
		for (const c of children) if (c !== null && c !== undefined) node.append(c);
		return node;
	}

	return {
		translate,
		fill,
		loadWords,
		savedLang,
		lang: () => lang,
		ApiError,
		api,
		setSession,
		setNow,
		now,
		clockText,
		minutesText,
		level,
		hhmm,
		stream,
		message,
		clearMessages,
		applyWords,
		langButtons,
		showLangs,
		el,
	};
})();

// The one gettext keyword of the pages (tools/po-update.sh: -k_).
function _(msgid) {
	return K.translate(msgid);
}
