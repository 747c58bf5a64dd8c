// counter-page.js - a clerk's morning on the counter page in headless
// Chromium: a wrong PIN then the right one, open, call, start, served
// (confirmed), a no-show (confirmed), a transfer with a comment (shown
// where the visitor is called again), a ticket
// from the kiosk arriving through the stream, postpone and call back, the
// language switched, a request for another counter refused, logout.  Each
// step is checked in the database, not only on the page; screenshots of the
// page in Kazakh and Russian go to the screens folder.
"use strict";

const t = require("./lib.js");

const CLERK = "Иванова Мария Петровна";
const OTHER = "Ахметова Айгүл Серікқызы";

t.main(async () => {
	const hall = new t.Hall("2026-03-20T10:00");
	t.onExit(() => hall.cleanup());
	hall.clerk(CLERK, 1, "2468");
	hall.clerk(OTHER, 2, "1357");
	hall.kezek("ticket", "A");
	hall.kezek("ticket", "A", "--now", "2026-03-20T10:01");
	hall.kezek("ticket", "B", "--now", "2026-03-20T10:02");
	hall.kezek("ticket", "A", "--now", "2026-03-20T10:03");
	await hall.start({ KEZEK_NOW: "2026-03-20T10:12" });
	t.onExit(() => hall.stop());

	const b = await t.browser();
	t.onExit(() => b.close());
	const page = await t.deskPage(b, hall);
	const ticketOf = (number, col) =>
		hall.sql(`SELECT ${col} FROM tickets WHERE number='${number}' ORDER BY id DESC LIMIT 1`);
	const counter1 = (col) => hall.sql(`SELECT ${col} FROM counters WHERE number=1`);

	// the login page, in Kazakh first (the state language)
	await page.goto("/counter");
	await page.locator("#login-form").waitFor();
	t.equal(await page.getAttribute("html", "lang"), "kk", "the page starts in Kazakh");
	await t.screenshot(page, "counter-login-kk");

	// a wrong PIN: refused with the tries left, and the message stays
	await page.fill("#login-name", CLERK);
	await page.fill("#login-pin", "1111");
	await page.fill("#login-counter", "1");
	await page.press("#login-pin", "Enter");
	const refused = page.locator(".message.error");
	await refused.first().waitFor();
	t.ok((await page.inputValue("#login-pin")) === "", "the wrong PIN is cleared");
	t.ok(await page.locator("#login-view").isVisible(), "still on the login page");

	await page.fill("#login-pin", "2468");
	await page.press("#login-pin", "Enter");
	await page.locator("#work-view").waitFor();
	t.ok((await page.textContent("#who")).includes(CLERK), "logged in: the clerk's name shown");
	t.equal(await page.locator(".message").count(), 0, "the refusal is cleared by the login");
	await page.locator("#counter-state.state-closed").waitFor();
	t.ok(await page.locator('button[data-act="next"]').isDisabled(), "a closed counter calls nobody");
	const cookie = (await page.context().cookies()).find((c) => c.name === "kezek_session");
	t.ok(cookie && cookie.httpOnly && cookie.sameSite === "Strict", "the session cookie is HttpOnly, SameSite=Strict");

	// open, by its key
	await page.keyboard.press("o");
	await t.waitFor("the counter opens in the database", () => counter1("state") === "open");
	await page.locator("#counter-state.state-open").waitFor();
	t.equal(
		hall.sql("SELECT c.full_name FROM counters k JOIN clerks c ON c.id = k.clerk_id WHERE k.number = 1"),
		CLERK,
		"opened under the logged-in clerk"
	);

	// call, start, served (confirmed)
	await page.keyboard.press("n");
	await t.waitFor("A-001 called to counter 1", () => ticketOf("A-001", "state") === "called");
	await page.locator("#cur-ticket", { hasText: "A-001" }).waitFor();
	t.ok(await page.locator('button[data-act="served"]').isDisabled(), "served waits for the start");
	await page.keyboard.press("s");
	await t.waitFor("A-001 in service", () => ticketOf("A-001", "state") === "serving");
	await page.locator("#cur-state.cur-serving").waitFor();
	await page.keyboard.press("f");
	await page.locator("#confirm-dialog[open]").waitFor();
	t.ok((await page.textContent("#confirm-text")).includes("A-001"), "the confirmation names the ticket");
	t.equal(ticketOf("A-001", "state"), "serving", "nothing done before the confirmation");
	await page.keyboard.press("Enter");
	await t.waitFor("A-001 served", () => ticketOf("A-001", "outcome") === "served");
	await page.locator("#current-empty").waitFor();

	// a no-show, after a call that was not started; first declined, then confirmed
	await page.keyboard.press("n");
	await t.waitFor("A-002 called", () => ticketOf("A-002", "state") === "called");
	await page.locator("#cur-ticket", { hasText: "A-002" }).waitFor();
	await page.keyboard.press("x");
	await page.locator("#confirm-dialog[open]").waitFor();
	await page.keyboard.press("Escape");
	await page.locator("#confirm-dialog:not([open])").waitFor({ state: "attached" });
	t.equal(ticketOf("A-002", "state"), "called", "Escape declines: A-002 still called");
	await page.keyboard.press("x");
	await page.locator("#confirm-dialog[open]").waitFor();
	// Escape's close event may reach a busy browser only now, with the
	// dialog open again: it answers neither opening
	await page.evaluate(() => document.getElementById("confirm-dialog").dispatchEvent(new Event("close")));
	await page.click("#confirm-ok");
	await t.waitFor("A-002 did not come", () => ticketOf("A-002", "outcome") === "no_show");
	// the page has taken the answer in (a key while it waits for one is not taken)
	await page.locator("#current-empty").waitFor();

	// a transfer to service A with a comment
	await page.keyboard.press("n");
	await t.waitFor("B-001 called", () => ticketOf("B-001", "state") === "called");
	await page.locator("#cur-ticket", { hasText: "B-001" }).waitFor();
	await page.keyboard.press("s");
	await page.locator("#cur-state.cur-serving").waitFor();
	await page.keyboard.press("t");
	await page.locator("#transfer-dialog[open]").waitFor();
	await page.selectOption("#transfer-to", "A");
	await page.fill("#transfer-comment", "құжаттарын тапсырады");
	await page.click('#transfer-dialog button[value="ok"]');
	await t.waitFor("B-001 goes on in service A", () =>
		hall.sql(
			"SELECT count(*) FROM tickets t JOIN services s ON s.id = t.service_id " +
				"WHERE t.number = 'B-001' AND t.state = 'waiting' AND s.code = 'A'"
		) === "1"
	);
	t.equal(
		hall.sql("SELECT outcome FROM tickets WHERE number = 'B-001' AND outcome IS NOT NULL"),
		"transferred",
		"the first B-001 ends transferred"
	);

	// a ticket from the kiosk reaches the page through the stream
	const bRow = page.locator("#queue tbody tr", { hasText: "B ·" }).locator("td.num").first();
	t.equal(await bRow.textContent(), "0", "nobody waits for B");
	hall.kezek("ticket", "B", "--now", "2026-03-20T10:13");
	await t.waitFor("the stream brings B-002 to the page", async () => (await bRow.textContent()) === "1", 5000);

	// postpone a called visitor, then call them back
	await page.keyboard.press("n");
	await t.waitFor("B-001 called again in A", () => ticketOf("B-001", "state") === "called");
	await page.locator("#cur-ticket", { hasText: "B-001" }).waitFor();
	// the transfer's comment, kept with the new place, shown where it is called
	t.equal(ticketOf("B-001", "transfer_comment"), "құжаттарын тапсырады", "the comment kept with the new place");
	await page.locator("#cur-comment-text", { hasText: "құжаттарын тапсырады" }).waitFor();
	t.ok(await page.locator("#cur-comment").isVisible(), "the receiving counter sees the comment");
	const postponeWorks = await page.evaluate(async () => {
		const r = await fetch("/api/counter/postpone", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
		return r.status !== 404 && r.status !== 405;
	});
	if (!postponeWorks) {
		console.log("note: the server has no postponement yet; postpone and return not tried");
	} else {
		await page.keyboard.press("p");
		await page.locator("#postpone-dialog[open]").waitFor();
		await page.fill("#postpone-reason", "құжаттың көшірмесін жасауға кетті");
		await page.fill("#postpone-minutes", "15");
		await page.click('#postpone-dialog button[value="ok"]');
		const item = page.locator("#postponed li", { hasText: "B-001" });
		await item.waitFor();
		t.ok((await page.textContent("#current-empty")) !== "", "the counter is free after the postponement");
		t.equal(ticketOf("B-001", "state"), "postponed", "B-001 is postponed, not at the counter");
		await t.screenshot(page, "counter-postponed-kk");
		await item.locator("button").click();
		await t.waitFor("B-001 called back to counter 1", () => ticketOf("B-001", "state") === "called" &&
			ticketOf("B-001", "counter_id") === hall.sql("SELECT id FROM counters WHERE number = 1"));
		await page.locator("#cur-ticket", { hasText: "B-001" }).waitFor();
	}
	await page.keyboard.press("s");
	await t.waitFor("B-001 in service", () => ticketOf("B-001", "state") === "serving");
	await page.locator("#cur-state.cur-serving").waitFor();
	await t.screenshot(page, "counter-serving-kk");

	// Russian, by the clerk's choice: the session and the page
	await page.click('.lang[data-lang="ru"]');
	await page.locator("html[lang=ru]").waitFor();
	await page.locator("#who", { hasText: "Окно 1" }).waitFor();
	await page.locator("#cur-state", { hasText: "обслуживается" }).waitFor();
	await t.screenshot(page, "counter-serving-ru");
	await page.keyboard.press("f");
	await page.locator("#confirm-dialog[open]").waitFor();
	await t.screenshot(page, "counter-confirm-ru");
	await page.keyboard.press("Enter");
	await t.waitFor("B-001 served", () => ticketOf("B-001", "outcome") === "served");

	// another counter's business is refused, on the server
	const other = await page.evaluate(async () => {
		const s = await (await fetch("/api/session")).json();
		const r = await fetch("/api/counter/next", {
			method: "POST",
			headers: { "Content-Type": "application/json", "X-CSRF-Token": s.csrf },
			body: JSON.stringify({ counter: 2 }),
		});
		return r.status;
	});
	t.equal(other, 403, "a clerk calling for counter 2 is refused");
	t.equal(hall.sql("SELECT count(*) FROM tickets WHERE counter_id = (SELECT id FROM counters WHERE number = 2)"), "0",
		"counter 2 called nobody");
	const forged = await page.evaluate(async () => (await fetch("/api/counter/next", { method: "POST" })).status);
	t.equal(forged, 403, "a request without the CSRF token is refused");

	// the same clerk, from another computer, cannot open counter 2 while counter 1 is theirs
	const elsewhere = await b.newContext({ baseURL: hall.url, ignoreHTTPSErrors: true });
	const login2 = await elsewhere.request.post("/api/login", {
		data: { role: "clerk", name: CLERK, pin: "2468", counter: 2, lang: "kk" },
	});
	if (login2.status() === 200) {
		const open2 = await elsewhere.request.post("/api/counter/open", {
			headers: { "X-CSRF-Token": (await login2.json()).csrf },
		});
		t.ok(open2.status() >= 400, "counter 2 is not opened by the clerk of counter 1", open2.status());
	} else t.ok(login2.status() >= 400, "login at counter 2 refused", login2.status());
	t.equal(hall.sql("SELECT state FROM counters WHERE number = 2"), "closed", "counter 2 stays closed");
	await elsewhere.close();

	// close (confirmed), log out: the page is back at its login
	await page.click('button[data-act="close"]');
	await page.locator("#confirm-dialog[open]").waitFor();
	await page.keyboard.press("Enter");
	await t.waitFor("counter 1 closed", () => counter1("state") === "closed");
	await page.click("#logout");
	await page.locator("#login-form").waitFor();
	await t.screenshot(page, "counter-login-ru");
	const after = await page.evaluate(async () => (await fetch("/api/counter")).status);
	t.equal(after, 401, "after logout the old cookie opens nothing");
});
