// Draws the dashboard charts from the figures the server put in #dashboard-chart-data.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var t = data.texts;
  var sectorCanvas = document.getElementById("sector-chart");
  if (sectorCanvas) {
    new Chart(sectorCanvas, {
      type: "bar",
      data: {
        labels: data.sectors.labels,
        datasets: [
          { label: t.target, data: data.sectors.target, backgroundColor: "#b1c7ea" },
          { label: t.actual, data: data.sectors.actual, backgroundColor: "#256ef4" }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false }
    });
  }
  var yearCanvas = document.getElementById("year-chart");
  if (yearCanvas) {
    var colours = { total: "#256ef4", "public": "#0b7d5a", "private": "#c2510f" };
    var datasets = [];
    Object.keys(data.years.series).forEach(function (sector) {
      var s = data.years.series[sector];
      datasets.push({ type: "bar", label: s.label + " " + t.actual, data: s.actual, backgroundColor: colours[sector] });
      datasets.push({ type: "line", label: s.label + " " + t.target, data: s.target, borderColor: colours[sector],
                      borderDash: [6, 4], fill: false, pointRadius: 3 });
    });
    new Chart(yearCanvas, {
      data: { labels: data.years.labels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false }
    });
  }
})();
