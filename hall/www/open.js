// open.js - the public page of waits (/open): for anyone, with no login,
// each service's number waiting, its longest wait now and today's share
// of waits within the limit, from /open/waits.json, asked again every
// POLL_MS; a chart drawn here as inline SVG (waiting, and the longest wait
// against the limit's line).  The longest waits tick from the server's
// clock between answers.  In Kazakh or Russian, the words from po/.
"use strict";

const POLL_MS = 12000;
const NS = "http://www.w3.org/2000/svg";

const state = { feed: null, online: true, timer: 0, tick: 0 };
const $ = (id) => document.getElementById(id);

function pageWords() {
	return {
		title: _("Waits at the office"),
		language: _("Language"),
		services: _("Waiting, by service"),
		service: _("Service"),
		waiting: _("Waiting"),
		longestWait: _("Longest wait"),
		chart: _("Waiting and the longest wait"),
		privacy: _("No names and no ticket numbers: only how many wait and for how long."),
		data: _("The same figures as open data:"),
	};
}

function office() {
	return state.feed && state.feed.offices && state.feed.offices[0];
}

function nameOf(o) {
	return K.lang() === "kk" ? o.name_kk || o.name_ru : o.name_ru || o.name_kk;
}

// a service's longest wait now: the answer's, plus the time since it was made
function longestNow(s) {
	return s.waiting > 0 ? s.longest_wait_seconds + Math.max(0, K.now() - state.feed.now) : 0;
}

function limitMinutes() {
	return Math.round((state.feed ? state.feed.wait_limit_seconds : 1800) / 60);
}

function shareText(s) {
	if (s.today_within_share === null) return _("nobody called yet");
	return K.fill(_("%s%% (%s of %s)"), Math.round(s.today_within_share), s.today_within_limit, s.today_waits);
}

function renderTable() {
	const o = office();
	const limit = state.feed.wait_limit_seconds;
	$("office").textContent = nameOf(o);
	$("within-h").textContent = K.fill(_("Called within %s min today"), limitMinutes());
	// each cell names its column too: on a phone the rows stack, a
	// service above its figures, each figure with its heading
	const heads = [...$("services").tHead.rows[0].cells].map((th) => th.textContent);
	const rows = o.services.map((s) => {
		const wait = longestNow(s);
		return K.el(
			"tr",
			{ dataset: { service: s.service } },
			K.el("td", { class: "service", text: s.service + " · " + nameOf(s), dataset: { label: heads[0] } }),
			K.el("td", { class: "num waiting", text: String(s.waiting), dataset: { label: heads[1] } }),
			K.el("td", { class: "time level-" + K.level(wait, limit), text: s.waiting > 0 ? K.minutesText(wait) : "—", dataset: { label: heads[2] } }),
			K.el("td", { class: "share", text: shareText(s), dataset: { label: heads[3] } })
		);
	});
	$("services").tBodies[0].replaceChildren(...rows);
	$("updated").textContent = K.fill(_("Figures of %s, asked again every few seconds."), K.hhmm(state.feed.now));
}

function svg(tag, attrs, text) {
	const e = document.createElementNS(NS, tag);
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
	if (text !== undefined) e.textContent = text;
	return e;
}

function cut(text, n) {
	return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

// Two panels side by side, a row per service: the people waiting, and the
// longest wait in minutes with the limit marked as a dashed line.  On a
// narrow screen each service's name stands above its bars.
function renderChart() {
	const o = office();
	const limit = state.feed.wait_limit_seconds;
	const chart = $("chart");
	const narrow = chart.clientWidth > 0 && chart.clientWidth < 600;
	const W = narrow ? 420 : 900;
	const rowH = narrow ? 58 : 40;
	const barY = narrow ? 22 : 0; // the bars below the name, or beside it
	const top = 48;
	const height = top + o.services.length * rowH + 10;
	const p1 = narrow ? { x: 0, w: 150 } : { x: 260, w: 220 };
	const p2 = narrow ? { x: 200, w: 180 } : { x: 520, w: 330 };
	const maxWaiting = Math.max(5, ...o.services.map((s) => s.waiting));
	const maxMin = Math.max(limitMinutes() * 1.5, ...o.services.map((s) => longestNow(s) / 60 + 5));
	chart.setAttribute("viewBox", "0 0 " + W + " " + height);
	chart.replaceChildren();
	chart.append(
		svg("text", { x: p1.x, y: 18, class: "panel" }, _("People waiting")),
		svg("text", { x: p2.x, y: 18, class: "panel" }, _("Longest wait, minutes")),
		svg("line", { x1: p1.x, y1: top - 8, x2: p1.x, y2: height - 6, class: "axis" }),
		svg("line", { x1: p2.x, y1: top - 8, x2: p2.x, y2: height - 6, class: "axis" })
	);
	o.services.forEach((s, i) => {
		const y = top + i * rowH;
		const wait = longestNow(s);
		const w1 = (s.waiting / maxWaiting) * p1.w;
		const w2 = (wait / 60 / maxMin) * p2.w;
		const by = y + barY;
		chart.append(
			svg("text", { x: narrow ? 4 : 0, y: y + 17 }, cut(s.service + " · " + nameOf(s), narrow ? 44 : 28)),
			svg("rect", { x: p1.x, y: by, width: Math.max(w1, 0), height: 24, class: "bar-wait" }),
			svg("text", { x: p1.x + w1 + 6, y: by + 17 }, String(s.waiting)),
			svg("rect", { x: p2.x, y: by, width: Math.max(w2, 0), height: 24, class: "bar-long level-" + K.level(wait, limit) }),
			svg("text", { x: p2.x + w2 + 6, y: by + 17 }, s.waiting > 0 ? String(Math.floor(wait / 60)) : "—")
		);
	});
	const lx = p2.x + (limitMinutes() / maxMin) * p2.w;
	chart.append(
		svg("line", { x1: lx, y1: top - 14, x2: lx, y2: height - 6, class: "limit" }),
		svg("text", { x: lx + 4, y: top - 14, class: "limit-text" }, K.fill(_("limit: %s min"), limitMinutes()))
	);
	chart.setAttribute("aria-label", _("Waiting and the longest wait"));
	$("chart-caption").textContent = K.fill(
		_("The dashed line is the limit of %s minutes a visitor may wait."),
		limitMinutes()
	);
}

function render() {
	if (!state.feed) return;
	renderTable();
	renderChart();
}

function showWords() {
	K.applyWords(pageWords());
	document.title = _("Waits at the office") + " · Kezek";
	K.showLangs();
	render();
}

function showOnline(online) {
	state.online = online;
	const c = $("conn");
	c.classList.toggle("lost", !online);
	c.textContent = online ? "" : _("Connection lost: reconnecting…");
}

async function poll() {
	clearTimeout(state.timer);
	try {
		state.feed = await K.api("GET", "/open/waits.json");
		showOnline(true);
		render();
	} catch (e) {
		showOnline(false);
	}
	state.timer = setTimeout(poll, POLL_MS);
}

async function switchLang(lang) {
	try {
		await K.loadWords(lang);
		showWords();
	} catch (e) {
		showOnline(false);
	}
}

async function start() {
	try {
		await K.loadWords(K.savedLang());
	} catch (e) {
		document.body.hidden = false;
		document.body.textContent = "Server: " + e.message;
		return;
	}
	K.langButtons(switchLang);
	showWords();
	document.body.hidden = false;
	await poll();
	state.tick = setInterval(render, 1000);
}

start();
