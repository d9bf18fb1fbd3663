/* Guichet widget panel: runs in the iframe widget.js opens, on the help center's origin.
   It talks to the host page only through postMessage, to and from the host's exact origin. */
(() => {
	'use strict';
	const d = document, b = d.body, ds = b.dataset, host = ds.host, T = JSON.parse(d.getElementById('g-w-i18n').textContent);
	const main = d.getElementById('g-w-main'), back = d.querySelector('.w-back'), closer = d.querySelector('.w-close');
	const form = d.querySelector('form.w-search'), input = form.elements.q, locale = ds.locale;
	const embedded = !!host && parent !== window;
	// The public URL's path: a help center served under https://example.com/help/ answers there.
	const api = ds.base || '';
	// Where an article is read on the help center: its absolute URL (the API's url is a path).
	const fullURL = a => a.absolute_url || new URL(a.url, location.href).href;
	let path = ds.path || '', context = ds.context || '', home = main.querySelector('[data-view=home]'), current = home;
	let suggested = null; // article ids chosen by the app, shown instead of the context's
	let seq = 0; // the latest view request; older answers are dropped
	const stack = []; // views behind the current one, for Back

	const newSid = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
	const post = msg => { if (embedded) parent.postMessage(Object.assign({guichet: 1}, msg), host); };
	const el = (tag, cls, text) => {
		const n = d.createElement(tag);
		if (cls) n.className = cls;
		if (text) n.textContent = text;
		return n;
	};
	// said marks an element showing the string key with its language when it is not the
	// panel's (a string the locale lacks, shown in English), as the server marks its own.
	const said = (n, key) => {
		if (key && T['lang_' + key]) n.lang = T['lang_' + key];
		return n;
	};
	// A string's {query} filled in as the server's i18n.Fill does: every occurrence, the value as
	// written (String.replace would read "$&" or "$'" in a query as patterns).
	const fill = (s, q) => s.split('{query}').join(q);
	// quote writes into n, marked by said, the string s quoting the reader's words q, which are
	// marked with the panel's language when s is in another (the server's quoting).
	const quote = (n, s, q) => {
		n.textContent = '';
		s.split('{query}').forEach((part, i) => {
			if (i && n.lang) { const w = el('span', '', q); w.lang = locale; n.append(w); } else if (i) n.append(q);
			n.append(part);
		});
		return n;
	};
	const getJSON = async (p, params) => {
		const u = new URL(p, location.href);
		for (const k in params) if (params[k] !== '' && params[k] != null) u.searchParams.set(k, params[k]);
		const r = await fetch(u, {headers: {Accept: 'application/json'}});
		if (!r.ok) throw Error(r.status);
		return r.json();
	};
	const event = o => fetch(ds.events, {method: 'POST', keepalive: true,
		body: JSON.stringify(Object.assign({locale, source: 'widget', context, path}, o))}).catch(() => {});
	const setWhere = () => {
		for (const f of d.querySelectorAll('form')) { f.dataset.context = context; f.dataset.path = path; }
	};

	// show replaces the current view; push keeps it for Back. Focus goes to the new view's
	// heading, so screen readers announce it.
	const show = (view, push) => {
		if (view === current) return;
		if (push) stack.push(current);
		current.replaceWith(view);
		current = view;
		back.hidden = !stack.length;
		const h = view.querySelector('h2');
		if (h) h.focus({preventScroll: true});
		main.scrollTop = 0;
	};
	const goBack = () => { if (stack.length) show(stack.pop(), false); };
	const view = (name, heading, id, key) => {
		const s = el('section', 'w-view'), h = said(el('h2', '', heading), key);
		s.dataset.view = name;
		h.id = id || 'g-w-' + name + '-h';
		h.tabIndex = -1;
		s.setAttribute('aria-labelledby', h.id);
		s.append(h);
		return s;
	};
	const message = (name, text, key) => {
		const s = view(name, text, '', key);
		s.querySelector('h2').className = 'w-note';
		return s;
	};
	const list = (name, heading, items, key) => {
		const s = view(name, heading, '', key), ul = el('ul', 'w-list');
		items.forEach((a, i) => {
			const li = el('li'), link = el('a');
			link.href = fullURL(a);
			link.target = '_blank';
			link.rel = 'noopener';
			link.dataset.article = a.id;
			link.dataset.pos = i + 1;
			link.append(el('span', 'w-t', a.title));
			if (a.locale && a.locale !== locale) {
				// An article of another language mixed into the results: say which.
				link.lang = a.locale;
				let name = a.locale;
				try { name = new Intl.DisplayNames([a.locale], {type: 'language'}).of(a.locale); } catch (e) {}
				link.append(el('span', 'w-lang', name));
			}
			if (a.description || a.snippet) {
				const desc = el('span', 'w-d');
				// Search snippets come from the server with <mark> highlights only
				// (class "synonym" or "correction" for those).
				if (a.snippet) desc.innerHTML = a.snippet; else desc.textContent = a.description;
				link.append(desc);
			}
			li.append(link);
			ul.append(li);
		});
		s.append(ul);
		return s;
	};

	// Home: the app's suggestions, else the articles for the host page (or the top FAQ).
	const loadHome = async () => {
		const my = ++seq;
		let next;
		try {
			if (suggested) {
				const got = await Promise.all(suggested.map(id => getJSON(api + '/api/v1/articles/' + encodeURIComponent(id), {locale}).catch(() => null)));
				next = list('home', T.suggested, got.filter(Boolean), 'suggested');
			} else {
				const data = await getJSON(api + '/api/v1/context', {url: path, context, locale, limit: 5});
				next = list('home', data.matched ? T.for_page : T.popular, data.articles, data.matched ? 'for_page' : 'popular');
			}
		} catch (e) {
			next = message('home', T.error, 'error');
		}
		if (my !== seq) return;
		const i = stack.indexOf(home);
		if (current === home) {
			home.replaceWith(next);
			current = next;
		} else if (i >= 0) stack[i] = next;
		home = next;
	};

	const openArticle = async (id, click) => {
		const my = ++seq;
		if (click) event(Object.assign({type: 'click', article_id: id}, click));
		let a;
		try {
			a = await getJSON(api + '/api/v1/articles/' + encodeURIComponent(id), {locale});
		} catch (e) {
			// An ID the help center does not have (an app's stale link) is no connection problem.
			const gone = e.message === '404' || e.message === '410';
			if (my === seq) show(message('article', gone ? T.gone : T.error, gone ? 'gone' : 'error'), true);
			return;
		}
		if (my !== seq) return;
		const s = view('article', a.title, 'g-w-art-h'), body = el('div', 'prose'), full = el('p', 'w-full'), link = said(el('a', '', T.full), 'full');
		s.className = 'w-view w-article';
		s.querySelector('h2').className = 'w-art-title';
		if (a.locale && a.locale !== locale) s.querySelector('h2').lang = body.lang = a.locale; // not translated yet
		body.innerHTML = a.html; // the help center's own rendered Markdown
		// Links inside the article open on the full site, not in the panel.
		body.querySelectorAll('a[href]').forEach(l => {
			if (!l.getAttribute('href').startsWith('#')) { l.target = '_blank'; l.rel = 'noopener'; }
		});
		link.href = fullURL(a);
		link.target = '_blank';
		link.rel = 'noopener';
		full.append(link);
		const fb = d.getElementById('g-w-feedback').content.firstElementChild.cloneNode(true);
		fb.elements.article.value = a.id;
		fb.removeAttribute('id');
		fb.dataset.context = context;
		fb.dataset.path = path;
		s.append(body, full, fb);
		show(s, true);
		d.dispatchEvent(new Event('guichet:enhance', {bubbles: true})); // app.js wires the feedback form
		post({type: 'article', id: a.id, title: a.title, url: fullURL(a)});
	};

	// nextSteps: the server-rendered way out of a search without an answer (most read, top
	// questions, categories, "Tell me when this is answered", contact), the lists only when
	// nothing was found; the e-mail to support gets the question as its subject.
	const nextSteps = (q, lists) => {
		const t = d.getElementById('g-w-next');
		const n = t ? t.content.firstElementChild.cloneNode(true) : el('div');
		if (!lists) n.querySelectorAll('.most-read, .top-questions, .browse').forEach(x => x.remove());
		const m = n.querySelector('a[data-subject]');
		if (m) {
			const [addr, query] = m.getAttribute('href').split('?');
			const p = new URLSearchParams(query || '');
			// One line: a line break would start another header in some mail clients.
			p.set('subject', fill(m.dataset.subject, q.replace(/[\x00-\x1f\x7f]/g, ' ')));
			m.href = addr + '?' + p.toString().replace(/\+/g, '%20');
		}
		return n;
	};

	const search = async (q, sid, verbatim) => {
		q = q.trim();
		if (!q) return;
		const my = ++seq;
		let data;
		const params = {q, locale, limit: 10, source: 'widget', context, path, sid};
		if (verbatim) params.verbatim = 1;
		try {
			data = await getJSON(api + '/api/v1/search', params);
		} catch (e) {
			if (my === seq) show(message('results', T.error, 'error'), true);
			return;
		}
		if (my !== seq) return;
		// A corrected query is what ran: the heading names it. Results that answer only part
		// of it are related articles; without any, what to read or do next.
		const shown = data.did_you_mean || q;
		let s;
		if (!data.results.length) {
			const key = data.common_words ? 'common_words' : 'no_results';
			s = message('results', fill(T[key], q), key);
			quote(s.querySelector('h2'), T[key], q);
			s.append(nextSteps(q, true));
		} else if (data.weak) {
			s = list('results', fill(T.related_for, shown), data.results, 'related_for');
			quote(s.querySelector('h2'), T.related_for, shown);
			s.querySelector('h2').after(quote(said(el('p', 'w-intro'), 'related_intro'), T.related_intro, shown));
			s.append(nextSteps(q, false));
		} else {
			s = list('results', fill(T.results_for, shown), data.results, 'results_for');
			quote(s.querySelector('h2'), T.results_for, shown);
		}
		s.dataset.sid = data.search_id;
		if (data.results.length && data.did_you_mean) {
			// The words as typed stay one click away.
			const p = said(el('p', 'w-instead', T.search_instead_for + ' '), 'search_instead_for'), b = el('button', 'w-link', q);
			if (p.lang) b.lang = locale; // the words as typed
			b.type = 'button';
			b.addEventListener('click', () => search(q, '', true));
			p.append(b);
			s.querySelector('h2').after(p);
		}
		// "Tell me when this is answered" under no or weak results: the rule of the site's search
		// page (weakResults in site/web/contact.go).
		const sub = d.getElementById('g-w-subscribe');
		if (sub && !data.common_words && (!data.results.length || data.weak)) {
			const f = sub.content.firstElementChild.cloneNode(true);
			f.elements.query.value = q;
			quote(f.querySelector('p'), T.subscribe_intro, q);
			s.append(f);
		}
		show(s, current.dataset.view !== 'results');
		if (sub) s.dispatchEvent(new CustomEvent('guichet:enhance', {bubbles: true})); // app.js posts the form
	};

	// Opening an article from a list.
	main.addEventListener('click', e => {
		const a = e.target.closest('a[data-article]');
		if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
		e.preventDefault();
		const v = a.closest('.w-view');
		// An article offered after a search without an answer is not a result of it.
		const result = !a.closest('.w-next');
		openArticle(a.dataset.article, {position: result && +a.dataset.pos || 0, search_id: result && v && v.dataset.sid || ''});
	});
	form.addEventListener('guichet:pick', e => openArticle(e.detail.id, null)); // app.js sent the click
	form.addEventListener('submit', e => {
		e.preventDefault();
		search(input.value, form.elements.sid ? form.elements.sid.value : '');
	});
	// "Contact support" followed from the panel to the team's own contact page: the insights count
	// it against deflection, with the article being read, if any. With the contact step below, the
	// request sent is the contact (the server records it), not the form opened.
	const contact = d.querySelector('.w-foot a[data-contact]');
	if (contact && !d.getElementById('g-w-contact')) contact.addEventListener('click', () => {
		const art = current.querySelector('form.feedback');
		event({type: 'contact', article_id: art && art.elements.article ? art.elements.article.value : ''});
	});
	// The contact step: the contact form inside the panel, its subject suggesting articles
	// (opened inline, which counts as a deflection when nothing is sent).
	const contactLink = d.querySelector('.w-foot a[data-contact]'), contactTpl = d.getElementById('g-w-contact');
	if (contactLink && contactTpl) contactLink.addEventListener('click', e => {
		if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return;
		e.preventDefault();
		const s = contactTpl.content.firstElementChild.cloneNode(true), f = s.querySelector('form'), sid = newSid();
		f.elements.context.value = context;
		f.elements.path.value = path;
		f.elements.search_id.value = sid;
		f.elements.subject.dataset.sid = sid;
		if (context) f.elements.subject.dataset.context = context;
		if (path) f.elements.subject.dataset.path = path;
		if (input.value.trim()) f.elements.subject.value = input.value.trim();
		s.dataset.sid = sid;
		show(s, true);
		s.dispatchEvent(new CustomEvent('guichet:enhance', {bubbles: true}));
		f.elements.subject.focus();
		if (f.elements.subject.value) f.elements.subject.dispatchEvent(new Event('input'));
	});
	back.addEventListener('click', goBack);
	closer.addEventListener('click', () => post({type: 'close'}));
	if (!embedded) closer.hidden = true;

	// Keyboard: Escape closes (unless the autocomplete used it), Tab stays inside the panel.
	d.addEventListener('keydown', e => {
		if (e.key === 'Escape' && !e.defaultPrevented) {
			e.preventDefault();
			post({type: 'close'});
		} else if (e.key === 'Tab') {
			const f = [...d.querySelectorAll('a[href], button, input, textarea, select, [tabindex="0"]')]
				.filter(n => !n.disabled && n.type !== 'hidden' && n.getClientRects().length);
			if (!f.length) return;
			const first = f[0], last = f[f.length - 1], at = d.activeElement;
			if (e.shiftKey && (at === first || !f.includes(at))) { e.preventDefault(); last.focus(); }
			else if (!e.shiftKey && (at === last || !f.includes(at))) { e.preventDefault(); first.focus(); }
		}
	});

	// Messages from the host page: only from the parent window, at the origin it said it has.
	addEventListener('message', e => {
		if (!embedded || e.source !== parent || e.origin !== host) return;
		const m = e.data;
		if (!m || m.guichet !== 1 || typeof m.type !== 'string') return;
		const str = (v, n) => String(v == null ? '' : v).slice(0, n);
		switch (m.type) {
		case 'open':
			d.documentElement.dataset.theme = /^(light|dark)$/.test(m.theme) ? m.theme : 'auto';
			event({type: 'open'});
			(current === home ? input : current.querySelector('h2') || input).focus();
			break;
		case 'context': {
			const p = str(m.path, 2000), c = str(m.context, 200);
			if (p === path && c === context) return;
			path = p.startsWith('/') ? p : '';
			context = c;
			suggested = null;
			setWhere();
			loadHome();
			break;
		}
		case 'suggest':
			suggested = (Array.isArray(m.ids) ? m.ids : []).slice(0, 5).map(id => str(id, 200)).filter(Boolean);
			if (!suggested.length) suggested = null;
			loadHome();
			break;
		case 'search':
			input.value = str(m.q, 255);
			search(input.value, '');
			break;
		case 'article':
			openArticle(str(m.id, 200), null);
			break;
		}
	});
	setWhere();
	post({type: 'ready'});
})();
