// The print button on the print-friendly dashboard page.
(function () {
  "use strict";
  var button = document.getElementById("print-button");
  if (button) { button.addEventListener("click", function () { window.print(); }); }
})();
