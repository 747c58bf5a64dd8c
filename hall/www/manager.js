// manager.js - the manager's live page: each service's waiting count and
// longest wait, each counter's state and its visitor's service time, the
// alerts at 25 and 30 minutes, today's figures with a chart by hour, and
// the report as PDF and CSV.  Updated from the hall's stream; the times
// tick from the server's clock between updates.
"use strict";


function pageWords() {
	return {
		title: _("The hall, live"),
		language: _("Language"),
		logout: _("Log out"),
		loginTitle: _("Manager's login"),
		managerName: _("Your full name"),
		pin: _("PIN"),
		logIn: _("Log in"),
		alerts: _("Alerts"),
		services: _("Waiting, by service"),
		service: _("Service"),
		waiting: _("Waiting"),
		longestWait: _("Longest wait"),
		counters: _("Counters"),
		counter: _("Counter"),
		state: _("State"),
		clerk: _("Clerk"),
		visitor: _("Visitor"),
		serviceTime: _("Service time"),
		today: _("Today so far"),
		reports: _("Today's report:"),
		// the file formats by their own names, as the programs that open them say
		reportPdf: _("to print") + " (PDF)",
		reportCsv: _("as a table") + " (CSV)",
	};
}

const state = { session: null, hall: null, stream: null, online: false, busy: false, again: false, timer: 0 };
const $ = (id) => document.getElementById(id);

function showWords() {
	K.applyWords(pageWords());
	document.title = _("The hall, live") + " · Kezek";
	K.showLangs();
	if (state.hall) render();
}

async function switchLang(lang) {
	try {
		if (state.session) state.session = Object.assign(state.session, await K.api("POST", "/api/lang", { lang }));
		await K.loadWords(lang);
		K.clearMessages(); // they were said in the other language
		showWords();
		if (state.session) refresh();
	} catch (e) {
		K.message("error", e.message);
	}
}

async function start() {
	let lang = K.savedLang();
	let session = null;
	try {
		session = await K.api("GET", "/api/session");
		if (session.role !== "manager" && session.role !== "administrator") session = null;
		else lang = session.lang || lang;
	} catch (e) {
		session = null;
	}
	try {
		await K.loadWords(lang);
	} catch (e) {
		document.body.hidden = false;
		document.body.textContent = "Сервер жауап бермейді / Сервер не отвечает: " + e.message;
		return;
	}
	showWords();
	document.body.hidden = false;
	if (session) enter(session);
	else showLogin();
}

function showLogin() {
	clearTimeout(state.timer);
	state.session = null;
	state.hall = null;
	if (state.stream) state.stream.close();
	state.stream = null;
	$("live-view").hidden = true;
	$("logout").hidden = true;
	$("who").textContent = "";
	$("conn").textContent = "";
	$("login-view").hidden = false;
	$("login-pin").value = "";
	$("login-name").focus();
}

async function login(ev) {
	ev.preventDefault();
	try {
		const s = await K.api("POST", "/api/login", {
			role: "manager",
			name: $("login-name").value.trim(),
			pin: $("login-pin").value,
			lang: K.lang(),
		});
		K.clearMessages();
		enter(s);
	} catch (e) {
		$("login-pin").value = "";
		$("login-pin").focus();
		K.message("error", e.message);
	}
}

function enter(session) {
	state.session = session;
	K.setSession(session);
	$("login-view").hidden = true;
	$("live-view").hidden = false;
	$("logout").hidden = false;
	$("who").textContent = session.name;
	state.stream = K.stream(refresh, (online) => {
		state.online = online;
		$("conn").textContent = online ? "" : _("Connection lost: reconnecting…");
		$("conn").className = online ? "conn" : "conn lost";
	});
	refresh();
}

async function logout() {
	try {
		await K.api("POST", "/api/logout");
	} catch (e) {
		// gone either way
	}
	showLogin();
}

async function refresh() {
	if (!state.session) return;
	if (state.busy) {
		state.again = true;
		return;
	}
	state.busy = true;
	try {
		do {
			state.again = false;
			state.hall = await K.api("GET", "/api/hall");
			state.fetchedAt = K.now();
			render();
		} while (state.again);
	} catch (e) {
		if (e.status === 401) {
			showLogin();
			K.message("error", e.message);
		} else if (e.status !== 0) K.message("error", e.message);
	} finally {
		state.busy = false;
	}
}

// Seconds since the last fetch: the hall's times go on between changes.
function elapsed() {
	return state.hall ? Math.max(0, K.now() - state.hall.now) : 0;
}

function limits() {
	return (state.hall && state.hall.limits) || { wait_seconds: 1800, service_seconds: 1800 };
}

function render() {
	const h = state.hall;
	if (!h) return;
	renderAlerts(h);
	renderToday(h);
	renderReports(h);
	tick();
	refreshAtNextLimit(h);
}

// Time alone brings a wait or a service past 25 or 30 minutes, with no
// commit to announce it: fetch again when the next one is due (the
// longest waits and the services the page knows of), and at least once a
// minute while anyone waits, for the tickets behind the longest.
function refreshAtNextLimit(h) {
	clearTimeout(state.timer);
	const lim = limits();
	const marks = (limit) => [limit - 300, limit];
	const ages = [];
	for (const s of h.services || []) if (s.waiting > 0) ages.push([s.longest_wait_seconds, lim.wait_seconds]);
	for (const c of h.counters || [])
		if (c.ticket && typeof c.service_seconds === "number") ages.push([c.service_seconds, lim.service_seconds]);
	let next = ages.length ? 60 : Infinity;
	for (const [age, limit] of ages)
		for (const m of marks(limit)) if (m > age) next = Math.min(next, m - age);
	if (next !== Infinity) state.timer = setTimeout(refresh, (next + 0.5) * 1000);
}

function timeCell(seconds, limit) {
	const td = K.el("td", { class: "time level-" + K.level(seconds, limit) });
	td.append(
		K.el("span", { class: "time-value", text: K.clockText(seconds) }),
		K.el("span", { class: "meter", "aria-hidden": "true" }, K.el("span"))
	);
	td.querySelector(".meter span").style.width = Math.min(100, (100 * seconds) / limit) + "%";
	return td;
}

function renderServices(h) {
	const body = $("services").tBodies[0];
	body.replaceChildren();
	const lim = limits().wait_seconds;
	for (const s of h.services || []) {
		const wait = s.waiting > 0 ? s.longest_wait_seconds + elapsed() : 0;
		body.append(
			K.el(
				"tr",
				{},
				K.el("td", { text: s.service + " · " + (s.name || "") }),
				K.el("td", { class: "num", text: String(s.waiting) }),
				s.waiting > 0 ? timeCell(wait, lim) : K.el("td", { text: "—" })
			)
		);
	}
}

function counterState(c) {
	if (c.state === "open" && c.ticket)
		return c.ticket_state === "called" ? _("called, not come yet") : c.ticket_state === "serving" ? _("in service") : _("with a visitor");
	if (c.state === "open") return _("open, free");
	if (c.state === "paused")
		return c.since ? K.fill(_("paused for %s"), K.clockText(K.now() - c.since)) : _("paused");
	return _("closed");
}

function renderCounters(h) {
	const body = $("counters").tBodies[0];
	body.replaceChildren();
	const lim = limits().service_seconds;
	for (const c of h.counters || []) {
		const svc = c.ticket && c.service_seconds !== null && c.service_seconds !== undefined
			? c.service_seconds + elapsed()
			: null;
		body.append(
			K.el(
				"tr",
				{ class: "state-" + c.state },
				K.el("th", { scope: "row", text: String(c.counter) }),
				K.el("td", { class: "counter-state", text: counterState(c) }),
				K.el("td", { text: c.clerk || "—" }),
				K.el("td", { text: c.ticket ? c.ticket + (c.service ? " · " + c.service : "") : "—" }),
				svc !== null ? timeCell(svc, lim) : K.el("td", { text: "—" })
			)
		);
	}
}

function renderAlerts(h) {
	const list = $("alerts");
	list.replaceChildren();
	const alerts = [...(h.alerts || [])].sort((a, b) => b.level - a.level || b.seconds - a.seconds);
	for (const a of alerts) {
		const minutes = Math.floor((a.seconds + elapsed()) / 60);
		const text =
			a.kind === "wait"
				? K.fill(
						a.level >= 30
							? _("%s has waited %s min: past the 30-minute limit.")
							: _("%s has waited %s min: the 30-minute limit is near."),
						a.ticket,
						minutes
					)
				: K.fill(
						a.level >= 30
							? _("%s at counter %s for %s min: past the 30-minute service limit.")
							: _("%s at counter %s for %s min: the 30-minute service limit is near."),
						a.ticket,
						a.counter,
						minutes
					);
		list.append(K.el("li", { class: "alert level-" + (a.level >= 30 ? "over" : "warn"), text }));
	}
	if (!list.children.length) list.append(K.el("li", { class: "empty", text: _("No waits or services near the limits.") }));
}

// The server gives the shares in per cent (0-100), null before anyone counts.
function percent(share) {
	return share === null || share === undefined ? "—" : Math.round(share) + "%";
}

function renderToday(h) {
	const t = h.today || {};
	const dl = $("figures");
	dl.replaceChildren();
	const rows = [
		[_("Tickets issued"), String(t.issued ?? 0)],
		[_("Visitors served"), String(t.served ?? 0)],
		[_("Waited under 30 min"), percent(t.within_wait_share)],
		[_("Served within 30 min"), percent(t.within_service_share)],
	];
	for (const [k, v] of rows) dl.append(K.el("div", {}, K.el("dt", { text: k }), K.el("dd", { text: v })));
	drawChart(t.by_hour || []);
}

// Issued and served by hour, two bars an hour, drawn as SVG.
function drawChart(hours) {
	const svg = $("by-hour");
	const NS = "http://www.w3.org/2000/svg";
	svg.replaceChildren();
	const W = 480;
	const H = 150;
	const top = 12;
	const base = H - 22;
	const from = hours.length ? Math.min(9, ...hours.map((x) => x.hour)) : 9;
	const to = hours.length ? Math.max(18, ...hours.map((x) => x.hour)) : 18;
	const n = to - from + 1;
	const max = Math.max(1, ...hours.map((x) => Math.max(x.issued || 0, x.served || 0)));
	const step = (W - 20) / n;
	const mk = (tag, attrs, text) => {
		const e = document.createElementNS(NS, tag);
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
		if (text !== undefined) e.textContent = text;
		svg.append(e);
		return e;
	};
	mk("line", { x1: 10, y1: base, x2: W - 10, y2: base, class: "axis" });
	for (let i = 0; i < n; i++) {
		const hr = from + i;
		const d = hours.find((x) => x.hour === hr) || { issued: 0, served: 0 };
		const x = 10 + i * step;
		const bw = step * 0.36;
		const hi = ((d.issued || 0) / max) * (base - top);
		const hs = ((d.served || 0) / max) * (base - top);
		mk("rect", { x: x + step * 0.12, y: base - hi, width: bw, height: hi, class: "bar-issued" }).append(
			titleOf(K.fill(_("%s:00 issued %s"), hr, d.issued || 0))
		);
		mk("rect", { x: x + step * 0.12 + bw, y: base - hs, width: bw, height: hs, class: "bar-served" }).append(
			titleOf(K.fill(_("%s:00 served %s"), hr, d.served || 0))
		);
		mk("text", { x: x + step / 2, y: H - 6, class: "tick", "text-anchor": "middle" }, String(hr));
	}
	$("chart-caption").replaceChildren(
		K.el("span", { class: "key key-issued" }),
		" " + _("issued") + "  ",
		K.el("span", { class: "key key-served" }),
		" " + _("served") + " · " + _("by hour of the day")
	);
	function titleOf(text) {
		const t = document.createElementNS(NS, "title");
		t.textContent = text;
		return t;
	}
}

function renderReports(h) {
	const day = new Date(h.now * 1000).toLocaleDateString("sv-SE", { timeZone: "Asia/Almaty" });
	const q = "?from=" + day + "&to=" + day + "&lang=" + K.lang();
	$("report-pdf").href = "/api/report.pdf" + q;
	$("report-csv").href = "/api/report.csv" + q;
}

// Each second: the clock, the waits, the pauses and the service times go
// on from the server's "now" (the alerts, a live region, only at fetches).
function tick() {
	if (!state.hall) return;
	$("hall-clock").textContent = K.hhmm(K.now());
	renderServices(state.hall);
	renderCounters(state.hall);
}

document.addEventListener("DOMContentLoaded", () => {
	$("login-form").addEventListener("submit", login);
	$("logout").addEventListener("click", logout);
	K.langButtons(switchLang);
	setInterval(tick, 1000);
	start();
});
