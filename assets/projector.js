// Samskab, the projector (workshops/projector/page.html): projector mode and fitting the wall.
//
// Projector mode hides the bar above the wall and asks for full screen where the browser allows
// it: the button, or the key F, enters it; Escape (or F again) leaves it. The wall's text is
// sized from the screen's height (assets/projector.css); fit() lowers --wall-scale step by step
// until the flow of cards, charts or solutions fits without scrolling, and shows what still does
// not fit as pages of columns (← and → or Page Up and Page Down, or the bar's buttons).
// assets/live.js swaps the wall (#projector) on every change; the wall is fitted again then,
// on the page it was on.
(function () {
  "use strict";

  var SCALES = [1.25, 1.15, 1.08, 1];
  var page = 0;
  var pages = 1;

  function root() {
    return document.documentElement;
  }

  function frame() {
    return document.querySelector(".samskab-wall-frame");
  }

  function inWallMode() {
    return root().classList.contains("is-wall");
  }

  function label() {
    var button = document.querySelector("[data-projector-mode]");
    if (button) {
      button.textContent = inWallMode() ? button.dataset.leave : button.dataset.enter;
    }
  }

  function enter() {
    root().classList.add("is-wall");
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      root().requestFullscreen().catch(function () { /* not allowed here: the page is chrome-less anyway */ });
    }
    label();
    fit();
  }

  function leave() {
    root().classList.remove("is-wall");
    if (document.fullscreenElement) {
      document.exitFullscreen().catch(function () {});
    }
    label();
    fit();
    var button = document.querySelector("[data-projector-mode]");
    if (button) {
      button.focus();
    }
  }

  function flow() {
    return document.querySelector("[data-projector-flow]");
  }

  function step(element) {
    var gap = parseFloat(window.getComputedStyle(element).columnGap) || 0;
    return element.clientWidth + gap;
  }

  function fits(element) {
    return element.scrollWidth <= element.clientWidth + 1;
  }

  function fit() {
    var element = flow();
    var wall = frame();
    if (!wall) {
      return;
    }
    if (!element) {
      pages = 1;
      show();
      return;
    }
    element.scrollLeft = 0;
    for (var i = 0; i < SCALES.length; i += 1) {
      wall.style.setProperty("--wall-scale", String(SCALES[i]));
      if (fits(element)) {
        break;
      }
    }
    pages = Math.max(1, Math.ceil((element.scrollWidth + 1) / step(element) - 0.02));
    show();
  }

  function show() {
    page = Math.min(Math.max(page, 0), pages - 1);
    var element = flow();
    if (element) {
      element.scrollLeft = page * step(element);
    }
    var pager = document.querySelector("[data-pager]");
    if (pager) {
      pager.hidden = pages < 2;
    }
    var number = document.querySelector("[data-page-number]");
    var words = document.getElementById("projector-words");
    if (number && words) {
      number.textContent = pages < 2 ? "" : words.dataset.page.replace("%(page)s", page + 1).replace("%(pages)s", pages);
    }
  }

  function turn(by) {
    if (pages > 1) {
      page = (page + by + pages) % pages;
      show();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var key = event.key;
    if (key === "f" || key === "F") {
      if (inWallMode()) {
        leave();
      } else {
        enter();
      }
    } else if (key === "Escape" && inWallMode()) {
      leave();
    } else if (key === "ArrowRight" || key === "PageDown") {
      turn(1);
    } else if (key === "ArrowLeft" || key === "PageUp") {
      turn(-1);
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("fullscreenchange", function () {
    // Leaving full screen the browser's way (its own Escape) leaves projector mode too.
    if (!document.fullscreenElement && inWallMode()) {
      root().classList.remove("is-wall");
      label();
      fit();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-projector-mode]");
    if (button) {
      button.addEventListener("click", function () {
        if (inWallMode()) {
          leave();
        } else {
          enter();
        }
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-page-step]"), function (pageButton) {
      pageButton.addEventListener("click", function () {
        turn(Number(pageButton.dataset.pageStep));
      });
    });
    var main = document.getElementById("main-content");
    if (main && window.MutationObserver) {
      new MutationObserver(fit).observe(main, { childList: true });
    }
    window.addEventListener("resize", fit);
    label();
    fit();
  });
})();
