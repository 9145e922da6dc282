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
                marker = L.marker([lat, lon], { draggable: true, alt: element.dataset.label, title: element.dataset.label }).addTo(map);
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
        var group = L.markerClusterGroup ? L.markerClusterGroup({ showCoverageOnHover: false }) : L.featureGroup();
        map.addLayer(group);
        fetch(element.dataset.geojson + '&zoom=' + map.getZoom())
            .then(function (r) { return r.json(); })
            .then(function (data) {
                var markers = [];
                data.features.forEach(function (f) {
                    var p = f.properties, at = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
                    var marker = L.marker(at, { title: p.cluster ? String(p.count) : p.typeLabel + ' : ' + p.title });
                    if (!p.cluster) {
                        var a = document.createElement('a');
                        a.href = p.url;
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
