// intake.js - the application form of the counter page (p.11): each field
// checked as it is typed (the IIN's or BIN's control digit, the act's rows
// and total, as `kezek accept` checks them), then confirmed by the server
// through /api/intake/check; nothing typed is lost when the server refuses
// the form: the clerk corrects the field it names and sends it again.
//
// What it sends (POST /api/intake, and with "field" and "value" added,
// POST /api/intake/check), the keys of `kezek accept` with '_' for '-':
//   {"kind": "individual"|"legal", "name", "iin" | "bin", "id_doc", "phone",
//    "address", "plot", "proxy", "proxy_doc", "representative", "authority",
//    "docs": ["application", "id_copy", ...],
//    "act_rows": [{"zone", "area", "rate", "coef", "value"}, ...] (as typed),
//    "act_total": "198 000"}
// A key the clerk left empty is left out.  The check of the act is asked
// with "field": "act".
"use strict";

const Intake = (() => {
	const $ = (id) => document.getElementById(id);
	let kind = "individual";
	const timers = {};

	// The fields of each kind of applicant, in the order they are asked.
	function fields() {
		const common = {
			name: { label: _("Full name"), required: true },
			iin: { label: _("IIN (12 digits)"), required: true, id: "iin" },
			bin: { label: _("BIN (12 digits)"), required: true, id: "bin" },
			id_doc: { label: _("Identity document: kind, number, issued"), required: true },
			phone: { label: _("Phone"), required: true, type: "tel" },
			address: { label: _("Applicant's address"), required: true },
			plot: { label: _("Land plot's address"), required: true },
			proxy: { label: _("Proxy who hands the documents in (if any)") },
			proxy_doc: { label: _("Power of attorney: number and date") },
			representative: { label: _("Representative's full name"), required: true },
			authority: { label: _("Representative's authority (document)"), required: true },
		};
		if (kind === "legal") {
			// a legal entity's papers name its representative, not a phone
			common.name.label = _("Legal entity's name");
			common.id_doc.required = false;
			common.phone.required = false;
		}
		const order =
			kind === "legal"
				? ["name", "bin", "representative", "authority", "id_doc", "phone", "address", "plot"]
				: ["name", "iin", "id_doc", "phone", "address", "plot", "proxy", "proxy_doc"];
		return order.map((n) => Object.assign({ name: n }, common[n]));
	}

	// The documents of p.11 for each kind (the proxy's two only with a proxy).
	function documents() {
		const names = {
			application: _("Application (Appendix 2)"),
			id_copy: _("Copy of the identity document"),
			power_of_attorney: _("Copy of the power of attorney"),
			proxy_id: _("Copy of the proxy's identity document"),
			registration: _("Certificate of state registration"),
			authority: _("Document of the representative's authority"),
			act: _("Act of assessed value"),
			conclusion: _("Copy of the commission's positive conclusion"),
		};
		const codes =
			kind === "legal"
				? ["application", "registration", "authority", "id_copy", "act", "conclusion"]
				: ["application", "id_copy", "power_of_attorney", "proxy_id", "act", "conclusion"];
		return codes.map((c) => ({ code: c, name: names[c] }));
	}

	// ---- local checks, as queue/idnum.c and queue/act.c make them --------

	function idnumControl(d) {
		const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
		let s1 = 0;
		let s2 = 0;
		for (let i = 0; i < 11; i++) {
			s1 += (i + 1) * Number(d[i]);
			s2 += w2[i] * Number(d[i]);
		}
		if (s1 % 11 !== 10) return s1 % 11;
		if (s2 % 11 !== 10) return s2 % 11;
		return -1;
	}

	// Each message for the IIN and the BIN apart: the two are declined
	// differently in Kazakh and Russian.
	function idnumWords(which) {
		return which === "bin"
			? {
					none: _("Type the BIN: 12 digits."),
					digits: _("The BIN has digits only, without spaces."),
					count: _("The BIN has 12 digits; %s typed."),
					control: _("The BIN's control digit does not match: check it against the registration certificate."),
				}
			: {
					none: _("Type the IIN: 12 digits."),
					digits: _("The IIN has digits only, without spaces."),
					count: _("The IIN has 12 digits; %s typed."),
					control: _("The IIN's control digit does not match: check it against the identity document."),
				};
	}

	function checkIdnum(v, which) {
		const w = idnumWords(which);
		if (v === "") return w.none;
		if (!/^[0-9]+$/.test(v)) return w.digits;
		if (v.length !== 12) return K.fill(w.count, v.length);
		const c = idnumControl(v);
		if (c < 0 || Number(v[11]) !== c) return w.control;
		return "";
	}

	// A number as a person types it ("1 234,5") as an integer of scale
	// decimals (BigInt), or a message saying what is wrong.
	function decimal(text, scale) {
		const s = text.trim().replace(/[\s\u00a0\u202f]/g, "");
		if (s === "") return { err: _("Type a number.") };
		const m = /^([0-9]+)(?:[.,]([0-9]*))?$/.exec(s);
		if (!m) return { err: _("Digits only, with a comma before the decimals.") };
		const frac = m[2] || "";
		if (frac.length > scale)
			return { err: K.fill(_("At most %s digits after the comma."), scale) };
		return { value: BigInt(m[1] + frac.padEnd(scale, "0")) };
	}

	function money(tiyn) {
		const neg = tiyn < 0n;
		const a = neg ? -tiyn : tiyn;
		const t = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
		return (neg ? "-" : "") + t + "," + String(a % 100n).padStart(2, "0");
	}

	// ---- the form -------------------------------------------------------

	function build() {
		const box = $("intake-fields");
		const kept = values();
		box.replaceChildren();
		const kindSel = K.el(
			"select",
			{ id: "intake-kind", name: "kind", onchange: (e) => changeKind(e.target.value) },
			K.el("option", { value: "individual", text: _("an individual") }),
			K.el("option", { value: "legal", text: _("a legal entity") })
		);
		kindSel.value = kind;
		box.append(K.el("label", { for: "intake-kind", text: _("The applicant is") }), kindSel);
		for (const f of fields()) {
			const id = "intake-" + f.name;
			const input = K.el("input", {
				id,
				name: f.name,
				type: f.type || "text",
				maxlength: "300",
				inputmode: f.id ? "numeric" : null,
				"aria-describedby": id + "-err",
				"aria-required": f.required ? "true" : null,
				oninput: () => typed(f),
				onblur: () => typed(f, true),
			});
			if (kept[f.name] !== undefined) input.value = kept[f.name];
			box.append(
				K.el("label", { for: id, text: f.label + (f.required ? " *" : "") }),
				K.el("div", { class: "field" }, input, K.el("p", { id: id + "-err", class: "field-error", "aria-live": "polite" }))
			);
		}
		const list = $("intake-doc-list");
		const ticked = new Set(kept.docs || []);
		list.replaceChildren();
		for (const d of documents()) {
			const id = "doc-" + d.code;
			list.append(
				K.el(
					"label",
					{ class: "check", for: id },
					K.el("input", { type: "checkbox", id, value: d.code, checked: ticked.has(d.code) ? "checked" : null }),
					" " + d.name
				)
			);
		}
		if (!$("act-rows").rows.length) addRow();
	}

	function changeKind(k) {
		kind = k;
		build();
	}

	// Everything typed so far, as the server takes it.
	function values() {
		const out = { kind };
		for (const input of $("intake-fields").querySelectorAll("input[name]"))
			if (input.value.trim() !== "") out[input.name] = input.value.trim();
		out.docs = [...$("intake-doc-list").querySelectorAll("input:checked")].map((c) => c.value);
		const rows = actRows();
		if (rows.length) {
			out.act_rows = rows;
			out.act_total = $("act-total").value.trim();
		}
		return out;
	}

	function actRows() {
		const rows = [];
		for (const tr of $("act-rows").rows) {
			const v = [...tr.querySelectorAll("input")].map((i) => i.value.trim());
			if (v.every((x) => x === "")) continue;
			rows.push({ zone: v[0], area: v[1], rate: v[2], coef: v[3], value: v[4] });
		}
		return rows;
	}

	function fieldError(name, text) {
		const p = $("intake-" + name + "-err");
		const input = $("intake-" + name);
		if (!p || !input) return;
		p.textContent = text;
		input.setAttribute("aria-invalid", text ? "true" : "false");
	}

	function localCheck(f, value) {
		if (f.id) return checkIdnum(value, f.id);
		if (f.required && value === "") return _("This field is needed.");
		return "";
	}

	// Checked at each keystroke here; confirmed by the server a moment
	// after the typing stops (or at once when the field is left).
	function typed(f, left) {
		const value = $("intake-" + f.name).value.trim();
		const err = localCheck(f, value);
		// an empty field is told only when left, not while still to come
		fieldError(f.name, value === "" && !left ? "" : err);
		clearTimeout(timers[f.name]);
		if (err) return;
		timers[f.name] = setTimeout(() => serverCheck(f.name, value), left ? 0 : 400);
	}

	async function serverCheck(name, value) {
		const body = Object.assign(values(), { field: name, value });
		try {
			await K.api("POST", "/api/intake/check", body);
			if (name === "act") $("act-total-err").textContent = "";
			else fieldError(name, "");
		} catch (e) {
			if (e.status === 400 && (!e.field || e.field === name)) {
				if (name === "act") $("act-total-err").textContent = e.message;
				else fieldError(name, e.message);
			} else if (e.status !== 400) {
				$("intake-error").textContent = e.message;
			}
		}
	}

	// ---- the act ----------------------------------------------------------

	function addRow() {
		const cells = ["zone", "area", "rate", "coef", "value"];
		const n = $("act-rows").rows.length + 1;
		const labels = {
			zone: _("Zone or land type"),
			area: _("Area, ha"),
			rate: _("Base rate, tenge/ha"),
			coef: _("Coefficient"),
			value: _("Value, tenge"),
		};
		const tr = K.el("tr");
		for (const c of cells)
			tr.append(
				K.el(
					"td",
					{},
					K.el("input", {
						class: "act-" + c,
						inputmode: c === "zone" ? null : "decimal",
						"aria-label": K.fill(_("Row %s: %s"), n, labels[c]),
						oninput: checkAct,
					})
				)
			);
		tr.append(
			K.el(
				"td",
				{},
				K.el("button", {
					type: "button",
					class: "quiet",
					text: "×",
					"aria-label": K.fill(_("Remove row %s"), n),
					onclick: () => {
						tr.remove();
						checkAct();
					},
				})
			)
		);
		$("act-rows").append(tr);
		return tr;
	}

	// Each row's value against area x rate x coefficient (rounded half up
	// to the tiyn, give or take 1 tiyn), the total against the rows' sum.
	function checkAct() {
		let sum = 0n;
		let bad = "";
		let rows = 0;
		for (const [i, tr] of [...$("act-rows").rows].entries()) {
			const get = (c) => tr.querySelector(".act-" + c);
			const cells = ["zone", "area", "rate", "coef", "value"].map((c) => get(c).value.trim());
			for (const c of ["area", "rate", "coef", "value"]) get(c).removeAttribute("aria-invalid");
			if (cells.every((x) => x === "")) continue;
			rows++;
			const area = decimal(cells[1], 4);
			const rate = decimal(cells[2], 2);
			const coef = decimal(cells[3], 4);
			const value = decimal(cells[4], 2);
			const first = [["area", area], ["rate", rate], ["coef", coef], ["value", value]].find(
				([, r]) => r.err
			);
			if (cells[0] === "" && !bad) bad = K.fill(_("Row %s: the zone is missing."), i + 1);
			if (first) {
				get(first[0]).setAttribute("aria-invalid", "true");
				if (!bad) bad = K.fill(_("Row %s: %s"), i + 1, first[1].err);
				continue;
			}
			sum += value.value;
			const product = area.value * rate.value * coef.value; // scale 4+2+4 over tiyn's 2
			const expected = (product + 50000000n) / 100000000n;
			const diff = expected - value.value;
			if ((diff > 1n || diff < -1n) && !bad) {
				get("value").setAttribute("aria-invalid", "true");
				bad = K.fill(_("Row %s: the value should be %s (area × rate × coefficient), not %s."), i + 1, money(expected), money(value.value));
			}
		}
		$("act-sum").textContent = rows ? K.fill(_("rows add up to %s"), money(sum)) : "";
		const totalText = $("act-total").value.trim();
		if (!bad && rows && totalText !== "") {
			const total = decimal(totalText, 2);
			if (total.err) bad = K.fill(_("Total: %s"), total.err);
			else if (total.value !== sum)
				bad = K.fill(_("The total %s is not the rows' sum %s."), money(total.value), money(sum));
		}
		$("act-total").setAttribute("aria-invalid", bad ? "true" : "false");
		$("act-total-err").textContent = bad;
		clearTimeout(timers.act);
		if (!bad && rows && totalText !== "") timers.act = setTimeout(() => serverCheck("act", totalText), 400);
		return bad;
	}

	// ---- sending ----------------------------------------------------------

	async function submit(ev) {
		ev.preventDefault();
		$("intake-error").textContent = "";
		let firstBad = null;
		for (const f of fields()) {
			const input = $("intake-" + f.name);
			const err = localCheck(f, input.value.trim());
			fieldError(f.name, err);
			if (err && !firstBad) firstBad = input;
		}
		if (firstBad) {
			firstBad.focus();
			return;
		}
		if (checkAct()) {
			$("act-total").focus();
			return;
		}
		const body = values();
		if (!body.docs.length) {
			$("intake-error").textContent = _("Tick the documents the applicant handed in.");
			$("intake-doc-list").querySelector("input").focus();
			return;
		}
		try {
			const r = await K.api("POST", "/api/intake", body);
			done(r);
		} catch (e) {
			if (e.status === 401) {
				$("intake-dialog").close();
				K.message("error", e.message);
				return;
			}
			const name = e.field === "bin" || e.field === "iin" ? e.field : e.field.replace(/-/g, "_");
			if (e.status === 400 && $("intake-" + name)) {
				fieldError(name, e.message);
				$("intake-" + name).focus();
			} else {
				$("intake-error").textContent = e.message;
			}
		}
	}

	function done(r) {
		$("intake-dialog").close();
		const paper = {
			printed: _("the receipt is printed"),
			queued: _("the receipt is printing"),
			owed: _("the receipt could not be printed now: print it again later"),
		}[r.receipt] || "";
		const text =
			r.status === "suspended"
				? K.fill(
						r.receipt === "owed"
							? _("Application %s suspended: documents are missing; the notice could not be printed now: print it again later.")
							: _("Application %s suspended: documents are missing; the notice is printing."),
						r.application
					)
				: K.fill(_("Application %s registered, due %s; %s."), r.application, r.due, paper);
		K.message("info", text);
		$("intake-form").reset();
		$("act-rows").replaceChildren();
		$("act-sum").textContent = "";
		kind = "individual";
		build();
	}

	function open() {
		$("intake-error").textContent = "";
		build();
		$("intake-dialog").showModal();
		$("intake-kind").focus();
	}

	function wire() {
		$("intake-form").addEventListener("submit", submit);
		$("intake-back").addEventListener("click", () => $("intake-dialog").close());
		$("act-add").addEventListener("click", () => addRow().querySelector("input").focus());
		$("act-total").addEventListener("input", checkAct);
	}

	return { open, wire, checkIdnum, decimal };
})();
