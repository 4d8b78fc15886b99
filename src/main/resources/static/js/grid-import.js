// Refuses a file above the import limit before uploading it: the server would refuse it too, but
// only after the whole upload, and the servlet container answers with its own bare page.
(function () {
  const form = document.getElementById('import-form');
  if (!form) {
    return;
  }
  const input = form.querySelector('input[type=file]');
  const message = document.getElementById('import-too-large');
  const limit = Number(form.dataset.maxBytes);
  function tooLarge() {
    const file = input.files && input.files[0];
    return file && limit > 0 && file.size > limit;
  }
  function show(visible) {
    message.textContent = visible ? form.dataset.tooLarge : '';
    message.classList.toggle('d-none', !visible);
  }
  input.addEventListener('change', function () {
    show(tooLarge());
  });
  form.addEventListener('submit', function (event) {
    if (tooLarge()) {
      event.preventDefault();
      show(true);
    }
  });
})();
