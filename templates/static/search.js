/*
  search.js: the search page of a travaux site, results as you type.

  The index is one JSON file built with the site (its URL is the form's
  data-index attribute), fetched from the same host the first time the
  reader starts to search:

    {"docs": [[kind, url, title, text], ...]}

  Matching: the query and the documents are cut into words, lower-cased,
  stripped of accents, and lightly stemmed (plural and possessive endings),
  and a query word matches a document word that it equals or begins, so
  "offence" finds "offences" and "polit" finds "political". Every query
  word must match (in the title or the text). Ranking: title matches
  outweigh text matches, whole words outweigh prefixes, and the words of
  the query found next to each other in the order typed add a bonus.
  Results are built as DOM nodes (never as HTML strings), with each match
  marked by <mark>.

  No inline script or style: the page loads this file under
  Content-Security-Policy script-src 'self'.
*/
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var nojs = document.getElementById('search-nojs');
  if (!form || !input || !status || !list) {
    return;
  }

  var MAX_RESULTS = 50;
  var SNIPPET_WORDS = 28;

  form.hidden = false;
  if (nojs) {
    nojs.hidden = true;
  }

  // Words: runs of letters and digits, as the page shows them.
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  // stem strips the endings English adds to a word's plural or possessive,
  // and nothing else: light enough never to join unrelated words.
  function stem(w) {
    if (w.length > 4 && /ies$/.test(w)) {
      return w.slice(0, -3) + 'y';
    }
    if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) {
      return w.slice(0, -2);
    }
    if (w.length > 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) {
      return w.slice(0, -1);
    }
    return w;
  }

  function terms(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      out.push({ term: stem(fold(m[0])), start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  // Index: docs with their title and text cut into terms once.
  var docs = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute('data-index'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) {
            throw new Error('the search index answered ' + r.status);
          }
          return r.json();
        })
        .then(function (data) {
          docs = data.docs.map(function (d, i) {
            return {
              order: i, kind: d[0], url: d[1], title: d[2], text: d[3],
              titleTerms: terms(d[2]), textTerms: terms(d[3]),
            };
          });
        });
    }
    return loading;
  }

  // matchOf says how word matches query term q: 2 equal, 1 prefix, 0 not.
  function matchOf(q, word) {
    if (word === q) {
      return 2;
    }
    if (q.length >= 2 && word.lastIndexOf(q, 0) === 0) {
      return 1;
    }
    return 0;
  }

  function bestIn(q, ts) {
    var best = 0;
    var count = 0;
    for (var i = 0; i < ts.length; i++) {
      var m = matchOf(q, ts[i].term);
      if (m > 0) {
        count++;
        if (m > best) {
          best = m;
        }
      }
    }
    return { best: best, count: count };
  }

  // phrase reports whether the query terms occur in ts one after another.
  function phrase(qs, ts) {
    if (qs.length < 2) {
      return false;
    }
    for (var i = 0; i + qs.length <= ts.length; i++) {
      var ok = true;
      for (var j = 0; j < qs.length && ok; j++) {
        ok = matchOf(qs[j], ts[i + j].term) > 0;
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  function score(doc, qs) {
    var total = 0;
    for (var i = 0; i < qs.length; i++) {
      var t = bestIn(qs[i], doc.titleTerms);
      var x = bestIn(qs[i], doc.textTerms);
      if (t.best === 0 && x.best === 0) {
        return 0;
      }
      total += 3 * t.best + x.best + Math.min(x.count, 5) * 0.2;
    }
    if (phrase(qs, doc.titleTerms) || phrase(qs, doc.textTerms)) {
      total += 4 * qs.length;
    }
    return total;
  }

  function search(query) {
    var qs = terms(query).map(function (t) { return t.term; });
    if (qs.length === 0) {
      return null;
    }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var s = score(docs[i], qs);
      if (s > 0) {
        hits.push({ doc: docs[i], score: s });
      }
    }
    hits.sort(function (a, b) { return b.score - a.score || a.doc.order - b.doc.order; });
    return { qs: qs, hits: hits };
  }

  // marked appends text to parent, with each word that matches a query
  // term inside a <mark>.
  function marked(parent, text, qs) {
    var last = 0;
    terms(text).forEach(function (t) {
      for (var i = 0; i < qs.length; i++) {
        if (matchOf(qs[i], t.term) > 0) {
          parent.appendChild(document.createTextNode(text.slice(last, t.start)));
          var m = document.createElement('mark');
          m.textContent = text.slice(t.start, t.end);
          parent.appendChild(m);
          last = t.end;
          return;
        }
      }
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // snippet cuts the text to some words around its first match.
  function snippet(text, qs) {
    var ts = terms(text);
    if (ts.length <= SNIPPET_WORDS) {
      return text;
    }
    var first = 0;
    outer: for (var i = 0; i < ts.length; i++) {
      for (var j = 0; j < qs.length; j++) {
        if (matchOf(qs[j], ts[i].term) > 0) {
          first = i;
          break outer;
        }
      }
    }
    var from = Math.max(0, first - 8);
    var to = Math.min(ts.length, from + SNIPPET_WORDS);
    var s = text.slice(from === 0 ? 0 : ts[from].start, to === ts.length ? text.length : ts[to - 1].end);
    return (from > 0 ? '… ' : '') + s + (to < ts.length ? ' …' : '');
  }

  var KINDS = {
    article: 'Article', paragraph: 'Paragraph', history: 'History entry',
    'earlier version': 'Earlier version', notes: 'Editors’ notes', topic: 'Topic',
    delegation: 'Delegation', session: 'Session', 'negotiating text': 'Negotiating text', page: 'Page',
  };

  function show(query) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var r = search(query);
    if (!r) {
      status.textContent = '';
      return;
    }
    var n = r.hits.length;
    status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results') +
      ' for “' + query.trim() + '”' + (n > MAX_RESULTS ? '; the first ' + MAX_RESULTS + ' are shown.' : '.');
    r.hits.slice(0, MAX_RESULTS).forEach(function (h) {
      var li = document.createElement('li');
      li.className = 'search-result';
      var a = document.createElement('a');
      a.className = 'search-result-title';
      a.href = h.doc.url;
      marked(a, h.doc.title, r.qs);
      var kind = document.createElement('span');
      kind.className = 'search-result-kind';
      kind.textContent = KINDS[h.doc.kind] || h.doc.kind;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(a);
      if (h.doc.text) {
        var p = document.createElement('p');
        p.className = 'search-result-text';
        marked(p, snippet(h.doc.text, r.qs), r.qs);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var pending = 0;
  function update() {
    var query = input.value;
    var ticket = ++pending;
    if (terms(query).length === 0) {
      show('');
      return;
    }
    if (!docs) {
      status.textContent = 'Loading the search index…';
    }
    load().then(function () {
      if (ticket === pending) {
        show(query);
        var url = new URL(location.href);
        url.searchParams.set('q', query);
        history.replaceState(null, '', url.pathname + url.search);
      }
    }, function (err) {
      status.textContent = 'The search index could not be loaded (' + err.message + '). Browse the contents instead.';
      loading = null;
    });
  }

  input.addEventListener('input', update);
  input.addEventListener('focus', function () { load().catch(function () {}); }, { once: true });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    update();
  });

  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    update();
  }
})();
