/*
  compare.js: the view switch and the pickers of compare pages.

  Every compare page holds two views of one comparison, side by side and
  inline; its URL says which one shows (.../A..B/ or .../A..B/inline/),
  and without this script the switch is two links between those URLs and
  the pickers are a list of links. With it:

  - the switch changes the view in place, puts the matching URL in the
    address bar, and remembers the choice (localStorage), so the next
    compare page opens in the same view;
  - the form with two selects goes to the comparison of the two texts
    chosen, in whichever order the site publishes it.

  It is loaded, without defer, before the views, so that a remembered
  choice applies before they are drawn: it sets data-view on <html>, which
  the stylesheet reads. On screens narrower than 700px the stylesheet
  shows the inline view whatever the choice.
*/
(function () {
  "use strict";

  var KEY = "travaux.compare.view";
  var root = document.documentElement;

  function load() {
    try {
      var v = window.localStorage.getItem(KEY);
      return v === "side" || v === "inline" ? v : "";
    } catch (e) {
      return "";
    }
  }

  function save(v) {
    try {
      window.localStorage.setItem(KEY, v);
    } catch (e) {
      /* private browsing: the choice lasts for this page only */
    }
  }

  var saved = load();
  if (saved) {
    root.setAttribute("data-view", saved);
  }

  // The ids of the two views differ ("c3" inline, "s-c3" side by side),
  // so a fragment follows the reader from one view to the other.
  function fragmentFor(view, hash) {
    var m = /^#(s-)?((?:c\d+)|(?:m\d+-(?:from|to)))$/.exec(hash || "");
    if (!m) {
      return hash || "";
    }
    return "#" + (view === "side" ? "s-" : "") + m[2];
  }

  function ready() {
    var page = document.querySelector(".compare");
    if (!page) {
      return;
    }
    var links = page.querySelectorAll(".view-switch a[data-view]");
    var urls = {};
    for (var i = 0; i < links.length; i++) {
      urls[links[i].getAttribute("data-view")] = links[i].getAttribute("href");
    }
    var current = page.getAttribute("data-view") || "side";

    function show(view, remember) {
      if (!urls[view]) {
        return;
      }
      current = view;
      root.setAttribute("data-view", view);
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute("data-view") === view) {
          links[i].setAttribute("aria-current", "page");
        } else {
          links[i].removeAttribute("aria-current");
        }
      }
      var hash = fragmentFor(view, window.location.hash);
      var moved = hash !== window.location.hash;
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", urls[view] + hash);
      }
      if (remember) {
        save(view);
      }
      var target = moved && hash && document.getElementById(hash.slice(1));
      if (target) {
        target.scrollIntoView();
      }
    }

    if (saved && saved !== current) {
      show(saved, false);
    }
    for (var j = 0; j < links.length; j++) {
      links[j].addEventListener("click", function (ev) {
        if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) {
          return; // a new tab or window: let the link do it
        }
        ev.preventDefault();
        show(this.getAttribute("data-view"), true);
        this.focus();
      });
    }

    var form = page.querySelector("#compare-picker");
    var pairs = page.querySelectorAll(".compare-pairs a[data-old][data-new]");
    if (!form || pairs.length < 2) {
      return;
    }
    var oldSel = form.querySelector("#pick-old");
    var newSel = form.querySelector("#pick-new");
    var message = form.querySelector("#picker-message");
    form.hidden = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var a = oldSel.value;
      var b = newSel.value;
      if (a === b) {
        message.textContent = "Choose two different texts.";
        return;
      }
      for (var i = 0; i < pairs.length; i++) {
        var o = pairs[i].getAttribute("data-old");
        var n = pairs[i].getAttribute("data-new");
        if ((o === a && n === b) || (o === b && n === a)) {
          var href = pairs[i].getAttribute("href");
          if (current === "inline") {
            href += "inline/";
          }
          message.textContent = o === a ? "" : "These two texts are compared the other way round.";
          window.location.href = href;
          return;
        }
      }
      message.textContent = "This edition has no comparison of these two texts.";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
