// The public report form: fill the position from the phone's GPS (the browser gives WGS-84),
// and show the name and phone fields only for a named report.
(function () {
  const gps = document.getElementById('use-gps');
  const status = document.getElementById('gps-status');
  const named = document.getElementById('named-fields');
  function toggleNamed() {
    const isNamed = document.getElementById('anonymous-no').checked;
    named.style.display = isNamed ? '' : 'none';
  }
  document.querySelectorAll('input[name=anonymous]').forEach(r => r.addEventListener('change', toggleNamed));
  toggleNamed();
  if (gps && navigator.geolocation) {
    gps.addEventListener('click', () => {
      status.textContent = '…';
      navigator.geolocation.getCurrentPosition(p => {
        document.getElementById('lon').value = p.coords.longitude.toFixed(6);
        document.getElementById('lat').value = p.coords.latitude.toFixed(6);
        document.getElementById('coords').value = 'WGS84';
        status.textContent = '±' + Math.round(p.coords.accuracy) + ' m';
      }, e => { status.textContent = e.message; }, { enableHighAccuracy: true, timeout: 15000 });
    });
  } else if (gps) {
    gps.disabled = true;
  }
})();
