/* Guichet: search autocomplete (ARIA combobox), click beacons, feedback, contact form suggestions and posts. Pages work without it. */
(() => {
	'use strict';
	const d = document;
	// inPanel: the page is the widget's panel (a dialog: Escape closes it).
	const inPanel = d.body && d.body.classList.contains('w');
	let uid = 0;
	const on = (n, type, fn) => n.addEventListener(type, fn);
	const send = (url, obj) => {
		if (!url) return;
		const body = JSON.stringify(obj);
		try { if (navigator.sendBeacon(url, new Blob([body], {type: 'text/plain'}))) return; } catch (e) {}
		fetch(url, {method: 'POST', body, keepalive: true}).catch(() => {});
	};
	const el = (tag, cls, text) => {
		const n = d.createElement(tag);
		n.className = cls || '';
		n.textContent = text || '';
		return n;
	};
	// The category (and section) of a result, the category's title marked with its language
	// when it is not the article's (a category not translated yet), the section in the article's.
	const meta = (cls, r) => {
		const n = el('span', cls);
		if (r.category) {
			const c = el('span', '', r.category);
			if (r.category_lang) c.lang = r.category_lang;
			n.append(c);
		}
		if (r.heading) n.append((r.category ? ' › ' : '') + r.heading);
		return n;
	};
	const hidden = (name, value) => Object.assign(el('input'), {type: 'hidden', name, value});
	// A typing session's id, made here rather than awaited from the server: on a slow network
	// each keystroke aborts the previous suggest call before its search_id comes back, and
	// every call (and the final Enter) would then be recorded as a separate search.
	// The server accepts any 32-hex-digit id and updates the one row that carries it.
	const newSid = () => {
		try { return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join(''); } catch (e) { return ''; }
	};
	// Same typing session when one query extends or shortens the other.
	// where adds the events' source, and in the widget the host page's context key and path.
	const where = (ds, o) => {
		o.source = ds.source || 'site';
		if (ds.context) o.context = ds.context;
		if (ds.path) o.path = ds.path;
		return o;
	};
	const related = (a, b) => {
		a = a.trim().toLowerCase(); b = b.trim().toLowerCase();
		return !!a && !!b && (a.startsWith(b) || b.startsWith(a));
	};

	function combo(form) {
		const input = form.querySelector('input[name=q]'), ds = form.dataset;
		// "3 suggestions available" in the CLDR plural form of the page's language.
		const countText = n => {
			let forms = {};
			try { forms = JSON.parse(ds.i18nCount || '{}'); } catch (e) { /* plain text */ }
			let form = 'other';
			try { form = new Intl.PluralRules(ds.locale || 'en').select(n); } catch (e) { /* unknown locale */ }
			return (forms[form] || forms.other || '{count}').replace('{count}', new Intl.NumberFormat(ds.locale || 'en').format(n));
		};
		if (!input || !ds.suggest) return;
		const wrap = form.querySelector('.search-combo') || input.parentNode, id = 'g-s' + ++uid;
		const list = el('ul', 'suggestions'), live = el('div', 'visually-hidden');
		let items = [], active = -1, timer, ctrl, seq = 0, sid = '', prevQ = '', shownQ = '';
		const attr = (n, o) => { for (const k in o) n.setAttribute(k, o[k]); };
		attr(list, {id, role: 'listbox', 'aria-label': input.labels[0] ? input.labels[0].textContent.trim() : ''});
		attr(live, {role: 'status', 'aria-live': 'polite'});
		if (ds.i18nLang) live.lang = ds.i18nLang; // in English when the locale lacks its strings
		attr(input, {role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': false, 'aria-controls': id});
		list.hidden = true;
		wrap.append(list);
		form.append(live);

		const setActive = i => {
			if (items[active]) items[active].li.setAttribute('aria-selected', false);
			active = items[i] ? i : -1;
			if (active < 0) return input.removeAttribute('aria-activedescendant');
			const li = items[i].li;
			li.setAttribute('aria-selected', true);
			input.setAttribute('aria-activedescendant', li.id);
			li.scrollIntoView({block: 'nearest'});
		};
		const show = open => {
			open = !!open && items.length > 0;
			list.hidden = !open;
			input.setAttribute('aria-expanded', open);
			if (!open) setActive(-1);
		};
		const clear = () => { items = []; list.textContent = ''; show(false); };
		const cancel = () => { clearTimeout(timer); seq++; if (ctrl) ctrl.abort(); };
		const reset = () => { cancel(); sid = prevQ = shownQ = ''; clear(); };

		const pick = i => {
			const r = items[i].r;
			send(ds.events, where(ds, {type: 'click', search_id: sid, article_id: r.id, position: i + 1, locale: ds.locale}));
			show(false);
			// In the widget the article opens inside the panel.
			if (ds.inline) return form.dispatchEvent(new CustomEvent('guichet:pick', {detail: {id: r.id, anchor: r.anchor || ''}}));
			try {
				const u = new URL((d.body.dataset.base || '') + r.url + (r.anchor ? '#' + r.anchor : ''), location.href);
				if (/^https?:$/.test(u.protocol)) location.assign(u.href);
			} catch (e) {}
		};

		const render = (results, q) => {
			clear();
			items = results.slice(0, 8).map((r, i) => {
				const li = el('li');
				attr(li, {id: id + '-' + i, role: 'option', 'aria-selected': false});
				if (r.locale && ds.locale && r.locale !== ds.locale) li.lang = r.locale; // an article not translated yet
				li.append(el('span', 's-title', r.title), meta('s-cat', r));
				li.onmousedown = e => e.preventDefault(); // keep focus in the input
				li.onclick = () => pick(i);
				list.append(li);
				return {li, r};
			});
			shownQ = q;
			live.textContent = items.length ? countText(items.length) : ds.i18nNone || '';
			show(d.activeElement === input);
		};

		const suggest = async q => {
			cancel();
			const my = seq;
			if (!related(q, prevQ)) sid = '';
			if (!sid) sid = newSid();
			prevQ = q;
			try {
				const u = new URL(ds.suggest, location.href), p = where(ds, {q, locale: ds.locale || '', limit: 8});
				if (sid) p.sid = sid;
				for (const k in p) u.searchParams.set(k, p[k]);
				ctrl = new AbortController();
				const res = await fetch(u, {signal: ctrl.signal, headers: {Accept: 'application/json'}});
				if (!res.ok) throw Error(res.status);
				const data = await res.json();
				if (my !== seq) return; // superseded by a newer request
				sid = data.search_id || sid;
				render(data.results || [], q);
			} catch (e) {
				if (my === seq) clear();
			}
		};

		on(input, 'input', () => {
			const q = input.value.trim();
			if (!q) return reset();
			if (q === shownQ && items.length) { cancel(); return show(true); }
			clearTimeout(timer);
			timer = setTimeout(suggest, 120, q);
		});
		on(input, 'keydown', e => {
			const n = items.length, k = e.key, open = !list.hidden;
			if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
			if (k === 'ArrowDown' || k === 'ArrowUp') {
				if (!n) return;
				e.preventDefault();
				const dn = k === 'ArrowDown';
				show(true);
				setActive(active < 0 ? (dn ? 0 : n - 1) : (active + (dn ? 1 : n - 1)) % n);
			} else if (k === 'Enter' && open && active >= 0) {
				e.preventDefault();
				pick(active);
			} else if (k === 'Escape' && (open || input.value && !inPanel)) {
				// The list first, then the text; in the widget's panel (a
				// dialog, body.w) the next Escape is left to close the
				// panel, text or not (widget-frame.js).
				e.preventDefault();
				if (open) show(false);
				else { input.value = ''; reset(); }
			} else if (k === 'Home' || k === 'End') {
				setActive(-1); // the caret moves inside the input
			}
		});
		on(input, 'blur', () => show(false));
		on(input, 'click', () => show(input.value.trim() === shownQ));
		on(d, 'click', e => wrap.contains(e.target) || show(false));

		// Typing then Enter counts as one search: carry the session id.
		on(form, 'submit', () => {
			clearTimeout(timer);
			show(false);
			const h = form.querySelector('input[name=sid]');
			if (h) h.remove();
			if (sid && related(input.value, prevQ)) form.append(hidden('sid', sid));
		});
	}

	function results(ol, events, locale) {
		on(ol, 'click', e => {
			const a = e.target.closest('a[data-article]');
			if (a) send(events, {type: 'click', search_id: ol.dataset.searchId, article_id: a.dataset.article, position: +a.dataset.pos || 0, locale, source: ol.dataset.source || 'site'});
		});
	}

	// A reading: the article stayed on screen for 10 seconds (while the page is visible).
	// It tells the help center that a search which returned this article found an answer.
	function reading(form) {
		const f = form.elements;
		if (!form.dataset.events || !f.article) return;
		let timer = 0;
		const arm = () => {
			clearTimeout(timer);
			if (d.visibilityState !== 'visible') return;
			timer = setTimeout(() => {
				d.removeEventListener('visibilitychange', arm);
				if (form.isConnected) send(form.dataset.events, where(form.dataset, {type: 'view', article_id: f.article.value, locale: f.locale ? f.locale.value : ''}));
			}, 10000);
		};
		on(d, 'visibilitychange', arm);
		arm();
	}

	function feedback(form) {
		reading(form);
		let last, noSent = null; // the "No" recorded at its click: a promise of whether it was
		on(form, 'click', e => { last = e.target.closest('button[name=helpful]') || last; });
		// keepalive: a "No" is recorded even when the reader leaves or closes the panel at once.
		const vote = (helpful, reason, comment) => fetch(form.dataset.events, {method: 'POST', keepalive: true,
			body: JSON.stringify(where(form.dataset, {type: 'vote', article_id: form.elements.article.value,
				locale: form.elements.locale ? form.elements.locale.value : '', helpful, reason, comment}))})
			.then(res => { if (!res.ok) throw Error(res.status); });
		on(form, 'submit', async e => {
			const btn = e.submitter || last, val = btn && btn.name === 'helpful' ? btn.value : '';
			const f = form.elements, fs = form.querySelector('fieldset'), thanks = form.querySelector('.feedback-thanks');
			const why = form.querySelector('.feedback-why'), inWhy = why && btn && why.contains(btn);
			if (!val || !form.dataset.events || !f.article) return; // plain form post
			e.preventDefault();
			if (val === 'no' && why && !inWhy) { // record the "No" now, then ask why: the answer completes this vote
				noSent = vote(false, '', '').then(() => true, () => false);
				why.hidden = why.disabled = false;
				fs.hidden = true;
				const first = why.querySelector('input[type=radio]');
				if (first) first.focus();
				return;
			}
			const helpful = val === 'yes';
			const checked = form.querySelector('input[name=reason]:checked');
			const reason = !helpful && checked ? checked.value : '', comment = !helpful && f.comment ? f.comment.value.slice(0, 1000) : '';
			if (fs) fs.disabled = true;
			try {
				// The server keeps one vote per visitor, article and day, the last by the time it
				// receives it: a reason sent once the "No" is answered replaces it (sent sooner, it
				// could arrive first and be replaced); with nothing to add, the "No" recorded stands.
				const noRecorded = noSent ? await noSent : false;
				if (helpful || reason || comment.trim() || !noRecorded) await vote(helpful, reason, comment);
				if (fs) fs.hidden = true;
				if (why) why.hidden = true;
				if (thanks) {
					thanks.textContent = thanks.dataset[helpful ? 'yes' : 'no'] || '';
					thanks.hidden = false;
					thanks.tabIndex = -1;
					thanks.focus();
				}
			} catch (err) {
				// No-JS path: submit() skips this handler and the button's value, so add it.
				if (fs) fs.disabled = false;
				form.append(hidden('helpful', val));
				HTMLFormElement.prototype.submit.call(form);
			}
		});
	}

	// The contact form answers first: as the subject is typed (debounced), the articles that
	// may answer it appear above the form, the same the server renders for ?subject=.
	function contactSubject(input) {
		const ds = input.dataset, page = input.closest('.contact-page, .w-view') || d, box = page.querySelector('.contact-suggestions');
		if (!ds.suggest || !box) return;
		let timer, ctrl, seq = 0;
		// "Tell me when this is answered" under no or weak results, as the page after a lookup
		// offers it (weakResults in site/web/contact.go): the server's form for the subject, else
		// the page's template, in the live region so that its offer is announced.
		const tpl = box.dataset.subscribe && d.getElementById(box.dataset.subscribe);
		let sub = tpl && page.querySelector('form.subscribe-form');
		const offer = (want, q) => {
			want = want && !!tpl && /[\p{L}\p{N}]/u.test(q); // a subject with words, as textnorm.HasWords
			// Gone with a subject that finds an answer; a fresh one for a new subject once sent.
			if (sub && (!want || sub.querySelector('p.field[hidden]'))) { sub.remove(); sub = null; }
			if (!want) return;
			if (!sub) {
				sub = tpl.content.firstElementChild.cloneNode(true);
				if (input.form && input.form.classList.contains('contact-lookup')) box.append(sub); else page.append(sub);
				jsonForm(sub);
			}
			sub.elements.query.value = q;
			// The reader's words marked with the page's language inside a sentence in another.
			const intro = sub.querySelector('p'), inLang = box.dataset.locale || '';
			intro.textContent = '';
			(tpl.dataset.intro || '').split('{query}').forEach((part, i) => {
				if (i && intro.lang && inLang) { const w = el('span', '', q); w.lang = inLang; intro.append(w); } else if (i) intro.append(q);
				intro.append(part);
			});
		};
		// The lookup's button, once articles show, says what it leads to: the rest of the form.
		const btn = input.form && input.form.classList.contains('contact-lookup') && input.form.querySelector('button[type=submit]');
		const label0 = btn && [btn.textContent, btn.lang];
		const label = ([text, lang]) => { btn.textContent = text; if (lang) btn.lang = lang; else btn.removeAttribute('lang'); };
		const render = (hits, q, weak, common) => {
			box.querySelectorAll('ol, p.none').forEach(n => n.remove());
			offer(q && !common && (!hits.length || weak), q);
			const at = sub && sub.parentNode === box ? sub : null;
			if (btn && btn.dataset.labelNone) label(!q ? label0 : hits.length ? [btn.dataset.labelSome, btn.dataset.labelSomeLang] : [btn.dataset.labelNone, btn.dataset.labelNoneLang]);
			if (!q) { box.hidden = true; return; }
			if (!hits.length) {
				const none = el('p', 'none', box.dataset.none || '');
				if (box.dataset.noneLang) none.lang = box.dataset.noneLang; // in English when the locale lacks it
				box.insertBefore(none, at);
			}
			else {
				const ol = el('ol', 'results');
				ol.dataset.searchId = ds.sid;
				ol.dataset.source = 'contact';
				hits.forEach((h, i) => {
					const li = el('li', 'result'), a = el('a', '', h.title);
					if (h.locale && box.dataset.locale && h.locale !== box.dataset.locale) li.lang = h.locale;
					// The panel links its articles absolute, the site's pages by their path; both
					// under the public URL's path (a help center at https://example.com/help/).
					a.href = (d.body.classList.contains('w') && h.absolute_url || (d.body.dataset.base || '') + h.url) + (h.anchor ? '#' + h.anchor : '');
					a.dataset.article = h.id;
					a.dataset.pos = i + 1;
					li.append(a);
					if (h.category) li.append(' ', meta('result-meta', {category: h.category, category_lang: h.category_lang}));
					ol.append(li);
				});
				// In the widget the panel opens the article inline and sends the click itself.
				if (!d.body.classList.contains('w')) results(ol, box.dataset.events || '/api/v1/events', box.dataset.locale || '');
				box.insertBefore(ol, at);
			}
			box.hidden = false;
		};
		const suggest = async q => {
			const my = ++seq;
			if (ctrl) ctrl.abort();
			if (!q) return render([], '', false);
			try {
				const u = new URL(ds.suggest, location.href), p = {q, locale: ds.locale || '', limit: 5, source: 'contact', sid: ds.sid || ''};
				if (ds.context) p.context = ds.context;
				if (ds.path) p.path = ds.path;
				for (const k in p) if (p[k] !== '') u.searchParams.set(k, p[k]);
				ctrl = new AbortController();
				const get = async url => {
					const res = await fetch(url, {signal: ctrl.signal, headers: {Accept: 'application/json'}});
					if (!res.ok) throw Error(res.status);
					return res.json();
				};
				let data = await get(u);
				// Customers write sentences: when no title starts with the words typed, the
				// search engine reads the whole subject (typos included), as the server does.
				if (!(data.results || []).length && my === seq) {
					u.pathname = u.pathname.replace(/suggest$/, 'search');
					data = await get(u);
				}
				if (my === seq) render(data.results || [], q, !!data.weak, !!data.common_words);
			} catch (e) {}
		};
		on(input, 'input', () => {
			clearTimeout(timer);
			timer = setTimeout(suggest, 300, input.value.trim());
		});
	}

	// A form that posts JSON to its data-api (the contact form, "Tell me when this is
	// answered"): the status line says it is done, or what to fix; without an answer from
	// the server the form is posted the plain way.
	function jsonForm(form) {
		const api = form.dataset.api, status = form.querySelector('[role=status]');
		if (!api || !status) return;
		if (!status.id) status.id = 'g-st' + ++uid;
		// The field the server refused is marked as the page without JavaScript marks it:
		// invalid, and described by the message (its own hint kept).
		let bad = null;
		const mark = n => {
			if (bad) {
				bad.removeAttribute('aria-invalid');
				const ids = (bad.getAttribute('aria-describedby') || '').split(' ').filter(x => x && x !== status.id);
				if (ids.length) bad.setAttribute('aria-describedby', ids.join(' ')); else bad.removeAttribute('aria-describedby');
			}
			bad = n;
			if (n) {
				n.setAttribute('aria-invalid', 'true');
				n.setAttribute('aria-describedby', [status.id].concat((n.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)).join(' '));
			}
		};
		on(form, 'submit', async e => {
			if (e.submitter && e.submitter.formMethod === 'get') return;
			e.preventDefault();
			const body = {};
			new FormData(form).forEach((v, k) => { body[k] = String(v); });
			if (body.search_id === '') delete body.search_id;
			const fs = form.querySelectorAll('input, textarea, button');
			fs.forEach(n => { n.disabled = true; });
			try {
				const res = await fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json', Accept: 'application/json'}, body: JSON.stringify(body)});
				const data = await res.json().catch(() => ({}));
				if (res.status >= 500 && res.status !== 503) throw Error(res.status);
				status.hidden = false;
				status.tabIndex = -1;
				mark(null);
				if (res.ok) {
					status.textContent = form.dataset.sent || '';
					form.querySelectorAll('p.field, button').forEach(n => { n.hidden = true; });
				} else {
					// The field's message in the page's language (data-error-FIELD),
					// else the server's.
					const msg = (data.error && data.error.message) || '', field = msg.split(':')[0];
					status.textContent = (/^[a-z_]+$/.test(field) && form.getAttribute('data-error-' + field)) || msg || String(res.status);
					const n = /^[a-z_]+$/.test(field) && form.elements[field];
					if (n instanceof Element && n.type !== 'hidden') mark(n);
					fs.forEach(n => { n.disabled = false; });
				}
				status.focus();
			} catch (err) {
				fs.forEach(n => { n.disabled = false; });
				HTMLFormElement.prototype.submit.call(form);
			}
		});
	}

	// A copy button on each code block of an article, in the page's language.
	function copyButton(pre) {
		const bs = d.body.dataset;
		if (!navigator.clipboard || !bs.copy || pre.parentElement.classList.contains('code-block')) return;
		const wrap = el('div', 'code-block'), b = el('button', 'copy-code', bs.copy);
		// Said to screen readers too: a button's new label is not announced.
		const said = el('span', 'visually-hidden');
		said.setAttribute('role', 'status');
		b.type = 'button';
		if (bs.copyLang) { b.lang = bs.copyLang; said.lang = bs.copyLang; } // in English when the locale lacks the string
		pre.replaceWith(wrap);
		wrap.append(pre, b, said);
		on(b, 'click', () => navigator.clipboard.writeText(pre.innerText.replace(/\n$/, '')).then(() => {
			b.textContent = said.textContent = bs.copied || bs.copy;
			setTimeout(() => { b.textContent = bs.copy; said.textContent = ''; }, 2000);
		}, () => {}));
	}

	const each = (sel, fn) => d.querySelectorAll(sel).forEach(n => {
		try { fn(n); } catch (e) { console.error(e); }
	});
	// "Contact support" followed on the site to the team's own contact page (contact_url): counted
	// against deflection, with the article read, if any. A link to the help center's contact form
	// has no data-events: the request sent is the contact, which the server records.
	function contact(a) {
		on(a, 'click', () => {
			const fb = d.querySelector('form.feedback'), f = fb && fb.elements;
			// The site's path, without the public URL's path (/help/billing/refund is /billing/refund).
			const base = d.body.dataset.base || '', p = location.pathname;
			send(a.dataset.events, {type: 'contact', path: base && p.startsWith(base + '/') ? p.slice(base.length) : p, article_id: f && f.article ? f.article.value : '',
				locale: f && f.locale ? f.locale.value : d.documentElement.lang, source: 'site'});
		});
	}

	const init = () => {
		const sf = d.querySelector('form.search-form') || {dataset: {}};
		each('a[data-contact][data-events]', contact);
		each('form.search-form', combo);
		each('ol.results', ol => results(ol, sf.dataset.events || '/api/v1/events', sf.dataset.locale || d.documentElement.lang));
		each('form.feedback', feedback);
		each('input.contact-subject', contactSubject);
		each('form.contact-form, form.subscribe-form', jsonForm);
		each('.prose pre', copyButton);
		// A link to one FAQ question (/faq#q3) opens its answer.
		const openTarget = () => {
			const t = location.hash && d.getElementById(decodeURIComponent(location.hash.slice(1)));
			if (t && t.tagName === 'DETAILS') t.open = true;
		};
		openTarget();
		on(window, 'hashchange', openTarget);
		// Markup added later (the widget's article view) asks to be enhanced.
		on(d, 'guichet:enhance', e => {
			e.target.querySelectorAll('form.feedback').forEach(feedback);
			e.target.querySelectorAll('input.contact-subject').forEach(contactSubject);
			e.target.querySelectorAll('form.contact-form, form.subscribe-form').forEach(jsonForm);
		});
	};
	if (d.readyState === 'loading') on(d, 'DOMContentLoaded', init);
	else init();
})();
