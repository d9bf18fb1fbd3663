/* Guichet widget demo: the fake app changes screens with the History API, as a single-page app does. */
(() => {
	'use strict';
	const show = url => {
		document.querySelectorAll('.demo-screen').forEach(s => { s.hidden = s.dataset.url !== url; });
		document.querySelectorAll('.demo-nav a').forEach(a => {
			if (a.getAttribute('href') === url) {
				a.setAttribute('aria-current', 'page');
				if (window.Guichet && Guichet.setContext) Guichet.setContext(a.dataset.context || '');
			} else a.removeAttribute('aria-current');
		});
	};
	document.addEventListener('click', e => {
		const a = e.target.closest('.demo-nav a');
		if (!a || e.button || e.ctrlKey || e.metaKey || e.shiftKey) return;
		e.preventDefault();
		history.pushState(null, '', a.getAttribute('href'));
		show(a.getAttribute('href'));
	});
	addEventListener('popstate', () => show(location.pathname));
})();
