/* Portal widget: renders a widget of the portal into <div data-portal-widget="ID"> inside a shadow root (host
   styles cannot reach it), or enhances the frame page /embed/ID (map, height messages to the host page).
   No cookies (credentials omitted), requests to the portal only; Leaflet is loaded only when a map is shown. */
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script ? new URL(script.src, location.href).origin : location.origin;
  var HEIGHT = 'portal-embed:height';

  function leaflet(done) {
    if (window.L && window.L.map) { done(); return; }
    var waiting = leaflet.waiting || (leaflet.waiting = []);
    waiting.push(done);
    if (waiting.length > 1) return;
    var tag = document.createElement('script');
    tag.src = base + '/_content/Portal.Maps/lib/leaflet/leaflet.js';
    tag.onload = function () { waiting.splice(0).forEach(function (f) { f(); }); };
    document.head.appendChild(tag);
  }

  function drawMap(widget) {
    var el = widget.querySelector('.pe-map');
    if (!el || !widget.getAttribute('data-map')) return;
    el.hidden = false;
    leaflet(function () {
      var L = window.L;
      var center = (widget.getAttribute('data-center') || '49,6.5,8').split(',').map(Number);
      var map = L.map(el, { scrollWheelZoom: false }).setView([center[0], center[1]], center[2]);
      if (widget.getAttribute('data-tiles')) {
        L.tileLayer(widget.getAttribute('data-tiles'), { attribution: widget.getAttribute('data-attribution') || '', referrerPolicy: 'strict-origin-when-cross-origin' }).addTo(map);
      }
      fetch(widget.getAttribute('data-map') + '&zoom=' + center[2], { credentials: 'omit', mode: 'cors' })
        .then(function (r) { return r.ok ? r.json() : { features: [] }; })
        .then(function (data) {
          var points = [];
          (data.features || []).forEach(function (f) {
            var c = f.geometry && f.geometry.coordinates;
            if (!c) return;
            var p = f.properties || {};
            var at = [c[1], c[0]];
            points.push(at);
            var marker = L.circleMarker(at, { radius: p.cluster ? 12 : 7, className: 'pe-marker' }).addTo(map);
            if (p.cluster) { marker.bindTooltip(String(p.count)); return; }
            var link = document.createElement('a');
            link.href = p.url && p.url.charAt(0) === '/' ? base + p.url : p.url;
            link.textContent = p.title || '';
            var tab = widget.getAttribute('data-new-tab');
            if (tab) { link.target = '_blank'; link.rel = 'noopener'; link.textContent += ' ' + tab; }
            else if (document.body.classList.contains('pe-frame')) link.target = '_top';
            marker.bindPopup(link);
          });
          el.setAttribute('data-markers', String(points.length));
          if (points.length) map.fitBounds(points, { maxZoom: 13, padding: [20, 20] });
        });
    });
  }

  /* The frame page: the map, and the page's height for the host page (any origin may read a height). */
  if (document.body && document.body.classList.contains('pe-frame')) {
    var frameWidget = document.querySelector('.pe-widget');
    if (frameWidget) drawMap(frameWidget);
    var id = frameWidget ? frameWidget.getAttribute('data-widget') : '';
    var last = 0;
    var post = function () {
      var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last && window.parent !== window) { last = h; window.parent.postMessage({ type: HEIGHT, widget: id, height: h }, '*'); }
    };
    if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
    window.addEventListener('load', post);
    post();
    return;
  }

  /* The host page: frames of this portal take the height they announce. */
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== base || !d || d.type !== HEIGHT || typeof d.height !== 'number') return;
    var frames = document.querySelectorAll('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].height = String(Math.max(100, Math.min(d.height, 20000)));
    }
  });

  function load(root, box, id, query, focus) {
    var lang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
    var url = base + '/embed/' + encodeURIComponent(id) + '/part?lang=' + encodeURIComponent(lang) + (query ? '&' + query : '');
    box.setAttribute('aria-busy', 'true');
    return fetch(url, { credentials: 'omit', mode: 'cors' })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        /* Markup of the portal's own server, every text HTML-encoded there. */
        box.innerHTML = html;
        box.removeAttribute('aria-busy');
        wire(root, box, id);
        if (focus) { var status = box.querySelector('.pe-status'); if (status) status.focus(); }
      })
      .catch(function () { box.removeAttribute('aria-busy'); });
  }

  function wire(root, box, id) {
    var widget = box.querySelector('.pe-widget');
    if (!widget) return;
    var form = widget.querySelector('form.pe-form');
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var params = new URLSearchParams(new FormData(form));
        params.delete('lang');
        load(root, box, id, params.toString(), true);
      });
    }
    var pages = widget.querySelectorAll('a.pe-page');
    for (var i = 0; i < pages.length; i++) {
      pages[i].addEventListener('click', function (e) {
        e.preventDefault();
        var params = new URLSearchParams(this.getAttribute('data-query') || '');
        params.delete('lang');
        load(root, box, id, params.toString(), true);
      });
    }
    if (widget.querySelector('.pe-map')) {
      var css = root.querySelector('link[data-leaflet]');
      if (!css) {
        css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = base + '/_content/Portal.Maps/lib/leaflet/leaflet.css';
        css.setAttribute('data-leaflet', '');
        root.insertBefore(css, root.firstChild);
      }
      drawMap(widget);
    }
  }

  function mount(host) {
    if (host.shadowRoot || host.hasAttribute('data-pe-mounted')) return;
    host.setAttribute('data-pe-mounted', '');
    var id = host.getAttribute('data-portal-widget');
    var root = host.attachShadow({ mode: 'open' });
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = base + '/_content/Portal.Embed/embed.css';
    root.appendChild(css);
    var box = document.createElement('div');
    root.appendChild(box);
    load(root, box, id, '', false);
  }

  function start() {
    var hosts = document.querySelectorAll('[data-portal-widget]');
    for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
