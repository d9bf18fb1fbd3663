/* Guichet widget loader. One tag adds a help button; the panel is an iframe on the help center's
   origin, so its HTML never enters this page. No dependencies, no cookies, never blocks rendering.
   <script src="https://help.example.com/widget.js" data-locale="fr" data-context="checkout" async></script> */
(function () {
	'use strict';
	var w = window, d = document, C = /*GUICHET_CONFIG*/{}, G = w.Guichet;
	if (G && G.version) return; // included twice
	var s = d.currentScript, all, i;
	if (!s) { all = d.querySelectorAll('script[src*="widget.js"]'); s = all[all.length - 1]; }
	if (!s || !w.URL || !w.postMessage) return;
	// The help center is where this script came from, under its public URL's path too
	// (https://example.com/help/widget.js opens https://example.com/help/widget/frame).
	var ds = s.dataset, src = new URL(s.src, location.href), base = src.origin, strings = C.strings || {};
	// Matched without case, else by language; the help center resolves a language it serves twice.
	var lang = (String(ds.locale || '').trim() || String(d.documentElement.lang || '').trim()).replace(/_/g, '-').toLowerCase();
	var loc = C.locale, ask, same = [], k;
	for (k in strings) {
		if (k.toLowerCase() === lang) ask = loc = k;
		else if (k.toLowerCase().split('-')[0] === lang.split('-')[0]) same.push(k);
	}
	if (!ask && same.length) { loc = same[0]; ask = same.length > 1 ? lang : loc; }
	ask = ask || loc;
	var S = strings[loc] || {open: 'Help', close: 'Close help', title: 'Help'};
	var hex = /^#([0-9a-f]{3}){1,2}$/i, color = hex.test(ds.color || '') ? ds.color : C.color || '#0b5cad';
	var ctx = contextKey(ds.context), prefix = String(ds.pathPrefix || '').replace(/^\/*/, '/').replace(/\/+$/, ''), path = hostPath();
	var frame, ready = false, failed = false, timer, pending = [], isOpen = false, lastFocus;
	var handlers = {open: [], close: [], article: []};

	function clip(v, n) { return String(v == null ? '' : v).slice(0, n); }
	// A context key as the help center takes it: one line (a name built from a page's text may
	// hold line breaks; each run of white space is one space), trimmed, 200 characters.
	function contextKey(v) { return clip(clip(v, 4000).replace(/\s+/g, ' ').trim(), 200); }
	// A path segment as people read it: the browser escapes the path ("%C3%A9" for "é"), a
	// prefix is written either way, an accent typed apart or not (NFC).
	function seg(v) {
		try { v = decodeURIComponent(v); } catch (e) { /* a "%" that escapes nothing */ }
		return v.normalize ? v.normalize('NFC') : v;
	}
	function hostPath() {
		var p = '/' + location.pathname.replace(/^\/+/, ''), have = p.split('/'), want = prefix.split('/');
		// Segment by segment: not "/app" off "/app-admin".
		if (prefix && want.length <= have.length && want.every(function (x, i) { return seg(x) === seg(have[i]); })) {
			p = '/' + have.slice(want.length).join('/');
		}
		// Apps routed in the fragment (#/orders/42, #!/orders/42: hash routers) name the screen there.
		var h = /^#!?(\/[^?#]*)/.exec(location.hash);
		if (h) p = p.replace(/\/+$/, '') + h[1];
		// One leading slash (the help center refuses "//x", another host to a browser), and at
		// most the 2,000 characters it takes: such a page still gets its panel.
		return clip('/' + p.replace(/^\/+/, ''), 2000);
	}
	// Black or white text, whichever reads better on the brand colour.
	function textOn(c) {
		c = c.slice(1);
		if (c.length === 3) c = c.replace(/./g, '$&$&');
		var l = [0, 2, 4].map(function (k) {
			var v = parseInt(c.substr(k, 2), 16) / 255;
			return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] > 0.179 ? '#000' : '#fff';
	}
	// The host's theme: data-theme on the tag, else its own markers, else the system's (auto).
	function theme() {
		var t = ds.theme, h = d.documentElement, cs;
		if (t === 'light' || t === 'dark') return t;
		t = h.getAttribute('data-theme') || h.getAttribute('data-bs-theme') || '';
		if (t === 'light' || t === 'dark') return t;
		if (h.classList.contains('dark')) return 'dark';
		cs = (getComputedStyle(h).colorScheme || '').trim();
		return cs === 'dark' || cs === 'light' ? cs : 'auto';
	}

	var el = d.createElement('div');
	el.setAttribute('data-guichet-widget', '');
	// The launcher and panel sit at the end of the line of the widget's language: bottom left in Arabic.
	el.setAttribute('dir', S.dir === 'rtl' ? 'rtl' : 'ltr');
	el.lang = loc || ''; // read in the widget's language, not the host page's
	var root = el.attachShadow ? el.attachShadow({mode: 'open'}) : el;
	var fg = textOn(color);
	// The launcher stays above the panel until the panel's page has said it is ready, so a help
	// center that is down or slow never leaves a full-screen panel without a way to close it.
	var css = ':host{all:initial}' +
		'.b{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483001;display:flex;align-items:center;gap:8px;height:48px;' +
		'min-width:48px;padding:0 18px;border:0;border-radius:24px;background:' + color + ';color:' + fg + ';' +
		'font:600 16px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25);cursor:pointer}' +
		'.b:focus-visible{outline:3px solid ' + color + ';outline-offset:3px}.b svg{width:20px;height:20px;fill:currentColor}' +
		'.p{position:fixed;inset-inline-end:20px;bottom:80px;z-index:2147483000;width:400px;max-width:calc(100vw - 40px);' +
		'height:min(640px,calc(100vh - 100px));border-radius:12px;overflow:hidden;background:#fff;box-shadow:0 12px 48px rgba(0,0,0,.3)}' +
		'.p[hidden],.n[hidden]{display:none}iframe{display:block;width:100%;height:100%;border:0;color-scheme:normal}' +
		'.n{position:absolute;inset:0;margin:0;padding:24px;background:#fff;color:#222;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
		'@media (max-width:480px){.p{inset-inline-end:0;bottom:0;width:100%;max-width:none;height:100%;border-radius:0}.b.r[aria-expanded=true]{display:none}}' +
		'@media (prefers-reduced-motion:no-preference){.p{animation:g .15s ease-out}}@keyframes g{from{opacity:0;transform:translateY(8px)}}';
	// Built with DOM calls, never innerHTML, so a host page enforcing Trusted Types
	// (require-trusted-types-for 'script') runs it. A constructed style sheet, which a host
	// page's Content-Security-Policy (style-src without 'unsafe-inline') does not block; a
	// <style> only where constructed sheets are missing (before 2023 browsers).
	function make(tag, cls, parent, ns) {
		var n = ns ? d.createElementNS(ns, tag) : d.createElement(tag);
		if (cls) n.setAttribute('class', cls);
		parent.appendChild(n);
		return n;
	}
	var sheet = null, svg = 'http://www.w3.org/2000/svg';
	try { sheet = new CSSStyleSheet(); sheet.replaceSync(css); } catch (e) { sheet = null; }
	if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [sheet];
	else make('style', '', root).textContent = css;
	var btn = make('button', 'b', root), icon = make('svg', '', btn, svg), label = make('span', '', btn);
	var panel = make('div', 'p', root), note = make('p', 'n', panel);
	btn.type = 'button';
	btn.setAttribute('aria-haspopup', 'dialog');
	btn.setAttribute('aria-expanded', 'false');
	icon.setAttribute('viewBox', '0 0 24 24');
	icon.setAttribute('aria-hidden', 'true');
	make('path', '', icon, svg).setAttribute('d', 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 17h-2v-2h2zm2.1-7.7-.9.9c-.7.8-1.2 1.4-1.2 2.8h-2v-.5c0-1.1.5-2.1 1.2-2.8l1.2-1.3A2 2 0 0 0 12 7a2 2 0 0 0-2 2H8a4 4 0 0 1 8 0c0 .9-.4 1.7-.9 2.3z');
	panel.setAttribute('role', 'dialog');
	panel.setAttribute('aria-modal', 'true');
	panel.hidden = note.hidden = true;
	note.setAttribute('role', 'alert');
	note.textContent = S.error || 'Help could not be loaded. Try again later.';
	label.textContent = S.open;
	panel.setAttribute('aria-label', S.title);
	btn.addEventListener('click', function () { if (isOpen) close(); else open(); });

	function emit(name, detail) {
		handlers[name].forEach(function (fn) { try { fn(detail); } catch (e) { setTimeout(function () { throw e; }); } });
	}
	// send posts to the frame, with its exact origin, once it is ready.
	function send(msg) {
		msg.guichet = 1;
		if (ready && frame.contentWindow) frame.contentWindow.postMessage(msg, base);
		else if (frame || msg.type !== 'context') pending.push(msg); // a new frame reads the context from its URL
	}
	function frameURL() {
		var q = {locale: ask, path: path, context: ctx, theme: theme()}, u = new URL('widget/frame', src), k;
		if (location.origin && location.origin !== 'null') q.origin = location.origin;
		if (hex.test(ds.color || '')) q.color = ds.color;
		for (k in q) if (q[k]) u.searchParams.set(k, q[k]);
		return u.href;
	}
	// fail shows why the panel is empty when its page did not answer (the help center is down,
	// refused the host's origin, or is too slow); the next opening tries again.
	function fail() {
		if (ready) return;
		failed = true;
		note.hidden = false;
		// The visitor reads the note; the app's developer, what to check.
		if (w.console) console.warn('Guichet: the help panel did not load from ' + new URL('.', src).href + ': the help center is down or slow, or it refused this page (' + location.origin + ' not in widget.allowed_origins)');
	}
	function open() {
		if (isOpen) return;
		if (frame && failed) {
			panel.removeChild(frame);
			frame = null;
		}
		if (!frame) {
			failed = false;
			note.hidden = true;
			frame = d.createElement('iframe');
			frame.title = S.title;
			frame.src = frameURL();
			// An error page loads without saying it is ready.
			frame.addEventListener('load', function () { clearTimeout(timer); timer = setTimeout(fail, 3000); });
			timer = setTimeout(fail, 15000);
			panel.appendChild(frame);
		}
		lastFocus = d.activeElement;
		isOpen = true;
		panel.hidden = false;
		btn.setAttribute('aria-expanded', 'true');
		label.textContent = S.close;
		send({type: 'open', theme: theme()});
		if (ready) frame.focus();
		emit('open');
	}
	function close() {
		if (!isOpen) return;
		isOpen = false;
		panel.hidden = true;
		btn.setAttribute('aria-expanded', 'false');
		label.textContent = S.open;
		(lastFocus && lastFocus !== el && lastFocus !== d.body && lastFocus.focus ? lastFocus : btn).focus();
		emit('close');
	}
	// A route change, or a new context key, refreshes the panel's articles.
	function refresh() {
		var p = hostPath();
		path = p;
		send({type: 'context', path: path, context: ctx});
	}

	w.addEventListener('message', function (e) {
		var m = e.data;
		if (!frame || e.source !== frame.contentWindow || e.origin !== base || !m || m.guichet !== 1) return;
		if (m.type === 'ready') {
			ready = true;
			failed = false;
			clearTimeout(timer);
			note.hidden = true;
			btn.classList.add('r');
			pending.splice(0).forEach(send);
			if (isOpen) frame.focus();
		} else if (m.type === 'close') close();
		else if (m.type === 'article') emit('article', {id: clip(m.id, 200), title: clip(m.title, 500), url: clip(m.url, 2000)});
	});
	// Keep focus in the panel while it is open (it is a modal dialog); Escape closes it.
	// Not before the panel is ready: focus in a page that failed would lose Escape.
	d.addEventListener('focusin', function (e) { if (isOpen && ready && e.target !== el) frame.focus(); });
	d.addEventListener('keydown', function (e) { if (isOpen && e.key === 'Escape') close(); });
	// Single-page apps: follow History API route changes.
	['pushState', 'replaceState'].forEach(function (m) {
		var orig = history[m];
		if (typeof orig !== 'function') return;
		history[m] = function () {
			var r = orig.apply(this, arguments);
			// The app's router called this: nothing of the widget's may throw at it.
			try { if (hostPath() !== path) refresh(); } catch (e) { setTimeout(function () { throw e; }); }
			return r;
		};
	});
	w.addEventListener('popstate', function () { if (hostPath() !== path) refresh(); });
	w.addEventListener('hashchange', function () { if (hostPath() !== path) refresh(); });

	var api = {
		version: 1,
		open: open,
		close: close,
		setContext: function (key) {
			ctx = contextKey(key);
			refresh();
		},
		suggest: function (ids) {
			send({type: 'suggest', ids: (Array.isArray(ids) ? ids : [ids]).slice(0, 5).map(function (x) { return clip(x, 200); })});
		},
		search: function (query) {
			open();
			send({type: 'search', q: clip(query, 255)});
		},
		openArticle: function (id) {
			open();
			send({type: 'article', id: clip(id, 200)});
		},
		on: function (name, fn) {
			if (handlers[name] && typeof fn === 'function') handlers[name].push(fn);
			return api;
		}
	};
	var queue = G && G.q || [];
	w.Guichet = api;
	function mount() {
		d.body.appendChild(el);
		for (i = 0; i < queue.length; i++) {
			var call = queue[i], fn = api[call[0]];
			if (typeof fn === 'function') fn.apply(api, [].slice.call(call[1] || []));
		}
	}
	if (d.body) mount();
	else d.addEventListener('DOMContentLoaded', mount);
	// Apps that swap the whole <body> on navigation (Turbo Drive, pjax) drop the widget with it:
	// put it back, closed, with a new panel (a moved iframe reloads its first page).
	if (w.MutationObserver) new MutationObserver(function () {
		if (el.isConnected || !d.body) return;
		if (frame) panel.removeChild(frame);
		clearTimeout(timer); // the dropped panel's: it must not fail the next one
		frame = null;
		ready = isOpen = failed = false;
		pending = [];
		panel.hidden = true;
		btn.setAttribute('aria-expanded', 'false');
		btn.classList.remove('r');
		label.textContent = S.open;
		d.body.appendChild(el);
		if (hostPath() !== path) path = hostPath();
	}).observe(d.documentElement, {childList: true});
})();
