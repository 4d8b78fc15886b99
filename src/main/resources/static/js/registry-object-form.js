// The object form's map: shows the point typed in lon/lat and sets them (in WGS84) where the
// person clicks. Settings come from data attributes because the Content-Security-Policy allows no
// inline script.
(function () {
  'use strict';

  function init() {
    const el = document.getElementById('object-form-map');
    const lonInput = document.getElementById('lon');
    const latInput = document.getElementById('lat');
    const crsSelect = document.getElementById('crs');
    if (!el || !lonInput || !latInput || typeof L === 'undefined') { return; }
    const map = L.map(el, {attributionControl: Boolean(el.dataset.tileUrl)});
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19})
        .addTo(map);
    }
    let marker = null;

    function show(lat, lon) {
      if (marker) {
        marker.setLatLng([lat, lon]);
      } else {
        marker = L.circleMarker([lat, lon], {
          radius: 8, weight: 2, color: '#212529', fillColor: '#0d6efd', fillOpacity: 0.9
        }).addTo(map);
      }
    }

    const lon = parseFloat(lonInput.value);
    const lat = parseFloat(latInput.value);
    if (isNaN(lon) || isNaN(lat)) {
      map.setView([39.13, 117.2], 10);
    } else {
      map.setView([lat, lon], 16);
      show(lat, lon);
    }

    map.on('click', function (e) {
      lonInput.value = e.latlng.lng.toFixed(6);
      latInput.value = e.latlng.lat.toFixed(6);
      if (crsSelect) { crsSelect.value = 'wgs84'; }
      show(e.latlng.lat, e.latlng.lng);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
