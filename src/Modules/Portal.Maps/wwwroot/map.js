// The map page: Leaflet with client clusters for up to a few thousand points, server clusters above that, driven by
// the same form as the search page (search.js). Moving the map or ticking a filter refreshes the markers, the counts
// and the list; the address keeps the area. Without JavaScript the page is the list and the filters.
(function () {
    'use strict';
    var element = document.getElementById('map');
    var form = document.getElementById('search-form');
    if (!element || !form || !window.L) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-js-only]'), function (e) { e.hidden = false; });

    var culture = form.dataset.culture;
    var labels = JSON.parse(element.dataset.labels);
    var bboxInput = document.getElementById('map-bbox');
    var status = document.getElementById('map-status');
    var live = document.getElementById('map-live');
    var center = element.dataset.center.split(',').map(Number);
    var format = function (text, value) { return text.replace('{0}', value); };
    // The shapes of the legend; the category (declared by the module that owns the type) gives the colour.
    var shapes = {
        circle: '<circle cx="13" cy="13" r="10" class="CSS"/>',
        square: '<rect x="4" y="4" width="18" height="18" class="CSS"/>',
        triangle: '<path d="M13 2 L24 23 L2 23 Z" class="CSS"/>',
        diamond: '<path d="M13 2 L24 13 L13 24 L2 13 Z" class="CSS"/>'
    };
    var markerSvg = function (p) {
        var css = 'shape-' + String(p.category || 'other').replace(/[^A-Za-z0-9-]/g, '');
        return '<svg viewBox="0 0 26 26" aria-hidden="true" focusable="false">' + (shapes[p.shape] || shapes.diamond).replace('CSS', css) + '</svg>';
    };

    var map = L.map(element, { keyboard: true, worldCopyJump: false, maxZoom: 18 });
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', labels.map);
    var box = bboxInput.value.split(',').map(Number);
    // A place shows its circle (the radius searched, or the farthest result); an area asked for wins.
    var place = (element.dataset.place || '').split(',').map(Number);
    if (box.length === 4 && box.every(isFinite)) map.fitBounds([[box[1], box[0]], [box[3], box[2]]]);
    else if (place.length === 3 && place.every(isFinite) && place[2] > 0) map.fitBounds(L.latLng(place[0], place[1]).toBounds(place[2] * 2000));
    else if (place.length === 3 && place.every(isFinite)) map.setView([place[0], place[1]], 11);
    else map.setView([center[0], center[1]], center[2] || 8);

    var link = document.createElement('a');
    link.href = element.dataset.attributionUrl;
    link.textContent = element.dataset.attribution;
    L.tileLayer(element.dataset.tiles, {
        attribution: link.outerHTML, maxZoom: 19, referrerPolicy: 'strict-origin-when-cross-origin'
    }).addTo(map);

    // Every marker and cluster is a button named by what it stands for, never by an image or a bare number.
    var NamedIcon = L.DivIcon.extend({
        createIcon: function (old) {
            var div = L.DivIcon.prototype.createIcon.call(this, old);
            div.setAttribute('role', 'button');
            div.setAttribute('aria-label', this.options.name);
            div.title = this.options.name;
            return div;
        }
    });
    var clientClusters = L.markerClusterGroup({
        showCoverageOnHover: false, chunkedLoading: true, maxClusterRadius: 50,
        iconCreateFunction: function (cluster) {
            var count = cluster.getChildCount();
            var size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
            return new NamedIcon({
                name: format(labels.cluster, count), className: 'marker-cluster marker-cluster-' + size,
                html: '<div><span aria-hidden="true">' + count + '</span></div>', iconSize: L.point(40, 40)
            });
        }
    });
    var serverClusters = L.layerGroup();
    map.addLayer(clientClusters);
    map.addLayer(serverClusters);

    function accessible(marker, name) {
        marker.on('add', function () {
            var e = marker.getElement();
            if (!e) return;
            e.setAttribute('role', 'button');
            e.setAttribute('aria-label', name);
        });
        return marker;
    }

    // "Halte-répit – Dieuze, Soutien aux aidants": the entry, where it is (its first detail), what kind.
    function markerName(p) {
        var where = (p.details || [])[0];
        var name = p.title + (where && p.title.indexOf(where) < 0 ? ' – ' + where : '');
        return name + ', ' + p.typeLabel;
    }

    function popup(p) {
        var box = document.createElement('div');
        box.className = 'map-popup';
        var type = document.createElement('p');
        type.className = 'type-label';
        type.textContent = p.typeLabel;
        var title = document.createElement('p');
        title.className = 'map-popup-title';
        var a = document.createElement('a');
        a.href = p.url;
        if (p.lang) { a.hreflang = p.lang; a.lang = p.lang; }
        a.textContent = p.title;
        title.appendChild(a);
        box.appendChild(type);
        box.appendChild(title);
        (p.details || []).forEach(function (text) {
            if (!text) return;
            var line = document.createElement('p');
            line.textContent = text;
            box.appendChild(line);
        });
        return box;
    }

    function bbox() {
        var b = map.getBounds();
        var clamp = function (v, min, max) { return Math.min(max, Math.max(min, v)); };
        return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
            .map(function (v) { return v.toFixed(5); }).join(',');
    }

    var pending = null, drawing = 0;
    function loadMarkers() {
        var params = new URLSearchParams(window.PortalSearch ? window.PortalSearch.formUrl().split('?')[1] || '' : '');
        params.delete('page');
        params.delete('sort');
        params.set('culture', culture);
        params.set('zoom', String(map.getZoom()));
        params.set('bbox', bboxInput.value || bbox());
        if (pending) pending.abort();
        pending = new AbortController();
        element.setAttribute('aria-busy', 'true');
        return fetch('/api/map.geojson?' + params.toString(), { signal: pending.signal })
            .then(function (r) { return r.json(); })
            .then(function (data) {
                clientClusters.clearLayers();
                serverClusters.clearLayers();
                var token = ++drawing, features = data.features, at = 0, shown = 0;
                // Markers in slices of 250, the browser free to paint and answer between them; a newer answer stops this one.
                return new Promise(function (resolve) {
                    (function slice() {
                        if (token !== drawing) return resolve();
                        var markers = [];
                        features.slice(at, at + 250).forEach(function (f) { shown += draw(f, markers); });
                        at += 250;
                        clientClusters.addLayers(markers);
                        if (at < features.length) return setTimeout(slice, 0);
                        done(data, shown, params);
                        resolve();
                    })();
                });
            })
            .catch(function () { })
            .finally(function () { element.removeAttribute('aria-busy'); });
    }

    // One feature: a server cluster added at once, a marker pushed to the slice's list; how many entries it stands for.
    function draw(f, markers) {
        var at = [f.geometry.coordinates[1], f.geometry.coordinates[0]], p = f.properties;
        if (p.cluster) {
            var name = format(labels.cluster, p.count);
            var size = p.count < 100 ? 34 : p.count < 1000 ? 42 : 50;
            var cluster = accessible(L.marker(at, {
                keyboard: true,
                icon: new NamedIcon({ name: name, className: 'map-server-cluster', html: '<span aria-hidden="true">' + p.count + '</span>', iconSize: [size, size] })
            }), name);
            cluster.on('click', function () { map.setView(at, Math.min(map.getZoom() + 2, 18)); });
            serverClusters.addLayer(cluster);
            return p.count;
        } else {
            var label = markerName(p);
            var marker = accessible(L.marker(at, {
                keyboard: true,
                icon: new NamedIcon({ name: label, className: 'map-marker map-marker--' + p.category, html: markerSvg(p), iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12] })
            }), label);
            marker.bindPopup(popup(p));
            markers.push(marker);
            return 1;
        }
    }

    function done(data, shown, params) {
        element.dataset.count = String(shown);
        element.dataset.unlocated = String(data.unlocated);
        status.textContent = format(labels.onMap, shown);
        if (data.unlocated > 0) {
            // Entries without a position cannot be in an area: say so, and where to find them.
            var listed = new URLSearchParams(params);
            ['bbox', 'zoom', 'culture', 'near', 'radius'].forEach(function (k) { listed.delete(k); });
            var more = document.createElement('a');
            more.href = element.dataset.searchPath + (listed.toString() ? '?' + listed.toString() : '');
            more.textContent = data.unlocated === 1 ? labels.unlocatedOne : format(labels.unlocated, data.unlocated);
            status.appendChild(document.createTextNode(' – '));
            status.appendChild(more);
        }
    }

    // The list, the counts and the address follow the area shown.
    function searchArea(push) {
        bboxInput.value = bbox();
        if (window.PortalSearch) window.PortalSearch.load(window.PortalSearch.formUrl(), push);
        else loadMarkers();
    }
    form.addEventListener('search:updated', loadMarkers);
    var timer = null, popupOpen = false;
    map.on('moveend', function () {
        clearTimeout(timer);
        // A popup pans the map to show itself: reloading then would remove the marker it belongs to.
        if (popupOpen) return;
        timer = setTimeout(function () { searchArea(false); }, 250);
    });
    map.on('popupclose', function () { popupOpen = false; });
    map.on('popupopen', function (e) {
        popupOpen = true;
        clearTimeout(timer);
        var content = e.popup.getElement();
        live.textContent = labels.opened + ' ' + content.textContent;
        var a = content.querySelector('.map-popup-title a');
        if (a) a.focus();
    });
    document.getElementById('map-search-area').addEventListener('click', function () {
        searchArea(true);
        document.getElementById('search-status').focus && document.getElementById('search-status').setAttribute('tabindex', '-1');
    });
    searchArea(false);
})();
