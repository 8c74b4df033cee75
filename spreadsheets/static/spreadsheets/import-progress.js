// Polls an import job's progress and reloads the page when it is done.
(function () {
  var box = document.getElementById("job-progress");
  if (!box) { return; }
  var bar = document.getElementById("job-progress-bar");
  var text = document.getElementById("job-progress-text");
  function poll() {
    fetch(box.dataset.url, {credentials: "same-origin"})
      .then(function (response) { return response.json(); })
      .then(function (data) {
        bar.max = data.total;
        bar.value = data.done;
        text.textContent = data.done.toLocaleString("ko-KR") + " / " + data.total.toLocaleString("ko-KR");
        document.getElementById("job-status").textContent = data.status_label;
        if (data.running) { setTimeout(poll, 1000); } else { window.location.reload(); }
      });
  }
  poll();
})();
