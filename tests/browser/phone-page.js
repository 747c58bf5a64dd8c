// phone-page.js - the visitor's phone page in headless Chromium at a
// phone's size (360x740): a real ticket printed by kezek-printd with the
// hall's public_url, its QR code read back from the printout (zbarimg),
// and that link opened on a real kezek-hall.  The page shows the number,
// the people ahead and the expected wait; when a clerk calls the ticket
// (the kezek command), it says which counter, large, and the phone
// vibrates; after service, done.  In Kazakh (the ticket's language) and
// Russian (the switch); a forged link is a plain "not found".  Screenshots
// phone-*-kk.png and phone-*-ru.png.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const t = require("./lib.js");

const CLERK = "Омаров Ерлан Серікұлы";
const PHONE = { width: 360, height: 740 };

t.main(async () => {
	const zbar = spawnSync("zbarimg", ["--version"], { encoding: "utf8" });
	if (zbar.error) await t.skip("zbarimg is not installed (zbar-tools, scripts/deps.sh)");
	const hall = new t.Hall("2026-03-20T10:00");
	t.onExit(() => hall.cleanup());
	await hall.start();
	t.onExit(() => hall.stop());
	if (!(await hall.serves("GET", "/phone/phone.js"))) await t.skip("kezek-hall has no phone page yet");

	// the phones reach the hall at its own address here
	const ini = fs.readFileSync(hall.ini, "utf8");
	fs.writeFileSync(hall.ini, ini.replace(/^\[server\]\n/m, "[server]\npublic_url = " + hall.url + "\n"));
	hall.kezek("counter", "open", "2", "--clerk", CLERK, "--position", "Бас маман");
	hall.kezek("ticket", "A");
	hall.kezek("ticket", "A");

	// a ticket as the kiosk prints it, and the link its QR code holds
	const printed = (lang, name) => {
		const prn = path.join(hall.dir, "kiosk-1.prn");
		fs.writeFileSync(prn, "");
		hall.kezek("ticket", "A", "--print", "kiosk-1", "--lang", lang);
		hall.printOnce("kiosk-1");
		const png = path.join(t.SCREENS, name);
		fs.mkdirSync(t.SCREENS, { recursive: true });
		hall.kezek("print", "preview", prn, png);
		const r = spawnSync("zbarimg", ["-q", "--raw", png], { encoding: "utf8" });
		return (r.stdout || "").trim();
	};
	const linkKk = printed("kk", "phone-ticket-kk.png");
	const linkRu = printed("ru", "phone-ticket-ru.png");
	t.ok(linkKk.startsWith(hall.url + "/t/") && linkKk.endsWith("?lang=kk"), "the Kazakh ticket's QR code is its link", linkKk);
	t.ok(linkRu.startsWith(hall.url + "/t/") && linkRu.endsWith("?lang=ru"), "the Russian ticket's QR code is its link", linkRu);

	const b = await t.browser();
	t.onExit(() => b.close());
	const phone = async () => {
		const ctx = await b.newContext({
			viewport: PHONE,
			isMobile: true,
			hasTouch: true,
			deviceScaleFactor: 1,
			timezoneId: "Asia/Almaty",
			ignoreHTTPSErrors: true,
		});
		// what navigator.vibrate was asked, where a phone would buzz
		await ctx.addInitScript(() => {
			window.buzzed = 0;
			navigator.vibrate = () => {
				window.buzzed++;
				return true;
			};
		});
		const page = await ctx.newPage();
		page.setDefaultTimeout(10000);
		page.on("pageerror", (e) => t.ok(false, "no script error on the phone page", e.message));
		page.on("console", (m) => {
			if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) t.ok(false, "no console error", m.text());
		});
		return { ctx, page };
	};
	const text = (page, sel) => page.textContent(sel).then((s) => (s || "").trim());
	const fits = async (page, what) => {
		const w = await page.evaluate(() => document.documentElement.scrollWidth);
		t.ok(w <= PHONE.width, what + ": nothing wider than the phone", w);
	};

	// Kazakh: A-003 with two ahead and one counter open
	const kk = await phone();
	await kk.page.goto(linkKk);
	await t.waitFor("the number on the phone", async () => (await text(kk.page, "#number")) === "A-003");
	t.equal(await text(kk.page, "#service"), "Құжаттарды тапсыру", "the service in Kazakh");
	t.equal(await text(kk.page, "#headline"), "Сізден бұрын кезекте: 2", "two ahead");
	t.ok(/^Болжалды күту уақыты: \d+(–\d+)? (мин|минутқа дейін)/.test(await text(kk.page, "#detail")), "the expected wait", await text(kk.page, "#detail"));
	t.equal(await kk.page.evaluate(() => document.cookie), "", "no cookie");
	await fits(kk.page, "waiting, in Kazakh");
	await t.screenshot(kk.page, "phone-waiting-kk");

	// Russian: A-004, three ahead
	const ru = await phone();
	await ru.page.goto(linkRu);
	await t.waitFor("the Russian page", async () => (await text(ru.page, "#headline")) === "Перед вами в очереди: 3");
	t.equal(await text(ru.page, "#number"), "A-004", "its number");
	t.equal(await text(ru.page, "#service"), "Сдача документов", "the service in Russian");
	await fits(ru.page, "waiting, in Russian");
	await t.screenshot(ru.page, "phone-waiting-ru");

	// the clerk calls, then A-003: the Kazakh page follows
	hall.kezek("next", "2");
	await t.waitFor("one fewer ahead", async () => (await text(kk.page, "#headline")) === "Сізден бұрын кезекте: 1");
	hall.kezek("finish", "2", "--outcome", "served");
	hall.kezek("next", "2");
	hall.kezek("finish", "2", "--outcome", "served");
	hall.kezek("next", "2");
	await t.waitFor("called to counter 2", async () => (await text(kk.page, "#counter")) === "2-терезеге өтіңіз");
	t.equal(await text(kk.page, "#headline"), "Сіздің нөміріңіз шақырылды", "said called");
	t.ok((await kk.page.evaluate(() => window.buzzed)) >= 1, "the phone vibrates");
	const big = await kk.page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("counter")).fontSize));
	t.ok(big >= 40, "the counter in large type", big);
	await fits(kk.page, "called, in Kazakh");
	await t.screenshot(kk.page, "phone-called-kk");
	// a recall buzzes again
	const before = await kk.page.evaluate(() => window.buzzed);
	hall.kezek("recall", "2");
	await t.waitFor("called again", async () => (await kk.page.evaluate(() => window.buzzed)) > before);

	// the switch: the same page in Russian, and the address says so
	await kk.page.click('.lang[data-lang="ru"]');
	await t.waitFor("the page in Russian", async () => (await text(kk.page, "#counter")) === "Пройдите к окну 2");
	t.equal(await text(kk.page, "#service"), "Сдача документов", "the service's name in Russian with it");
	t.ok(kk.page.url().endsWith("?lang=ru"), "the link keeps the language", kk.page.url());
	await t.screenshot(kk.page, "phone-called-ru");
	await kk.page.click('.lang[data-lang="kk"]');
	await t.waitFor("back in Kazakh", async () => (await text(kk.page, "#counter")) === "2-терезеге өтіңіз");

	// served: done
	hall.kezek("finish", "2", "--outcome", "served");
	await t.waitFor("done", async () => (await text(kk.page, "#headline")) === "Қызмет көрсетілді. Рақмет!");
	t.ok(await kk.page.locator("#counter").isHidden(), "no counter once done");
	await t.screenshot(kk.page, "phone-done-kk");
	await t.waitFor("nobody ahead of A-004", async () => (await text(ru.page, "#headline")) === "Перед вами никого нет");
	hall.kezek("next", "2");
	await t.waitFor("A-004 called", async () => (await text(ru.page, "#counter")) === "Пройдите к окну 2");
	hall.kezek("finish", "2", "--outcome", "served");
	await t.waitFor("A-004 done", async () => (await text(ru.page, "#headline")) === "Обслуживание завершено. Спасибо!");
	await t.screenshot(ru.page, "phone-done-ru");

	// a forged link: a plain page in both languages, nothing else
	const token = linkKk.replace(/^.*\/t\//, "").replace(/\?.*$/, "");
	const forged = hall.url + "/t/" + (token[0] === "A" ? "B" : "A") + token.slice(1);
	const res = await kk.page.goto(forged);
	t.equal(res.status(), 404, "a forged link is not found");
	const body = await text(kk.page, "body");
	t.ok(body.includes("Бұл сілтеме белгісіз") && body.includes("Эта ссылка неизвестна"), "said in Kazakh and Russian", body);
	await fits(kk.page, "not found");
	await t.screenshot(kk.page, "phone-not-found-kk-ru");
	t.ok(!hall.log.includes(token), "the token is not in the server's log");
});
