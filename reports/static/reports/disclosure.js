// The print button on the plan disclosure page (inline handlers are refused by the CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
