// The import's progress page: asks the server where the job stands every two seconds and updates the bar and the
// text (read out by screen readers through the live region); opens the report once the job stops running.
// Without this script the page still works: its refresh link shows the same.
(function () {
  "use strict";
  var section = document.querySelector(".import-progress[data-status]");
  if (!section || !window.fetch) return;
  var bar = document.getElementById("import-bar");
  var text = document.getElementById("import-text");
  var phase = document.getElementById("import-phase");
  var lastText = text ? text.textContent : "";

  function poll() {
    fetch(section.getAttribute("data-status"), { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) { window.setTimeout(poll, 5000); return; }
        if (!status.running) { window.location.assign(section.getAttribute("data-page")); return; }
        if (bar) { bar.value = status.percent; bar.textContent = status.percent + " %"; }
        if (phase && phase.textContent !== status.phase) phase.textContent = status.phase;
        // Only a changed sentence goes to the live region, so screen readers are not flooded.
        if (text && status.text !== lastText) { text.textContent = status.text; lastText = status.text; }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
