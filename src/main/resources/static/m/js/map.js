// My grids and objects as vector layers (no base map unless a tile server is configured).
import {t, el, getJson, RISK_COLOUR} from './app.js';

async function load() {
  const box = document.getElementById('m-map');
  const summary = document.getElementById('m-map-summary');
  const map = L.map(box, {attributionControl: Boolean(box.dataset.tileUrl)});
  if (box.dataset.tileUrl) {
    L.tileLayer(box.dataset.tileUrl, {attribution: box.dataset.tileAttribution || '', maxZoom: 19}).addTo(map);
  }
  map.setView([39.13, 117.2], 11);
  let grids = null;
  let objects = null;
  try {
    [grids, objects] = await Promise.all([getJson('/api/v1/me/grids'), getJson('/api/v1/me/objects')]);
  } catch (e) {
    summary.textContent = t('loadFailed');
    return;
  }
  const bounds = L.latLngBounds([]);
  const gridLayer = L.geoJSON(grids, {
    style: {color: '#0d6efd', weight: 2, fillOpacity: 0.06},
    onEachFeature: function (f, layer) { layer.bindTooltip(f.properties.name); }
  }).addTo(map);
  if (gridLayer.getLayers().length) { bounds.extend(gridLayer.getBounds()); }
  let shown = 0;
  (objects.items || []).forEach(function (o) {
    if (o.lon === null || o.lat === null) { return; }
    shown += 1;
    const marker = L.circleMarker([o.lat, o.lon], {radius: 7, weight: 1, color: '#333',
      fillColor: RISK_COLOUR[o.riskLevel] || '#6c757d', fillOpacity: 0.9, className: 'm-object-marker'});
    marker.bindPopup(el('div', {},
      el('strong', {text: o.name}),
      el('div', {class: 'small', text: o.address || ''}),
      el('a', {class: 'btn btn-sm btn-primary mt-1 text-white', href: '/m/inspect/' + o.id, text: t('inspect')})));
    marker.addTo(map);
    bounds.extend([o.lat, o.lon]);
  });
  if (bounds.isValid()) { map.fitBounds(bounds, {padding: [16, 16]}); }
  box.dataset.grids = String(gridLayer.getLayers().length);
  box.dataset.objects = String(shown);
  summary.textContent = (grids.features || []).map((f) => f.properties.name).join('、')
    + ((objects.items || []).length ? ' · ' + objects.items.length : ' · ' + t('noObjects'));
}

load();
