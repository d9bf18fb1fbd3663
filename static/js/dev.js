// Dev mode only (guichet serve --dev): reload the page when the server has
// published new content or templates.
(function () {
	'use strict';
	var seen = null;
	function poll() {
		fetch((document.body.dataset.base || '') + '/_dev/version', { cache: 'no-store' })
			.then(function (r) { return r.json(); })
			.then(function (d) {
				if (seen !== null && d.version !== seen) { location.reload(); return; }
				seen = d.version;
				setTimeout(poll, 1000);
			})
			.catch(function () { setTimeout(poll, 2000); });
	}
	poll();
})();
