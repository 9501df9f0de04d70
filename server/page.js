/* hustings.js - the search page.
 *
 * Every string that comes from an article (titles, passages, paths,
 * sources) reaches the page through textContent or text nodes, never as
 * HTML, and links are made only from http(s) URLs.  The state of a search
 * lives in the URL (?q=&page=&lang=&source=&from=&to=&sort=), so a search
 * can be bookmarked, shared and walked with the back button.
 */
'use strict';

(function () {
  const PAGE_SIZE = 10;
  const MAX_OFFSET = 10000;
  /* the date facets' value for matches without a date */
  const UNDATED = 'undated';
  const FACET_ROWS = 8;
  /* the beat's languages by name, whatever the browser knows */
  const LANGUAGES = { en: 'English', ru: 'Russian', kk: 'Kazakh', kz: 'Kazakh' };
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'];
  const KEYS = ['q', 'lang', 'source', 'from', 'to', 'sort', 'page', 'article', 'passage'];
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let generation = 0; // answers to superseded requests are dropped

  const $ = (id) => document.getElementById(id);

  /* An element with text or child nodes; never parses HTML. */
  function el(tag, props, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else e.setAttribute(k, v);
    }
    for (const c of children || []) {
      if (c !== null && c !== undefined) e.append(c);
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  /* ---- state in the URL ------------------------------------------------ */

  function readState() {
    const p = new URLSearchParams(location.search);
    const s = {};
    for (const k of KEYS) s[k] = p.get(k) || '';
    s.page = Math.max(1, parseInt(s.page, 10) || 1);
    return s;
  }

  function stateUrl(s) {
    const p = new URLSearchParams();
    for (const k of KEYS) {
      if (k === 'page' ? s.page > 1 : s[k]) p.set(k, s[k]);
    }
    const qs = p.toString();
    return qs ? '/?' + qs : '/';
  }

  /* A new state: the one left keeps its scroll position (restored when
   * it is gone back to), the new one knows where it came from (so that
   * "Back to the results" can go back to it rather than anew). */
  function go(s) {
    history.replaceState(Object.assign({}, history.state, { scroll: window.scrollY }), '');
    /* where it came from in the page's own spelling of a URL, whatever
     * the address typed (q=a%20b, or the parameters in another order) */
    history.pushState({ from: stateUrl(readState()) }, '', stateUrl(s));
    render(s);
    window.scrollTo(0, 0);
  }

  /* The scroll position the current history entry had when it was left;
   * whether there was one. */
  function restoreScroll() {
    const y = history.state && history.state.scroll;
    if (typeof y !== 'number') return false;
    window.scrollTo(0, y);
    return true;
  }

  /* A link that goes to a state without reloading the page (follow, by
   * default go); a click that opens a tab or window is the browser's. */
  function stateLink(s, props, children, follow) {
    const a = el('a', Object.assign({ href: stateUrl(s) }, props), children);
    a.addEventListener('click', (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      (follow || go)(s);
    });
    return a;
  }

  function withChanges(s, changes) {
    return Object.assign({}, s, { page: 1, article: '', passage: '' }, changes);
  }

  /* ---- the API --------------------------------------------------------- */

  function token() {
    try { return sessionStorage.getItem('hustings-token') || ''; } catch (e) { return ''; }
  }

  class NeedToken extends Error {}

  async function api(path, params) {
    const headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const r = await fetch(path + '?' + new URLSearchParams(params), { headers, cache: 'no-store' });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (r.status === 401) throw new NeedToken();
    if (!r.ok) {
      throw new Error(body && typeof body.error === 'string' ? body.error
        : 'the server answered ' + r.status);
    }
    return body;
  }

  /* ---- formatting ------------------------------------------------------ */

  function formatDate(d) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d || '');
    if (!m) return d || '';
    const month = MONTHS[parseInt(m[2], 10) - 1] || m[2];
    return (m[3] ? parseInt(m[3], 10) + ' ' : '') + month + ' ' + m[1];
  }

  let languageNames = null;
  try { languageNames = new Intl.DisplayNames(['en'], { type: 'language' }); } catch (e) { /* an older browser: the table */ }

  function languageName(code) {
    if (!code) return '';
    if (LANGUAGES[code]) return LANGUAGES[code];
    try {
      const name = languageNames && languageNames.of(code);
      if (name && name.toLowerCase() !== code.toLowerCase()) return name;
    } catch (e) { /* not a language tag */ }
    return code;
  }

  /* Only http(s) URLs become links; anything else (javascript:, data:)
   * stays text. */
  function safeUrl(u) {
    if (typeof u !== 'string' || !/^https?:\/\//i.test(u)) return null;
    try { return new URL(u); } catch (e) { return null; }
  }

  /* The text with the ranges [start, end) of UTF-8 bytes in <mark>. */
  function markedText(text, highlights) {
    const frag = document.createDocumentFragment();
    const bytes = encoder.encode(text);
    const ranges = (Array.isArray(highlights) ? highlights : [])
      .filter((h) => Array.isArray(h) && Number.isInteger(h[0]) && Number.isInteger(h[1]) &&
        h[0] >= 0 && h[0] < h[1] && h[1] <= bytes.length)
      .sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [s, e] of ranges) {
      if (s < pos) continue;
      if (s > pos) frag.append(decoder.decode(bytes.subarray(pos, s)));
      frag.append(el('mark', { text: decoder.decode(bytes.subarray(s, e)) }));
      pos = e;
    }
    if (pos < bytes.length) frag.append(decoder.decode(bytes.subarray(pos)));
    return frag;
  }

  function plural(n, one, many) {
    return n.toLocaleString('en') + ' ' + (n === 1 ? one : many);
  }

  /* ---- results --------------------------------------------------------- */

  function sourceNode(r) {
    const url = safeUrl(r.source);
    const label = r.site || (url ? url.hostname.replace(/^www\./, '') : r.source);
    if (!label) return null;
    if (!url) return el('span', { class: 'source', text: label });
    return el('a', { class: 'source', href: url.href, rel: 'noopener noreferrer nofollow',
      target: '_blank', text: label });
  }

  function metaLine(r, extra) {
    const parts = [];
    if (r.date) parts.push(el('time', { datetime: r.date, text: formatDate(r.date) }));
    const src = sourceNode(r);
    if (src) parts.push(src);
    if (r.byline) parts.push(el('span', { class: 'byline', text: r.byline }));
    if (r.lang && r.lang !== 'en') parts.push(el('span', { class: 'lang', text: languageName(r.lang) }));
    for (const x of extra || []) parts.push(x);
    const p = el('p', { class: 'meta' });
    parts.forEach((node, i) => {
      if (i) p.append(el('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }));
      p.append(node);
    });
    return p;
  }

  function passageNode(r) {
    return el('p', { class: 'passage', 'data-passage': String(r.passage) },
      [markedText(r.text || '', r.highlights)]);
  }

  /* One article: its title, date, source, its best passage and its
   * file; renderSearch adds its other passages of the page. */
  function resultItem(s, r) {
    const title = r.title || '(untitled)';
    const target = withChanges(s, { article: r.path, passage: String(r.passage), page: s.page });
    const extra = [];
    if (r.copies > 1) extra.push(el('span', { class: 'copies', text: plural(r.copies, 'copy', 'copies') + ' of this story' }));
    return el('li', { class: 'result', lang: r.lang || '' }, [
      el('h2', { class: 'title' }, [stateLink(target, { text: title })]),
      metaLine(r, extra),
      passageNode(r),
      el('p', { class: 'path', text: r.path }),
    ]);
  }

  /* What tells two articles apart: a feed's items share a path. */
  function articleKey(r) {
    return [r.path, r.title, r.date, r.source].join('\u0000');
  }

  function renderChips(s) {
    const box = $('chips');
    clear(box);
    const chips = [];
    if (s.from || s.to) {
      const label = s.from === s.to ? formatDate(s.from) : (formatDate(s.from) || '…') + ' – ' + (formatDate(s.to) || '…');
      chips.push(['Date', label, { from: '', to: '' }]);
    }
    if (s.source) chips.push(['Source', s.source, { source: '' }]);
    if (s.lang) chips.push(['Language', languageName(s.lang), { lang: '' }]);
    for (const [name, value, changes] of chips) {
      box.append(stateLink(withChanges(s, changes), { class: 'chip', title: 'Remove this filter' }, [
        el('span', { class: 'chip-name', text: name + ': ' }), value,
        el('span', { class: 'chip-x', 'aria-label': 'remove', text: ' ×' })]));
    }
    show(box, chips.length > 0);
  }

  /* One facet: its values as filter links, the chosen one pressed. */
  function facetGroup(s, title, counts, label, isActive, changes) {
    const entries = Object.entries(counts || {});
    if (!entries.length) return null;
    const list = el('ul', { class: 'facet-values' });
    entries.forEach(([value, n], i) => {
      const active = isActive(value);
      const target = active ? changes(null) : changes(value);
      const parts = [el('span', { class: 'facet-label', text: label(value) }),
        el('span', { class: 'facet-count', text: n.toLocaleString('en') })];
      /* a value no filter selects (undated) is counted, not a link */
      const link = target ? stateLink(withChanges(s, target), {
        class: 'facet' + (active ? ' active' : ''), 'aria-pressed': active ? 'true' : 'false',
        'data-facet': title.toLowerCase(), 'data-value': value,
      }, parts) : el('span', { class: 'facet inert', 'data-facet': title.toLowerCase(), 'data-value': value }, parts);
      const item = el('li', {}, [link]);
      if (i >= FACET_ROWS && !active) item.className = 'more';
      list.append(item);
    });
    const group = el('section', { class: 'facet-group' }, [el('h3', { text: title }), list]);
    if (entries.length > FACET_ROWS) {
      const toggle = el('button', { type: 'button', class: 'facet-more', text: 'Show all ' + entries.length });
      toggle.addEventListener('click', () => {
        list.classList.toggle('expanded');
        toggle.textContent = list.classList.contains('expanded') ? 'Show fewer' : 'Show all ' + entries.length;
      });
      group.append(toggle);
    }
    return group;
  }

  function renderFacets(s, facets) {
    const box = $('filters');
    clear(box);
    facets = facets || {};
    const year = /^\d{4}/.exec(s.from || '');
    const oneYear = year && s.to && s.to.slice(0, 4) === year[0] ? year[0] : '';
    const groups = [
      facetGroup(s, 'Year', facets.year, (v) => (v === UNDATED ? 'Undated' : v),
        (v) => s.from === v && s.to === v,
        (v) => (v === UNDATED ? null : { from: v || '', to: v || '' })),
      oneYear ? facetGroup(s, 'Month', filterKeys(facets.month, (k) => k.startsWith(oneYear)),
        (v) => formatDate(v), (v) => s.from === v && s.to === v,
        (v) => (v ? { from: v, to: v } : { from: oneYear, to: oneYear })) : null,
      facetGroup(s, 'Source', facets.source, (v) => v, (v) => s.source === v,
        (v) => ({ source: v || '' })),
      facetGroup(s, 'Language', facets.lang, languageName, (v) => s.lang === v,
        (v) => ({ lang: v || '' })),
    ].filter(Boolean);
    for (const g of groups) box.append(g);
    show(box, groups.length > 0);
  }

  function filterKeys(obj, keep) {
    const out = {};
    for (const [k, v] of Object.entries(obj || {})) if (keep(k)) out[k] = v;
    return out;
  }

  /* How many pages the results fill: the total's, as far as paging
   * reaches; a short page is the last (near-duplicates shown as one make
   * fewer results than the total). */
  function pageCount(s, total, shown) {
    if (shown && shown < PAGE_SIZE) return s.page;
    return Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(MAX_OFFSET / PAGE_SIZE) + 1));
  }

  function renderPager(s, count, pages) {
    const nav = $('pager');
    clear(nav);
    const hasNext = count === PAGE_SIZE && s.page < pages;
    if (s.page > 1) nav.append(stateLink(Object.assign({}, s, { page: s.page - 1 }), { class: 'prev', rel: 'prev', text: '← Previous' }));
    if (s.page > 1 || hasNext) nav.append(el('span', { class: 'page-number', text: 'Page ' + s.page + ' of ' + pages.toLocaleString('en') }));
    if (hasNext) nav.append(stateLink(Object.assign({}, s, { page: s.page + 1 }), { class: 'next', rel: 'next', text: 'Next →' }));
    show(nav, s.page > 1 || hasNext);
  }

  /* "1,139 passages in 412 articles · page 1 of 114" */
  function totals(s, data, pages) {
    const n = data.total || 0;
    let text = plural(n, 'passage', 'passages');
    if (Number.isInteger(data.articles)) text += ' in ' + plural(data.articles, 'article', 'articles');
    return text + ' · page ' + s.page + ' of ' + pages.toLocaleString('en');
  }

  /* Nothing found: what to try, as links where one click does it. */
  function renderNothing(s, data) {
    const box = $('nothing');
    clear(box);
    box.append(el('p', {}, ['Nothing matches ', el('q', { text: s.q }), '.']));
    const tips = el('ul', { class: 'tips' });
    const tip = (...nodes) => tips.append(el('li', {}, nodes));
    if (data.suggestion) {
      tip('Did you mean ', stateLink(withChanges(s, { q: data.suggestion }), { class: 'did-you-mean', text: data.suggestion }), '?');
    }
    const filters = [];
    if (s.lang) filters.push(['language ' + languageName(s.lang), { lang: '' }]);
    if (s.source) filters.push(['source ' + s.source, { source: '' }]);
    if (s.from || s.to) filters.push(['dates', { from: '', to: '' }]);
    if (filters.length) {
      const links = [];
      for (const [name, changes] of filters) links.push(stateLink(withChanges(s, changes), { class: 'unfilter', text: 'without the ' + name }));
      if (filters.length > 1) links.push(stateLink(withChanges(s, { lang: '', source: '', from: '', to: '' }), { class: 'unfilter', text: 'without any filter' }));
      const nodes = ['Remove a filter: '];
      links.forEach((a, i) => nodes.push(i ? ', ' : '', a));
      tip(...nodes, '.');
    }
    if (/\s/.test(s.q.trim())) {
      tip('Use fewer words, or other words for the same thing: a "quoted phrase", AND or a field needs all it names.');
    } else {
      tip('Try another word for the same thing; any form of a word matches (vote, voted, voting).');
    }
    if (s.from || s.to) {
      const range = el('span', { class: 'index-dates' });
      tip('Check the date range (' + (formatDate(s.from) || '…') + ' – ' + (formatDate(s.to) || '…') +
        '): undated articles are left out when one is set. ', range);
      indexDates(range);
    }
    box.append(tips);
    show(box, true);
  }

  /* The dates the index spans, into node, for the date tip. */
  async function indexDates(node) {
    try {
      const st = await api('/api/stats', {});
      if (st.first_date && st.last_date) {
        node.textContent = 'The index holds articles dated ' + formatDate(st.first_date) + ' to ' + formatDate(st.last_date) +
          (st.undated ? ', and ' + plural(st.undated, 'undated article', 'undated articles') : '') + '.';
      }
    } catch (e) { /* the tip stands without it */ }
  }

  function renderSearch(s, data) {
    const results = $('results');
    clear(results);
    /* an article once a page: where its best passage ranks, with its
     * other passages of the page below that one, in rank order */
    const items = new Map();
    for (const r of data.results || []) {
      const key = articleKey(r);
      const item = items.get(key);
      if (item) {
        item.insertBefore(passageNode(r), item.querySelector('.path'));
      } else {
        items.set(key, results.appendChild(resultItem(s, r)));
      }
    }
    const shown = (data.results || []).length;
    const pages = pageCount(s, data.total || 0, shown);
    $('status').textContent = shown ? totals(s, data, pages)
      : (s.page > 1 ? 'No more results.' : '0 passages');
    const sug = $('suggestion');
    clear(sug);
    if (data.suggestion && shown) {
      sug.append('Did you mean ', stateLink(withChanges(s, { q: data.suggestion }), { text: data.suggestion }), '?');
    }
    show(sug, Boolean(data.suggestion && shown));
    /* what the query may not do as meant: an unknown field, a prefix too
     * short, undated articles a date range left out */
    const warnings = $('warnings');
    clear(warnings);
    for (const w of data.warnings || []) warnings.append(el('li', { text: w }));
    show(warnings, Boolean(data.warnings && data.warnings.length));
    if (!shown && s.page === 1) renderNothing(s, data);
    renderFacets(s, data.facets);
    renderPager(s, shown, pages);
  }

  /* ---- one article ----------------------------------------------------- */

  /* The results this article was opened from: back in history when that
   * is where the tab came from (its scroll position comes back with it),
   * else to them anew. */
  function backLink(s) {
    const results = withChanges(s, { article: '', passage: '', page: s.page });
    return stateLink(results, { class: 'back', text: '← Back to the results' }, [], (r) => {
      if (history.state && history.state.from === stateUrl(r)) history.back();
      else go(r);
    });
  }

  /* One article, whole; the search's words marked as its results mark
   * them (the server's highlight ranges, as for results). */
  function renderArticle(s, a) {
    const box = $('article');
    clear(box);
    const hit = parseInt(s.passage, 10);
    const body = el('div', { class: 'article-body', lang: a.lang || '' });
    for (const p of a.passages || []) {
      const para = el('p', { 'data-passage': String(p.passage) }, [markedText(p.text || '', p.highlights)]);
      if (p.passage === hit) para.className = 'hit';
      body.append(para);
    }
    if (s.q) box.append(backLink(s)); /* no way back to a search never made */
    box.append(
      el('h1', { text: a.title || '(untitled)', lang: a.lang || '' }),
      metaLine(a, []),
      body,
      el('p', { class: 'path', text: a.path }));
    show(box, true);
    const target = box.querySelector('.hit');
    if (!restoreScroll() && target) target.scrollIntoView({ block: 'center' });
  }

  /* ---- rendering a state ----------------------------------------------- */

  function resetView() {
    for (const id of ['toolbar', 'chips', 'suggestion', 'warnings', 'nothing', 'message', 'pager', 'article', 'intro', 'token-form', 'filters']) {
      show($(id), false);
    }
    clear($('results'));
  }

  function showError(err) {
    show($('toolbar'), false);
    if (err instanceof NeedToken) {
      show($('token-form'), true);
      $('token').focus();
      return;
    }
    /* a query error's first line says what; the next ones point at where */
    const text = err && err.message ? err.message : String(err);
    const cut = text.indexOf('\n');
    const m = $('message');
    clear(m);
    m.append(cut < 0 ? text : text.slice(0, cut));
    if (cut >= 0) m.append(el('pre', { class: 'where', text: text.slice(cut + 1) }));
    show(m, true);
  }

  async function renderIntro(mine) {
    show($('intro'), true);
    try {
      const st = await api('/api/stats', {});
      if (mine !== generation) return;
      let text = plural(st.articles || 0, 'article', 'articles') + ', ' +
        plural(st.passages || 0, 'passage', 'passages') + ' in the index';
      if (st.first_date && st.last_date) text += ', dated ' + formatDate(st.first_date) + ' to ' + formatDate(st.last_date);
      $('stats').textContent = text + '.';
    } catch (e) {
      if (mine === generation) showError(e);
    }
  }

  async function render(s) {
    const mine = ++generation;
    $('q').value = s.q;
    $('sort').value = s.sort;
    document.title = s.q ? s.q + ' · hustings' : 'hustings · search the campaign coverage';
    resetView();
    if (s.article) {
      try {
        const params = { path: s.article };
        if (s.q.trim()) params.q = s.q;
        const a = await api('/api/article', params);
        if (mine === generation) renderArticle(s, a);
      } catch (e) {
        if (mine === generation) showError(e);
      }
      return;
    }
    if (!s.q.trim()) {
      renderIntro(mine);
      return;
    }
    const params = { q: s.q, limit: PAGE_SIZE, offset: (s.page - 1) * PAGE_SIZE, articles: 1 };
    for (const k of ['lang', 'source', 'from', 'to', 'sort']) if (s[k]) params[k] = s[k];
    show($('toolbar'), true);
    $('status').textContent = 'Searching…';
    renderChips(s);
    document.body.setAttribute('aria-busy', 'true');
    try {
      const data = await api('/api/search', params);
      if (mine === generation) {
        renderSearch(s, data);
        restoreScroll();
      }
    } catch (e) {
      if (mine === generation) {
        $('status').textContent = '';
        showError(e);
      }
    } finally {
      if (mine === generation) document.body.removeAttribute('aria-busy');
    }
  }

  /* ---- wiring ---------------------------------------------------------- */

  function init() {
    $('search').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const s = readState();
      go(withChanges(s, { q: $('q').value.trim(), sort: s.sort }));
    });
    $('sort').addEventListener('change', () => {
      go(withChanges(readState(), { sort: $('sort').value }));
    });
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      try { sessionStorage.setItem('hustings-token', $('token').value.trim()); } catch (e) { /* private mode */ }
      $('token').value = '';
      render(readState());
    });
    $('home').addEventListener('click', (ev) => {
      ev.preventDefault();
      go({ q: '', page: 1 });
    });
    for (const a of document.querySelectorAll('.examples a[data-q]')) {
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        go(withChanges({}, { q: a.getAttribute('data-q') }));
      });
    }
    document.addEventListener('keydown', (ev) => {
      if (ev.key === '/' && document.activeElement !== $('q') && !ev.ctrlKey && !ev.metaKey) {
        ev.preventDefault();
        $('q').focus();
        $('q').select();
      }
    });
    /* the page restores the place left itself, once its results are in */
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
    window.addEventListener('popstate', () => render(readState()));
    render(readState());
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
