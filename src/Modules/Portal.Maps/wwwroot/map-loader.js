// Map code only when a map is about to be seen: an element with [data-map-scripts] names the stylesheets
// ([data-map-styles]) and scripts (Leaflet, its clusters, the page's map script) it needs; they are fetched once,
// in order, when the first such element comes within 300 px of the viewport (at once without IntersectionObserver).
// A map still hidden (it is shown by its script) is watched through its parent, which takes its place.
// Pages without such an element load nothing of the map; without JavaScript the page shows the same as text.
(function () {
    'use strict';
    var elements = Array.prototype.slice.call(document.querySelectorAll('[data-map-scripts]'));
    if (!elements.length) return;
    var started = false;

    // Every map's assets, each once: Leaflet's libraries first (in their order), the pages' map scripts after them.
    function union(name) {
        var all = [];
        elements.forEach(function (element) {
            String(element.dataset[name] || '').split(' ').forEach(function (url) {
                if (url && all.indexOf(url) < 0) all.push(url);
            });
        });
        var lib = function (url) { return url.indexOf('/lib/') >= 0; };
        return all.filter(lib).concat(all.filter(function (url) { return !lib(url); }));
    }

    function load() {
        if (started) return;
        started = true;
        var styles = union('mapStyles'), scripts = union('mapScripts'), waiting = styles.length;
        function next(i) {
            if (i >= scripts.length) return;
            var script = document.createElement('script');
            script.src = scripts[i];
            script.onload = function () { next(i + 1); };
            document.head.appendChild(script);
        }
        // Leaflet measures its panes: its stylesheets first, then the scripts one after the other.
        if (waiting === 0) next(0);
        styles.forEach(function (href) {
            var link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = href;
            link.onload = link.onerror = function () { if (--waiting === 0) next(0); };
            document.head.appendChild(link);
        });
    }

    if (!('IntersectionObserver' in window)) { load(); return; }
    var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) { observer.disconnect(); load(); }
    }, { rootMargin: '300px' });
    elements.forEach(function (element) { observer.observe(element.hidden ? element.parentElement : element); });
})();
