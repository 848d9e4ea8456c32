/*
 * Grouping cards by drag and drop on the facilitator's run page.
 *
 * Each card in the group phase has a small form in its menu of tools ("Move to group": a select
 * and a button) that works without JavaScript and with the keyboard. Dragging a card, from
 * anywhere on it, onto a group (or onto a column, to take it out of its group) only chooses that
 * group in the card's own form and sends it: the server sees the very same request either way,
 * and HTMX swaps the answer into the run page.
 */
(function () {
  "use strict";

  var DROP = "[data-drop-group]";
  var OVER = "samskab-drop-over";
  var dragged = null;

  function formOf(card) {
    return card && document.getElementById(card.getAttribute("data-group-form"));
  }

  function zoneOf(target) {
    return target instanceof Element ? target.closest(DROP) : null;
  }

  function highlight(zone, on) {
    if (!zone) return;
    zone.classList.toggle(OVER, on);  // styled in room.css: no inline style, which HTMX would copy onto the new board
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target instanceof Element ? event.target.closest("[data-group-form]") : null;
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
  });

  document.addEventListener("dragend", function () {
    dragged = null;
    document.querySelectorAll("." + OVER).forEach(function (zone) { highlight(zone, false); });
  });

  document.addEventListener("dragover", function (event) {
    var zone = zoneOf(event.target);
    if (!dragged || !zone) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "move";
    highlight(zone, true);
  });

  document.addEventListener("dragleave", function (event) {
    var zone = zoneOf(event.target);
    if (zone && !zone.contains(event.relatedTarget)) highlight(zone, false);
  });

  document.addEventListener("drop", function (event) {
    var zone = zoneOf(event.target);
    var form = formOf(dragged);
    if (!zone || !form) return;
    event.preventDefault();
    highlight(zone, false);
    var select = form.querySelector("select[name=group]");
    var group = zone.getAttribute("data-drop-group");
    if (select.value === group) return; // dropped where it already is
    select.value = group;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });
})();
