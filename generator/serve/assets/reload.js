// Live reload for the travaux dev server (package serve).
//
// Served as a file, never inline, and free of eval, so pages keep a strict
// Content-Security-Policy. It sets no style attributes either: the error
// overlay is styled by /_travaux/overlay.css through class names.
//
// Events on /_travaux/events (each data line is JSON):
//   hello  {build}          on every (re)connection
//   reload {build, paths}   a build finished: reload, keeping the scroll position
//   css    {build, paths}   only stylesheets changed: swap them in place
//   errors {problems}       a build failed: show them over the page
(function () {
  "use strict";

  var EVENTS = "/_travaux/events";
  var OVERLAY_CSS = "/_travaux/overlay.css";
  var SCROLL_KEY = "travaux:scroll:" + location.pathname;

  var build = null; // the build id this page was loaded from
  var cssVersion = 0;
  var overlay = null;
  var source = null;

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (e) {
      return null;
    }
  }

  // Scroll position survives a reload through sessionStorage, keyed by
  // path, and is restored once the page (and its images) has loaded.
  function saveScroll() {
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    } catch (e) {
      // storage disabled: reload without it
    }
  }

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(SCROLL_KEY);
      sessionStorage.removeItem(SCROLL_KEY);
    } catch (e) {
      return;
    }
    var pos = saved && parse(saved);
    if (!pos) {
      return;
    }
    var go = function () {
      window.scrollTo(pos.x || 0, pos.y || 0);
    };
    if (document.readyState === "complete") {
      go();
    } else {
      window.addEventListener("load", go, { once: true });
    }
  }

  // pageFile is the output file this page was served from, as the
  // server names changed files: "articles/65/index.html".
  function pageFile() {
    var p = location.pathname;
    if (p.charAt(p.length - 1) === "/") {
      p += "index.html";
    }
    try {
      p = decodeURIComponent(p);
    } catch (err) {
      // keep it encoded
    }
    return p.replace(/^\/+/, "");
  }

  function showingErrors() {
    return overlay !== null;
  }

  function reload() {
    if (source) {
      source.close();
    }
    saveScroll();
    location.reload();
  }

  // Stylesheets are swapped by loading a copy with ?v=<n> and removing the
  // old link once the copy has loaded, so the page never shows unstyled.
  function swapStylesheets() {
    cssVersion++;
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (link) {
      if (link.hasAttribute("data-travaux")) {
        return;
      }
      var url;
      try {
        url = new URL(link.getAttribute("href"), location.href);
      } catch (e) {
        return;
      }
      if (url.origin !== location.origin) {
        return;
      }
      url.searchParams.set("v", String(cssVersion));
      var fresh = link.cloneNode(false);
      fresh.removeAttribute("integrity"); // the content has changed on purpose
      fresh.setAttribute("href", url.pathname + url.search + url.hash);
      fresh.addEventListener("load", function () { link.remove(); }, { once: true });
      fresh.addEventListener("error", function () { fresh.remove(); }, { once: true });
      link.after(fresh);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text; // never innerHTML: messages quote the author's text
    }
    return node;
  }

  function where(p) {
    var s = p.path || "";
    if (p.line) {
      s += ":" + p.line;
      if (p.col) {
        s += ":" + p.col;
      }
    }
    return s;
  }

  // caret returns spaces (keeping tabs, so it lines up) and a ^ under
  // column col of line, counting characters as the server does.
  function caret(line, col) {
    var chars = Array.from(line).slice(0, col - 1);
    return chars.map(function (c) { return c === "\t" ? "\t" : " "; }).join("") + "^";
  }

  function ensureOverlayStyles() {
    if (document.querySelector('link[data-travaux="overlay"]')) {
      return;
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = OVERLAY_CSS;
    link.setAttribute("data-travaux", "overlay");
    (document.head || document.documentElement).appendChild(link);
  }

  function hideErrors() {
    if (!overlay) {
      return;
    }
    var o = overlay;
    overlay = null;
    if (o.open && typeof o.close === "function") {
      o.close();
    }
    o.remove();
  }

  function showErrors(problems) {
    hideErrors();
    if (!problems || problems.length === 0) {
      return;
    }
    ensureOverlayStyles();

    var dialog = el("dialog", "travaux-overlay");
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-labelledby", "travaux-overlay-title");
    dialog.setAttribute("aria-describedby", "travaux-overlay-list");

    var header = el("div", "travaux-overlay__header");
    var n = problems.length;
    var title = el("h2", "travaux-overlay__title", "Build failed: " + n + (n === 1 ? " problem" : " problems"));
    title.id = "travaux-overlay-title";
    var close = el("button", "travaux-overlay__close", "Close");
    close.type = "button";
    close.addEventListener("click", hideErrors);
    header.append(title, close);

    var list = el("ol", "travaux-overlay__list");
    list.id = "travaux-overlay-list";
    problems.forEach(function (p) {
      var item = el("li", "travaux-overlay__problem" + (p.warning ? " travaux-overlay__problem--warning" : ""));
      item.appendChild(el("p", "travaux-overlay__message",
        where(p) + ": " + (p.warning ? "warning: " : "") + (p.message || "")));
      if (p.source) {
        var pre = el("pre", "travaux-overlay__source");
        pre.appendChild(el("code", "", p.source));
        if (p.col > 0) {
          var mark = el("span", "travaux-overlay__caret", "\n" + caret(p.source, p.col));
          mark.setAttribute("aria-hidden", "true");
          pre.appendChild(mark);
        }
        item.appendChild(pre);
      }
      list.appendChild(item);
    });

    var hint = el("p", "travaux-overlay__hint",
      "Fix the files and save: the page reloads when the build succeeds.");
    dialog.append(header, list, hint);
    // Escape (the dialog's cancel) and the button both remove the overlay.
    dialog.addEventListener("close", function () {
      if (overlay === dialog) {
        hideErrors();
      }
    });
    document.body.appendChild(dialog);
    overlay = dialog;
    if (typeof dialog.showModal === "function") {
      try {
        dialog.showModal();
      } catch (e) {
        dialog.setAttribute("open", "");
      }
    } else {
      dialog.setAttribute("open", "");
    }
    close.focus();
  }

  function connect() {
    var es = new EventSource(EVENTS);
    source = es;
    es.addEventListener("hello", function (e) {
      var d = parse(e.data);
      if (!d) {
        return;
      }
      // A different id after a reconnection: the server restarted or
      // built while we were away. Reload once to catch up.
      if (build !== null && d.build !== build) {
        reload();
        return;
      }
      build = d.build;
    });
    es.addEventListener("reload", function (e) {
      var d = parse(e.data);
      // A build that left this page's file alone needs no reload; an
      // empty list means "unknown", and a shown error must be cleared.
      if (d && d.paths && d.paths.length > 0 && !showingErrors() &&
          d.paths.indexOf(pageFile()) < 0) {
        build = d.build;
        return;
      }
      reload();
    });
    es.addEventListener("css", function (e) {
      var d = parse(e.data);
      if (d) {
        build = d.build;
      }
      hideErrors();
      swapStylesheets();
    });
    es.addEventListener("errors", function (e) {
      var d = parse(e.data);
      if (d) {
        showErrors(d.problems);
      }
    });
    // EventSource reconnects by itself after a dropped connection. It gives
    // up only on a bad answer (the server down at that moment may answer
    // from something else); then start again.
    es.addEventListener("error", function () {
      if (es.readyState === EventSource.CLOSED && source === es) {
        source = null;
        setTimeout(connect, 2000);
      }
    });
  }

  restoreScroll();
  connect();
  window.addEventListener("pagehide", function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener("pageshow", function (e) {
    if (e.persisted && !source) {
      connect(); // back from the back-forward cache
    }
  });
})();
