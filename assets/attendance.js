// Fremmøde (workshops/attendance.html): "Tick everybody" and "Untick everybody" for a list of
// checkboxes. Without JavaScript the buttons stay hidden and each box is ticked by hand.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-check-all]"), function (buttons) {
      buttons.hidden = false;
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-check]");
      if (!button) {
        return;
      }
      var list = document.getElementById(button.dataset.check);
      Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
        box.checked = button.dataset.checked === "1";
      });
    });
  });
})();
