// counter.js - the clerk's counter page: log in, the counter's state, the
// visitor at the counter with their wait and service time against the
// limits, the queue ahead, postponed visitors, and the dialogs for
// transfer, postponement, intake, complaints and papers.  Every word comes
// from po/ through _(); the server decides every rule, the page only asks.
"use strict";

// Each language named in itself, so a clerk finds theirs whatever is shown.

function pageWords() {
	return {
		title: _("Clerk's console"),
		language: _("Language"),
		logout: _("Log out"),
		loginTitle: _("Log in to your counter"),
		clerkName: _("Your full name"),
		pin: _("PIN"),
		counterNo: _("Counter number"),
		logIn: _("Log in"),
		currentVisitor: _("Visitor at the counter"),
		waited: _("Waited"),
		serviceTime: _("Service time"),
		callNext: _("Call next"),
		recall: _("Call again"),
		start: _("Visitor came: start"),
		served: _("Visitor served"),
		noShow: _("Visitor did not come"),
		transfer: _("Transfer"),
		postpone: _("Postpone"),
		cancelVisit: _("Cancel the visit"),
		queueAhead: _("Waiting for this counter"),
		service: _("Service"),
		waiting: _("Waiting"),
		longestWait: _("Longest wait"),
		postponed: _("Postponed visitors"),
		counterAndPapers: _("Counter and papers"),
		openCounter: _("Open the counter"),
		pauseCounter: _("Pause"),
		closeCounter: _("Close the counter"),
		intake: _("Take an application"),
		complaint: _("Register a complaint"),
		printAgain: _("Print a paper"),
		no: _("No, go back"),
		back: _("Back"),
		transferTitle: _("Transfer the visitor to another service"),
		toService: _("To the service"),
		comment: _("Comment for the next clerk"),
		fromCounter: _("Transferred with the comment:"),
		transferDo: _("Transfer"),
		postponeTitle: _("Postpone the visitor"),
		reason: _("Reason"),
		minutes: _("Minutes to come back"),
		postponeDo: _("Postpone"),
		printTitle: _("Print a paper on this counter's printer"),
		paper: _("Paper"),
		receipt: _("Receipt of documents"),
		notice: _("Notice of missing documents"),
		talon: _("Complaint talon"),
		paperNumber: _("Its number"),
		paperNumberExample: _("for example 2026-0001"),
		printDo: _("Print"),
		intakeTitle: _("Take an application's documents"),
		documents: _("Documents handed in"),
		act: _("Act of assessed value"),
		actZone: _("Zone or land type"),
		actArea: _("Area, ha"),
		actRate: _("Base rate, tenge/ha"),
		actCoef: _("Coefficient"),
		actValue: _("Value, tenge"),
		actAddRow: _("Add a row"),
		actTotal: _("Total, tenge"),
		intakeDo: _("Register the application"),
		complaintTitle: _("Register a complaint"),
		complainant: _("Complainant's full name"),
		contact: _("Contact: address, phone or e-mail"),
		complaintKind: _("About"),
		kindService: _("how the service was given"),
		kindResult: _("the result of the service"),
		complaintText: _("The complaint"),
		complaintDo: _("Register and print the talon"),
	};
}

// Each frequent action by a key (shown on its button too).
const KEYS = {
	n: "next",
	r: "recall",
	s: "start",
	f: "served",
	x: "no_show",
	t: "transfer",
	p: "postpone",
	c: "cancelled",
	o: "open",
	z: "pause",
	i: "intake",
	k: "complaint",
};

const state = {
	session: null,
	counter: null,
	services: [],
	form: null,
	refreshing: false,
	again: false,
	stream: null,
	online: false,
};

const $ = (id) => document.getElementById(id);

// ---- words and language -------------------------------------------------

function showWords() {
	K.applyWords(pageWords());
	document.title = _("Clerk's console") + " · Kezek";
	K.showLangs();
	// each key with its button's words (the letters are the keys themselves)
	const w = pageWords();
	const labels = { next: w.callNext, recall: w.recall, start: w.start, served: w.served,
		no_show: w.noShow, transfer: w.transfer, postpone: w.postpone, cancelled: w.cancelVisit,
		open: w.openCounter, pause: w.pauseCounter, intake: w.intake, complaint: w.complaint };
	$("keys-hint").textContent =
		_("Keys:") + " " + Object.entries(KEYS).map(([k, a]) => k.toUpperCase() + " " + labels[a]).join(" · ");
	if (state.session) showWho();
	if (state.counter) render();
}

function showWho() {
	$("who").textContent = K.fill(_("Counter %s · %s"), state.session.counter, state.session.name);
}

async function switchLang(lang) {
	try {
		if (state.session) {
			const s = await K.api("POST", "/api/lang", { lang });
			state.session = Object.assign(state.session, s);
		}
		await K.loadWords(lang);
		K.clearMessages(); // they were said in the other language
		await loadServices();
		showWords();
		await refresh(); // the services' names in the new language
	} catch (e) {
		K.message("error", e.message);
	}
}

// ---- session --------------------------------------------------------------

async function start() {
	let lang = K.savedLang();
	let session = null;
	try {
		session = await K.api("GET", "/api/session");
		if (session.role !== "clerk") session = null;
		else lang = session.lang || lang;
	} catch (e) {
		session = null;
	}
	try {
		await K.loadWords(lang);
	} catch (e) {
		// the page cannot say anything without its words: say it in both
		document.body.hidden = false;
		document.body.textContent =
			"Сервер жауап бермейді / Сервер не отвечает: " + e.message;
		return;
	}
	showWords();
	document.body.hidden = false;
	if (session) enter(session);
	else showLogin();
}

function showLogin() {
	state.session = null;
	state.counter = null;
	if (state.stream) state.stream.close();
	state.stream = null;
	$("work-view").hidden = true;
	$("logout").hidden = true;
	$("who").textContent = "";
	$("counter-state").textContent = "";
	$("counter-state").className = "badge";
	$("conn").textContent = "";
	$("login-view").hidden = false;
	$("login-pin").value = "";
	($("login-name").value ? $("login-pin") : $("login-name")).focus();
}

async function login(ev) {
	ev.preventDefault();
	const body = {
		role: "clerk",
		name: $("login-name").value.trim(),
		pin: $("login-pin").value,
		counter: parseInt($("login-counter").value, 10),
		lang: K.lang(),
	};
	try {
		const s = await K.api("POST", "/api/login", body);
		K.clearMessages();
		enter(s);
	} catch (e) {
		$("login-pin").value = "";
		$("login-pin").focus();
		K.message("error", e.message);
	}
}

async function enter(session) {
	state.session = session;
	K.setSession(session);
	$("login-view").hidden = true;
	$("work-view").hidden = false;
	$("logout").hidden = false;
	showWho();
	await loadServices();
	state.stream = K.stream(refresh, (online) => {
		state.online = online;
		showConnection();
	});
	await refresh();
	const first = document.querySelector("#visitor-actions button:not([disabled])");
	if (first) first.focus();
}

async function logout() {
	try {
		await K.api("POST", "/api/logout");
	} catch (e) {
		// the session is gone either way
	}
	K.clearMessages();
	showLogin();
}

function showConnection() {
	const c = $("conn");
	c.textContent = state.online ? "" : _("Connection lost: reconnecting…");
	c.className = state.online ? "conn" : "conn lost";
}

// ---- the counter ----------------------------------------------------------

async function loadServices() {
	if (!state.session) return;
	try {
		state.services = await K.api("GET", "/api/services");
	} catch (e) {
		state.services = [];
	}
}

// One fetch at a time; a change during a fetch fetches once more after it.
async function refresh() {
	if (!state.session) return;
	if (state.refreshing) {
		state.again = true;
		return;
	}
	state.refreshing = true;
	try {
		do {
			state.again = false;
			state.counter = await K.api("GET", "/api/counter");
			render();
		} while (state.again);
	} catch (e) {
		failed(e);
	} finally {
		state.refreshing = false;
	}
}

function failed(e) {
	if (e.status === 401) {
		showLogin();
		K.message("error", e.message);
	} else if (e.status === 0) {
		state.online = false;
		showConnection();
	} else {
		K.message("error", e.message);
	}
}

function counterStateText(s) {
	if (s === "open") return _("open");
	if (s === "paused") return _("paused");
	return _("closed");
}

function render() {
	const c = state.counter;
	if (!c) return;
	const badge = $("counter-state");
	let text = counterStateText(c.state);
	if (c.state === "paused" && c.since)
		text += " · " + K.clockText(K.now() - c.since);
	badge.textContent = text;
	badge.className = "badge state-" + c.state;
	renderCurrent(c);
	renderQueue(c);
	renderPostponed(c);
	enableActions(c);
}

function renderCurrent(c) {
	const cur = c.current;
	$("current").hidden = !cur;
	$("current-empty").hidden = !!cur;
	if (!cur) {
		$("current-empty").textContent =
			c.state === "open"
				? _("Nobody at the counter. Call the next visitor.")
				: c.state === "paused"
					? _("The counter is paused. Open it to call visitors.")
					: _("The counter is closed. Open it to start work.");
		return;
	}
	$("cur-ticket").textContent = cur.ticket;
	$("cur-service").textContent = cur.service_name || cur.service;
	$("cur-state").textContent =
		cur.state === "serving" ? _("in service") : _("called, not come yet");
	$("cur-state").className = "badge cur-" + cur.state;
	$("cur-comment").hidden = !cur.comment;
	$("cur-comment-text").textContent = cur.comment || "";
	tick();
}

// Each service's longest wait goes on between fetches.
function tickQueue(lim) {
	const c = state.counter;
	for (const tr of $("queue").tBodies[0].rows) {
		if (!tr.dataset.waiting) continue;
		const waiting = tr.dataset.waiting !== "0";
		const s = Number(tr.dataset.base) + Math.max(0, K.now() - c.now);
		tr.className = waiting ? "level-" + K.level(s, lim) : "";
		tr.querySelector(".wait").textContent = waiting ? K.clockText(s) : "—";
	}
}

// The timers tick from the server's clock between fetches.
function tick() {
	const c = state.counter;
	if (!c) return;
	if (c.state === "paused" && c.since)
		$("counter-state").textContent =
			counterStateText(c.state) + " · " + K.clockText(K.now() - c.since);
	renderPostponedTimes();
	const lim = c.limits || { wait_seconds: 1800, service_seconds: 1800 };
	tickQueue(lim.wait_seconds);
	const cur = c.current;
	if (!cur) return;
	const waitEnd = cur.called_at || K.now();
	const wait = waitEnd - cur.issued_at;
	$("cur-wait").textContent = K.clockText(wait);
	$("wait-timer").className = "timer level-" + K.level(wait, lim.wait_seconds);
	$("wait-limit").textContent = K.fill(_("of %s min"), lim.wait_seconds / 60);
	const since = cur.called_at || K.now();
	const svc = K.now() - since;
	$("cur-service-time").textContent = K.clockText(svc);
	$("service-timer").className = "timer level-" + K.level(svc, lim.service_seconds);
	$("service-limit").textContent = K.fill(_("of %s min"), lim.service_seconds / 60);
	$("service-meter").style.width = Math.min(100, (100 * svc) / lim.service_seconds) + "%";
}

function renderQueue(c) {
	const body = $("queue").tBodies[0];
	body.replaceChildren();
	const lim = (c.limits && c.limits.wait_seconds) || 1800;
	for (const q of c.queue || []) {
		const tr = K.el(
			"tr",
			{ dataset: { base: String(q.longest_wait_seconds), waiting: String(q.waiting) } },
			K.el("td", { text: q.service + " · " + (q.name || "") }),
			K.el("td", { class: "num", text: String(q.waiting) }),
			K.el("td", { class: "num wait", text: "—" })
		);
		body.append(tr);
	}
	tickQueue(lim);
	if (!body.rows.length)
		body.append(
			K.el("tr", {}, K.el("td", { colspan: "3", text: _("This counter serves no service.") }))
		);
}

function renderPostponed(c) {
	const list = $("postponed");
	list.replaceChildren();
	const can = c.state === "open" && !c.current;
	for (const p of c.postponed || []) {
		const item = K.el(
			"li",
			{ dataset: { until: String(p.until) } },
			K.el("span", { class: "ticket small", text: p.ticket }),
			K.el("span", { class: "reason", text: p.reason || "" }),
			K.el("span", { class: "left" }),
			K.el("button", {
				type: "button",
				text: _("Call back"),
				disabled: can ? null : "disabled",
				"aria-label": K.fill(_("Call back %s"), p.ticket),
				onclick: () => act("return", { ticket: p.ticket }),
			})
		);
		list.append(item);
	}
	if (!list.children.length) list.append(K.el("li", { class: "empty", text: _("None.") }));
	renderPostponedTimes();
}

function renderPostponedTimes() {
	for (const li of $("postponed").querySelectorAll("li[data-until]")) {
		const left = Number(li.dataset.until) - K.now();
		li.querySelector(".left").textContent =
			left > 0
				? K.fill(_("%s left"), K.clockText(left))
				: _("time is up");
		li.classList.toggle("level-over", left <= 0);
	}
}

// Which buttons make sense now; the server still checks every one.
function enableActions(c) {
	const cur = c.current;
	const open = c.state === "open";
	const can = {
		next: open && !cur,
		recall: !!cur && cur.state === "called",
		start: !!cur && cur.state === "called",
		served: !!cur && cur.state === "serving",
		no_show: !!cur && cur.state === "called",
		transfer: !!cur,
		postpone: !!cur,
		cancelled: !!cur,
		open: c.state !== "open",
		pause: open && !cur,
		close: c.state !== "closed" && !cur,
		intake: c.state !== "closed",
		complaint: c.state !== "closed",
		print: true,
	};
	for (const b of document.querySelectorAll("button[data-act]"))
		b.disabled = !can[b.dataset.act];
}

// ---- actions --------------------------------------------------------------

async function act(what, body) {
	const path = {
		next: "/api/counter/next",
		recall: "/api/counter/recall",
		start: "/api/counter/start",
		open: "/api/counter/open",
		pause: "/api/counter/pause",
		close: "/api/counter/close",
		finish: "/api/counter/finish",
		postpone: "/api/counter/postpone",
		return: "/api/counter/return",
	}[what];
	try {
		state.counter = await K.api("POST", path, body);
		render();
		said(what, body);
		focusNext();
		return true;
	} catch (e) {
		failed(e);
		return false;
	}
}

// The focus on the step that comes next (Enter does it): start after a
// call, served after the start, call next when the counter is free; the
// button just pressed is often disabled now and would drop the focus.
function focusNext() {
	const cur = state.counter && state.counter.current;
	const want = !cur ? "next" : cur.state === "called" ? "start" : "served";
	const b = document.querySelector('button[data-act="' + want + '"]');
	if (b && !b.disabled && !document.querySelector("dialog[open]")) b.focus();
}

// What was done, said in a message that stays.
function said(what, body) {
	const cur = state.counter && state.counter.current;
	if ((what === "next" || what === "return") && cur)
		K.message("info", K.fill(_("Called %s."), cur.ticket));
}

// Which opening of the confirmation is the live one.  Escape closes the
// dialog at once but its close event comes a task later: on a busy machine
// after the next opening, whose answer it must not give (nor take).
let confirmOpening = 0;

function confirmDialog(text, okLabel) {
	const opening = ++confirmOpening;
	return new Promise((resolve) => {
		const d = $("confirm-dialog");
		$("confirm-text").textContent = text;
		$("confirm-ok").textContent = okLabel;
		d.returnValue = "";
		const closed = () => {
			if (d.open) return; // a late close of an earlier opening
			d.removeEventListener("close", closed);
			resolve(opening === confirmOpening && d.returnValue === "ok");
		};
		d.addEventListener("close", closed);
		d.showModal();
		$("confirm-ok").focus();
	});
}

async function finish(outcome) {
	const cur = state.counter.current;
	const question = {
		served: _("Finish %s as served? This cannot be undone."),
		no_show: _("Record that %s did not come? This cannot be undone."),
		cancelled: _("Cancel the visit of %s? This cannot be undone."),
	}[outcome];
	const ok = await confirmDialog(
		K.fill(question, cur.ticket),
		{ served: _("Yes, served"), no_show: _("Yes, did not come"), cancelled: _("Yes, cancel") }[
			outcome
		]
	);
	if (!ok) return;
	if (await act("finish", { outcome, ticket: cur.ticket }))
		K.message(
			"info",
			K.fill(
				{
					served: _("%s served."),
					no_show: _("%s recorded as not come."),
					cancelled: _("The visit of %s cancelled."),
				}[outcome],
				cur.ticket
			)
		);
}

async function closeCounter() {
	if (await confirmDialog(_("Close the counter for today?"), _("Yes, close")))
		act("close");
}

function transfer() {
	const cur = state.counter.current;
	const sel = $("transfer-to");
	sel.replaceChildren();
	for (const s of state.services)
		if (s.transfer_to !== false && s.service !== cur.service)
			sel.append(K.el("option", { value: s.service, text: s.service + " · " + s.name }));
	const d = $("transfer-dialog");
	d.returnValue = "";
	d.showModal();
	sel.focus();
}

async function transferClosed() {
	if ($("transfer-dialog").returnValue !== "ok") return;
	const cur = state.counter.current;
	const to = $("transfer-to").value;
	const ok = await act("finish", {
		outcome: "transferred",
		ticket: cur.ticket, // the visitor the clerk sees, never another
		to_service: to,
		comment: $("transfer-comment").value.trim(),
	});
	if (ok) {
		$("transfer-comment").value = "";
		K.message("info", K.fill(_("%s transferred to %s."), cur.ticket, to));
	}
}

function postpone() {
	const list = $("postpone-reasons");
	list.replaceChildren(
		...[
			_("went to make a copy of a document"),
			_("went to fetch a missing document"),
			_("went to pay a fee"),
		].map((r) => K.el("option", { value: r }))
	);
	const d = $("postpone-dialog");
	d.returnValue = "";
	d.showModal();
	$("postpone-reason").focus();
}

async function postponeClosed() {
	if ($("postpone-dialog").returnValue !== "ok") return;
	const cur = state.counter.current;
	const minutes = parseInt($("postpone-minutes").value, 10);
	const ok = await act("postpone", { reason: $("postpone-reason").value.trim(), minutes });
	if (ok) {
		$("postpone-reason").value = "";
		K.message(
			"info",
			K.fill(_("%s postponed for %s min."), cur.ticket, minutes)
		);
	}
}

function printPaper() {
	const d = $("print-dialog");
	d.returnValue = "";
	d.showModal();
	$("print-doc").focus();
}

async function printClosed() {
	if ($("print-dialog").returnValue !== "ok") return;
	const doc = $("print-doc").value;
	const number = $("print-number").value.trim();
	try {
		const r = await K.api("POST", "/api/print", { doc, number });
		K.message("info", K.fill(_("Sent to the printer (job %s)."), r.job));
	} catch (e) {
		failed(e);
	}
}

function run(what) {
	const b = document.querySelector('button[data-act="' + what + '"]');
	if (!b || b.disabled) return;
	if (what === "served" || what === "no_show" || what === "cancelled") finish(what);
	else if (what === "transfer") transfer();
	else if (what === "postpone") postpone();
	else if (what === "close") closeCounter();
	else if (what === "intake") Intake.open();
	else if (what === "complaint") complaintOpen();
	else if (what === "print") printPaper();
	else act(what);
}

function onKey(ev) {
	if (ev.ctrlKey || ev.altKey || ev.metaKey || ev.repeat) return;
	if (!state.session || document.querySelector("dialog[open]")) return;
	const t = ev.target;
	if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
	const what = KEYS[ev.key.toLowerCase()];
	if (!what) return;
	ev.preventDefault();
	run(what);
}

// ---- complaint ------------------------------------------------------------

function complaintOpen() {
	$("complaint-error").textContent = "";
	$("complaint-dialog").showModal();
	$("complaint-name").focus();
}

async function complaintSubmit(ev) {
	ev.preventDefault();
	const body = {
		name: $("complaint-name").value.trim(),
		contact: $("complaint-contact").value.trim(),
		kind: $("complaint-kind").value,
		text: $("complaint-text").value.trim(),
		channel: "in_person",
	};
	try {
		const r = await K.api("POST", "/api/complaints", body);
		$("complaint-dialog").close();
		$("complaint-form").reset();
		K.message(
			"info",
			K.fill(
				r.talon !== "owed"
					? _("Complaint %s registered; its talon is printing.")
					: _("Complaint %s registered; its talon could not be printed now: print it again later."),
				r.complaint
			)
		);
	} catch (e) {
		if (e.status === 401) {
			$("complaint-dialog").close();
			failed(e);
			return;
		}
		$("complaint-error").textContent = e.message;
		const f = e.field && $("complaint-" + e.field);
		if (f) f.focus();
	}
}

// ---- wiring ---------------------------------------------------------------

function wire() {
	$("login-form").addEventListener("submit", login);
	$("logout").addEventListener("click", logout);
	K.langButtons(switchLang);
	for (const b of document.querySelectorAll("button[data-act]"))
		b.addEventListener("click", () => run(b.dataset.act));
	$("transfer-dialog").addEventListener("close", transferClosed);
	$("postpone-dialog").addEventListener("close", postponeClosed);
	$("print-dialog").addEventListener("close", printClosed);
	$("complaint-form").addEventListener("submit", complaintSubmit);
	$("complaint-back").addEventListener("click", () => $("complaint-dialog").close());
	document.addEventListener("keydown", onKey);
	setInterval(tick, 1000);
	Intake.wire();
}

document.addEventListener("DOMContentLoaded", () => {
	wire();
	start();
});
