// Polls the recompute status and shows the new figures when the worker is done.
(function () {
  "use strict";
  var box = document.getElementById("recompute-status");
  if (!box) { return; }
  var bar = document.getElementById("recompute-progress");
  var message = document.getElementById("recompute-message");
  function poll() {
    fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        message.textContent = status.message;
        if (status.total) { bar.max = status.total; bar.value = status.done; }
        if (status.finished) { window.location.reload(); return; }
        if (!status.failed) { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
