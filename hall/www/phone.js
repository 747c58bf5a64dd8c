// phone.js - the visitor's phone page (/t/TOKEN, the QR code of a ticket):
// the ticket's number, service, the people ahead and the expected wait,
// asked of GET /api/visit/TOKEN every few seconds; once called, which
// counter, large, and a vibration where the phone allows.  Kazakh or
// Russian (the ticket's language first, ?lang=); nothing personal, no
// account, no cookie.
"use strict";

(() => {
	const POLL_MS = 3000; // the server's answer is small; a phone asks this often
	const token = location.pathname.replace(/^\/t\//, "");
	const params = new URLSearchParams(location.search);
	let lang = params.get("lang") === "ru" ? "ru" : "kk"; // the ticket's language
	let last = null; // the last answer
	let timer = 0;
	let failures = 0;
	let over = false; // the link no longer works: stop asking
	let asked = 0; // polls started: an answer older than the last asked is dropped

	const $ = (id) => document.getElementById(id);

	function show(id, text) {
		$(id).textContent = text || "";
	}

	// The wait as the kiosk tells it.
	function waitText(v) {
		const e = v.estimate;
		if (v.ahead === 0 && (!e || e.high_min <= 5)) return _("You will be called next");
		if (!e) return "";
		if (e.after_close) return K.fill(_("The queue is long: you may not be called before closing at %s"), K.hhmm(e.close_at));
		if (e.after_lunch) return K.fill(_("You will be called after the lunch break, at about %s"), K.hhmm(e.call_at));
		if (e.low_min === 0) return K.fill(_("Expected wait: up to %s min"), e.high_min);
		return K.fill(_("Expected wait: %s–%s min"), e.low_min, e.high_min);
	}

	function draw() {
		document.documentElement.lang = lang;
		document.title = _("Your turn") + " · Kezek";
		K.showLangs(lang);
		$("langs").setAttribute("aria-label", _("Language"));
		show("note", _("This page shows only your ticket's number; keep the paper ticket with you."));
		const v = last;
		if (v === null) return;
		document.body.dataset.state = v.state;
		show("service", v.service_name);
		show("number-label", _("Your ticket"));
		show("number", v.number);
		$("counter").hidden = true;
		let head = "";
		let detail = "";
		if (v.state === "waiting") {
			head = v.ahead === 0 ? _("Nobody is ahead of you") : K.fill(_("Ahead of you in the queue: %s"), v.ahead);
			detail = waitText(v);
		} else if (v.state === "called") {
			head = _("Your number is called");
			$("counter").hidden = false;
			show("counter", K.fill(_("Go to counter %s"), v.counter));
			detail = v.recalls > 0 ? _("You are called again: please hurry.") : _("Please go to the counter now.");
		} else if (v.state === "serving") {
			head = K.fill(_("You are being served at counter %s"), v.counter);
		} else if (v.state === "postponed") {
			head = _("Your visit is set aside for a while");
			detail = _("Come back to the same counter when you are ready.");
		} else if (v.outcome === "served") {
			head = _("Your visit is over. Thank you!");
			detail = _("You can rate the service at the kiosk with the code on your ticket.");
		} else if (v.outcome === "no_show") {
			head = _("Your number was called, but you did not come.");
			detail = _("Take a new ticket at the kiosk.");
		} else {
			head = _("This ticket is no longer in the queue.");
			detail = _("Take a new ticket at the kiosk.");
		}
		show("headline", head);
		show("detail", detail);
		show("updated", K.fill(_("Updated at %s"), K.hhmm(K.now())));
	}

	function gone(message) {
		over = true;
		last = null;
		document.body.dataset.state = "gone";
		for (const id of ["service", "number-label", "number", "counter", "detail", "updated"]) show(id, "");
		$("counter").hidden = true;
		show("headline", message || _("This link is not known or no longer valid: a ticket's link works on the day the ticket was taken."));
	}

	// A call: the phone buzzes where it can (a new call, or a call again).
	function buzz(prev, v) {
		const called = v.state === "called" && (!prev || prev.state !== "called" || v.recalls !== prev.recalls);
		if (called && typeof navigator.vibrate === "function") {
			try {
				navigator.vibrate([400, 200, 400, 200, 400]);
			} catch (e) {
				// not allowed before a touch on some phones: the page says it anyway
			}
		}
	}

	async function poll() {
		clearTimeout(timer);
		if (over) return;
		const mine = ++asked;
		try {
			const v = await K.api("GET", "/api/visit/" + encodeURIComponent(token) + "?lang=" + lang);
			if (mine !== asked) return; // a newer question (another language) is on its way
			buzz(last, v);
			last = v;
			failures = 0;
			show("conn", "");
			draw();
		} catch (e) {
			if (mine !== asked) return;
			if (e.status === 404) {
				gone(e.message);
				return;
			}
			failures++;
			show("conn", e.status === 429 ? _("Too many tries; wait a little and try again.") : _("No connection; trying again…"));
		}
		timer = setTimeout(poll, pause(failures));
	}

	// After failures, ask less often (up to 15 s), so a hall full of phones
	// does not hammer a server that is restarting.
	function pause(n) {
		return n === 0 ? POLL_MS : Math.min(15000, POLL_MS * (n + 1));
	}

	async function setLang(want) {
		lang = want;
		try {
			await K.loadWords(lang);
		} catch (e) {
			// the words come with the next answer's retry
		}
		const url = new URL(location.href);
		url.searchParams.set("lang", lang);
		history.replaceState(null, "", url.pathname + url.search);
		// the service's name comes in the new language with the answer:
		// the page changes once, whole, never half in each language
		await poll();
		if (over || failures > 0) draw();
	}

	document.addEventListener("visibilitychange", () => {
		if (document.visibilityState === "visible") poll();
	});
	K.langButtons(setLang);

	(async () => {
		try {
			await K.loadWords(lang);
		} catch (e) {
			// shown in English until the words come
		}
		document.body.hidden = false;
		draw();
		poll();
	})();
})();
