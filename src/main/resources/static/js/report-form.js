// The public report form: the position from a tap on the map (district outlines drawn as vectors,
// a base layer only where one is configured), from the phone's GPS (the browser gives WGS-84) or
// typed; and the name and phone fields only for a named report.
(function () {
  'use strict';
  const gps = document.getElementById('use-gps');
  const status = document.getElementById('gps-status');
  const named = document.getElementById('named-fields');
  const lon = document.getElementById('lon');
  const lat = document.getElementById('lat');
  const coords = document.getElementById('coords');

  function toggleNamed() {
    const isNamed = document.getElementById('anonymous-no').checked;
    named.style.display = isNamed ? '' : 'none';
  }
  document.querySelectorAll('input[name=anonymous]').forEach(r => r.addEventListener('change', toggleNamed));
  toggleNamed();

  const el = document.getElementById('pick-map');
  let marker = null;
  let map = null;
  function place(latitude, longitude, zoom) {
    if (!map) { return; }
    const at = [latitude, longitude];
    if (marker) { marker.setLatLng(at); } else { marker = L.circleMarker(at, {radius: 9, color: '#dc3545', weight: 3}).addTo(map); }
    map.invalidateSize({pan: false}); // the page may have reflowed since the map was made
    map.setView(at, Math.max(map.getZoom(), zoom || 13), {animate: false});
    el.dataset.marker = latitude.toFixed(6) + ',' + longitude.toFixed(6);
  }
  function fill(latitude, longitude) {
    lon.value = longitude.toFixed(6);
    lat.value = latitude.toFixed(6);
    coords.value = 'WGS84';
  }

  if (el && window.L) {
    map = L.map(el, {zoomSnap: 0.25, attributionControl: Boolean(el.dataset.tileUrl)});
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, {attribution: el.dataset.tileAttribution || '', maxZoom: 19}).addTo(map);
    }
    map.on('moveend', () => {
      const c = map.getCenter();
      el.dataset.centre = c.lat.toFixed(6) + ',' + c.lng.toFixed(6);
    });
    map.setView([39.13, 117.2], 8);
    fetch(el.dataset.boundaries, {headers: {Accept: 'application/geo+json'}})
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(geo => {
        const layer = L.geoJSON(geo, {
          style: {color: '#0d6efd', weight: 1, fillOpacity: 0.04},
          onEachFeature: (f, l) => l.bindTooltip(f.properties.name, {sticky: true})
        }).addTo(map);
        if (!marker && layer.getBounds().isValid()) { map.fitBounds(layer.getBounds()); }
        el.dataset.loaded = String(geo.features.length);
      })
      .catch(() => { el.dataset.loaded = '0'; });
    map.on('click', e => { fill(e.latlng.lat, e.latlng.lng); place(e.latlng.lat, e.latlng.lng); });
    const typed = () => {
      const x = parseFloat(lon.value);
      const y = parseFloat(lat.value);
      if (isFinite(x) && isFinite(y)) { place(y, x); }
    };
    lon.addEventListener('change', typed);
    lat.addEventListener('change', typed);
    typed();
  }

  if (gps && navigator.geolocation) {
    gps.addEventListener('click', () => {
      status.textContent = '…';
      navigator.geolocation.getCurrentPosition(p => {
        fill(p.coords.latitude, p.coords.longitude);
        place(p.coords.latitude, p.coords.longitude, 16);
        status.textContent = '±' + Math.round(p.coords.accuracy) + ' m';
      }, e => { status.textContent = e.message; }, {enableHighAccuracy: true, timeout: 15000});
    });
  } else if (gps) {
    gps.disabled = true;
  }
})();
