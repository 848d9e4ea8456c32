// Samskab: start DKFDS components, and start them again inside content that HTMX swaps in.
(function () {
  "use strict";
  function start(scope) {
    if (window.DKFDS) {
      window.DKFDS.init(scope ? { scope: scope } : undefined);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    start();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    start(event.detail.target);
  });
})();
