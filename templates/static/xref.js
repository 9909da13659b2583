// xref.js: citation previews and "copy citation" buttons.
//
// Loaded with defer on every page, as an external file (the site runs
// under a Content-Security-Policy with no inline script or style). Every
// page is complete without it: citations are plain links, and permalinks
// are links a reader can copy.
//
// Previews. Hovering or focusing a citation (a.xref, made by the markdown
// stage) shows the cited paragraph's text below the link (above it when
// there is no room below), never over it. The text comes from the cited
// article's /articles/<slug>/paragraphs.json, on the same host, or from
// the page itself for anchors of the page that file does not list. The
// preview is the link's description (aria-describedby) while shown; Esc
// dismisses it, and the pointer can move onto it without it closing.
//
// Copy citation. Each paragraph of the adopted text (.adopted-text
// [data-citation]) gets a button after its text that copies, for example,
//
//	UN Convention against Cybercrime, art. 40(21)(b) — https://example.org/articles/40/#p21-b
//
// The URL starts with the element's data-base-url (the site's configured
// base URL) or, when none is configured, with the page's own origin. When
// the clipboard cannot be written, the citation is shown selected in a
// text field for the reader to copy.
(() => {
  'use strict';

  // ---- previews ----

  const files = new Map(); // path -> Promise of the parsed paragraphs.json
  let popup = null; // the preview element, made on first use
  let current = null; // the link whose preview is shown
  let showTimer = 0;
  let hideTimer = 0;
  let dismissed = null; // a link whose preview Esc closed, until it is left

  const articlePath = /^\/articles\/[^/]+\/$/;

  function load(path) {
    if (!files.has(path)) {
      const p = fetch(path + 'paragraphs.json', { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null);
      files.set(path, p);
    }
    return files.get(path);
  }

  function makePopup() {
    popup = document.createElement('div');
    popup.id = 'xref-preview';
    popup.className = 'xref-preview';
    popup.setAttribute('role', 'tooltip');
    popup.hidden = true;
    popup.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    popup.addEventListener('mouseleave', () => scheduleHide(200));
    // Inside <main>, so that it is in a landmark like the text it
    // previews.
    (document.querySelector('main') || document.body).appendChild(popup);
  }

  function clip(s, n) {
    s = s.trim();
    return s.length > n ? s.slice(0, n).replace(/\s+\S*$/, '') + ' …' : s;
  }

  // content finds what to show for link: {heading, label, text, note}.
  async function content(link) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) return null;
    const note = link.dataset.note || '';
    const frag = decodeURIComponent(url.hash.slice(1));
    const term = link.classList.contains('term');
    let data = null;
    if (articlePath.test(url.pathname)) data = await load(url.pathname);
    if (data && frag) {
      const para = data.paragraphs.find((p) => p.anchor === frag);
      if (para) {
        return {
          heading: data.heading,
          label: (term ? 'Definition: ' : '') + para.label,
          text: clip(para.text, 700),
          note,
        };
      }
    }
    if (frag && url.pathname === location.pathname) {
      const el = document.getElementById(frag);
      if (el) {
        const h = el.querySelector('h2, h3');
        return { heading: data ? data.heading : document.title, label: h ? h.textContent : '', text: clip(el.innerText, 700), note };
      }
    }
    if (data) {
      const first = data.paragraphs[0];
      return {
        heading: data.heading,
        label: first && !note ? first.label : '',
        text: first && !note ? clip(first.text, 500) : '',
        note: note || data.note || '',
      };
    }
    return null;
  }

  function place(link) {
    const r = link.getBoundingClientRect();
    const rects = link.getClientRects();
    const last = rects.length ? rects[rects.length - 1] : r;
    const w = Math.min(popup.offsetWidth, document.documentElement.clientWidth - 16);
    const h = popup.offsetHeight;
    const gap = 6;
    let top = r.bottom + gap;
    if (top + h > innerHeight && r.top - gap - h >= 0) top = r.top - gap - h;
    let left = Math.max(8, Math.min(last.left, document.documentElement.clientWidth - w - 8));
    const o = origin();
    popup.style.top = Math.round(top - o.y) + 'px';
    popup.style.left = Math.round(left - o.x) + 'px';
  }

  // origin is where, in the viewport, the preview's top and left of 0
  // are: the document's corner, or that of a positioned ancestor.
  function origin() {
    const op = popup.offsetParent;
    if (!op || ((op === document.body || op === document.documentElement) && getComputedStyle(op).position === 'static')) {
      return { x: -scrollX, y: -scrollY };
    }
    const r = op.getBoundingClientRect();
    return { x: r.left + op.clientLeft - op.scrollLeft, y: r.top + op.clientTop - op.scrollTop };
  }

  async function show(link) {
    clearTimeout(hideTimer);
    if (current === link && !popup.hidden) return;
    if (!popup) makePopup();
    hide();
    current = link;
    const c = await content(link);
    if (current !== link || !c) return;
    popup.replaceChildren();
    const head = document.createElement('p');
    head.className = 'xref-preview-heading';
    head.textContent = c.heading + (c.label ? ' · ' + c.label : '');
    popup.appendChild(head);
    if (c.text) {
      const t = document.createElement('p');
      t.className = 'xref-preview-text';
      t.textContent = c.text;
      popup.appendChild(t);
    }
    if (c.note) {
      const n = document.createElement('p');
      n.className = 'xref-preview-note';
      n.textContent = c.note;
      popup.appendChild(n);
    }
    popup.hidden = false;
    place(link);
    link.setAttribute('aria-describedby', popup.id);
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    if (popup) popup.hidden = true;
  }

  function scheduleHide(ms) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, ms);
  }

  const citation = (el) => (el instanceof Element ? el.closest('a.xref') : null);

  function initPreviews() {
    // The markdown stage gives a link whose target is not exactly what it
    // cites a title (for pointer users without this script); the preview
    // shows that note instead of the browser's tooltip.
    for (const a of document.querySelectorAll('a.xref[title]')) {
      a.dataset.note = a.title;
      a.removeAttribute('title');
    }
    document.addEventListener('mouseover', (e) => {
      const a = citation(e.target);
      if (!a || a === dismissed) return;
      clearTimeout(hideTimer);
      clearTimeout(showTimer);
      showTimer = setTimeout(() => show(a), 250);
    });
    document.addEventListener('mouseout', (e) => {
      const a = citation(e.target);
      if (!a || (e.relatedTarget instanceof Node && a.contains(e.relatedTarget))) return;
      if (a === dismissed) dismissed = null;
      scheduleHide(300);
    });
    document.addEventListener('focusin', (e) => {
      const a = citation(e.target);
      if (a) show(a);
    });
    document.addEventListener('focusout', (e) => {
      const a = citation(e.target);
      if (!a) return;
      if (a === dismissed) dismissed = null;
      scheduleHide(100);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && popup && !popup.hidden) {
        dismissed = current;
        hide();
        e.preventDefault();
      }
    });
    addEventListener('resize', () => current && !popup.hidden && place(current));
  }

  // ---- copy citation ----

  let status = null;
  let statusTimer = 0;

  function makeStatus() {
    status = document.createElement('div');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    (document.querySelector('main') || document.body).appendChild(status);
    status.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') clearStatus();
    });
  }

  function clearStatus() {
    clearTimeout(statusTimer);
    status.replaceChildren();
    status.classList.remove('copy-status-shown');
  }

  function say(text, field) {
    clearTimeout(statusTimer);
    status.replaceChildren();
    const p = document.createElement('p');
    p.textContent = text;
    status.appendChild(p);
    status.classList.add('copy-status-shown');
    if (field) {
      const input = document.createElement('input');
      input.type = 'text';
      input.readOnly = true;
      input.className = 'copy-target';
      input.value = field;
      input.setAttribute('aria-label', 'Citation');
      status.appendChild(input);
      input.focus();
      input.select();
      input.addEventListener('blur', () => { statusTimer = setTimeout(clearStatus, 4000); });
    } else {
      statusTimer = setTimeout(clearStatus, 6000);
    }
  }

  // citation returns the text to copy for the paragraph anchored id
  // ("p21-b") in the adopted text el.
  function citationOf(el, id) {
    const cite = el.dataset.citation || document.title;
    const [num, letter] = id.replace(/^p/, '').split('-');
    let ref = (num ? '(' + num + ')' : '') + (letter ? '(' + letter + ')' : '');
    const glue = /\d$/.test(cite) ? '' : ' ';
    const base = (el.dataset.baseUrl || location.origin).replace(/\/+$/, '');
    return cite + glue + ref + ' — ' + base + location.pathname + '#' + id;
  }

  async function copy(el, id) {
    const text = citationOf(el, id);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      say('Citation copied: ' + text);
    } catch (_) {
      say('Copy this citation (the clipboard is not available):', text);
    }
  }

  function initCopy() {
    const texts = document.querySelectorAll('.adopted-text[data-citation]');
    if (!texts.length) return;
    makeStatus();
    for (const el of texts) {
      for (const num of el.querySelectorAll('a.pnum[href^="#p"]')) {
        const id = num.getAttribute('href').slice(1);
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'copy-cite';
        b.dataset.anchor = id;
        b.textContent = 'Copy citation';
        const which = document.createElement('span');
        which.className = 'visually-hidden';
        which.textContent = ' of ' + (num.getAttribute('aria-label') || id).replace(/^Permalink to /, '');
        b.appendChild(which);
        b.addEventListener('click', () => copy(el, id));
        num.parentElement.appendChild(document.createTextNode(' '));
        num.parentElement.appendChild(b);
      }
    }
  }

  initPreviews();
  initCopy();
})();
