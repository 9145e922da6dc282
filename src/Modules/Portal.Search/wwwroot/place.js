// "Around me" on the search and map pages: asks the browser for its position, puts it in the form's lat and lon
// fields (the place field is emptied: a position replaces it) and sends the form. Without this file, or without
// geolocation, the button stays hidden and lat and lon still work as plain query fields.
(function () {
    'use strict';
    var button = document.getElementById('search-near-me');
    if (!button || !navigator.geolocation) return;
    var form = button.form;
    var lat = document.getElementById('search-lat'), lon = document.getElementById('search-lon');
    var place = document.getElementById('search-place'), status = document.getElementById('search-near-me-status');
    button.hidden = false;
    button.addEventListener('click', function () {
        status.textContent = button.dataset.locating;
        navigator.geolocation.getCurrentPosition(function (position) {
            lat.value = position.coords.latitude.toFixed(5);
            lon.value = position.coords.longitude.toFixed(5);
            if (place) place.value = '';
            status.textContent = '';
            if (form.requestSubmit) form.requestSubmit(); else form.submit();
        }, function () { status.textContent = button.dataset.unavailable; }, { timeout: 10000 });
    });
    // A place typed replaces the position.
    if (place) place.addEventListener('input', function () { lat.value = ''; lon.value = ''; });
})();
