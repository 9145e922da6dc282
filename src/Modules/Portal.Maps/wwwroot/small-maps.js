// Small maps, wherever a page asks for one (Leaflet, loaded before this file):
//  [data-point-map]   an entry's position, on its page (the coordinates and a link to OpenStreetMap stay below it);
//  [data-point-editor] the back office's GeoPoint editor: click or drag the marker, or type in the two boxes;
//  [data-preset-map]  an editor's map widget: the entries of a preset search, from the GeoJSON endpoint.
// Without JavaScript these elements stay hidden and the page shows the same information as text.
(function () {
    'use strict';
    if (!window.L) return;

    function tiles(element, map) {
        var link = document.createElement('a');
        link.href = element.dataset.attributionUrl;
        link.textContent = element.dataset.attribution;
        L.tileLayer(element.dataset.tiles, { attribution: link.outerHTML, maxZoom: 19, referrerPolicy: 'strict-origin-when-cross-origin' }).addTo(map);
    }

    function number(text) {
        var value = parseFloat(String(text || '').replace(',', '.'));
        return isFinite(value) ? value : NaN;
    }

    Array.prototype.forEach.call(document.querySelectorAll('[data-point-map]'), function (element) {
        element.hidden = false;
        var at = [number(element.dataset.lat), number(element.dataset.lon)];
        var map = L.map(element, { scrollWheelZoom: false }).setView(at, 15);
        tiles(element, map);
        L.marker(at, { keyboard: false, alt: element.dataset.label, title: element.dataset.label }).addTo(map);
    });

    Array.prototype.forEach.call(document.querySelectorAll('[data-point-editor]'), function (element) {
        element.hidden = false;
        var hint = document.getElementById(element.getAttribute('aria-describedby'));
        if (hint) hint.hidden = false;
        var latInput = document.getElementById(element.dataset.latInput);
        var lonInput = document.getElementById(element.dataset.lonInput);
        var center = element.dataset.center.split(',').map(Number);
        var start = [number(latInput.value), number(lonInput.value)];
        var placed = isFinite(start[0]) && isFinite(start[1]);
        var map = L.map(element, { scrollWheelZoom: false }).setView(placed ? start : [center[0], center[1]], placed ? 15 : (center[2] || 8));
        tiles(element, map);
        var marker = null;
        function place(lat, lon, fromInputs) {
            if (!marker) {
                var name = element.dataset.label || element.getAttribute('aria-label');
                marker = L.marker([lat, lon], { draggable: true, alt: name, title: name });
                // Leaflet makes a draggable marker a button: name it as a button (as map.js names the results' markers).
                marker.on('add', function () { var e = marker.getElement(); if (e) e.setAttribute('aria-label', name); });
                marker.addTo(map);
                marker.on('dragend', function () { var p = marker.getLatLng(); place(p.lat, p.lng, false); });
            } else marker.setLatLng([lat, lon]);
            if (!fromInputs) {
                latInput.value = lat.toFixed(5);
                lonInput.value = lon.toFixed(5);
                latInput.dispatchEvent(new Event('change', { bubbles: true }));
            }
        }
        if (placed) place(start[0], start[1], true);
        map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); });
        [latInput, lonInput].forEach(function (input) {
            input.addEventListener('input', function () {
                var lat = number(latInput.value), lon = number(lonInput.value);
                if (isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) { place(lat, lon, true); map.panTo([lat, lon]); }
            });
        });
    });

    Array.prototype.forEach.call(document.querySelectorAll('[data-preset-map]'), function (element) {
        element.hidden = false;
        var center = element.dataset.center.split(',').map(Number);
        var map = L.map(element, { scrollWheelZoom: false }).setView([center[0], center[1]], center[2] || 8);
        tiles(element, map);
        // Clusters and markers are named by what they hold: "12 entries here: zoom in", "Halte-répit – Dieuze, Soutien aux aidants".
        var clusterName = function (count) { return (element.dataset.clusterLabel || '{0}').replace('{0}', count); };
        var group = L.markerClusterGroup ? L.markerClusterGroup({
            showCoverageOnHover: false,
            iconCreateFunction: function (cluster) {
                var count = cluster.getChildCount();
                var icon = L.divIcon({ className: 'marker-cluster marker-cluster-' + (count < 10 ? 'small' : count < 100 ? 'medium' : 'large'),
                    html: '<div><span aria-hidden="true">' + count + '</span></div>', iconSize: L.point(40, 40) });
                var create = icon.createIcon;
                icon.createIcon = function (old) {
                    var div = create.call(icon, old);
                    div.setAttribute('role', 'button');
                    div.setAttribute('aria-label', clusterName(count));
                    div.title = clusterName(count);
                    return div;
                };
                return icon;
            }
        }) : L.featureGroup();
        map.addLayer(group);
        fetch(element.dataset.geojson + '&zoom=' + map.getZoom())
            .then(function (r) { return r.json(); })
            .then(function (data) {
                var markers = [];
                data.features.forEach(function (f) {
                    var p = f.properties, at = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
                    var where = (p.details || [])[0];
                    var name = p.cluster ? clusterName(p.count) : p.title + (where && p.title.indexOf(where) < 0 ? ' – ' + where : '') + ', ' + p.typeLabel;
                    var marker = L.marker(at, { title: name, alt: name });
                    // Leaflet makes a clickable marker's image a button: a button is named by its label, not its alt.
                    marker.on('add', function () { var e = marker.getElement(); if (e) e.setAttribute('aria-label', name); });
                    if (!p.cluster) {
                        var a = document.createElement('a');
                        a.href = p.url;
                        if (p.lang) { a.hreflang = p.lang; a.lang = p.lang; }
                        a.textContent = p.title;
                        marker.bindPopup(a);
                    }
                    markers.push(marker);
                });
                group.addLayers ? group.addLayers(markers) : markers.forEach(function (m) { group.addLayer(m); });
                if (markers.length > 0) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.15), { maxZoom: 14 });
            })
            .catch(function () { });
    });
})();
