// intake-page.js - an application taken at the counter page: the IIN typed
// wrong is refused as it is typed (its control digit), an act row that does
// not add up is named, both are corrected without losing anything else
// typed, and the application is registered: read back with `kezek
// applications`, its receipt queued and printed (a PDF read back).  Then a
// complaint registered with its talon.  Screenshots of the form in both
// languages.
"use strict";

const fs = require("fs");
const t = require("./lib.js");

const CLERK = "Ахметова Айгүл Серікқызы";
const IIN = "870412300416";

t.main(async () => {
	const hall = new t.Hall("2026-03-20T10:00");
	t.onExit(() => hall.cleanup());
	hall.clerk(CLERK, 1, "1357");
	await hall.start({ KEZEK_NOW: "2026-03-20T10:05" });
	t.onExit(() => hall.stop());
	if (!(await hall.serves("POST", "/api/intake/check")) || !(await hall.serves("POST", "/api/complaints")))
		await t.skip("kezek-hall has no intake or complaints API yet");
	const b = await t.browser();
	t.onExit(() => b.close());
	const page = await t.deskPage(b, hall);

	await page.goto("/counter");
	await page.locator("#login-form").waitFor();
	await page.click('.lang[data-lang="ru"]');
	await page.locator("html[lang=ru]").waitFor();
	await page.fill("#login-name", CLERK);
	await page.fill("#login-pin", "1357");
	await page.fill("#login-counter", "1");
	await page.press("#login-pin", "Enter");
	await page.locator("#work-view").waitFor();
	// the keys act once the counter's state has come (until then they are off)
	await page.locator("#counter-state.state-closed").waitFor();
	await page.keyboard.press("o");
	await t.waitFor("counter 1 open", () => hall.sql("SELECT state FROM counters WHERE number = 1") === "open");
	await page.locator("#counter-state.state-open").waitFor();

	// the form: everything typed, the IIN with a wrong last digit
	await page.keyboard.press("i");
	await page.locator("#intake-dialog[open]").waitFor();
	await page.fill("#intake-name", "Иванов Иван Иванович");
	await page.fill("#intake-iin", IIN.slice(0, 11) + "5");
	await page.locator("#intake-iin-err", { hasText: "Контрольная цифра" }).waitFor();
	t.equal(await page.getAttribute("#intake-iin", "aria-invalid"), "true", "the IIN is marked wrong as it is typed");
	await page.fill("#intake-id_doc", "уд. личности № 012345678");
	await page.fill("#intake-phone", "+7 701 123 45 67");
	await page.fill("#intake-address", "г. Кокшетау, ул. Абая, 1");
	await page.fill("#intake-plot", "г. Кокшетау, ул. Ленина, 5");
	for (const d of ["application", "id_copy", "act", "conclusion"]) await page.check("#doc-" + d);
	// the act: 0,1200 ha x 1 500 000,00 x 1,1000 = 198 000,00; typed 199 000,00
	const row = page.locator("#act-rows tr").first();
	await row.locator(".act-zone").fill("Зона 1");
	await row.locator(".act-area").fill("0,1200");
	await row.locator(".act-rate").fill("1 500 000");
	await row.locator(".act-coef").fill("1,1");
	await row.locator(".act-value").fill("199 000");
	await page.fill("#act-total", "199 000");
	await page.locator("#act-total-err", { hasText: /198.000,00/ }).waitFor();
	await t.screenshot(page, "counter-intake-errors-ru");

	// sending it now is refused on the page, and nothing is lost
	await page.click('#intake-form button[type="submit"]');
	t.equal(await page.evaluate(() => document.activeElement.id), "intake-iin", "the focus goes to the IIN");
	t.equal(hall.sql("SELECT count(*) FROM applications"), "0", "nothing registered while the IIN is wrong");
	t.equal(await page.inputValue("#intake-plot"), "г. Кокшетау, ул. Ленина, 5", "the rest of the form is kept");

	// the corrections
	await page.fill("#intake-iin", IIN);
	await t.waitFor("the IIN accepted as typed", async () => (await page.textContent("#intake-iin-err")) === "");
	await row.locator(".act-value").fill("198 000");
	await page.fill("#act-total", "198 000");
	await t.waitFor("the act accepted", async () => (await page.textContent("#act-total-err")) === "");
	await page.click('#intake-form button[type="submit"]');
	const said = page.locator(".message", { hasText: "2026-0001" });
	await said.waitFor();
	t.ok(!(await page.locator("#intake-dialog").evaluate((d) => d.open)), "the form closes when registered");

	// the database and the kezek command agree
	const shown = hall.run(["applications", "2026-0001"]);
	t.equal(shown.code, 0, "kezek applications 2026-0001");
	t.ok(/registered/.test(shown.out), "registered", shown.out);
	t.ok(shown.out.includes(CLERK), "accepted by the logged-in clerk", shown.out);
	t.equal(hall.sql("SELECT idnum FROM applications WHERE number = '2026-0001'"), IIN, "the corrected IIN kept");
	t.equal(hall.sql("SELECT act_total FROM applications WHERE number = '2026-0001'"), "19800000", "the act's total in tiyn");
	t.equal(hall.sql("SELECT count(*) FROM print_jobs WHERE document = 'receipt'"), "1", "the receipt is queued");
	const files = hall.printOnce(
		hall.sql("SELECT p.name FROM print_jobs j JOIN printers p ON p.id = j.printer_id WHERE j.document = 'receipt'")
	);
	const receipt = files.find((f) => /receipt/.test(f));
	t.ok(receipt && fs.existsSync(receipt), "the receipt printed as a PDF", files.join(" "));
	if (receipt) {
		const text = t.pdfText(receipt);
		t.ok(text.includes("2026-0001"), "the receipt has the application's number");
		t.ok(text.includes(CLERK), "the receipt names the clerk");
	}

	// the form is empty again for the next applicant
	await page.keyboard.press("i");
	await page.locator("#intake-dialog[open]").waitFor();
	t.equal(await page.inputValue("#intake-iin"), "", "a fresh form for the next applicant");
	await t.screenshot(page, "counter-intake-ru");
	await page.keyboard.press("Escape");

	// a complaint: registered with its talon
	await page.keyboard.press("k");
	await page.locator("#complaint-dialog[open]").waitFor();
	await page.fill("#complaint-name", "Петров Пётр Петрович");
	await page.fill("#complaint-contact", "+7 701 765 43 21");
	await page.selectOption("#complaint-kind", "service");
	await page.fill("#complaint-text", "Долго ждал у окна 2.");
	await t.screenshot(page, "counter-complaint-ru");
	await page.click('#complaint-form button[type="submit"]');
	await page.locator(".message", { hasText: /Жалоба .* зарегистрирована/ }).waitFor();
	t.equal(hall.sql("SELECT count(*) FROM complaints WHERE channel = 'in_person' AND kind = 'service'"), "1",
		"the complaint is in the journal");
	t.equal(hall.sql("SELECT c.full_name FROM complaints k JOIN clerks c ON c.id = k.clerk_id"), CLERK,
		"taken by the logged-in clerk");
	t.equal(hall.sql("SELECT count(*) FROM print_jobs WHERE document = 'talon'"), "1", "its talon is queued");

	// the same form in Kazakh
	await page.click('.lang[data-lang="kk"]');
	await page.locator("html[lang=kk]").waitFor();
	await page.keyboard.press("i");
	await page.locator("#intake-dialog[open]").waitFor();
	await page.fill("#intake-iin", "87041230041");
	await page.locator("#intake-iin-err", { hasText: "12 цифр" }).waitFor();
	await t.screenshot(page, "counter-intake-kk");
});
