// Replybook console, the entry editor: the live preview beside the script (tone and channel tabs, a sample ticket
// form), script problems marked in the script, the key suggested from the problem, and a warning before leaving
// with unsaved changes. Server data only ever reaches the DOM through textContent; requests carry the CSRF token.
(function () {
  'use strict';
  var form = document.getElementById('entry-form');
  if (!form) return;
  var csrf = document.body.getAttribute('data-csrf');

  function postJson(url, payload) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
      body: JSON.stringify(payload)
    });
  }

  // ---- Script fields: a backdrop behind each textarea marks the line and spot of a problem. ----
  var SCRIPT_FIELDS = ['script', 'smsScript', 'reviewScript'];

  function backdropOf(textarea) {
    return textarea.parentNode.querySelector('.script-backdrop');
  }

  // Mirrors the textarea's text into its backdrop, wrapping line `line` (1-based) and the character at `column`
  // in <mark>s; the text itself stays transparent there, so only the highlight shows through.
  function markLine(textarea, line, column) {
    var backdrop = backdropOf(textarea);
    backdrop.textContent = '';
    textarea.removeAttribute('aria-invalid');
    if (!line) return;
    textarea.setAttribute('aria-invalid', 'true');
    var lines = textarea.value.split('\n');
    lines.forEach(function (text, i) {
      if (i + 1 !== line) {
        backdrop.appendChild(document.createTextNode(text + '\n'));
        return;
      }
      var mark = document.createElement('mark');
      mark.className = 'problem-line';
      var at = Math.max(0, Math.min(text.length, (column || 1) - 1));
      mark.appendChild(document.createTextNode(text.slice(0, at)));
      var spot = document.createElement('mark');
      spot.className = 'problem-spot';
      spot.textContent = text.charAt(at) || ' ';
      mark.appendChild(spot);
      mark.appendChild(document.createTextNode(text.slice(at + 1)));
      backdrop.appendChild(mark);
      backdrop.appendChild(document.createTextNode('\n'));
    });
    backdrop.scrollTop = textarea.scrollTop;
  }

  // Puts the caret on a problem's spot and scrolls it into view.
  function goTo(field, line, column) {
    var textarea = document.getElementById(field);
    if (!textarea) return;
    var lines = textarea.value.split('\n');
    var offset = 0;
    for (var i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset += Math.max(0, (column || 1) - 1);
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    var lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 2) * lineHeight);
    backdropOf(textarea).scrollTop = textarea.scrollTop;
  }

  var problems = []; // the problems last reported: [{field, line, column, text}]

  function showProblems(list) {
    problems = list;
    var ul = document.getElementById('script-problems');
    ul.textContent = '';
    list.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'problem';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'problem-link';
      button.setAttribute('data-field', p.field);
      button.setAttribute('data-line', p.line);
      button.setAttribute('data-column', p.column);
      button.textContent = p.text;
      li.appendChild(button);
      ul.appendChild(li);
    });
    SCRIPT_FIELDS.forEach(function (id) {
      var textarea = document.getElementById(id);
      if (!textarea) return;
      var first = list.filter(function (p) { return p.field === id; })[0];
      markLine(textarea, first && first.line, first && first.column);
    });
  }

  // Notes (e.g. a discouraged word): saved anyway, listed after the problems.
  function showNotes(list) {
    var ul = document.getElementById('script-problems');
    list.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'note';
      li.setAttribute('data-field', p.field);
      li.textContent = grid.getAttribute('data-notes') + ' · ' + p.text;
      ul.appendChild(li);
    });
  }

  function problemsInPage() {
    return Array.prototype.map.call(document.querySelectorAll('#script-problems .problem-link'), function (b) {
      return {field: b.getAttribute('data-field'), line: Number(b.getAttribute('data-line')),
        column: Number(b.getAttribute('data-column')), text: b.textContent};
    });
  }

  document.getElementById('script-problems').addEventListener('click', function (ev) {
    var link = ev.target.closest('.problem-link');
    if (link) goTo(link.getAttribute('data-field'), Number(link.getAttribute('data-line')),
      Number(link.getAttribute('data-column')));
  });
  SCRIPT_FIELDS.forEach(function (id) {
    var textarea = document.getElementById(id);
    if (!textarea) return;
    textarea.addEventListener('scroll', function () { backdropOf(textarea).scrollTop = textarea.scrollTop; });
    // While typing, the old mark would sit on the wrong characters: it comes back with the next check.
    textarea.addEventListener('input', function () { markLine(textarea, 0, 0); });
  });

  // ---- Variable picker: insert ${name} at the caret of the script. ----
  var script = document.getElementById('script');
  document.querySelectorAll('.variables .var').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var text = '${' + btn.getAttribute('data-var') + '}';
      var s = script.selectionStart, e = script.selectionEnd;
      script.value = script.value.slice(0, s) + text + script.value.slice(e);
      script.selectionStart = script.selectionEnd = s + text.length;
      script.focus();
      schedulePreview();
    });
  });

  // ---- Live preview: one tone x channel at a time, chosen with two rows of tabs. ----
  var preview = document.getElementById('preview');
  var grid = document.getElementById('preview-grid');
  var status = document.getElementById('preview-status');
  var pane = document.getElementById('preview-pane');
  var selected = {tone: null, channel: null};
  var timer = null;

  function tabsOf(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role=tab]'));
  }

  function select(list, tab) {
    tabsOf(list).forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
    });
    selected[list.id === 'tone-tabs' ? 'tone' : 'channel'] = tab.getAttribute(list.id === 'tone-tabs' ? 'data-tone' : 'data-channel');
    showSelectedCell();
  }

  function showSelectedCell() {
    grid.querySelectorAll('.cell').forEach(function (cell) {
      cell.hidden = !(cell.getAttribute('data-tone') === selected.tone && cell.getAttribute('data-channel') === selected.channel);
    });
    pane.setAttribute('aria-labelledby', 'tab-tone-' + selected.tone + ' tab-channel-' + selected.channel);
  }

  ['tone-tabs', 'channel-tabs'].forEach(function (id) {
    var list = document.getElementById(id);
    var initial = list.querySelector('[aria-selected=true]') || tabsOf(list)[0];
    select(list, initial);
    list.addEventListener('click', function (ev) {
      var tab = ev.target.closest('[role=tab]');
      if (tab) select(list, tab);
    });
    // Arrow keys move between the tabs of a row (and show that tab), Home and End go to the ends.
    list.addEventListener('keydown', function (ev) {
      var tabs = tabsOf(list);
      var i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      var next = {ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: tabs.length - 1}[ev.key];
      if (next === undefined) return;
      ev.preventDefault();
      var tab = tabs[(next + tabs.length) % tabs.length];
      select(list, tab);
      tab.focus();
    });
  });

  // A render warning ("kind:detail") in the page's language, from the grid's data-warning-<kind> attribute.
  function warningText(warning) {
    var m = /^([a-z-]+):(.*)$/.exec(warning);
    var text = m && grid.getAttribute('data-warning-' + m[1]);
    if (text && m[1] === 'compensation-over-limit') { // offer:asked:allowed:currency
      var c = m[2].split(':');
      return text.replace('{0}', c[1] + ' ' + c[3]).replace('{1}', c[2] + ' ' + c[3]);
    }
    return text ? text.replace('{0}', m[2]) : warning;
  }

  function say(message, kind) {
    status.textContent = message || '';
    status.className = 'preview-status' + (kind ? ' ' + kind : '');
  }

  function clearCells() {
    grid.querySelectorAll('.cell').forEach(function (cell) {
      cell.classList.remove('failed');
      cell.querySelector('.text').textContent = '';
      cell.querySelector('.warnings').textContent = '';
    });
  }

  // The sample ticket as the renderer wants it: {"order": {"amount": "199.00"}}; empty fields are left out, so the
  // preview shows what agents see when the help-desk lacks that value.
  function sampleContext() {
    var context = {};
    document.querySelectorAll('#sample-ticket input[data-var]').forEach(function (input) {
      var value = input.value.trim();
      if (!value) return;
      var path = input.getAttribute('data-var').split('.');
      var node = context;
      for (var i = 0; i < path.length - 1; i++) node = node[path[i]] = node[path[i]] || {};
      node[path[path.length - 1]] = value;
    });
    return context;
  }

  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(runPreview, 400);
  }

  var sequence = 0; // answers to older requests are ignored
  function runPreview() {
    var mine = ++sequence;
    if (!script.value.trim()) {
      clearCells();
      showProblems([]);
      say(preview.getAttribute('data-empty'));
      return;
    }
    var sms = document.getElementById('smsScript');
    var review = document.getElementById('reviewScript');
    var accepted = Array.prototype.map.call(
      document.querySelectorAll('input[name="acceptedFallbacks"]:checked'), function (box) { return box.value; });
    var toneScripts = {}; // the tone versions being written (issue 20), named toneScripts.<tone>
    document.querySelectorAll('textarea.tone-script').forEach(function (t) {
      toneScripts[t.name.substring('toneScripts.'.length)] = t.value;
    });
    var shops = []; // the ticked shops, whose wording rules the check applies (issue 20)
    document.querySelectorAll('#entry-shops input[name="shops"]:checked').forEach(function (c) { shops.push(c.value); });
    postJson(preview.getAttribute('data-url'), {script: script.value, smsScript: sms ? sms.value : '',
      reviewScript: review ? review.value : '', toneScripts: toneScripts, shops: shops,
      locale: document.getElementById('locale').value,
      category: document.getElementById('category') ? document.getElementById('category').value : '',
      context: sampleContext(), acceptedFallbacks: accepted})
      .then(function (r) {
        if (r.status === 401 || r.status === 403) throw new Error('expired');
        if (!r.ok) throw new Error('failed');
        return r.json();
      })
      .then(function (data) {
        if (mine !== sequence) return;
        showProblems(data.problems);
        showNotes(data.notes || []);
        clearCells();
        if (data.problems.length) {
          say(preview.getAttribute('data-paused').replace('{0}', data.problems[0].text), 'paused');
        } else {
          say('');
        }
        data.cells.forEach(function (c) {
          var cell = grid.querySelector('.cell[data-tone="' + c.tone + '"][data-channel="' + c.channel + '"]');
          if (!cell) return;
          cell.classList.toggle('failed', Boolean(c.error));
          cell.querySelector('.text').textContent = c.error ? c.error : c.text;
          (c.warnings || []).forEach(function (w) {
            var li = document.createElement('li');
            li.setAttribute('data-warning', w);
            li.textContent = warningText(w);
            cell.querySelector('.warnings').appendChild(li);
          });
        });
        preview.setAttribute('data-rendered', String(Date.now()));
      })
      .catch(function (err) {
        if (mine !== sequence) return;
        var key = err.message === 'expired' ? 'data-expired' : err.message === 'failed' ? 'data-failed' : 'data-offline';
        say(preview.getAttribute(key), 'failed');
      });
  }

  script.addEventListener('input', schedulePreview);
  ['smsScript', 'reviewScript', 'locale'].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) el.addEventListener('input', schedulePreview);
  });
  document.getElementById('sample-ticket').addEventListener('input', schedulePreview);
  document.querySelectorAll('textarea.tone-script').forEach(function (t) { // issue 20: tone versions
    t.addEventListener('input', schedulePreview);
  });
  if (document.getElementById('entry-shops')) { // issue 20: the shops whose wording rules apply
    document.getElementById('entry-shops').addEventListener('change', schedulePreview);
  }
  // The stand-in words the entry accepts: a missing value reads as the word, or as a fill-in marker.
  document.querySelectorAll('input[name="acceptedFallbacks"]').forEach(function (box) {
    box.addEventListener('change', schedulePreview);
  });
  document.getElementById('sample-form').addEventListener('submit', function (ev) { ev.preventDefault(); });
  document.getElementById('sample-reset').addEventListener('click', function () {
    document.querySelectorAll('#sample-ticket input[data-var]').forEach(function (input) {
      input.value = input.getAttribute('data-sample');
    });
    runPreview();
  });
  document.getElementById('preview-refresh').addEventListener('click', runPreview);

  // Problems the server found when saving: marked, and the caret put on the first one.
  var found = problemsInPage();
  if (found.length) {
    showProblems(found);
    goTo(found[0].field, found[0].line, found[0].column);
  }
  runPreview();

  // ---- The key of a new entry, suggested from its problem until the editor types one. ----
  var keyUrl = form.getAttribute('data-suggest-key');
  var key = document.getElementById('key');
  if (keyUrl) {
    // The key is the editor's own once it differs from the last suggestion; a prefilled key (a translation's) is kept.
    var suggested = key.value ? null : '';
    var keyTimer = null;
    var suggest = function () {
      var problem = document.getElementById('problem').value.trim();
      if (!problem || key.value !== suggested) return;
      var url = keyUrl + '?problem=' + encodeURIComponent(problem) + '&locale=' + encodeURIComponent(document.getElementById('locale').value);
      fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
        if (d && d.key && key.value === suggested) {
          key.value = suggested = d.key;
          key.setAttribute('data-suggested', 'true');
        }
      }).catch(function () { /* the key stays as it is; the editor can type one */ });
    };
    var later = function () { clearTimeout(keyTimer); keyTimer = setTimeout(suggest, 350); };
    document.getElementById('problem').addEventListener('input', later);
    document.getElementById('locale').addEventListener('input', later);
    key.addEventListener('input', function () { key.removeAttribute('data-suggested'); });
    if (!key.value) later();
  }

  // ---- Unsaved changes: leaving the page asks first; saving does not. ----
  function snapshot() {
    var parts = [];
    new FormData(form).forEach(function (value, name) { if (name !== '_csrf') parts.push(name + '=' + value); });
    return parts.join('&');
  }
  // A page shown again after a refused save holds text that is not saved yet.
  var saved = document.getElementById('form-errors') || document.getElementById('conflict') ? null : snapshot();
  var submitting = false;
  form.addEventListener('submit', function () { submitting = true; });
  window.addEventListener('beforeunload', function (ev) {
    if (submitting || snapshot() === saved) return;
    ev.preventDefault();
    ev.returnValue = form.getAttribute('data-unsaved'); // browsers show their own words; this asks them to ask
    return ev.returnValue;
  });
})();
