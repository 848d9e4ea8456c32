// Samskab, live workshops: changes pushed over a WebSocket, polling where a proxy blocks it.
//
// SamskabLive.start({socket, seq, onEvents, refetch}) opens the socket at the path `socket`; it
// returns {refetch(), seq()}, seq() the last number applied.
// The server first says {"hello": true, "seq": n}, then sends {"from": a, "seq": b, "events": [...]}
// (see samskab/workshops/live.py). Every change has the next number of the workshop's sequence:
// - a message we already have (seq <= last) is ignored;
// - a gap (from > last + 1), a hello with another number than ours, or a "resync" event:
//   refetch() fetches the state again (events are whole values, so applying one twice is harmless);
// - otherwise onEvents(events).
// A closed socket is opened again after a growing pause. After FAILS_BEFORE_POLLING opens
// without a hello, the page polls (refetch every POLL_MS) and tries the socket now and then;
// the first hello stops the polling. <html data-live="socket|polling|connecting"> tells which.
//
// Pages with an element [data-live-fragment] (the projector, the facilitator's run page) need no
// code of their own: on any event the element is fetched again as an HTMX fragment, at most
// three times a second, and swapped in. Also here: the phase timer ([data-phase-ends]) and the
// calm announcements in the page's one polite live region (#live-news): "3 new cards", at most
// every NEWS_MS, and "2 minutes left", "Time is up".
(function () {
  "use strict";

  var FAILS_BEFORE_POLLING = 3;
  var POLL_MS = 3000;
  var FIRST_PAUSE_MS = 500;
  var LAST_PAUSE_MS = 15000;
  var SOCKET_RETRY_WHILE_POLLING_MS = 30000;
  var FRAGMENT_EVERY_MS = 333;
  var OWN_ANSWER_WAIT_MS = 5000;
  var NEWS_MS = 10000;
  var NEWS_GATHER_MS = 1500;
  var TIMER_MOMENTS = [300, 120, 60, 0]; // seconds left that are announced

  function setMode(mode) {
    document.documentElement.dataset.live = mode;
  }

  function socketUrl(path) {
    return (window.location.protocol === "https:" ? "wss://" : "ws://") + window.location.host + path;
  }

  function start(options) {
    var last = Number(options.seq || 0);
    var pollMs = options.pollMs || POLL_MS;
    var failures = 0;
    var pollTimer = null;
    var retryTimer = null;
    var fetching = false;
    var fetchAgain = false;

    function refetch() {
      if (fetching) {
        fetchAgain = true;
        return;
      }
      fetching = true;
      Promise.resolve()
        .then(options.refetch)
        .catch(function () { /* no connection: the next poll or event tries again */ })
        .then(function () {
          fetching = false;
          if (fetchAgain) {
            fetchAgain = false;
            refetch();
          }
        });
    }

    function startPolling() {
      if (pollTimer === null) {
        pollTimer = window.setInterval(function () {
          if (!document.hidden) {
            refetch();
          }
        }, pollMs);
      }
      setMode("polling");
    }

    function stopPolling() {
      if (pollTimer !== null) {
        window.clearInterval(pollTimer);
        pollTimer = null;
      }
    }

    function received(message) {
      var events = message.events || [];
      var resync = events.some(function (event) { return event.type === "resync"; });
      if (resync || typeof message.seq !== "number") {
        refetch();
        return;
      }
      if (message.seq <= last) {
        return;
      }
      var gap = message.from > last + 1;
      last = message.seq;
      if (gap) {
        refetch();
      } else {
        options.onEvents(events);
      }
    }

    function connect() {
      window.clearTimeout(retryTimer);
      var greeted = false;
      var socket;
      try {
        socket = new WebSocket(socketUrl(options.socket));
      } catch (error) {
        closed({ code: 0 });
        return;
      }
      if (pollTimer === null) {
        setMode("connecting");
      }
      socket.onmessage = function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (message.hello) {
          greeted = true;
          failures = 0;
          stopPolling();
          setMode("socket");
          if (message.seq !== last) {
            last = message.seq;
            refetch();
          }
          return;
        }
        if (greeted) {
          received(message);
        }
      };
      socket.onclose = function (event) {
        closed(event, greeted);
      };
    }

    function closed(event, greeted) {
      if (!greeted) {
        failures += 1;
      }
      // 4403, 4404: not allowed; 4429: this phone or person holds enough sockets of the workshop (another tab).
      var refused = event.code === 4403 || event.code === 4404 || event.code === 4429;
      if (refused || failures >= FAILS_BEFORE_POLLING) {
        startPolling();  // the page's own state request also finds out what a refusal means
      } else {
        setMode("connecting");
      }
      var pause = Math.min(LAST_PAUSE_MS, FIRST_PAUSE_MS * Math.pow(2, Math.max(failures - 1, 0)));
      if (refused || failures >= FAILS_BEFORE_POLLING) {
        pause = SOCKET_RETRY_WHILE_POLLING_MS;
      }
      retryTimer = window.setTimeout(connect, pause * (0.75 + Math.random() * 0.5));
    }

    if (!("WebSocket" in window)) {
      startPolling();
    } else {
      connect();
    }
    return { refetch: refetch, seq: function () { return last; } };
  }

  // --- The one polite live region: calm news.

  var region = null;
  var newCount = 0;
  var lastNews = 0;
  var newsTimer = null;

  function words() {
    region = region || document.getElementById("live-news");
    return region ? region.dataset : {};
  }

  function announce(text) {
    words();
    if (!region) {
      return;
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function tellNews() {
    newsTimer = null;
    if (!newCount) {
      return;
    }
    var say = words();
    announce(newCount === 1 ? say.newOne : (say.newMany || "").replace("%(count)s", newCount));
    newCount = 0;
    lastNews = Date.now();
  }

  function newCards(count) {
    if (count <= 0) {
      return;
    }
    newCount += count;
    if (newsTimer === null) {
      newsTimer = window.setTimeout(tellNews, Math.max(NEWS_GATHER_MS, lastNews + NEWS_MS - Date.now()));
    }
  }

  // --- The phase timer: visible to all, announced at a few moments.

  var announced = {};  // the end time of a timer → the moments already passed

  function updateTimers() {
    var say = words();
    Array.prototype.forEach.call(document.querySelectorAll("[data-phase-ends]"), function (timer) {
      var ends = Date.parse(timer.dataset.phaseEnds);
      if (timer.dataset.skew === undefined) {
        // The server's clock counts: the time it sent with the timer, against ours on arrival.
        timer.dataset.skew = String(timer.dataset.now ? Date.parse(timer.dataset.now) - Date.now() : 0);
      }
      var skew = Number(timer.dataset.skew) || 0;
      var left = Math.max(0, Math.round((ends - (Date.now() + skew)) / 1000));
      var shown = timer.querySelector("[data-timer-left]");
      if (shown) {
        var text = left ? Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0") : "0:00";
        shown.textContent = left ? (say.timeLeft || "%(time)s").replace("%(time)s", text) : (say.timeUp || "");
      }
      var key = timer.dataset.phaseEnds;
      var passed = announced[key];
      if (!passed) {
        // Moments already past when the page opened are not announced.
        announced[key] = passed = TIMER_MOMENTS.filter(function (moment) { return left <= moment; });
        return;
      }
      TIMER_MOMENTS.forEach(function (moment) {
        if (left <= moment && passed.indexOf(moment) === -1) {
          passed.push(moment);
          if (moment === 0) {
            announce(say.timeUp);
          } else if (moment === 60) {
            announce(say.minuteLeft);
          } else {
            announce((say.minutesLeft || "").replace("%(minutes)s", moment / 60));
          }
        }
      });
    });
  }

  // --- Pages made of one fragment fetched again on every change: the projector, the run page.

  var dragging = false;  // a card being dragged into a group (grouping.js): no swap under it
  document.addEventListener("dragstart", function () { dragging = true; });
  document.addEventListener("dragend", function () { dragging = false; });
  document.addEventListener("drop", function () { dragging = false; });

  function defaultOption(select) {
    return Array.prototype.find.call(select.options, function (option) { return option.defaultSelected; }) || select.options[0];
  }

  // Someone is using the fragment: typing, choosing, dragging a card, choosing the card to merge
  // into, or has a card's menu open. Swapping it now would lose that.
  function busy(element) {
    if (!element) {
      return false;
    }
    if (dragging || element.classList.contains("samskab-merging") || element.querySelector("details[open]")) {
      return true;
    }
    return Array.prototype.some.call(element.querySelectorAll("textarea, input:not([type=hidden]), select"), function (field) {
      if (field.tagName === "SELECT") {
        var option = defaultOption(field);
        return option ? field.value !== option.value : false;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        return field.checked !== field.defaultChecked;
      }
      return field.value !== field.defaultValue;
    });
  }

  function followFragment(element) {
    var id = element.id;
    var lastFetch = 0;
    var queued = false;

    function swap(fresh) {
      var current = document.getElementById(id);
      var active = current.contains(document.activeElement) ? document.activeElement : null;
      var form = active && active.form ? active.form.getAttribute("action") : null;
      var button = active ? [active.name, active.value] : null;
      var before = Number(current.dataset.count || 0);
      var sameSection = current.dataset.section === fresh.dataset.section;
      current.replaceWith(fresh);
      if (window.htmx) {
        window.htmx.process(fresh);
      }
      if (sameSection) {
        newCards(Number(fresh.dataset.count || 0) - before);
      }
      if (form) {
        var again = Array.prototype.find.call(fresh.querySelectorAll("form"), function (candidate) {
          return candidate.getAttribute("action") === form;
        });
        var target = again && (Array.prototype.find.call(again.querySelectorAll("button"), function (candidate) {
          return candidate.name === button[0] && candidate.value === button[1];
        }) || again.querySelector("button"));
        if (target) {
          target.focus();
        }
      }
      updateTimers();
    }

    function refetch() {
      var current = document.getElementById(id);
      if (!current) {
        return null;  // not on the page now (no section chosen): nothing to fetch
      }
      if (busy(current)) {
        return window.setTimeout(soon, 2000);  // someone is typing in it: not now
      }
      lastFetch = Date.now();
      return fetch(current.dataset.liveFragment, {
        credentials: "same-origin",
        headers: { "HX-Request": "true", "HX-Target": id },
        cache: "no-store",
      })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(id);
          if (fresh && !busy(document.getElementById(id))) {
            swap(document.importNode(fresh, true));
          }
        });
    }

    function soon() {
      if (queued) {
        return;
      }
      queued = true;
      window.setTimeout(function () {
        queued = false;
        if (!upToDate()) {  // an answer of the page's own may have brought it up to date meanwhile
          refetch();
        }
      }, Math.max(0, lastFetch + FRAGMENT_EVERY_MS - Date.now()));
    }

    // The facilitator's own form answers (HTMX) swap in a fragment that already shows their
    // change: its data-seq is at least the change's number, so the change's event is not fetched
    // again (a second swap could land under a card being dragged). The event may come before the
    // answer: while a form of the page is on its way (HTMX marks it .htmx-request, and takes the
    // mark away after swapping in the answer), wait for it, at most OWN_ANSWER_WAIT_MS.
    function upToDate() {
      var current = document.getElementById(id);
      return Boolean(current) && Number(current.dataset.seq || 0) >= live.seq();
    }

    function afterOwnAnswers(waited) {
      if (document.querySelector(".htmx-request") && waited < OWN_ANSWER_WAIT_MS) {
        window.setTimeout(function () { afterOwnAnswers(waited + 50); }, 50);
      } else if (!upToDate()) {
        soon();
      }
    }

    var live = start({
      socket: element.dataset.liveSocket,
      seq: element.dataset.seq,
      pollMs: Number(element.dataset.pollMs || POLL_MS),
      onEvents: function () { afterOwnAnswers(0); },
      refetch: refetch,
    });
  }

  window.SamskabLive = { start: start, announce: announce, newCards: newCards, updateTimers: updateTimers };

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-live-fragment][id]"), followFragment);
    updateTimers();
    window.setInterval(updateTimers, 1000);
  });
})();
