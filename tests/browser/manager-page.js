// manager-page.js - the manager's live page in headless Chromium: the
// waits and services of a hall at 25 and 30 minutes, alerts that come as
// time passes with no change in the hall, today's figures, the reports as
// PDF and CSV; then the hall's clock moved on (kezek-hall started again at
// a later moment): the page says the connection is lost, comes back by
// itself, and shows the service past its limit.  A clerk's PIN does not
// open it.  Screenshots in Kazakh and Russian.
"use strict";

const t = require("./lib.js");

const CLERK = "Иванова Мария Петровна";
const MANAGER = "Сейтқали Бауыржан Нұрланұлы";

t.main(async () => {
	const hall = new t.Hall("2026-03-20T09:50");
	t.onExit(() => hall.cleanup());
	hall.clerk(CLERK, 1, "2468");
	hall.manager(MANAGER, "97531");
	const at = (time, ...args) => hall.kezek(...args, "--now", "2026-03-20T" + time);
	at("09:50:00", "ticket", "A");
	at("09:51:00", "ticket", "A");
	at("09:54:58", "ticket", "A"); // 29:52 waited at 10:24:50
	at("09:59:58", "ticket", "B"); // B-001: 24:52 waited at 10:24:50
	at("09:52:00", "counter", "open", "1", "--clerk", CLERK, "--position", "Бас маман");
	at("09:52:00", "next", "1");
	at("09:53:00", "start", "1");
	at("09:58:00", "finish", "1", "--outcome", "served");
	at("09:58:00", "next", "1"); // A-002 at counter 1 from 09:58: 26:50 at 10:24:50
	at("09:59:00", "start", "1");
	await hall.start({ KEZEK_NOW: "2026-03-20T10:24:50" });
	t.onExit(() => hall.stop());
	if (!(await hall.serves("GET", "/api/hall"))) await t.skip("kezek-hall has no live hall API yet");

	const b = await t.browser();
	t.onExit(() => b.close());
	const page = await t.deskPage(b, hall);

	// a clerk's PIN does not open the live page
	await page.goto("/manager");
	await page.locator("#login-form").waitFor();
	await page.fill("#login-name", CLERK);
	await page.fill("#login-pin", "2468");
	await page.press("#login-pin", "Enter");
	await page.locator(".message.error").first().waitFor();
	t.ok(await page.locator("#login-view").isVisible(), "a clerk is not let in");

	await page.fill("#login-name", MANAGER);
	await page.fill("#login-pin", "97531");
	await page.press("#login-pin", "Enter");
	await page.locator("#live-view").waitFor();

	// at 10:24:50: A-003 near the limit, A-002's service near its limit
	const alert = (ticket, level) => page.locator("#alerts li.level-" + level, { hasText: ticket });
	await alert("A-002", "warn").waitFor();
	t.equal(await page.textContent("#figures div:nth-child(2) dd"), "1", "one visitor served today");
	t.equal(await page.textContent("#figures div:nth-child(4) dd"), "100%", "served within 30 minutes: all of them");
	const counterRow = page.locator("#counters tbody tr").first();
	t.ok((await counterRow.textContent()).includes("A-002"), "counter 1 shows its visitor");
	t.ok((await counterRow.textContent()).includes(CLERK), "and its clerk");

	// at 10:24:58, with no change in the hall: A-003 past 30, B-001 past 25
	await alert("A-003", "over").waitFor({ timeout: 25000 });
	await alert("B-001", "warn").waitFor({ timeout: 25000 });
	t.ok(
		(await page.locator("#services tbody tr", { hasText: "A ·" }).locator("td.time").getAttribute("class")).includes("level-over"),
		"service A's longest wait is red"
	);
	await t.screenshot(page, "manager-kk");

	// the reports as PDF and CSV, for today, in the page's language
	const pdfHref = await page.getAttribute("#report-pdf", "href");
	t.ok(pdfHref.includes("from=2026-03-20") && pdfHref.includes("lang=kk"), "the PDF link is today's, in Kazakh", pdfHref);
	if (!(await hall.serves("GET", "/api/report.csv"))) {
		console.log("note: the server has no reports yet; the PDF and CSV links not followed");
	} else {
		const pdf = await page.request.get(pdfHref);
		t.equal(pdf.status(), 200, "the PDF report answers");
		t.ok((pdf.headers()["content-type"] || "").includes("pdf"), "as a PDF");
		t.ok((await pdf.body()).subarray(0, 5).toString() === "%PDF-", "a real PDF");
		const csv = await page.request.get(await page.getAttribute("#report-csv", "href"));
		t.equal(csv.status(), 200, "the CSV report answers");
		t.ok((await csv.text()).includes("2026-03-20"), "the CSV is today's");
	}

	// the clock moved on: the server started again at 10:31 on the same port
	page.serverMayStop = true;
	await hall.stop();
	await page.locator("#conn.lost").waitFor();
	await hall.start({ KEZEK_NOW: "2026-03-20T10:31:00" }, hall.port);
	// its sessions ended with it: the page asks to log in again, in Russian now
	await page.locator("#login-form").waitFor({ timeout: 15000 });
	await page.click('.lang[data-lang="ru"]');
	await page.locator("html[lang=ru]").waitFor();
	await page.fill("#login-name", MANAGER);
	await page.fill("#login-pin", "97531");
	await page.press("#login-pin", "Enter");
	await page.locator("#live-view").waitFor();
	await alert("A-002", "over").waitFor();
	t.ok((await alert("A-002", "over").textContent()).includes("окна 1"), "the service alert names the counter");
	await alert("B-001", "over").waitFor();
	t.equal(await page.locator("#conn.lost").count(), 0, "connected again");
	await t.screenshot(page, "manager-ru");
});
