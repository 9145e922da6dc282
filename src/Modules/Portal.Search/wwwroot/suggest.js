// Suggestions as one types, on every input marked data-suggest (the ARIA 1.2 combobox pattern, list autocomplete).
// data-suggest: the kinds to offer, comma-separated among topic, entry, place (or places…; empty or "all": every kind),
// e.g. <input id="search-place" data-suggest="place"> for a "where?" field.
// data-suggest-action: "go" follows the chosen suggestion's link (the default), "fill" puts its text in the input
// (the default for data-suggest="place"), "submit" fills and submits the input's form. Choosing fires
// "suggest:chosen" with the suggestion (text, kind, url, value, lat, lon) as detail, and a place's point is set as
// data-lat/data-lon on the input, for a field that needs it (e.g. a "where?" field).
// The culture is the closest data-culture, else the page's lang. Without this file the inputs stay plain fields.
(function () {
    'use strict';
    if (!window.fetch || !window.URLSearchParams) return;
    var counter = 0;

    function enhance(input) {
        if (input.dataset.suggestReady) return;
        input.dataset.suggestReady = '1';
        var n = ++counter;
        var id = input.id || ('suggest-input-' + n);
        input.id = id;
        var plural = { places: 'place', topics: 'topic', entries: 'entry' };
        var kinds = (input.dataset.suggest || '').split(',').map(function (k) { k = k.trim(); return plural[k] || k; }).filter(function (k) { return k && k !== 'all'; });
        var action = input.dataset.suggestAction || (kinds.length === 1 && kinds[0] === 'place' ? 'fill' : 'go');
        var holder = input.closest('[data-culture]');
        var culture = (holder && holder.dataset.culture) || document.documentElement.lang || 'fr';

        var combo = document.createElement('div');
        combo.className = 'suggest-combo';
        input.parentNode.insertBefore(combo, input);
        combo.appendChild(input);
        var list = document.createElement('div');
        list.id = id + '-listbox';
        list.className = 'suggest-list';
        list.setAttribute('role', 'listbox');
        list.hidden = true;
        var label = input.labels && input.labels[0];
        if (label) {
            if (!label.id) label.id = id + '-label';
            list.setAttribute('aria-labelledby', label.id);
        }
        combo.appendChild(list);
        var status = document.createElement('div');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        status.id = id + '-status';
        combo.appendChild(status);

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);
        input.setAttribute('autocomplete', 'off');
        input.removeAttribute('list');

        var options = [], items = [], active = -1, timer = null, pending = null;

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function open() {
            if (!options.length) return;
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
        }

        function highlight(index) {
            if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
            active = index;
            if (active < 0) { input.removeAttribute('aria-activedescendant'); return; }
            var option = options[active];
            option.setAttribute('aria-selected', 'true');
            input.setAttribute('aria-activedescendant', option.id);
            if (option.scrollIntoView) option.scrollIntoView({ block: 'nearest' });
        }

        function choose(index) {
            var s = items[index];
            if (!s) return;
            close();
            if (s.lat != null && s.lon != null) { input.dataset.lat = s.lat; input.dataset.lon = s.lon; }
            else { delete input.dataset.lat; delete input.dataset.lon; }
            input.dispatchEvent(new CustomEvent('suggest:chosen', { bubbles: true, detail: s }));
            if (action === 'go' && s.url) { window.location.href = s.url; return; }
            input.value = s.text;
            if (action === 'submit' && input.form) {
                if (input.form.requestSubmit) input.form.requestSubmit(); else input.form.submit();
            }
        }

        function render(data) {
            list.textContent = '';
            options = []; items = []; active = -1;
            input.removeAttribute('aria-activedescendant');
            (data.groups || []).forEach(function (g) {
                var group = document.createElement('div');
                group.setAttribute('role', 'group');
                var heading = document.createElement('div');
                heading.setAttribute('role', 'presentation');
                heading.className = 'suggest-group-label';
                heading.id = id + '-group-' + g.kind;
                heading.textContent = g.label;
                group.setAttribute('aria-labelledby', heading.id);
                group.appendChild(heading);
                data.suggestions.filter(function (s) { return s.kind === g.kind; }).forEach(function (s) {
                    var option = document.createElement('div');
                    option.setAttribute('role', 'option');
                    option.setAttribute('aria-selected', 'false');
                    option.id = id + '-option-' + options.length;
                    option.className = 'suggest-option';
                    var text = document.createElement('span');
                    text.className = 'suggest-text';
                    text.textContent = s.text;
                    var kind = document.createElement('span');
                    kind.className = 'suggest-kind';
                    kind.textContent = s.detail && s.detail !== s.kindLabel ? s.kindLabel + ' · ' + s.detail : s.kindLabel;
                    option.appendChild(text);
                    option.appendChild(document.createTextNode(' '));
                    option.appendChild(kind);
                    var index = options.length;
                    option.addEventListener('mousedown', function (event) { event.preventDefault(); });
                    option.addEventListener('click', function () { choose(index); });
                    options.push(option);
                    items.push(s);
                    group.appendChild(option);
                });
                list.appendChild(group);
            });
            status.textContent = data.status || '';
            if (options.length && document.activeElement === input) open(); else close();
        }

        function fetchSuggestions() {
            var text = input.value;
            if (text.trim().length < 2) { render({ groups: [], suggestions: [] }); status.textContent = ''; return; }
            var params = new URLSearchParams();
            params.set('culture', culture);
            params.set('q', text);
            kinds.forEach(function (k) { params.append('kind', k); });
            if (pending) pending.abort();
            pending = new AbortController();
            fetch('/api/search/suggest?' + params.toString(), { signal: pending.signal })
                .then(function (r) { return r.ok ? r.json() : { groups: [], suggestions: [] }; })
                .then(function (data) { if (input.value === text) render(data); })
                .catch(function () { });
        }

        input.addEventListener('input', function () {
            delete input.dataset.lat; delete input.dataset.lon;
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, 150);
        });
        input.addEventListener('keydown', function (event) {
            switch (event.key) {
                case 'ArrowDown':
                    if (!options.length) return;
                    event.preventDefault();
                    open();
                    highlight(active + 1 < options.length ? active + 1 : 0);
                    break;
                case 'ArrowUp':
                    if (!options.length) return;
                    event.preventDefault();
                    open();
                    highlight(active > 0 ? active - 1 : options.length - 1);
                    break;
                case 'Enter':
                    if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
                    else close();
                    break;
                case 'Escape':
                    if (!list.hidden) { event.preventDefault(); event.stopPropagation(); close(); }
                    break;
                case 'Tab':
                    close();
                    break;
            }
        });
        input.addEventListener('blur', close);
    }

    function enhanceAll() {
        Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest]'), enhance);
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceAll);
    else enhanceAll();
    window.PortalSuggest = { enhance: enhance };
})();
