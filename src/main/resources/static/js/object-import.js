// The object import page: sends the chosen file to be checked, shows the report, and enables the
// import button only for the file that was checked (the server compares its SHA-256 again). The
// file stays in the browser between the two steps. Refuses a file above the limit before upload.
(function () {
  const form = document.getElementById('object-import-form');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  const input = form.querySelector('input[type=file]');
  const checked = document.getElementById('checked');
  const importButton = document.getElementById('import-button');
  const checkButton = document.getElementById('check-button');
  const status = document.getElementById('import-status');
  const message = document.getElementById('import-too-large');
  const limit = Number(form.dataset.maxBytes);
  const csrfToken = document.querySelector('meta[name=_csrf]');
  const csrfHeader = document.querySelector('meta[name=_csrf_header]');

  function tooLarge() {
    const file = input.files && input.files[0];
    return file && limit > 0 && file.size > limit;
  }
  function showTooLarge(visible) {
    message.textContent = visible ? form.dataset.tooLarge : '';
    message.classList.toggle('d-none', !visible);
  }
  function reset() {
    checked.value = '';
    importButton.disabled = true;
  }
  input.addEventListener('change', function () {
    reset();
    showTooLarge(tooLarge());
  });
  form.querySelectorAll('input[name=mode]').forEach(function (radio) {
    radio.addEventListener('change', reset);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (tooLarge()) {
      showTooLarge(true);
      return;
    }
    const step = event.submitter && event.submitter.value === 'import' ? 'import' : 'check';
    const data = new FormData(form);
    data.set('step', step);
    const headers = { 'X-Anwang-Fragment': '1' };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    checkButton.disabled = true;
    importButton.disabled = true;
    status.textContent = form.dataset.working;
    fetch(form.action, { method: 'POST', body: data, headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (html) {
          if (!response.ok && response.status !== 422) {
            throw new Error(String(response.status));
          }
          return html;
        });
      })
      .then(function (html) {
        // looked up each time: the previous result was replaced, not updated
        document.getElementById('import-result').outerHTML = html;
        const report = document.getElementById('import-report');
        const sha = report && report.dataset.sha256;
        if (step === 'check' && sha) {
          checked.value = sha;
          importButton.disabled = false;
        } else {
          reset();
        }
        status.textContent = '';
      })
      .catch(function (error) {
        status.textContent = form.dataset.failed + ' (' + error.message + ')';
        reset();
      })
      .finally(function () {
        checkButton.disabled = false;
      });
  });
})();
