// lib.js - what the browser tests share: a fresh hall (its own
// configuration and database, `kezek init`), a kezek-hall of its own on a
// free loopback port, Debian's headless Chromium through playwright-core,
// the kezek command and the database to assert what really happened, and
// screenshots at a desk's size.  Each test ends with "N passed, N failed";
// it exits 77 only when Chromium or playwright-core cannot be had.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const SKIP = 77;
const SRC = process.env.KEZEK_SOURCE || path.resolve(__dirname, "../..");
const KEZEK = process.env.KEZEK_BIN;
const HALL = process.env.KEZEK_HALL || (KEZEK && path.join(path.dirname(KEZEK), "kezek-hall"));
const PRINTD = KEZEK && path.join(path.dirname(KEZEK), "kezek-printd");
const CHROMIUM = process.env.KEZEK_CHROMIUM || "/usr/bin/chromium";
const SCREENS =
	process.env.KEZEK_SCREENS || (KEZEK ? path.join(path.dirname(KEZEK), "screens") : path.join(os.tmpdir(), "screens"));
const DESK = { width: 1366, height: 768 };

let passed = 0;
let failed = 0;

function ok(cond, what, detail) {
	if (cond) passed++;
	else {
		failed++;
		console.error("FAIL: " + what + (detail !== undefined ? " (" + detail + ")" : ""));
	}
	return cond;
}

function equal(got, want, what) {
	return ok(got === want, what, "got " + JSON.stringify(got) + ", expected " + JSON.stringify(want));
}

// Skip the test (exit 77) after cleaning up; the returned promise never
// settles, so `await skip(...)` stops the test's body there.
function skip(why) {
	console.log("skip: " + why);
	finish(SKIP);
	return new Promise(() => {});
}

function playwright() {
	try {
		return require(path.join(__dirname, "node_modules", "playwright-core"));
	} catch (e) {
		return null;
	}
}

// The state a test needs, asked again every 50 ms until a deadline.
async function waitFor(what, fn, ms = 15000) {
	const end = Date.now() + ms;
	let last;
	for (;;) {
		try {
			last = await fn();
			if (last) return last;
		} catch (e) {
			last = e;
		}
		if (Date.now() > end) {
			ok(false, what + " (gave up after " + ms / 1000 + " s)", last instanceof Error ? last.message : last);
			return null;
		}
		await new Promise((r) => setTimeout(r, 50));
	}
}

class Hall {
	constructor(now) {
		if (!KEZEK) throw new Error("set KEZEK_BIN to the kezek binary");
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezek-browser-"));
		fs.cpSync(path.join(SRC, "config"), this.dir, { recursive: true });
		this.ini = path.join(this.dir, "hall.ini");
		// the A4 printer prints into a folder of this test, as PDFs
		const ini = fs
			.readFileSync(this.ini, "utf8")
			.replace(/^address = \.\.\/var\/a4-1$/m, "address = " + path.join(this.dir, "a4"))
			.replace(/^address = \.\.\/var\/kiosk-1\.prn$/m, "address = " + path.join(this.dir, "kiosk-1.prn"));
		fs.writeFileSync(this.ini, ini);
		this.env = Object.assign({}, process.env, {
			KEZEK_CONFIG: this.ini,
			KEZEK_DB: path.join(this.dir, "hall.db"),
			KEZEK_NOW: now,
			KEZEK_LANG: "en",
		});
		delete this.env.TZ;
		this.server = null;
		this.url = "";
		this.tls = false;
		this.kezek("init");
	}

	// kezek ARGS (standard input: input): { code, out, err }
	run(args, input, extraEnv) {
		const r = spawnSync(KEZEK, args, {
			cwd: this.dir,
			env: Object.assign({}, this.env, extraEnv || {}),
			input: input || "",
			encoding: "utf8",
		});
		return { code: r.status, out: r.stdout || "", err: r.stderr || "" };
	}

	// as run, and the test fails when kezek does not exit 0
	kezek(...args) {
		const r = this.run(args);
		if (r.code !== 0) throw new Error("kezek " + args.join(" ") + ": exit " + r.code + ": " + r.err);
		return r.out;
	}

	sql(query) {
		const r = spawnSync("sqlite3", [this.env.KEZEK_DB, query], { encoding: "utf8" });
		if (r.status !== 0) throw new Error("sqlite3: " + r.stderr);
		return r.stdout.trim();
	}

	// A clerk who has opened a counter once (so the hall knows them) and has a PIN.
	clerk(name, counter, pin) {
		this.kezek("counter", "open", String(counter), "--clerk", name, "--position", "Бас маман");
		this.kezek("counter", "close", String(counter));
		const r = this.run(["clerk", "pin", name], pin + "\n");
		if (r.code !== 0) throw new Error("clerk pin: " + r.err);
	}

	// kezek-hall on loopback, on a free port (or port, the one it had),
	// over HTTPS with a test certificate made here; resolves when it says
	// where it listens.
	async start(extraEnv, port) {
		if (!fs.existsSync(HALL)) throw new Error("no kezek-hall at " + HALL);
		if (!this.tls) this.certify();
		this.log = "";
		this.server = spawn(HALL, ["--address", "127.0.0.1", "--port", String(port || 0)], {
			cwd: this.dir,
			env: Object.assign({}, this.env, extraEnv || {}),
			stdio: ["ignore", "pipe", "pipe"],
		});
		this.server.stdout.on("data", (d) => (this.log += d));
		this.server.stderr.on("data", (d) => (this.log += d));
		const said = await waitFor("kezek-hall says where it listens", () => {
			if (this.server.exitCode !== null) throw new Error("kezek-hall exited: " + this.log);
			const m = /(https?:\/\/127\.0\.0\.1:(\d+))\/counter/.exec(this.log);
			return m && [m[1], Number(m[2])];
		});
		if (!said) throw new Error("kezek-hall did not start: " + this.log);
		[this.url, this.port] = said;
	}

	// A self-signed certificate for loopback, made by kezek-hall itself,
	// named in [server]: the pages are tested over HTTPS as in the office.
	certify() {
		const dir = path.join(this.dir, "tls");
		fs.mkdirSync(dir, { mode: 0o700 });
		const r = spawnSync(HALL, ["--make-certificate", dir], { cwd: this.dir, env: this.env, encoding: "utf8" });
		if (r.status !== 0) throw new Error("kezek-hall --make-certificate: " + r.stderr);
		const ini = fs.readFileSync(this.ini, "utf8");
		const keys = "certificate = " + path.join(dir, "hall.crt") + "\nkey = " + path.join(dir, "hall.key") + "\n";
		fs.writeFileSync(this.ini, ini.replace(/^\[server\]\n/m, "[server]\n" + keys));
		this.tls = true;
	}

	// A manager who logs in to the live page with pin.
	manager(name, pin) {
		const r = this.run(["manager", "pin", name], pin + "\n");
		if (r.code !== 0) throw new Error("manager pin: " + r.err);
	}

	async stop() {
		if (!this.server || this.server.exitCode !== null) return;
		const gone = new Promise((r) => this.server.once("exit", r));
		this.server.kill("SIGTERM");
		await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
		if (this.server.exitCode === null) this.server.kill("SIGKILL");
	}

	// kezek-printd prints what is queued for printer, once; the files it made
	printOnce(printer) {
		const r = spawnSync(PRINTD, ["--printer", printer, "--fonts", path.join(SRC, "assets/fonts"), "--once"], {
			cwd: this.dir,
			env: this.env,
			encoding: "utf8",
		});
		if (r.status !== 0) throw new Error("kezek-printd: " + r.stderr);
		const dir = path.join(this.dir, "a4");
		return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
	}

	// Is path served at all (not 404)?  For the parts of the API the
	// server gains step by step: a test says what it could not try yet.
	async serves(method, path) {
		const https = require(this.url.startsWith("https") ? "https" : "http");
		return new Promise((resolve) => {
			const req = https.request(this.url + path, { method, rejectUnauthorized: false }, (res) => {
				res.resume();
				resolve(res.statusCode !== 404);
			});
			req.on("error", () => resolve(false));
			req.end();
		});
	}

	cleanup() {
		if (process.env.KEZEK_KEEP) console.log("kept " + this.dir);
		else fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

function pdfText(file) {
	const r = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
	return (r.stdout || "").replace(/\u00a0/g, " ").replace(/\s+/g, " ");
}

function freePort() {
	const net = require("net");
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on("error", reject);
		s.listen(0, "127.0.0.1", () => {
			const port = s.address().port;
			s.close(() => resolve(port));
		});
	});
}

async function browser() {
	if (!fs.existsSync(CHROMIUM)) return skip("no Chromium at " + CHROMIUM + " (Debian's package chromium)");
	const pw = playwright();
	if (!pw) return skip("playwright-core is not installed (scripts/deps.sh runs npm ci in tests/browser)");
	const { chromium } = pw;
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
	});
}

// A page at a desk's size, its console errors counted as failures.
async function deskPage(b, hall) {
	const ctx = await b.newContext({
		viewport: DESK,
		baseURL: hall.url,
		timezoneId: "Asia/Almaty",
		ignoreHTTPSErrors: true, // the test's own self-signed certificate
	});
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.on("pageerror", (e) => ok(false, "no script error on the page", e.message));
	page.on("console", (m) => {
		if (m.type() !== "error" || /status of 4\d\d/.test(m.text())) return;
		if (page.serverMayStop && /net::ERR_/.test(m.text())) return; // the test stopped it
		ok(false, "no console error", m.text());
	});
	return page;
}

async function screenshot(page, name) {
	fs.mkdirSync(SCREENS, { recursive: true });
	const file = path.join(SCREENS, name + ".png");
	await page.screenshot({ path: file });
	console.log("screenshot " + file);
	return file;
}

// Run the test body with a deadline (each takes 20-40 s on a quiet 2-core
// machine; the deadline leaves room for a loaded one); print the count and exit.
function main(body, seconds = 100) {
	const timer = setTimeout(() => {
		ok(false, "the test finished within " + seconds + " s");
		finish();
	}, seconds * 1000);
	body()
		.catch((e) => ok(false, "the test ran to its end", e.stack || e))
		.finally(() => {
			clearTimeout(timer);
			finish();
		});
}

let cleanups = [];
function onExit(fn) {
	cleanups.push(fn);
}

async function finish(code) {
	const todo = cleanups;
	cleanups = [];
	for (const fn of todo.reverse()) {
		try {
			await fn();
		} catch (e) {
			// cleaning up is best effort
		}
	}
	if (code === SKIP && failed === 0) process.exit(SKIP);
	console.log(passed + " passed, " + failed + " failed");
	process.exit(failed === 0 ? 0 : 1);
}

module.exports = { ok, equal, waitFor, Hall, browser, deskPage, screenshot, main, onExit, pdfText, skip, SCREENS };
