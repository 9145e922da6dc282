// Progressive enhancement of the search page: the form works as a plain GET without this file. With it, ticking a
// filter, changing the sort or following a filter or page link updates the results in place, keeps the address in
// step (shareable, back button), announces the new count. Suggestions as one types are suggest.js's.
(function () {
    'use strict';
    var form = document.getElementById('search-form');
    if (!form || !window.fetch || !window.history || !window.URLSearchParams) return;
    var pending = null;
    form.classList.add('js-live');

    function formUrl() {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, key) { if (value !== '') params.append(key, value); });
        var query = params.toString();
        return form.getAttribute('action') + (query ? '?' + query : '');
    }

    function load(url, push) {
        if (pending) pending.abort();
        pending = new AbortController();
        form.setAttribute('aria-busy', 'true');
        return fetch(url, { signal: pending.signal, credentials: 'same-origin' })
            // A search that cannot be read (400) is shown as a page, with its message beside the field.
            .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
            .then(function (html) {
                var next = new DOMParser().parseFromString(html, 'text/html');
                var focused = document.activeElement && document.activeElement.id;
                var panel = document.querySelector('.facets-panel');
                var panelOpen = panel ? panel.open : true;
                ['search-facets', 'search-results'].forEach(function (id) {
                    var current = document.getElementById(id), replacement = next.getElementById(id);
                    if (current && replacement) current.replaceWith(document.importNode(replacement, true));
                });
                // The status stays in place, so that screen readers announce its new text.
                var newPanel = document.querySelector('.facets-panel');
                if (newPanel) { newPanel.open = panelOpen; newPanel.dataset.touched = '1'; }
                var status = document.getElementById('search-status'), nextStatus = next.getElementById('search-status');
                if (status && nextStatus) status.textContent = nextStatus.textContent;
                document.title = next.title;
                if (push) history.pushState(null, '', url);
                else history.replaceState(null, '', url);
                form.dispatchEvent(new CustomEvent('search:updated', { detail: { url: url } }));
                var target = focused && document.getElementById(focused);
                if (target) target.focus();
                else if (focused) { var results = document.getElementById('search-status'); if (results) { results.setAttribute('tabindex', '-1'); results.focus(); } }
            })
            .catch(function (error) { if (error.name !== 'AbortError') window.location.href = url; })
            .finally(function () { form.removeAttribute('aria-busy'); });
    }

    // On a phone the filters start folded, so that the results come first; on a wide screen they stay open.
    var narrow = window.matchMedia('(max-width: 48rem)');
    function fold() {
        var panel = document.querySelector('.facets-panel');
        if (panel && !panel.dataset.touched) panel.open = !narrow.matches;
    }
    fold();
    if (narrow.addEventListener) narrow.addEventListener('change', fold);
    document.addEventListener('click', function (event) {
        if (event.target.closest && event.target.closest('.facets-panel > summary')) event.target.closest('.facets-panel').dataset.touched = '1';
    });

    // The map page drives the same form: it sets the area and asks for a new load.
    window.PortalSearch = { load: load, formUrl: formUrl };

    form.addEventListener('change', function (event) {
        if (event.target.matches('input[type=checkbox], select')) load(formUrl(), true);
    });
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        load(formUrl(), true);
    });
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('a[data-search-link]');
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        load(link.href, true);
    });
    window.addEventListener('popstate', function () { load(window.location.href, false); });
    form.dispatchEvent(new CustomEvent('search:ready'));
})();
