// open-page.js - the public page of waits (/open) in headless Chromium,
// with no login: each service's waiting and longest wait, today's share
// within 30 minutes and the chart (the limit's line marked), for a hall of
// known times; a ticket issued meanwhile appears by itself; the language
// switched; no ticket number or name anywhere on the page.  Screenshots in
// Kazakh and Russian, and at a phone's size.
"use strict";

const t = require("./lib.js");

const CLERK = "Иванова Мария Петровна";

t.main(async () => {
	const hall = new t.Hall("2026-03-20T09:20");
	t.onExit(() => hall.cleanup());
	const at = (time, ...args) => hall.kezek(...args, "--now", "2026-03-20T" + time);
	at("09:20", "ticket", "A");
	at("09:25", "counter", "open", "1", "--clerk", CLERK, "--position", "Бас маман");
	at("09:30", "next", "1"); // A-001 waited 10 minutes
	at("09:31", "start", "1");
	at("09:36", "finish", "1", "--outcome", "served");
	at("09:40", "ticket", "A");
	at("09:45", "ticket", "B");
	at("09:58", "ticket", "A");
	at("10:15", "next", "1"); // A-002 waited 35 minutes
	await hall.start({ KEZEK_NOW: "2026-03-20T10:20" });
	t.onExit(() => hall.stop());

	const b = await t.browser();
	t.onExit(() => b.close());
	const page = await t.deskPage(b, hall);
	const row = (code) => page.locator("#services tbody tr[data-service=" + code + "]");

	await page.goto("/open");
	await row("A").waitFor();
	t.equal(await page.getAttribute("html", "lang"), "kk", "the page starts in Kazakh");
	t.ok((await page.textContent("#office")).includes("Жер қатынастары бөлімі"), "the office's name in Kazakh");
	t.equal(await row("A").locator("td.waiting").textContent(), "1", "one waits for A");
	t.equal(await row("B").locator("td.waiting").textContent(), "1", "one waits for B");
	t.equal(await row("C").locator("td.waiting").textContent(), "0", "nobody for C");
	t.equal(await row("A").locator("td.share").textContent(), "50% (1, барлығы 2)", "A: one of two called within 30 minutes");
	t.ok((await row("B").locator("td.time").getAttribute("class")).includes("level-over"), "B-001's 35 minutes are past the limit");
	t.ok((await row("A").locator("td.time").textContent()).startsWith("22"), "A-003 has waited 22 minutes");
	t.equal(await page.locator("#chart rect.bar-wait").count(), 3, "the chart has a bar of waiting per service");
	t.equal(await page.locator("#chart rect.bar-long").count(), 3, "and of the longest wait");
	t.equal(await page.locator("#chart line.limit").count(), 1, "the limit's line is marked");
	t.ok((await page.textContent("#chart .limit-text")).includes("30"), "at 30 minutes");
	const over = await page.locator("#chart rect.bar-long.level-over").count();
	t.equal(over, 1, "one bar past the limit (B)");
	const text = await page.textContent("body");
	t.ok(!/[A-Z]-\d{3}/.test(text), "no ticket number on the page", text.match(/[A-Z]-\d{3}/));
	t.ok(!text.includes("Иванова"), "no clerk's name on the page");
	await t.screenshot(page, "open-kk");

	// a ticket issued now appears by itself (the page asks every 12 s)
	at("10:21", "ticket", "C");
	await t.waitFor("C-001 shows on the page", async () => (await row("C").locator("td.waiting").textContent()) === "1", 30000);

	// in Russian
	await page.click('.lang[data-lang="ru"]');
	await page.locator("html[lang=ru]").waitFor();
	t.equal(await page.textContent("#page-title"), "Очередь в учреждении", "the title in Russian");
	t.ok((await page.textContent("#office")).includes("Отдел земельных отношений"), "the office's name in Russian");
	t.ok((await row("A").textContent()).includes("Сдача документов"), "the service's name in Russian");
	t.equal(await row("A").locator("td.share").textContent(), "50% (1 из 2)", "the share in Russian");
	t.ok((await page.textContent("#chart .limit-text")).includes("предел"), "the chart in Russian");
	await t.screenshot(page, "open-ru");

	// at a phone's size: the same page, nothing cut off sideways
	await page.setViewportSize({ width: 390, height: 844 });
	await page.click('.lang[data-lang="kk"]');
	await page.locator("html[lang=kk]").waitFor();
	const wide = await page.evaluate(() => document.documentElement.scrollWidth);
	t.ok(wide <= 390, "no sideways scrolling on a phone", wide);
	// a service stacks above its figures: no word split over two lines
	const broken = await page.evaluate(() => {
		const out = [];
		for (const td of document.querySelectorAll("#services td")) {
			const node = td.firstChild;
			if (!node || node.nodeType !== Node.TEXT_NODE) continue;
			let at = 0;
			for (const w of node.textContent.split(/(\s+)/)) {
				if (w.trim() !== "") {
					const r = document.createRange();
					r.setStart(node, at);
					r.setEnd(node, at + w.length);
					if (r.getClientRects().length > 1) out.push(w);
				}
				at += w.length;
			}
		}
		return out;
	});
	t.ok(broken.length === 0, "no word broken over two lines on a phone", broken.join(", "));
	const labels = await page.evaluate(() =>
		[...document.querySelectorAll("#services tbody tr:first-child td")].map((td) => getComputedStyle(td, "::before").content)
	);
	t.ok(labels.slice(1).every((l) => /[а-яәіңғүұқөһ]/i.test(l)), "each figure beside its heading, in Kazakh", labels.join(" | "));
	await t.screenshot(page, "open-phone-kk");
});
